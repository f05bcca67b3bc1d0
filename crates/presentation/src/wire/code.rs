//! The messages between the page and its code worker.
//!
//! The programs are written in a Web Worker of their own
//! (crates/code-worker), whose wasm is fetched only when someone opens the
//! Code panel: the generators, their comments in two languages and the
//! highlighter stay out of the page's first load. The page sends a
//! [`request`] (the scenario as a link, so it is read by the same code as
//! every link), the worker sends back an [`answer`], and the page
//! [`read_answer`]s it into coloured spans.
//!
//! Both are plain text. An answer is the request's number, the spans as
//! token letters and byte lengths, how to run the program, and the
//! program: `7\nk5 p1 s12 …\nRuns as it is…\nasync def …`.
//!
//! The worker also writes the files a finished run is saved as: a
//! [`save_request`] is answered with the request's number and the file;
//! and words what a link carried that could not be used: a
//! [`problems_request`] is answered with the request's number and a line
//! for each problem ([`problem_lines`]), so the page's first load carries
//! none of those words.

use std::rc::Rc;

use super::run;
use crate::code::highlight::{highlight, Token};
use crate::code::Language;
use crate::export::{self, Format};
use crate::i18n::link_problems::link_problem;
use model::lang::Lang;
use model::link::{self, Shared};
use model::recording::Recording;
use model::scenario::{Mode, RunChoice, Scale, Scenario};

/// What the worker says once it listens for requests.
pub const READY: &str = "ready";

/// The request for `scenario`'s program in `language`, run in `mode`,
/// printing in `lang`; [`numbered`] before it is sent.
pub fn request(language: Language, mode: Mode, lang: Lang, scenario: &Rc<Scenario>) -> String {
    let link = link::write(&Shared {
        scenario: scenario.clone(),
        mode: match mode {
            Mode::Sequential => RunChoice::Sequential,
            Mode::Concurrent => RunChoice::Concurrent,
        },
        scale: Scale::X1,
        lang: Some(lang),
        embed: false,
        guess: false,
        program: None,
    });
    format!("{}\n{link}", language.id())
}

/// A request as sent: `id` numbers it, so that the page keeps only the
/// answer to its latest one.
pub fn numbered(id: u32, request: &str) -> String {
    format!("{id}\n{request}")
}

/// The number of the request an answer answers.
pub fn answer_id(answer: &str) -> Option<u32> {
    answer.split('\n').next()?.parse().ok()
}

/// The request for the words of what the link `source` (as the page read
/// it, [`link::Read::source`]) carried that could not be used, in `lang`.
pub fn problems_request(lang: Lang, source: &str) -> String {
    format!("problems\n{}{source}", lang.tag())
}

/// The lines of an answer to a [`problems_request`].
pub fn problem_lines(answer: &str) -> impl Iterator<Item = &str> {
    answer.split('\n').filter(|line| !line.is_empty())
}

/// The worker's answer to `request`, or `None` if it is not a request.
pub fn answer(request: &str) -> Option<String> {
    let mut parts = request.splitn(3, '\n');
    let id: u32 = parts.next()?.parse().ok()?;
    let language = match parts.next()? {
        "python" => Language::Python,
        "rust" => Language::Rust,
        "export" => return Some(format!("{id}\n{}", saved_file(parts.next()?)?)),
        "problems" => {
            let rest = parts.next()?;
            let lang = Lang::from_tag(rest.get(..2)?);
            let lines: Vec<String> = link::read(rest.get(2..)?)
                .problems
                .iter()
                .map(|problem| link_problem(lang, problem).replace('\n', " "))
                .collect();
            return Some(format!("{id}\n{}", lines.join("\n")));
        }
        _ => return None,
    };
    let shared = link::read_unbounded(parts.next()?).shared;
    let mode = match shared.mode {
        RunChoice::Sequential => Mode::Sequential,
        RunChoice::Concurrent | RunChoice::Compare => Mode::Concurrent,
    };
    let lang = shared.lang.unwrap_or(Lang::En);
    let program = language.program(&shared.scenario, mode, lang);
    let spans: Vec<String> = highlight(&program, language)
        .iter()
        .map(|(token, text)| format!("{}{}", letter(*token), text.len()))
        .collect();
    Some(format!(
        "{id}\n{}\n{}\n{program}",
        spans.join(" "),
        language.help(lang)
    ))
}

/// An answer, read back.
#[derive(Debug, Default, PartialEq)]
pub struct Answer<'a> {
    /// The number of the request it answers.
    pub id: u32,
    /// How to run the program.
    pub help: &'a str,
    /// The program, as coloured spans.
    pub spans: Vec<(Token, &'a str)>,
}

/// An answer read back; `None` if `answer` is not one, or its spans do not
/// fit its program.
pub fn read_answer(answer: &str) -> Option<Answer<'_>> {
    let mut parts = answer.splitn(4, '\n');
    let id = parts.next()?.parse().ok()?;
    let lengths = parts.next()?;
    let help = parts.next()?;
    let program = parts.next()?;
    let mut spans = Vec::new();
    let mut at: usize = 0;
    for span in lengths.split(' ').filter(|span| !span.is_empty()) {
        let token = token(span.chars().next()?)?;
        let len: usize = span[1..].parse().ok()?;
        spans.push((token, program.get(at..at.checked_add(len)?)?));
        at += len;
    }
    (at == program.len()).then_some(Answer { id, help, spans })
}

/// The program alone, from an answer.
pub fn program(answer: &str) -> &str {
    answer.splitn(4, '\n').nth(3).unwrap_or_default()
}

/// The worker's request for `recordings`, run at `scale`, saved as
/// `format`, in `lang`; with the scenario's link.
pub fn save_request(
    format: Format,
    lang: Lang,
    scale: Scale,
    recordings: &[impl AsRef<Recording>],
) -> String {
    let link = export::runs_link(recordings, scale).unwrap_or_default();
    let mut request = format!("export\n{}\n{}\n{link}", format.extension(), lang.tag());
    for recording in recordings {
        request.push('\n');
        request.push_str(&run::encode(recording.as_ref()));
    }
    request
}

/// The file a [`save_request`] asks for (given without its `export` line), or
/// `None` if it is not one.
fn saved_file(request: &str) -> Option<String> {
    let mut lines = request.split('\n');
    let format = Format::ALL
        .into_iter()
        .find(|format| Some(format.extension()) == lines.clone().next())?;
    lines.next();
    let lang = Lang::from_tag(lines.next()?);
    let link = lines.next()?;
    let scenario = model::link::read_unbounded(link).shared.scenario;
    let recordings = lines
        .map(|line| run::decode(scenario.clone(), line))
        .collect::<Option<Vec<_>>>()?;
    Some(match format {
        Format::Svg | Format::Png => export::svg(&recordings, lang),
        Format::Json => export::json(&recordings, link),
        Format::Csv => export::csv(&recordings),
    })
}

const LETTERS: [(Token, char); 5] = [
    (Token::Keyword, 'k'),
    (Token::String, 's'),
    (Token::Comment, 'c'),
    (Token::Number, 'n'),
    (Token::Plain, 'p'),
];

fn letter(token: Token) -> char {
    LETTERS
        .iter()
        .find(|(t, _)| *t == token)
        .map_or('p', |(_, c)| *c)
}

fn token(letter: char) -> Option<Token> {
    LETTERS.iter().find(|(_, c)| *c == letter).map(|(t, _)| *t)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use model::presets::Preset;
    use model::scenario::{Step, Task};
    use std::time::Duration;

    #[test]
    fn the_worker_words_a_links_problems_as_the_page_would() {
        for (lang, source) in [
            (Lang::Ru, "tasks=abc&speed=9"),
            (Lang::En, "tasks=1&mode=fast&lang=ru"),
        ] {
            let problems = link::read(source).problems;
            assert!(!problems.is_empty());
            let answer = answer(&numbered(4, &problems_request(lang, source))).unwrap();
            let (id, words) = answer.split_once('\n').unwrap();
            assert_eq!(id, "4");
            let lines: Vec<&str> = problem_lines(words).collect();
            let expected: Vec<String> = problems
                .iter()
                .map(|problem| link_problem(lang, problem))
                .collect();
            assert_eq!(lines, expected);
        }
    }

    #[test]
    fn an_answer_carries_the_program_the_page_asked_for() {
        for preset in Preset::ALL {
            let scenario = Rc::new(preset.scenario());
            for language in Language::ALL {
                for mode in Mode::ALL {
                    let asked = numbered(41, &request(language, mode, Lang::Ru, &scenario));
                    let answer = answer(&asked).expect("a request");
                    assert_eq!(answer_id(&answer), Some(41));
                    let Answer { id, help, spans } = read_answer(&answer).expect("an answer");
                    assert_eq!(id, 41);
                    assert_eq!(help, language.help(Lang::Ru));
                    let expected = language.program(&scenario, mode, Lang::Ru);
                    assert_eq!(program(&answer), expected);
                    assert_eq!(spans, highlight(&expected, language));
                }
            }
        }
    }

    #[test]
    fn names_and_knobs_survive_the_trip() {
        let mut scenario = Preset::CpuOffloaded.scenario();
        scenario.tasks[0].name = r#"a "quoted" {name}, \ & 100% — ёж"#.into();
        scenario.limit = Some(2);
        scenario.timeout = Some(std::time::Duration::from_millis(1500));
        let scenario = Rc::new(scenario);
        let answer = answer(&numbered(
            1,
            &request(Language::Rust, Mode::Sequential, Lang::En, &scenario),
        ))
        .unwrap();
        assert_eq!(
            program(&answer),
            Language::Rust.program(&scenario, Mode::Sequential, Lang::En)
        );
    }

    #[test]
    fn a_scenario_too_big_for_a_link_still_gets_its_own_program() {
        let name = "ж".repeat(model::scenario::MAX_NAME_CHARS);
        // The n-th waits n ms, so that no two are written as one run of
        // equal tasks.
        let task = |ms| Task::named(&name, vec![Step::wait(Duration::from_millis(ms))]);
        let scenario = Rc::new(Scenario::of((1..=3000).map(task).collect()));
        let asked = request(Language::Python, Mode::Concurrent, Lang::En, &scenario);
        assert!(asked.len() > link::MAX_LINK_BYTES);
        let answer = answer(&numbered(2, &asked)).expect("an answer");
        assert_eq!(
            program(&answer),
            Language::Python.program(&scenario, Mode::Concurrent, Lang::En)
        );
    }

    #[test]
    fn anything_else_is_refused() {
        for text in ["", "x\npython\n", "1\ncobol\ntasks=1", "1"] {
            assert_eq!(answer(text), None, "{text:?}");
        }
        for text in [
            "",
            "1",
            "1\nk99\nhelp\nshort",
            "1\nz1\nhelp\nx",
            "1\np1 p1\nhelp\nx",
            "x\np1\nhelp\nx",
            "1\np1\nx",
        ] {
            assert_eq!(read_answer(text), None, "{text:?}");
        }
    }

    #[test]
    fn the_worker_writes_what_the_page_asks_for() {
        let recording = crate::export::tests::finished();
        let link = model::link::write(&model::link::Shared {
            scenario: recording.scenario.clone(),
            ..model::link::Shared::default()
        });
        let one = [Rc::new(recording.clone())];
        assert_eq!(
            export::runs_link(&one, Scale::X1).as_deref(),
            Some(link.as_str())
        );
        let both = [recording.clone(), recording.clone()];
        let asked = |format| {
            saved_file(
                save_request(format, Lang::En, Scale::X1, &one)
                    .strip_prefix("export\n")
                    .unwrap(),
            )
        };
        assert_eq!(asked(Format::Json), Some(export::json(&both[..1], &link)));
        assert_eq!(asked(Format::Csv), Some(export::csv(&both[..1])));
        assert_eq!(asked(Format::Png), Some(export::svg(&both[..1], Lang::En)));
        let two = [Rc::new(recording.clone()), Rc::new(recording)];
        assert!(export::runs_link(&two, Scale::X10)
            .unwrap()
            .ends_with("&mode=compare&scale=10"));
        let two = save_request(Format::Svg, Lang::Ru, Scale::X1, &two);
        assert_eq!(
            saved_file(two.strip_prefix("export\n").unwrap()),
            Some(export::svg(&both, Lang::Ru))
        );
        assert_eq!(saved_file("gif\nen\nv=1&tasks=1"), None);
        assert_eq!(
            saved_file("csv\nen\nv=1&tasks=1\nconcurrent s5@0"),
            None,
            "task 6 of 1"
        );
    }
}

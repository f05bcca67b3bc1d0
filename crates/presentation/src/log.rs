//! A run's log, in the words of the course's first example ("Начало
//! выполнения длительной операции № 1: …"), from one set of templates: the
//! page fills them with a run's facts ([`line`]), and the generated
//! programs print them ([`crate::code`] turns each into an f-string or a
//! `println!`), so a program's output and the page's log say the same.

use std::time::Duration;

use model::events::Outcome;
use model::lang::Lang;
use model::recording::LogLine;

use crate::i18n::numbers::{four_places, Form};

/// A line the log prints, with slots that each reader fills its own way:
/// `{label}` (the task's number and name), `{now}` (seconds since the
/// start), `{count}` (operations completed) and `{peak}` (the most chunks
/// held).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// A task started (`{label}`, `{now}`).
    Started,
    /// A task finished (`{label}`).
    Finished,
    /// A task's timeout cancelled it (`{label}`).
    TimedOut,
    /// A task was cancelled (`{label}`).
    Cancelled,
    /// How many completed (`{count}`), in the form the count takes.
    Completed(Form),
    /// The most chunks held at once (`{peak}`), in the form it takes.
    MostHeld(Form),
    /// The program's last line (`{now}`).
    Total,
}

impl Line {
    /// The line that says a task ended `outcome`'s way.
    pub fn ended(outcome: Outcome) -> Line {
        match outcome {
            Outcome::Done => Line::Finished,
            Outcome::TimedOut => Line::TimedOut,
            Outcome::Cancelled => Line::Cancelled,
        }
    }

    /// The line's words in `lang`, around its slots.
    pub fn template(self, lang: Lang) -> &'static str {
        let (en, ru) = match self {
            Line::Started => (
                "Start of long operation {label}: {now}",
                "Начало выполнения длительной операции {label}: {now}",
            ),
            Line::Finished => (
                "Long operation {label} finished",
                "Длительная операция {label} завершена",
            ),
            Line::TimedOut => (
                "Long operation {label} cancelled: timed out",
                "Длительная операция {label} отменена: истекло время ожидания",
            ),
            Line::Cancelled => (
                "Long operation {label} cancelled",
                "Длительная операция {label} отменена",
            ),
            Line::Completed(Form::One) => (
                "Completed {count} operation.",
                "Выполнена {count} операция.",
            ),
            Line::Completed(Form::Few) => (
                "Completed {count} operations.",
                "Выполнено {count} операции.",
            ),
            Line::Completed(Form::Many) => (
                "Completed {count} operations.",
                "Выполнено {count} операций.",
            ),
            Line::MostHeld(Form::One) => (
                "Most held in memory: {peak} chunk of 64 MB",
                "Больше всего в памяти: {peak} чанк по 64 МБ",
            ),
            Line::MostHeld(Form::Few) => (
                "Most held in memory: {peak} chunks of 64 MB",
                "Больше всего в памяти: {peak} чанка по 64 МБ",
            ),
            Line::MostHeld(Form::Many) => (
                "Most held in memory: {peak} chunks of 64 MB",
                "Больше всего в памяти: {peak} чанков по 64 МБ",
            ),
            Line::Total => ("Program finished in {now}", "Программа завершена за {now}"),
        };
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// The slots a [`Line`] may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// The task's number and name: `№ 3 (name)`, or `№ 3`.
    Label,
    /// Seconds since the start, to four places.
    Now,
    /// Operations completed.
    Count,
    /// The most chunks held at once.
    Peak,
}

/// Splits `template` into its text (`Ok`) and its slots (`Err`), in order.
pub fn pieces(template: &str) -> Vec<Result<&str, Slot>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let slot = match &rest[open + 1..open + close] {
            "label" => Slot::Label,
            "now" => Slot::Now,
            "count" => Slot::Count,
            "peak" => Slot::Peak,
            _ => break,
        };
        if open > 0 {
            pieces.push(Ok(&rest[..open]));
        }
        pieces.push(Err(slot));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Ok(rest));
    }
    pieces
}

/// How a task is called in the log: its number, and its name if it has one.
pub fn label(number: usize, name: &str) -> String {
    if name.is_empty() {
        format!("№ {number}")
    } else {
        format!("№ {number} ({name})")
    }
}

/// `line` in `lang`, as the page's log shows it and the programs print it.
pub fn line(lang: Lang, line: &LogLine<'_>) -> String {
    let (template, label, now, count) = match *line {
        LogLine::Started { number, name, at } => (Line::Started, label(number, name), at, 0),
        LogLine::Finished {
            number,
            name,
            outcome,
        } => (Line::ended(outcome), label(number, name), Duration::ZERO, 0),
        LogLine::Completed(n) => (
            Line::Completed(Form::of(lang, n)),
            String::new(),
            Duration::ZERO,
            n,
        ),
        LogLine::MostHeld(n) => (
            Line::MostHeld(Form::of(lang, n)),
            String::new(),
            Duration::ZERO,
            n,
        ),
        LogLine::Total(total) => (Line::Total, String::new(), total, 0),
    };
    pieces(template.template(lang))
        .into_iter()
        .map(|piece| match piece {
            Ok(text) => text.to_owned(),
            Err(Slot::Label) => label.clone(),
            Err(Slot::Now) => four_places(now),
            Err(Slot::Count | Slot::Peak) => count.to_string(),
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn each_line_says_what_the_course_prints() {
        let cases = [
            (
                LogLine::Started {
                    number: 1,
                    name: "",
                    at: ms(0),
                },
                "Start of long operation № 1: 0.0000",
                "Начало выполнения длительной операции № 1: 0.0000",
            ),
            (
                LogLine::Started {
                    number: 2,
                    name: "boil",
                    at: ms(1),
                },
                "Start of long operation № 2 (boil): 0.0010",
                "Начало выполнения длительной операции № 2 (boil): 0.0010",
            ),
            (
                LogLine::Finished {
                    number: 2,
                    name: "boil",
                    outcome: Outcome::Done,
                },
                "Long operation № 2 (boil) finished",
                "Длительная операция № 2 (boil) завершена",
            ),
            (
                LogLine::Finished {
                    number: 1,
                    name: "",
                    outcome: Outcome::TimedOut,
                },
                "Long operation № 1 cancelled: timed out",
                "Длительная операция № 1 отменена: истекло время ожидания",
            ),
            (
                LogLine::Finished {
                    number: 1,
                    name: "",
                    outcome: Outcome::Cancelled,
                },
                "Long operation № 1 cancelled",
                "Длительная операция № 1 отменена",
            ),
            (
                LogLine::Completed(1),
                "Completed 1 operation.",
                "Выполнена 1 операция.",
            ),
            (
                LogLine::Completed(3),
                "Completed 3 operations.",
                "Выполнено 3 операции.",
            ),
            (
                LogLine::Completed(11),
                "Completed 11 operations.",
                "Выполнено 11 операций.",
            ),
            (
                LogLine::MostHeld(22),
                "Most held in memory: 22 chunks of 64 MB",
                "Больше всего в памяти: 22 чанка по 64 МБ",
            ),
            (
                LogLine::Total(ms(1002)),
                "Program finished in 1.0020",
                "Программа завершена за 1.0020",
            ),
        ];
        for (entry, en, ru) in cases {
            assert_eq!(line(Lang::En, &entry), en);
            assert_eq!(line(Lang::Ru, &entry), ru);
        }
    }

    #[test]
    fn a_template_splits_into_its_words_and_slots() {
        assert_eq!(
            pieces("Start {label}: {now}"),
            vec![Ok("Start "), Err(Slot::Label), Ok(": "), Err(Slot::Now)]
        );
        assert_eq!(pieces("{count}"), vec![Err(Slot::Count)]);
    }

    #[test]
    fn every_line_has_only_known_slots() {
        let forms = [Form::One, Form::Few, Form::Many];
        let lines = [
            Line::Started,
            Line::Finished,
            Line::TimedOut,
            Line::Cancelled,
            Line::Total,
        ]
        .into_iter()
        .chain(forms.map(Line::Completed))
        .chain(forms.map(Line::MostHeld));
        for line in lines {
            for lang in Lang::ALL {
                let template = line.template(lang);
                let text: String = pieces(template)
                    .iter()
                    .map(|piece| piece.unwrap_or(""))
                    .collect();
                assert!(!text.contains(['{', '}']), "{template}");
            }
        }
    }
}

//! Reading a link: never fails. Whatever a value cannot say is replaced by
//! its default and reported as a [`Problem`], once each, so the page opens
//! with what could be read and says what could not.

use std::borrow::Cow;
use std::rc::Rc;

use percent_encoding::percent_decode_str;

use super::{Problem, Read, Shared, TaskProblem, ValueProblem, KEYS, MAX_LINK_BYTES, MAX_PROBLEMS};
use crate::lang::Lang;
use crate::scenario::{
    latin, parse_count, parse_duration, parse_task, RunChoice, Scale, Scenario, Task, MAX_TASKS,
};

/// The most characters of a bad value repeated back in a [`Problem`].
pub(super) const QUOTE_CHARS: usize = 40;

/// Reads a link: the part after `#` or `?` (a leading `#` or `?` is
/// skipped). Never fails; see [`Read::problems`].
pub fn read(link: &str) -> Read {
    let link = link.strip_prefix(['#', '?']).unwrap_or(link);
    if link.len() > MAX_LINK_BYTES {
        return Read {
            shared: Shared::default(),
            problems: vec![Problem::TooLong { bytes: link.len() }],
            source: Rc::from(link),
        };
    }
    read_unbounded(link)
}

/// Reads a link of any length, as [`read`] does within [`MAX_LINK_BYTES`]:
/// for the page's own scenario on its way to its code worker
/// (the presentation's `wire::code`), which the page already holds within every
/// other limit, and which a link to share may be too long to carry.
pub fn read_unbounded(link: &str) -> Read {
    let mut shared = Shared::default();
    let mut problems = Problems::default();
    let link = link.strip_prefix(['#', '?']).unwrap_or(link);

    // Each key's last value, by its place in KEYS: a repeated key is said
    // once and only its last value is read, so a link of a million
    // repeated keys (or of a thousand `tasks` of 100,000 tasks each) is
    // read in one pass, each value at most once.
    let mut last: [Option<&str>; KEYS.len()] = [None; KEYS.len()];
    let mut repeated = [false; KEYS.len()];
    for pair in link.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let Some(index) = KEYS.iter().position(|k| k.eq_ignore_ascii_case(key.trim())) else {
            problems.push(Problem::UnknownKey(quote_decoded(key)));
            continue;
        };
        if last[index].is_some() && !repeated[index] {
            repeated[index] = true;
            problems.push(Problem::Repeated(KEYS[index].into()));
        }
        last[index] = Some(value);
    }
    // Each value is read in the order `write` writes them.
    let (mut tasks_read, mut limit, mut timeout) = (None, None, None);
    for (key, value) in KEYS.into_iter().zip(last) {
        let Some(value) = value else { continue };
        if key == "tasks" {
            tasks_read = read_tasks(value, &mut problems);
            continue;
        }
        if key == "py" {
            // Kept as it is, and read by the Python panel alone
            // (program::decode), which says there if it cannot: the page
            // links no decompressor.
            shared.program = Some(Rc::from(value));
            continue;
        }
        // Every other value is a word or a number: read as an author may
        // type it, with spaces, in capitals, or encoded by the browser.
        let decoded = decode(value, &mut problems);
        let word = decoded.trim().to_ascii_lowercase();
        let word = word.as_str();
        let bad = |reason| Problem::BadValue {
            key,
            value: quote(&decoded),
            reason,
        };
        let one_of = |values| bad(ValueProblem::NotOneOf(values));
        match key {
            "v" => {
                if word != "1" {
                    problems.push(Problem::NewerVersion(quote(&decoded)));
                }
            }
            "limit" => match word {
                "none" | "" => limit = None,
                _ => match parse_count(word, 0) {
                    Ok(value) => limit = Some(value),
                    Err(error) => problems.push(bad(ValueProblem::Limit(error))),
                },
            },
            "timeout" => match word {
                "none" | "" => timeout = None,
                _ => match parse_duration(word) {
                    Ok(value) => timeout = Some(value),
                    Err(error) => problems.push(bad(ValueProblem::Timeout(error))),
                },
            },
            "mode" => match RunChoice::ALL.iter().find(|m| m.id() == word) {
                Some(&mode) => shared.mode = mode,
                None => problems.push(one_of(&["sequential", "concurrent", "compare"])),
            },
            "scale" => match Scale::ALL.iter().find(|s| s.factor().to_string() == word) {
                Some(&scale) => shared.scale = scale,
                None => problems.push(one_of(&["1", "10", "100"])),
            },
            "lang" => match Lang::ALL.iter().find(|l| l.tag() == word) {
                Some(&lang) => shared.lang = Some(lang),
                None => problems.push(one_of(&["ru", "en"])),
            },
            flag => match word {
                "1" | "0" if flag == "embed" => shared.embed = word == "1",
                "1" | "0" => shared.guess = word == "1",
                _ => problems.push(one_of(&["1", "0"])),
            },
        }
    }
    if tasks_read.is_some() || limit.is_some() || timeout.is_some() {
        let tasks = tasks_read.unwrap_or_else(|| shared.scenario.tasks.clone());
        shared.scenario = Rc::new(Scenario {
            tasks,
            limit,
            timeout,
        });
    }
    let problems = problems.into_list();
    Read {
        shared,
        source: Rc::from(if problems.is_empty() { "" } else { link }),
        problems,
    }
}

/// The problems met so far: each once, at most [`MAX_PROBLEMS`], and a
/// count of the rest. A hostile link may hold a million; keeping a dozen
/// makes each one cost the same.
#[derive(Default)]
struct Problems {
    list: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.list.contains(&problem) {
            return;
        }
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(problem);
        } else {
            self.more += 1;
        }
    }

    fn into_list(mut self) -> Vec<Problem> {
        if self.more > 0 {
            self.list.push(Problem::More(self.more));
        }
        self.list
    }
}

/// Reads the `tasks` value; `None` when no task could be read.
fn read_tasks(value: &str, problems: &mut Problems) -> Option<Vec<Task>> {
    let mut tasks = Vec::new();
    for (index, text) in value.split(',').enumerate() {
        let item = index + 1;
        match read_item(text, item, problems) {
            Ok((count, task)) => {
                let room = MAX_TASKS - tasks.len();
                if count > room {
                    problems.push(Problem::TooManyTasks);
                    tasks.extend(std::iter::repeat_n(task, room));
                    break;
                }
                tasks.extend(std::iter::repeat_n(task, count));
            }
            Err(reason) => problems.push(Problem::BadTask {
                item,
                text: quote_decoded(text),
                reason,
            }),
        }
    }
    if tasks.is_empty() {
        problems.push(Problem::NoTasks);
        return None;
    }
    Some(tasks)
}

/// Reads one `[name:][count x]steps` item.
fn read_item(
    text: &str,
    item: usize,
    problems: &mut Problems,
) -> Result<(usize, Task), TaskProblem> {
    if text.is_empty() {
        return Err(TaskProblem::Empty);
    }
    let (name, rest) = match text.rsplit_once(':') {
        Some((name, rest)) => {
            let name = decode(name, problems);
            (clean_name(&name, item, problems), rest)
        }
        None => (String::new(), text),
    };
    // What follows the name is read as an author types it: spaces (which
    // the browser encodes) around anything, and for "times" an x in either
    // case or alphabet, a ×, or a *.
    let rest = decode(rest, problems);
    let rest = rest.trim();
    if rest.is_empty() {
        return Err(TaskProblem::Empty);
    }
    let times = rest.find(|c| latin(c) == 'x' || c == '×' || c == '*');
    let (count, steps) = match times {
        Some(at) => {
            let (count, steps) = rest.split_at(at);
            let times = steps.chars().next().map_or(0, char::len_utf8);
            (read_count(count.trim())?, &steps[times..])
        }
        None => (1, rest),
    };
    let task = parse_task(steps).map_err(TaskProblem::Steps)?;
    Ok((count, Task { name, ..task }))
}

/// Reads the `count` of `count x seconds`: a whole number from 1. Digits
/// too many for a number mean more tasks than could ever fit.
fn read_count(count: &str) -> Result<usize, TaskProblem> {
    if count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
        return Err(TaskProblem::BadCount);
    }
    match count.parse::<usize>() {
        Ok(0) => Err(TaskProblem::BadCount),
        Ok(count) => Ok(count),
        Err(_) => Ok(usize::MAX),
    }
}

/// Percent-decodes `text`. Malformed escapes (kept as written) and bytes
/// that are not UTF-8 (replaced with U+FFFD) are reported.
fn decode<'a>(text: &'a str, problems: &mut Problems) -> Cow<'a, str> {
    let malformed = text.match_indices('%').any(|(at, _)| {
        let hex = text.as_bytes().get(at + 1..at + 3);
        !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    match percent_decode_str(text).decode_utf8() {
        Ok(decoded) if !malformed => decoded,
        Ok(decoded) => {
            problems.push(Problem::BadEncoding(quote(text)));
            decoded
        }
        Err(_) => {
            problems.push(Problem::BadEncoding(quote(text)));
            percent_decode_str(text).decode_utf8_lossy()
        }
    }
}

/// A name as the page keeps it (see [`crate::scenario::clean_name`]).
fn clean_name(name: &str, item: usize, problems: &mut Problems) -> String {
    let (clean, changes) = crate::scenario::clean_name(name);
    if changes.removed {
        problems.push(Problem::BadCharacters { item });
    }
    if changes.shortened {
        problems.push(Problem::LongName { item });
    }
    clean
}

/// A bad piece of a link, decoded as far as it goes, to repeat back.
fn quote_decoded(text: &str) -> String {
    quote(&decode(text, &mut Problems::default()))
}

/// A bad value as it is repeated back: printable and short.
fn quote(text: &str) -> String {
    let mut quoted: String = text
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .take(QUOTE_CHARS)
        .collect();
    if text.chars().count() > QUOTE_CHARS {
        quoted.push('…');
    }
    quoted
}

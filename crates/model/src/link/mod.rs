//! The scenario as a link, and back: what course authors write by hand and
//! learners share.
//!
//! ```text
//! #v=1&tasks=boil:3,2x1.5,30x1,1+c0.5+o2&limit=3&timeout=2&mode=compare&scale=10&lang=ru&embed=1
//! ```
//!
//! - `tasks`: items separated by `,`; an item is `[name:][count x]steps`.
//!   Names are percent-encoded (UTF-8); `30x1` is 30 tasks of 1 s. Steps
//!   are seconds joined by `+`: a plain number waits, `c` marks work on the
//!   CPU, `o` work offloaded to a worker (`1+c0.5+o2`); a leading `@t` makes
//!   the task arrive t seconds after the start (`@0.5+c0.05+0.5`).
//! - `limit`: at most this many tasks at once (`none` for no limit);
//!   `timeout`: seconds each task may run before it is cancelled (`none`).
//! - `mode`: `sequential`, `concurrent` or `compare`; `scale`: `1`, `10` or
//!   `100`; `lang`: `ru` or `en`; `embed`: `1` for the compact page;
//!   `guess`: `1` to ask the learner to guess each run's total first,
//!   keeping the page's prediction hidden until the run.
//! - `py`: a program for the Python panel, which opens with it
//!   ([`program`]: compact, versioned, written by the panel's "Copy link");
//!   kept as it came, and read by the panel.
//! - `v`: the format's version. Hand-written links may leave it out.
//!
//! Hand-written links are read as an author types them: spaces anywhere
//! (typed, or `%20` as the browser encodes them), "times" as `x`, `X`,
//! Cyrillic `х`, `×` or `*`, the step letters in either case or as their
//! Cyrillic look-alikes ([`crate::scenario::latin`]), and values in any
//! case (`lang=RU`). [`write()`] writes the one canonical form.
//!
//! [`read`] never fails: it keeps what it could read, uses a default for
//! the rest and lists every [`Problem`] so the page can say what it did.
//! [`write()`] always writes every parameter, so that a link keeps meaning
//! what it meant when it was written even if the page's defaults change;
//! links of version 1 will always be read as version 1.

pub mod program;
mod read;

use std::fmt::Write as _;
use std::rc::Rc;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use crate::lang::Lang;
use crate::presets::Preset;
pub use crate::scenario::MAX_NAME_CHARS;
use crate::scenario::{
    format_seconds, format_task, CountError, DurationError, RunChoice, Scale, Scenario, StepsError,
};
pub use read::{read, read_unbounded};

/// The version [`write()`] writes.
pub const VERSION: u32 = 1;

/// The longest link read, in bytes. Longer links are not read at all.
pub const MAX_LINK_BYTES: usize = 1 << 20;

/// The parameters a link may carry, in the order [`write()`] writes them.
const KEYS: [&str; 10] = [
    "v", "tasks", "limit", "timeout", "mode", "scale", "lang", "embed", "guess", "py",
];

/// The most problems a [`Read`] lists, each once: those after are counted
/// in one [`Problem::More`].
pub const MAX_PROBLEMS: usize = 12;

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The tasks (shared: a scenario may hold 100,000 of them).
    pub scenario: Rc<Scenario>,
    /// The run the link suggests.
    pub mode: RunChoice,
    /// The speed of runs.
    pub scale: Scale,
    /// The language, when the link sets one; otherwise the browser's.
    pub lang: Option<Lang>,
    /// Whether the page is embedded in another page.
    pub embed: bool,
    /// Whether the page asks for a guess before a run (predict first).
    pub guess: bool,
    /// A program for the Python panel, as the link holds it ([`program`]).
    pub program: Option<Rc<str>>,
}

impl Default for Shared {
    /// The page with no link: the course's first example, run all at once.
    fn default() -> Self {
        Self {
            scenario: Rc::new(Preset::CourseFirstExample.scenario()),
            mode: RunChoice::Concurrent,
            scale: Scale::X1,
            lang: None,
            embed: false,
            guess: false,
            program: None,
        }
    }
}

/// Something in a link that could not be used as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The link is longer than [`MAX_LINK_BYTES`]; nothing of it was read.
    TooLong {
        /// Its length in bytes.
        bytes: usize,
    },
    /// A parameter the page does not know; it was ignored.
    UnknownKey(String),
    /// A parameter given more than once; the last one was used.
    Repeated(String),
    /// A version newer than this page; the link was read as version 1.
    NewerVersion(String),
    /// A `%` not followed by two hexadecimal digits (kept as written), or
    /// encoded bytes that are not UTF-8 (each replaced with U+FFFD).
    BadEncoding(String),
    /// A task item that could not be read; it was left out.
    BadTask {
        /// Its position among the items, from 1.
        item: usize,
        /// The item as written (shortened).
        text: String,
        /// What is wrong with it.
        reason: TaskProblem,
    },
    /// More than [`MAX_TASKS`] tasks; the first ones were kept.
    TooManyTasks,
    /// No task could be read; the course's first example is shown.
    NoTasks,
    /// A name had characters no name may hold ([`crate::scenario::name_char`]);
    /// they were removed.
    BadCharacters {
        /// The item, from 1.
        item: usize,
    },
    /// A name longer than [`MAX_NAME_CHARS`]; it was shortened.
    LongName {
        /// The item, from 1.
        item: usize,
    },
    /// This many more problems than [`MAX_PROBLEMS`], not listed. Always
    /// the last.
    More(usize),
    /// A value the parameter does not take; the default was used.
    BadValue {
        /// The parameter.
        key: &'static str,
        /// The value as written (shortened).
        value: String,
        /// What is wrong with it.
        reason: ValueProblem,
    },
}

/// Why a parameter's value could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueProblem {
    /// The limit is not a whole number from 1 to [`MAX_TASKS`].
    Limit(CountError),
    /// The timeout is not a valid duration.
    Timeout(DurationError),
    /// Not one of the values the parameter takes, which are listed.
    NotOneOf(&'static [&'static str]),
}

/// Why a task item could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskProblem {
    /// The item is empty.
    Empty,
    /// The count before `x` is not a whole number from 1.
    BadCount,
    /// The steps are not valid.
    Steps(StepsError),
}

/// What [`read`] made of a link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    /// The state to open: what could be read, defaults for the rest.
    pub shared: Shared,
    /// What could not be used as written: unknown and repeated keys as met,
    /// then each value's problems in the order [`write()`] writes the keys;
    /// each problem once, at most [`MAX_PROBLEMS`], then how many more
    /// ([`Problem::More`]).
    pub problems: Vec<Problem>,
    /// The link as it was read, when it had problems (empty otherwise):
    /// whoever words them reads it again and meets the same ones (the
    /// page's code worker does, so the page carries none of their words).
    pub source: Rc<str>,
}

/// What a name in a link is written with percent-encoded: what a URL's
/// fragment may not hold as it is (controls, space, `"`, `<`, `>`, `` ` ``;
/// the browser would encode them itself) and what the link's own syntax
/// uses (`#`, `%`, `&`, `,`, `:`, `=`). Everything else ASCII is written as
/// it is, so a link stays as short as it can be (a `(` is one byte, not
/// three); letters beyond ASCII are encoded as UTF-8, as a URL needs.
const NAME_SET: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'#')
    .add(b'%')
    .add(b'&')
    .add(b',')
    .add(b':')
    .add(b'=');

/// Writes the link for `shared`, without the leading `#`.
pub fn write(shared: &Shared) -> String {
    let mut link = format!("v={VERSION}&tasks=");
    for (index, (task, run)) in shared.scenario.runs().enumerate() {
        if index > 0 {
            link.push(',');
        }
        if !task.name.is_empty() {
            let _ = write!(link, "{}:", utf8_percent_encode(&task.name, NAME_SET));
        }
        if run > 1 {
            let _ = write!(link, "{run}x");
        }
        link.push_str(&format_task(task));
    }
    let limit = shared
        .scenario
        .limit
        .map_or("none".into(), |l| l.to_string());
    let timeout = shared
        .scenario
        .timeout
        .map_or("none".into(), format_seconds);
    let _ = write!(link, "&limit={limit}&timeout={timeout}");
    let mode = shared.mode.id();
    let _ = write!(link, "&mode={mode}&scale={}", shared.scale.factor());
    if let Some(lang) = shared.lang {
        let _ = write!(link, "&lang={}", lang.tag());
    }
    if shared.embed {
        link.push_str("&embed=1");
    }
    if shared.guess {
        link.push_str("&guess=1");
    }
    if let Some(program) = &shared.program {
        let _ = write!(link, "&py={program}");
    }
    link
}

/// The same link for the full page: what "Open in the playground" opens
/// from the compact, embedded one.
pub fn without_embed(link: &str) -> String {
    let shared = read(link).shared;
    write(&Shared {
        embed: false,
        ..shared
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

//! The scenario as a program a learner can run at home, in Python's asyncio
//! ([`python`]) or in Rust with tokio ([`rust`]), in the style of the
//! course's first example, with [`highlight`] to colour it on the page.
//!
//! Both programs print the same lines as the page's log and its total (the
//! templates of [`crate::log`]), so
//! their output can be set beside a run. A `SCALE` constant at their top
//! multiplies every duration (tests run them ten times faster), and the
//! times they print are divided by it, so they stay in scenario seconds.
//! tests/asyncio.rs and tests/tokio.rs run them and check them against the
//! simulator.
//!
//! The two generators share their comments and log lines (this module), so
//! the programs explain a scenario in the same words.

pub mod highlight;
mod python;
mod rust;

pub use python::{python, python_at};
pub use rust::{rust, TOKIO_DEPENDENCY};

use crate::i18n::numbers::Form;
use crate::log::Line;
use model::lang::Lang;
use model::scenario::{Mode, Scenario};

/// The languages the page shows a scenario in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Language {
    /// Python's asyncio, the course's own language.
    Python,
    /// Rust with tokio, the desktop equivalent of the page's futures.
    Rust,
}

impl Language {
    /// Both, in the order the page's tabs list them.
    pub const ALL: [Language; 2] = [Language::Python, Language::Rust];

    /// A stable name for tabs, styles and tests.
    pub fn id(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Rust => "rust",
        }
    }

    /// How to run its program, said under the tabs in `lang`. Kept here,
    /// with the programs, in the code worker: not in the page's first load.
    pub fn help(self, lang: Lang) -> &'static str {
        let (en, ru) = match self {
            Language::Python => (
                "Runs as it is with Python 3.11 or later: save it as tasks.py and run python3 tasks.py. \
                 It prints the same lines as the log above; SCALE at its top makes it faster.",
                "Запускается как есть в Python 3.11 и новее: сохраните как tasks.py и выполните python3 tasks.py. \
                 Печатает те же строки, что и вывод выше; SCALE в начале ускоряет программу.",
            ),
            Language::Rust => (
                "The desktop equivalent of the page's futures: tokio's single-threaded runtime in place of the browser's event loop. \
                 Put it in src/main.rs of a new Cargo project (Rust 1.82 or later), add the tokio line from its top to Cargo.toml, and run cargo run.",
                "То же, что футуры на странице, но для компьютера: однопоточная среда tokio вместо цикла событий браузера. \
                 Вставьте в src/main.rs нового проекта Cargo (Rust 1.82 и новее), добавьте строку tokio из начала программы в Cargo.toml и выполните cargo run.",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }

    /// The program that runs `scenario` in `mode`, printing its log in
    /// `lang`.
    pub fn program(self, scenario: &Scenario, mode: Mode, lang: Lang) -> String {
        match self {
            Language::Python => python(scenario, mode, lang),
            Language::Rust => rust(scenario, mode, lang),
        }
    }
}

/// A comment both programs make, in the learner's language.
#[derive(Clone, Copy)]
enum Note {
    Scale,
    Limit,
    Timeout,
    Arrival,
    Work,
    Waits,
    Received,
    Written,
    Blocked,
    Offloaded,
    NotArrived,
    Held,
    Cancel,
}

impl Note {
    fn get(self, lang: Lang) -> &'static str {
        let (en, ru) = match self {
            Note::Scale => (
                "every duration is multiplied by SCALE: 0.1 runs ten times faster",
                "каждая длительность умножается на SCALE: при 0.1 всё идёт в 10 раз быстрее",
            ),
            Note::Limit => ("at most LIMIT tasks at once", "не больше LIMIT задач одновременно"),
            Note::Timeout => (
                "a task is cancelled after this many seconds",
                "через столько секунд задача отменяется",
            ),
            Note::Arrival => (
                "arrival: how many seconds after the start the task arrives (a request reaches the server).",
                "arrival — через сколько секунд после старта задача поступает (запрос приходит на сервер).",
            ),
            Note::Work => (
                "Stands in for computing: it holds its thread for `seconds`, as CPU-bound code would.",
                "Вместо вычислений: занимает свой поток на seconds секунд, как занял бы код, нагружающий процессор.",
            ),
            Note::Waits => ("others run while this one waits", "пока ждём, работают другие задачи"),
            Note::Received => (
                "a chunk arrived and is held in memory",
                "чанк пришёл и лежит в памяти",
            ),
            Note::Written => ("a chunk is written and let go", "чанк записан, память освобождена"),
            Note::Blocked => (
                "the event loop is blocked: everyone waits",
                "цикл событий стоит: все ждут",
            ),
            Note::Offloaded => (
                "work in another thread, the loop runs on",
                "работа в другом потоке, цикл свободен",
            ),
            Note::NotArrived => ("the task has not arrived yet", "задача ещё не поступила"),
            Note::Held => (
                "chunks in memory now, and the most at once",
                "чанков в памяти сейчас и больше всего сразу",
            ),
            Note::Cancel => (
                "cancel: how many seconds after it is created the task is cancelled (task.cancel()); None: never.",
                "cancel — через сколько секунд после создания задача отменяется (task.cancel()); None — никогда.",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// A line whose words agree with a number the program counts as it runs:
/// one template for each [`Form`] the language has, the log's own.
#[derive(Clone, Copy)]
enum Counted {
    /// How many operations completed (`{count}`).
    Completed,
    /// The most chunks held at once (`{peak}`).
    MostHeld,
}

impl Counted {
    /// A template per form, in the order of [`Form::all`].
    fn templates(self, lang: Lang) -> impl Iterator<Item = &'static str> {
        Form::all(lang).iter().map(move |&form| match self {
            Counted::Completed => Line::Completed(form).template(lang),
            Counted::MostHeld => Line::MostHeld(form).template(lang),
        })
    }
}

/// What the programs' `form` function says it does.
fn form_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Какая форма слова нужна после числа n: 0 — «1 операция», 1 — «3 операции», 2 — «5 операций».",
        Lang::En => "Which form a word takes after the number n: 0 for “1 operation”, 1 for “5 operations”.",
    }
}

/// Writes `text` as comment lines of at most 80 characters, each starting
/// with `indent` and `marker`.
fn comment(code: &mut String, indent: &str, marker: &str, text: &str) {
    const WIDTH: usize = 80;
    let mut line = String::new();
    for word in text.split(' ') {
        let width = indent.chars().count() + marker.chars().count() + line.chars().count();
        if !line.is_empty() && width + 1 + word.chars().count() > WIDTH {
            code.push_str(&format!("{indent}{marker}{line}\n"));
            line.clear();
        }
        line.push(' ');
        line.push_str(word);
    }
    code.push_str(&format!("{indent}{marker}{line}\n"));
}

/// `text` in double quotes, with `\` and `"` escaped and control characters
/// written by `control` (each language spells them its own way).
fn quoted(text: &str, control: impl Fn(u32) -> String) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for c in text.chars() {
        match c {
            '\\' => literal.push_str("\\\\"),
            '"' => literal.push_str("\\\""),
            c if c.is_control() => literal.push_str(&control(u32::from(c))),
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn comments_wrap_at_80_characters() {
        let mut code = String::new();
        comment(&mut code, "    ", "#", Note::Work.get(Lang::En));
        assert_eq!(
            code,
            "    # Stands in for computing: it holds its thread for `seconds`, as CPU-bound\n    # code would.\n"
        );
        for lang in [Lang::En, Lang::Ru] {
            let mut code = String::new();
            comment(&mut code, "        ", "//", Note::Arrival.get(lang));
            assert!(
                code.lines().all(|line| line.chars().count() <= 80),
                "{code}"
            );
        }
    }
}

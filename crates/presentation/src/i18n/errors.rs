//! What the page says where a value cannot be read, or a run cannot go on.

use model::events::Failure;
use model::lang::Lang;
use model::scenario::{
    CountError, DurationError, NameChanges, StepsError, MAX_NAME_CHARS, MAX_STEPS,
};

/// The message shown next to a duration field.
pub fn duration_error(lang: Lang, error: DurationError) -> &'static str {
    let (en, ru) = match error {
        DurationError::Empty => (
            "Enter a duration in seconds.",
            "Введите длительность в секундах.",
        ),
        DurationError::NotANumber => (
            "Not a number: write seconds like 1 or 0.5.",
            "Это не число: укажите секунды, например 1 или 0,5.",
        ),
        DurationError::NotPositive => (
            "The duration must be more than zero.",
            "Длительность должна быть больше нуля.",
        ),
        DurationError::TooShort => (
            "The shortest duration is 0.001 s.",
            "Самая короткая длительность — 0,001 с.",
        ),
        DurationError::TooLong => (
            "The longest duration is one hour (3600 s).",
            "Самая большая длительность — один час (3600 с).",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// The message shown next to a task's steps.
pub fn steps_error(lang: Lang, error: StepsError) -> String {
    match (lang, error) {
        (Lang::En, StepsError::Empty) => {
            "Enter the task's steps: seconds joined by +, like 1+c0.5+o2.".to_owned()
        }
        (Lang::Ru, StepsError::Empty) => {
            "Укажите шаги задачи: секунды через +, например 1+c0,5+o2.".to_owned()
        }
        (Lang::En, StepsError::TooMany) => format!("A task has at most {MAX_STEPS} steps."),
        (Lang::Ru, StepsError::TooMany) => {
            format!("В задаче может быть не больше {MAX_STEPS} шагов.")
        }
        (Lang::En, StepsError::Arrival(reason)) => {
            format!("The arrival after @ — {}", duration_error(lang, reason))
        }
        (Lang::Ru, StepsError::Arrival(reason)) => {
            format!("Время прибытия после @ — {}", duration_error(lang, reason))
        }
        (Lang::En, StepsError::NothingAfterArrival) => {
            "After the arrival (@0.5+…) come the task's steps.".to_owned()
        }
        (Lang::Ru, StepsError::NothingAfterArrival) => {
            "После времени прибытия (@0.5+…) укажите шаги задачи.".to_owned()
        }
        (Lang::En, StepsError::Cancel(reason)) => {
            format!("The cancel after ! — {}", duration_error(lang, reason))
        }
        (Lang::Ru, StepsError::Cancel(reason)) => {
            format!("Время отмены после ! — {}", duration_error(lang, reason))
        }
        (Lang::En, StepsError::NothingBeforeCancel) => {
            "Before the cancel (…+!1.5) come the task's steps.".to_owned()
        }
        (Lang::Ru, StepsError::NothingBeforeCancel) => {
            "Перед временем отмены (…+!1,5) укажите шаги задачи.".to_owned()
        }
        (Lang::En, StepsError::CancelNotLast) => {
            "The cancel (!1.5) comes last, after the steps.".to_owned()
        }
        (Lang::Ru, StepsError::CancelNotLast) => {
            "Отмена (!1,5) пишется последней, после шагов.".to_owned()
        }
        // A dash, not a colon: the message after it is a sentence of its own.
        (Lang::En, StepsError::Step { index, reason }) => {
            format!("Step {} — {}", index + 1, duration_error(lang, reason))
        }
        (Lang::Ru, StepsError::Step { index, reason }) => {
            format!("Шаг {} — {}", index + 1, duration_error(lang, reason))
        }
    }
}

/// The message shown next to the task count field.
pub fn count_error(lang: Lang, error: CountError) -> &'static str {
    let (en, ru) = match error {
        CountError::Empty => (
            "Enter how many tasks to add.",
            "Укажите, сколько задач добавить.",
        ),
        CountError::NotAWholeNumber => (
            "Enter a whole number, like 30.",
            "Укажите целое число, например 30.",
        ),
        CountError::BelowOne => (
            "Add at least one task: a whole number from 1.",
            "Добавьте хотя бы одну задачу: целое число от 1.",
        ),
        CountError::TooMany => (
            "A scenario holds at most 100,000 tasks.",
            "В сценарии может быть не больше 100 000 задач.",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// The message shown next to the concurrency limit.
pub fn limit_error(lang: Lang, error: CountError) -> &'static str {
    let (en, ru) = match error {
        CountError::Empty | CountError::NotAWholeNumber => (
            "Enter a whole number, like 3, or leave it empty for no limit.",
            "Укажите целое число, например 3, или оставьте пустым — без ограничения.",
        ),
        CountError::BelowOne => (
            "The limit is a whole number of at least 1, or empty for no limit.",
            "Ограничение — целое число не меньше 1 или пусто, если ограничения нет.",
        ),
        CountError::TooMany => (
            "The limit can be at most 100,000.",
            "Ограничение может быть не больше 100 000.",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// Why a run stopped by itself, next to the run buttons.
pub fn failure(lang: Lang, failure: Failure) -> &'static str {
    match (lang, failure) {
        (Lang::Ru, Failure::NoWorkers) => {
            "Запуск остановлен: шагам o нужен Web Worker, а его не удалось запустить \
             (политика сайта запрещает воркеры, worker-src?). Уберите шаги o."
        }
        (Lang::En, Failure::NoWorkers) => {
            "The run stopped: offloaded steps (o) need a Web Worker, and none could start \
             (does the site's policy forbid workers, worker-src?). Remove the o steps."
        }
    }
}

/// Under a name field, what the rules for names changed in what was
/// typed; `None` when nothing.
pub fn name_changes(lang: Lang, changes: NameChanges) -> Option<String> {
    let removed = match lang {
        Lang::Ru => "Табуляция, переводы строк и знаки направления текста убраны.",
        Lang::En => "Tabs, line breaks and text-direction marks were taken out.",
    };
    let shortened = match lang {
        Lang::Ru => format!("Название — не больше {MAX_NAME_CHARS} символов."),
        Lang::En => format!("A name holds at most {MAX_NAME_CHARS} characters."),
    };
    match (changes.removed, changes.shortened) {
        (false, false) => None,
        (true, false) => Some(removed.to_owned()),
        (false, true) => Some(shortened),
        (true, true) => Some(format!("{removed} {shortened}")),
    }
}

/// The text of the banner shown when the page has failed.
pub fn crash_banner(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ru => (
            "Что-то пошло не так, и страница остановилась. Перезагрузите её, чтобы начать заново.",
            "Перезагрузить",
        ),
        Lang::En => (
            "Something went wrong and the page stopped. Reload it to start again.",
            "Reload",
        ),
    }
}

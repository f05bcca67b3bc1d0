//! What the page says about something in a link it could not use, and
//! what it used instead.

use model::lang::Lang;
use model::link::{Problem, TaskProblem, ValueProblem, MAX_NAME_CHARS};
use model::scenario::MAX_TASKS;

use super::errors::{duration_error, limit_error, steps_error};
use super::numbers::group_digits;

/// What the page says about something in a link it could not use, and
/// what it used instead.
pub fn link_problem(lang: Lang, problem: &Problem) -> String {
    let ru = lang == Lang::Ru;
    match problem {
        Problem::TooLong { bytes } => {
            let bytes = group_digits(lang, *bytes);
            if ru {
                format!("Ссылка слишком длинная ({bytes} байт, а можно не больше 1 МБ), и она не прочитана: показан первый пример курса.")
            } else {
                format!("The link is too long ({bytes} bytes; at most 1 MB), so none of it was read: showing the course's first example.")
            }
        }
        Problem::UnknownKey(key) if ru => format!("Неизвестный параметр «{key}» пропущен."),
        Problem::UnknownKey(key) => format!("The unknown parameter “{key}” was ignored."),
        Problem::Repeated(key) if ru => {
            format!("Параметр «{key}» указан несколько раз; использовано последнее значение.")
        }
        Problem::Repeated(key) => {
            format!("“{key}” is given more than once; the last one is used.")
        }
        Problem::NewerVersion(version) if ru => format!(
            "Версия ссылки «{version}» этой странице неизвестна; ссылка прочитана как версия 1."
        ),
        Problem::NewerVersion(version) => format!(
            "This page does not know link version “{version}”; the link was read as version 1."
        ),
        Problem::BadEncoding(text) if ru => format!(
            "«{text}» закодировано неверно: испорченные %-последовательности оставлены как есть, байты не из UTF-8 показаны как �."
        ),
        Problem::BadEncoding(text) => format!(
            "“{text}” is not encoded right: broken %-escapes were kept as written, bytes that are not UTF-8 are shown as �."
        ),
        Problem::BadTask { item, text, reason } => {
            let reason = match reason {
                TaskProblem::Empty if ru => "Пустой элемент.",
                TaskProblem::Empty => "The item is empty.",
                TaskProblem::BadCount if ru => "Число перед x должно быть целым, от 1.",
                TaskProblem::BadCount => "The count before x must be a whole number from 1.",
                TaskProblem::Steps(error) => &steps_error(lang, *error),
            };
            if ru {
                format!("Задача {item} «{text}» пропущена. {reason}")
            } else {
                format!("Task item {item} “{text}” was left out. {reason}")
            }
        }
        Problem::TooManyTasks => {
            let limit = group_digits(lang, MAX_TASKS);
            if ru {
                format!("В ссылке больше {limit} задач; взяты первые {limit}.")
            } else {
                format!("The link has more than {limit} tasks; the first {limit} are used.")
            }
        }
        Problem::NoTasks if ru => {
            "Ни одну задачу из ссылки прочитать не удалось: показан первый пример курса.".to_owned()
        }
        Problem::NoTasks => {
            "No task in the link could be read: showing the course's first example.".to_owned()
        }
        Problem::More(count) if ru => format!("…и ещё {}.", group_digits(lang, *count)),
        Problem::More(count) => format!("…and {} more.", group_digits(lang, *count)),
        Problem::BadCharacters { item } if ru => {
            format!("Из названия задачи {item} убраны управляющие знаки и знаки направления текста.")
        }
        Problem::BadCharacters { item } => {
            format!("Control and text-direction characters were removed from the name of task item {item}.")
        }
        Problem::LongName { item } if ru => {
            format!("Название задачи {item} сокращено до {MAX_NAME_CHARS} символов.")
        }
        Problem::LongName { item } => {
            format!("The name of task item {item} was shortened to {MAX_NAME_CHARS} characters.")
        }
        Problem::BadValue { key, value, reason } => match (reason, ru) {
            (ValueProblem::Limit(error), true) => format!(
                "«{value}» не подходит для limit. {} Использовано: без ограничения.",
                limit_error(lang, *error)
            ),
            (ValueProblem::Limit(error), false) => format!(
                "“{value}” is not a valid limit. {} No limit is used.",
                limit_error(lang, *error)
            ),
            (ValueProblem::Timeout(error), true) => format!(
                "«{value}» не подходит для timeout. {} Использовано: без тайм-аута.",
                duration_error(lang, *error)
            ),
            (ValueProblem::Timeout(error), false) => format!(
                "“{value}” is not a valid timeout. {} No timeout is used.",
                duration_error(lang, *error)
            ),
            (ValueProblem::NotOneOf(values), true) => format!(
                "«{value}» — недопустимое значение {key} (можно: {}); использовано значение по умолчанию.",
                values.join(", ")
            ),
            (ValueProblem::NotOneOf(values), false) => format!(
                "“{value}” is not a valid {key} (one of {}); the default is used.",
                values.join(", ")
            ),
        },
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use model::scenario::{DurationError, StepsError};

    #[test]
    fn link_problems_say_what_was_used_instead() {
        let text = link_problem(Lang::En, &Problem::NoTasks);
        assert!(
            text.contains("showing the course's first example"),
            "{text}"
        );
        let text = link_problem(
            Lang::Ru,
            &Problem::BadTask {
                item: 2,
                text: "abc".into(),
                reason: TaskProblem::Steps(StepsError::Step {
                    index: 0,
                    reason: DurationError::NotANumber,
                }),
            },
        );
        assert_eq!(
            text,
            "Задача 2 «abc» пропущена. Шаг 1 — Это не число: укажите секунды, например 1 или 0,5."
        );
        let text = link_problem(Lang::En, &Problem::TooManyTasks);
        assert_eq!(
            text,
            "The link has more than 100,000 tasks; the first 100,000 are used."
        );
    }
}

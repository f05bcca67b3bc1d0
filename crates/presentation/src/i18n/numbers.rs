//! Numbers as each language writes them: durations to a fixed number of
//! places, digits in groups, and the form a noun takes after a count.

use std::time::Duration;

use model::fixed::Seconds;
use model::lang::Lang;

/// Seconds with four decimals, as the course's program prints them.
pub fn four_places(at: Duration) -> String {
    Seconds(at, 4).to_string()
}

/// Seconds with three decimals, for totals.
pub fn seconds_3(duration: Duration) -> String {
    Seconds(duration, 3).to_string()
}

/// A total as the totals table shows it: [`seconds_3`] up to 10,000 s;
/// beyond, whole seconds with their digits grouped (`11 520 000 000`, a
/// scenario of 365 years): milliseconds mean nothing there, and a row of
/// eleven digits is hard to read.
pub fn total_seconds(lang: Lang, duration: Duration) -> String {
    match duration.as_secs() {
        whole @ 10_000.. => group_digits(lang, whole as usize),
        _ => seconds_3(duration),
    }
}

/// The form a noun takes after a number: Russian has three (1 операция,
/// 3 операции, 5 операций), English two (1 operation, 5 operations; its
/// [`Form::Few`] is never used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// After 1, 21, 101… in Russian; after 1 in English.
    One,
    /// After 2–4, 22–24… in Russian (but 12–14).
    Few,
    /// Every other number.
    Many,
}

impl Form {
    /// The forms `lang` has, in the order programs list them.
    pub fn all(lang: Lang) -> &'static [Form] {
        match lang {
            Lang::Ru => &[Form::One, Form::Few, Form::Many],
            Lang::En => &[Form::One, Form::Many],
        }
    }

    /// The form a noun takes after `n` in `lang`.
    pub fn of(lang: Lang, n: usize) -> Form {
        match lang {
            Lang::Ru => match (n % 10, n % 100) {
                (1, rest) if rest != 11 => Form::One,
                (2..=4, rest) if !(12..=14).contains(&rest) => Form::Few,
                _ => Form::Many,
            },
            Lang::En if n == 1 => Form::One,
            Lang::En => Form::Many,
        }
    }
}

/// A whole number with its digits grouped as the language writes them:
/// `100,000` in English, `100 000` in Russian (with a no-break space).
pub fn group_digits(lang: Lang, n: usize) -> String {
    let separator = match lang {
        Lang::Ru => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// "30 tasks" in the language's own grammar.
pub fn task_count(lang: Lang, n: usize) -> String {
    let count = group_digits(lang, n);
    match (lang, Form::of(lang, n)) {
        (Lang::Ru, Form::One) => format!("{count} задача"),
        (Lang::Ru, Form::Few) => format!("{count} задачи"),
        (Lang::Ru, Form::Many) => format!("{count} задач"),
        (Lang::En, Form::One) => format!("{count} task"),
        (Lang::En, _) => format!("{count} tasks"),
    }
}

/// The range of tasks a page of the editor shows: "Tasks 101–150 of 1,000",
/// its numbers grouped as [`task_count`] groups them.
pub fn page_range(lang: Lang, first: usize, last: usize, total: usize) -> String {
    let (first, last, total) = (
        group_digits(lang, first),
        group_digits(lang, last),
        group_digits(lang, total),
    );
    match lang {
        Lang::Ru => format!("Задачи {first}–{last} из {total}"),
        Lang::En => format!("Tasks {first}–{last} of {total}"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::summaries::log_hidden;
    use crate::log;
    use model::recording::LogLine;

    fn log_completed(lang: Lang, n: usize) -> String {
        log::line(lang, &LogLine::Completed(n))
    }

    fn log_most_held(lang: Lang, n: usize) -> String {
        log::line(lang, &LogLine::MostHeld(n))
    }

    #[test]
    fn long_totals_are_whole_seconds_in_groups() {
        let en = |d| total_seconds(Lang::En, d);
        assert_eq!(en(Duration::from_millis(1_001)), "1.001");
        assert_eq!(en(Duration::from_millis(9_999_999)), "9999.999");
        assert_eq!(en(Duration::from_secs(10_000)), "10,000");
        // 365 years (of 365.3 days).
        assert_eq!(en(Duration::from_secs(11_520_000_000)), "11,520,000,000");
        assert_eq!(
            total_seconds(Lang::Ru, Duration::from_secs(11_520_000_000)),
            "11\u{a0}520\u{a0}000\u{a0}000"
        );
    }

    #[test]
    fn russian_numbers_agree_with_their_noun() {
        assert_eq!(log_completed(Lang::Ru, 1), "Выполнена 1 операция.");
        assert_eq!(log_completed(Lang::Ru, 3), "Выполнено 3 операции.");
        assert_eq!(log_completed(Lang::Ru, 11), "Выполнено 11 операций.");
        assert_eq!(log_completed(Lang::Ru, 21), "Выполнена 21 операция.");
        assert_eq!(log_completed(Lang::Ru, 112), "Выполнено 112 операций.");
        assert_eq!(task_count(Lang::Ru, 30), "30 задач");
        assert_eq!(task_count(Lang::Ru, 2), "2 задачи");
        assert_eq!(task_count(Lang::En, 1), "1 task");
        for (n, chunks) in [
            (1, "чанк"),
            (3, "чанка"),
            (4, "чанка"),
            (5, "чанков"),
            (11, "чанков"),
            (21, "чанк"),
            (22, "чанка"),
            (112, "чанков"),
        ] {
            assert_eq!(
                log_most_held(Lang::Ru, n),
                format!("Больше всего в памяти: {n} {chunks} по 64 МБ")
            );
        }
        assert_eq!(
            log_most_held(Lang::En, 1),
            "Most held in memory: 1 chunk of 64 MB"
        );
        assert_eq!(log_completed(Lang::En, 1), "Completed 1 operation.");
        assert_eq!(log_completed(Lang::En, 0), "Completed 0 operations.");
        assert_eq!(log_hidden(Lang::Ru, 21), "… ещё 21 строка выше не показана");
        assert_eq!(log_hidden(Lang::Ru, 2), "… ещё 2 строки выше не показаны");
        assert_eq!(log_hidden(Lang::En, 1), "… 1 earlier line not shown");
    }

    #[test]
    fn counts_group_their_digits_as_each_language_does() {
        assert_eq!(task_count(Lang::En, 100_000), "100,000 tasks");
        assert_eq!(task_count(Lang::Ru, 100_000), "100\u{a0}000 задач");
        assert_eq!(task_count(Lang::Ru, 1_021), "1\u{a0}021 задача");
        assert_eq!(group_digits(Lang::En, 999), "999");
        assert_eq!(group_digits(Lang::En, 1_000_000), "1,000,000");
        // The log repeats the program's own output, which does not group.
        assert_eq!(
            log_completed(Lang::En, 100_000),
            "Completed 100000 operations."
        );
    }

    #[test]
    fn the_pager_groups_its_numbers_as_the_task_count_does() {
        assert_eq!(
            page_range(Lang::Ru, 951, 1_000, 1_000),
            "Задачи 951–1\u{a0}000 из 1\u{a0}000"
        );
        assert_eq!(
            page_range(Lang::En, 1_001, 1_050, 100_000),
            "Tasks 1,001–1,050 of 100,000"
        );
        assert_eq!(page_range(Lang::En, 51, 100, 120), "Tasks 51–100 of 120");
    }
}

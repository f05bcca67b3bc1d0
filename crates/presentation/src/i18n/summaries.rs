//! What a scenario, a run or a guess comes to, in sentences: the facts are
//! the model's (`model::view`), the words are these.

use std::fmt::Write as _;
use std::time::Duration;

use model::events::{Distortion, Outcome};
use model::fixed::Fixed;
use model::guess::{self, Verdict};
use model::lang::Lang;
use model::memory::CHUNK_MB;
use model::recording::Recording;
use model::scenario::{format_seconds, Mode};
use model::view::{self, RunFacts};

use super::numbers::{group_digits, seconds_3, task_count, Form};
use super::Text;

/// What the page says before a run whose work would hold it for `hold`
/// (real time) at once.
pub fn hold_note(lang: Lang, hold: Duration) -> String {
    let seconds = Fixed(hold.as_secs_f64(), 1);
    match lang {
        Lang::Ru => format!("Работа здесь займёт страницу до {seconds} с подряд: пока она идёт, страница не обновляется, а «Стоп» ждёт её конца."),
        Lang::En => format!("Work here will hold the page for up to {seconds} s at once: meanwhile nothing is drawn, and Stop waits for it to end."),
    }
}

/// Under the memory lane: the most held at once, in chunks and megabytes.
pub fn most_held(lang: Lang, chunks: usize) -> String {
    let mb = group_digits(lang, chunks * CHUNK_MB);
    match lang {
        Lang::Ru => format!("Больше всего в памяти сразу: {chunks} × {CHUNK_MB} МБ = {mb} МБ"),
        Lang::En => format!("Most held in memory at once: {chunks} × {CHUNK_MB} MB = {mb} MB"),
    }
}

/// The scenario in one line: "3 tasks: 1 s, 3 s, 10 s", "30 tasks: 30 × 1 s".
/// Runs of equal tasks are counted; after six groups the rest is elided.
pub fn scenario_summary(lang: Lang, scenario: &model::scenario::Scenario) -> String {
    const GROUPS: usize = 6;
    let unit = Text::Seconds.get(lang);
    let mut runs = scenario.runs();
    let groups: Vec<String> = runs
        .by_ref()
        .take(GROUPS)
        .map(|(task, run)| {
            let seconds = model::scenario::format_task(task);
            let count = if run > 1 {
                format!("{} × ", group_digits(lang, run))
            } else {
                String::new()
            };
            let name = if task.name.is_empty() {
                String::new()
            } else {
                format!("{} ", task.name)
            };
            format!("{name}{count}{seconds} {unit}")
        })
        .collect();
    let more = if runs.next().is_some() { ", …" } else { "" };
    format!(
        "{}: {}{more}",
        task_count(lang, scenario.tasks.len()),
        groups.join(", ")
    )
}

/// What the learner should take from a finished concurrent run.
pub fn concurrent_summary(lang: Lang, count: usize, longest: Duration, took: Duration) -> String {
    let tasks = task_count(lang, count);
    let longest = format_seconds(longest);
    let took = seconds_3(took);
    match lang {
        Lang::Ru => format!(
            "{tasks} все сразу заняли {took} с — немногим больше самой долгой задачи ({longest} с): \
             пока одна ждёт, цикл событий запускает остальные."
        ),
        Lang::En => format!(
            "{tasks} all at once took {took} s, a little over the longest task ({longest} s): \
             while one waits, the event loop starts the others."
        ),
    }
}

/// What the learner should take from a finished sequential run.
pub fn sequential_summary(lang: Lang, count: usize, sum: Duration, took: Duration) -> String {
    let tasks = task_count(lang, count);
    let sum = format_seconds(sum);
    let took = seconds_3(took);
    match lang {
        Lang::Ru => format!(
            "{tasks} по очереди заняли {took} с — сумму всех длительностей ({sum} с): \
             каждая ждала, пока закончится предыдущая."
        ),
        Lang::En => format!(
            "{tasks} one after another took {took} s, the sum of all durations ({sum} s): \
             each waited for the one before it."
        ),
    }
}

/// What the learner should take from a finished run, in words: the facts
/// [`view::run_facts`] finds, said.
pub fn run_summary(lang: Lang, recording: &Recording) -> Option<String> {
    let (count, took, predicted, blocked, latency) = match view::run_facts(recording)? {
        RunFacts::AsTheCourseSays {
            count,
            expected,
            took,
        } => {
            return Some(match recording.mode {
                Mode::Concurrent => concurrent_summary(lang, count, expected, took),
                Mode::Sequential => sequential_summary(lang, count, expected, took),
            })
        }
        RunFacts::Measured {
            count,
            took,
            predicted,
            blocked,
            latency,
        } => (count, took, predicted, blocked, latency),
    };
    let tasks = task_count(lang, count);
    let took_s = seconds_3(took);
    let predicted = seconds_3(predicted);
    let mut text = match (lang, recording.mode) {
        (Lang::Ru, Mode::Concurrent) => {
            format!("{tasks} все сразу заняли {took_s} с, прогноз — {predicted} с.")
        }
        (Lang::Ru, Mode::Sequential) => {
            format!("{tasks} по очереди заняли {took_s} с, прогноз — {predicted} с.")
        }
        (Lang::En, Mode::Concurrent) => {
            format!("{tasks} all at once took {took_s} s; predicted {predicted} s.")
        }
        (Lang::En, Mode::Sequential) => {
            format!("{tasks} one after another took {took_s} s; predicted {predicted} s.")
        }
    };
    if blocked {
        text.push(' ');
        text.push_str(match lang {
            Lang::Ru => {
                "Пока задача вычисляла в потоке цикла событий, ничего другого не выполнялось — \
                         ни другие задачи, ни сама страница."
            }
            Lang::En => {
                "While a task computed on the event loop's thread nothing else ran, \
                         not the other tasks, not even the page."
            }
        });
    }
    if let Some((mean, longest)) = latency {
        let (mean, longest) = (seconds_3(mean), seconds_3(longest));
        let _ = match lang {
            Lang::Ru => write!(
                text,
                " От поступления до ответа: в среднем {mean} с, самое долгое {longest} с."
            ),
            Lang::En => write!(
                text,
                " From arrival to answer: {mean} s on average, {longest} s at most."
            ),
        };
    }
    text.push_str(&outcome_counts(lang, recording));
    Some(text)
}

/// How many tasks timed out and how many were cancelled, as sentences to
/// follow a summary (` Timed out: 2. Cancelled: 1.`); empty when none.
/// Facts of the run, said whatever its timing.
fn outcome_counts(lang: Lang, recording: &Recording) -> String {
    let mut text = String::new();
    for (outcome, ru, en) in [
        (Outcome::TimedOut, "Отменено по тайм-ауту", "Timed out"),
        (Outcome::Cancelled, "Отменено", "Cancelled"),
    ] {
        let n = recording.ended(outcome);
        if n > 0 {
            let label = if lang == Lang::Ru { ru } else { en };
            let _ = write!(text, " {label}: {}.", group_digits(lang, n));
        }
    }
    text
}

/// What a finished run measured, in one sentence: each mode's total, its
/// prediction, and whether the browser distorted it.
pub fn run_outcome(lang: Lang, recordings: &[std::rc::Rc<Recording>]) -> String {
    let parts: Vec<String> = recordings
        .iter()
        .filter_map(|recording| {
            let took = seconds_3(recording.total?);
            let predicted = seconds_3(recording.prediction.total);
            let distorted = match recording.distortion() {
                Some(_) => format!(", {}", distorted(lang)),
                None => String::new(),
            };
            Some(match (lang, recording.mode) {
                (Lang::Ru, Mode::Sequential) => {
                    format!("по очереди {took} с{distorted} (прогноз {predicted} с)")
                }
                (Lang::Ru, Mode::Concurrent) => {
                    format!("все сразу {took} с{distorted} (прогноз {predicted} с)")
                }
                (Lang::En, Mode::Sequential) => {
                    format!("one after another {took} s{distorted} (predicted {predicted} s)")
                }
                (Lang::En, Mode::Concurrent) => {
                    format!("all at once {took} s{distorted} (predicted {predicted} s)")
                }
            })
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("— {}.", parts.join("; "))
    }
}

/// Under a task table that shows only the first `shown` of `total` tasks.
pub fn table_rows_note(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "Показаны первые {shown} из {}; в JSON и CSV — все.",
            group_digits(lang, total)
        ),
        Lang::En => format!(
            "The first {shown} of {} tasks; JSON and CSV hold them all.",
            group_digits(lang, total)
        ),
    }
}

/// The word a distorted measurement is marked with.
pub fn distorted(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "искажено",
        Lang::En => "distorted",
    }
}

/// Why a run's measurement is not the program's own time, in place of
/// what [`run_summary`] would make of it.
pub fn distortion_summary(lang: Lang, recording: &Recording, why: Distortion) -> String {
    let predicted = seconds_3(recording.prediction.total);
    let took = recording.total.map(seconds_3);
    let mode = mode_name(lang, recording.mode);
    let cause = match (lang, why) {
        (Lang::Ru, Distortion::Hidden) => {
            "Во время запуска страница была скрыта, а браузеры замедляют таймеры скрытых страниц"
        }
        (Lang::Ru, Distortion::Throttled) => {
            "Во время запуска браузер придерживал таймеры страницы, как делает с фреймами вне \
             видимой области и со страницами, на которых экономит энергию"
        }
        (Lang::En, Distortion::Hidden) => {
            "The page was hidden during the run, and browsers slow the timers of hidden pages"
        }
        (Lang::En, Distortion::Throttled) => {
            "The browser held the page's timers back during the run, as it does in frames \
             scrolled out of view and in pages it saves power on"
        }
        (Lang::Ru, Distortion::Late) => {
            "Таймеры браузера опаздывали (на ×10 и ×100 миллисекунда опоздания весит в 10 и 100 раз больше)"
        }
        (Lang::En, Distortion::Late) => {
            "The browser's timers fired late (at ×10 and ×100 a late millisecond weighs ten and a hundred times more)"
        }
    };
    let measured = match (lang, took) {
        (Lang::Ru, Some(took)) => format!("измеренные {took} с — не время самой программы"),
        (Lang::En, Some(took)) => format!("the measured {took} s is not the program's own time"),
        (Lang::Ru, None) => "измерения этого запуска — не время самой программы".to_owned(),
        (Lang::En, None) => "this run's measurements are not the program's own time".to_owned(),
    };
    let again = match (lang, why) {
        (Lang::Ru, Distortion::Late) => "запустите ещё раз в реальном времени (×1)",
        (Lang::Ru, _) => "запустите ещё раз, не уходя со страницы",
        (Lang::En, Distortion::Late) => "run again in real time (×1)",
        (Lang::En, _) => "run again with the page in view",
    };
    let counts = outcome_counts(lang, recording);
    match lang {
        Lang::Ru => format!(
            "{mode}: искажено. {cause}, поэтому {measured}. Прогноз, {predicted} с, в силе; {again}.{counts}"
        ),
        Lang::En => format!(
            "{mode}: distorted. {cause}, so {measured}. The prediction, {predicted} s, stands; {again}.{counts}"
        ),
    }
}

/// A mode's short name, to begin a sentence with.
pub fn mode_name(lang: Lang, mode: Mode) -> &'static str {
    match (lang, mode) {
        (Lang::Ru, Mode::Sequential) => "По очереди",
        (Lang::Ru, Mode::Concurrent) => "Все сразу",
        (Lang::En, Mode::Sequential) => "One after another",
        (Lang::En, Mode::Concurrent) => "All at once",
    }
}

/// How the learner's guess of a run's total compares with the result:
/// the measured total, or the prediction when the run was stopped or
/// distorted (see [`guess::result_of`]).
pub fn guess_verdict(lang: Lang, recording: &Recording, guess: Duration) -> String {
    let (result, measured) = guess::result_of(recording);
    let mode = mode_name(lang, recording.mode);
    let guessed = format_seconds(guess);
    let result_text = seconds_3(result);
    let took = match (lang, measured) {
        (Lang::Ru, true) => format!("заняло {result_text} с"),
        (Lang::Ru, false) => format!("прогноз страницы {result_text} с"),
        (Lang::En, true) => format!("it took {result_text} s"),
        (Lang::En, false) => format!("the page predicts {result_text} s"),
    };
    let verdict = match (lang, guess::compare(guess, result)) {
        (Lang::Ru, Verdict::Close) => "в точку.".to_owned(),
        (Lang::Ru, Verdict::Less(factor)) => format!("в {} раза меньше.", Fixed(factor, 1)),
        (Lang::Ru, Verdict::More(Some(factor))) => {
            format!("в {} раза больше.", Fixed(factor, 1))
        }
        (Lang::Ru, Verdict::More(None)) => "больше.".to_owned(),
        (Lang::En, Verdict::Close) => "spot on.".to_owned(),
        (Lang::En, Verdict::Less(factor)) => {
            format!("{}× less than you thought.", Fixed(factor, 1))
        }
        (Lang::En, Verdict::More(Some(factor))) => {
            format!("{}× more than you thought.", Fixed(factor, 1))
        }
        (Lang::En, Verdict::More(None)) => "more than you thought.".to_owned(),
    };
    match lang {
        Lang::Ru => format!("{mode}: вы предполагали {guessed} с, {took} — {verdict}"),
        Lang::En => format!("{mode}: you guessed {guessed} s; {took}, {verdict}"),
    }
}

/// How many times faster running all at once was.
pub fn speedup_summary(lang: Lang, factor: f64) -> String {
    match lang {
        Lang::Ru => format!(
            "Все сразу — в {} раза быстрее, чем по очереди.",
            Fixed(factor, 1)
        ),
        Lang::En => format!(
            "All at once was {}× faster than one after another.",
            Fixed(factor, 1)
        ),
    }
}

/// Why a faster run measures a little more than its prediction.
pub fn scale_note(lang: Lang, factor: u32) -> String {
    let ms = format_seconds(std::time::Duration::from_millis(u64::from(factor)));
    match lang {
        Lang::Ru => format!(
            "При ×{factor} каждая миллисекунда, которую браузер тратит на себя (например, на отрисовку), \
             превращается в {ms} с времени сценария: измеренные итоги растут, прогноз — нет."
        ),
        Lang::En => format!(
            "At ×{factor}, every millisecond the browser spends on itself (drawing the page, say) \
             counts as {ms} s of scenario time: measured totals grow, predictions do not."
        ),
    }
}

/// The note above the log when earlier lines are not shown.
pub fn log_hidden(lang: Lang, hidden: usize) -> String {
    let count = group_digits(lang, hidden);
    match (lang, Form::of(lang, hidden)) {
        (Lang::Ru, Form::One) => format!("… ещё {count} строка выше не показана"),
        (Lang::Ru, Form::Few) => format!("… ещё {count} строки выше не показаны"),
        (Lang::Ru, Form::Many) => format!("… ещё {count} строк выше не показаны"),
        (Lang::En, Form::One) => format!("… {count} earlier line not shown"),
        (Lang::En, _) => format!("… {count} earlier lines not shown"),
    }
}

/// The note on a timeline too large for a lane per task.
pub fn timeline_aggregate(lang: Lang, count: usize) -> String {
    let tasks = task_count(lang, count);
    match lang {
        Lang::Ru => format!("{tasks} — слишком много для отдельных полос: график показывает, сколько задач ждёт и сколько завершено."),
        Lang::En => format!("{tasks}: too many for a lane each, so the chart shows how many are waiting and how many are done."),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

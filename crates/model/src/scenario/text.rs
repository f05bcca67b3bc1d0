//! The scenario's text form: steps as a person types them (`1+c0.5+o2`,
//! `@0.5+1`), durations in seconds (`1`, `0,5`, `.25`) and counts, read
//! with a precise reason for what is wrong, and written back exactly.

use std::time::Duration;

use super::{Step, StepKind, Task, MAX_DURATION, MAX_STEPS, MAX_TASKS, MIN_DURATION};

/// The Latin letter of the step syntax that `c` stands for or looks like:
/// the letter itself in either case, or its Cyrillic look-alike, which is
/// what a Russian keyboard layout types (`с`, `о`, `х`). Anything else is
/// returned as it is.
pub fn latin(c: char) -> char {
    match c {
        'c' | 'C' | 'с' | 'С' => 'c',
        'o' | 'O' | 'о' | 'О' => 'o',
        'r' | 'R' => 'r',
        'w' | 'W' => 'w',
        'x' | 'X' | 'х' | 'Х' => 'x',
        other => other,
    }
}

/// Reads a task's steps as a person types them: durations in seconds
/// joined by `+`, work marked `c` and offloaded work `o`:
/// `1+c0.5+o2` waits 1 s, works 0.5 s, then offloads 2 s of work. The
/// letters may be upper case or typed on a Russian layout ([`latin`]).
pub fn parse_steps(text: &str) -> Result<Vec<Step>, StepsError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(StepsError::Empty);
    }
    let mut steps = Vec::new();
    for (index, part) in text.split('+').enumerate() {
        if index == MAX_STEPS {
            return Err(StepsError::TooMany);
        }
        let part = part.trim();
        let mut chars = part.chars();
        let kind = match chars.next().map(latin) {
            Some('c') => StepKind::Work,
            Some('o') => StepKind::Offload,
            Some('r') => StepKind::Receive,
            Some('w') => StepKind::Write,
            Some('!') => return Err(StepsError::CancelNotLast),
            _ => StepKind::Wait,
        };
        let number = match kind {
            StepKind::Wait => part,
            _ => chars.as_str(),
        };
        let duration =
            parse_duration(number).map_err(|reason| StepsError::Step { index, reason })?;
        steps.push(Step { kind, duration });
    }
    Ok(steps)
}

/// Reads a task as the editor and links write it: its steps, after an
/// optional arrival time marked `@`, and before an optional cancel marked
/// `!` (`@0.5+c0.05+0.5+!0.3`: arrives at 0.5 s, is cancelled 0.3 s after
/// it is created). The task has no name.
pub fn parse_task(text: &str) -> Result<Task, StepsError> {
    let mut text = text.trim();
    let mut cancel = None;
    let (rest, last) = text.rsplit_once('+').unwrap_or(("", text));
    if let Some(after) = last.trim().strip_prefix('!') {
        cancel = Some(parse_duration(after).map_err(StepsError::Cancel)?);
        text = rest.trim();
        if text.is_empty() {
            return Err(StepsError::NothingBeforeCancel);
        }
    }
    let (arrival, steps) = match text.strip_prefix('@') {
        None => (Duration::ZERO, parse_steps(text)?),
        Some(rest) => {
            let (arrival, steps) = rest
                .split_once('+')
                .ok_or(StepsError::NothingAfterArrival)?;
            let arrival = parse_duration(arrival).map_err(StepsError::Arrival)?;
            let steps = parse_steps(steps).map_err(|error| match error {
                StepsError::Step { index, reason } => StepsError::Step {
                    index: index + 1,
                    reason,
                },
                StepsError::Empty => StepsError::NothingAfterArrival,
                other => other,
            })?;
            (arrival, steps)
        }
    };
    Ok(Task {
        arrival,
        cancel,
        ..Task::named("", steps)
    })
}

/// Writes a task as [`parse_task`] reads it, without its name:
/// `@0.5+c0.05+0.5+!0.3`.
pub fn format_task(task: &Task) -> String {
    let mut text = String::new();
    if !task.arrival.is_zero() {
        text.push('@');
        text.push_str(&format_seconds(task.arrival));
        text.push('+');
    }
    text.push_str(&format_steps(&task.steps));
    if let Some(cancel) = task.cancel {
        text.push_str("+!");
        text.push_str(&format_seconds(cancel));
    }
    text
}

/// Writes steps as [`parse_steps`] reads them: `1+c0.5+o2`.
pub fn format_steps(steps: &[Step]) -> String {
    let mut text = String::new();
    for (index, step) in steps.iter().enumerate() {
        if index > 0 {
            text.push('+');
        }
        text.push_str(step.kind.prefix());
        text.push_str(&format_seconds(step.duration));
    }
    text
}

/// What is wrong with a task's steps as typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepsError {
    /// Nothing was typed.
    Empty,
    /// More than [`MAX_STEPS`] steps.
    TooMany,
    /// The arrival time after `@` is not a valid duration.
    Arrival(DurationError),
    /// An arrival with no steps after it.
    NothingAfterArrival,
    /// The cancel time after `!` is not a valid duration.
    Cancel(DurationError),
    /// A cancel with no steps before it.
    NothingBeforeCancel,
    /// A cancel that is not the task's last part.
    CancelNotLast,
    /// The step at `index` (from 0, counting an arrival) has a bad duration.
    Step {
        /// Which step.
        index: usize,
        /// What is wrong with its duration.
        reason: DurationError,
    },
}

/// What is wrong with a duration someone typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationError {
    /// Nothing was typed.
    Empty,
    /// The text is not a number.
    NotANumber,
    /// Zero or negative.
    NotPositive,
    /// Shorter than [`MIN_DURATION`].
    TooShort,
    /// Longer than [`MAX_DURATION`].
    TooLong,
}

/// Reads a duration in seconds as a person types it: `1`, `0.5`, `.25`, or
/// with a decimal comma, `0,5`, as Russian keyboards write it. A unit may
/// follow (`2 s`, `2 с`, `2 сек`, `500 ms`, `500 мс`), and a number may be
/// written with an exponent (`1e-3`), so that what cannot be a duration is
/// refused for the rule it breaks (`1e9` is too long), not as "not a
/// number".
///
/// The text is read as the exact decimal it is (not through a float, which
/// would also accept "inf" and "NaN", neither of them a duration), then
/// rounded half up to whole microseconds.
pub fn parse_duration(text: &str) -> Result<Duration, DurationError> {
    read_seconds(text, MAX_DURATION)
}

/// Units a duration may be written with, and the power of ten that turns
/// them into seconds. Longest first, so that `ms` is not read as `s`.
const UNITS: [(&str, i64); 8] = [
    ("sec", 0),
    ("сек", 0),
    ("ms", -3),
    ("мс", -3),
    ("s", 0),
    ("с", 0),
    ("S", 0),
    ("С", 0),
];

/// The most a decimal point is moved by an exponent: far past any digit a
/// duration can have, so that a larger one cannot change the verdict.
const MAX_SHIFT: i64 = 64;

/// Reads seconds as [`parse_duration`] does, up to `max` rather than
/// [`MAX_DURATION`].
pub(crate) fn read_seconds(text: &str, max: Duration) -> Result<Duration, DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError::Empty);
    }
    let (text, unit_shift) = UNITS
        .iter()
        .find_map(|&(unit, shift)| {
            let number = text.strip_suffix(unit)?.trim_end();
            number
                .ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
                .then_some((number, shift))
        })
        .unwrap_or((text, 0));
    let (negative, number) = split_sign(text);
    let (mantissa, exponent) = match number.split_once(['e', 'E', 'е', 'Е']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (number, None),
    };
    let (whole, fraction) = mantissa.split_once(['.', ',']).unwrap_or((mantissa, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return Err(DurationError::NotANumber);
    }
    let exponent = match exponent {
        None => 0,
        Some(exponent) => read_exponent(exponent).ok_or(DurationError::NotANumber)?,
    };
    if negative || whole.bytes().chain(fraction.bytes()).all(|b| b == b'0') {
        return Err(DurationError::NotPositive);
    }
    // The digits of whole and fraction in a row, with the decimal point
    // moved by the exponent and the unit: `digit(j)` is the j-th, counted
    // from the first, and zero before and after them.
    let (whole_digits, fraction_digits) = (whole.as_bytes(), fraction.as_bytes());
    let digit = |j: i64| -> u64 {
        let Ok(j) = usize::try_from(j) else { return 0 };
        let byte = match j.checked_sub(whole_digits.len()) {
            None => whole_digits.get(j),
            Some(k) => fraction_digits.get(k),
        };
        byte.map_or(0, |b| u64::from(b - b'0'))
    };
    let point = whole_digits.len() as i64 + exponent + unit_shift;
    let length = (whole_digits.len() + fraction_digits.len()) as i64;
    let mut seconds: u64 = 0;
    for j in 0..point {
        seconds = seconds
            .checked_mul(10)
            .and_then(|s| s.checked_add(digit(j)))
            .filter(|&s| s <= max.as_secs())
            .ok_or(DurationError::TooLong)?;
    }
    let micros = (point..point + 6).fold(0, |micros, j| micros * 10 + digit(j));
    let exact = seconds * 1_000_000 + micros;
    let max = whole_micros(max);
    let beyond = (point + 6..length).any(|j| digit(j) != 0);
    if exact > max || (exact == max && beyond) {
        return Err(DurationError::TooLong);
    }
    let round_up = digit(point + 6) >= 5;
    let duration = Duration::from_micros(exact + u64::from(round_up));
    if duration < MIN_DURATION {
        return Err(DurationError::TooShort);
    }
    Ok(duration)
}

/// Reads the exponent after `e`: an optional sign and digits, held to
/// ±[`MAX_SHIFT`] (beyond it, every duration is too long or too short).
fn read_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = split_sign(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits
        .trim_start_matches('0')
        .parse::<i64>()
        .map_or(MAX_SHIFT + 1, |n| n.min(MAX_SHIFT + 1));
    Some(if negative { -magnitude } else { magnitude })
}

/// Whether `text` starts with `-`, and the text after its sign, if any.
fn split_sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// A duration in whole microseconds, as a u64: enough for half a million
/// years, and printing a u128 (`Duration::as_micros`) would cost the page's
/// download more.
///
/// Saturates rather than overflows: no duration the page meets comes near,
/// and a figure that did should be drawn off the scale, not crash it.
pub fn whole_micros(duration: Duration) -> u64 {
    duration
        .as_secs()
        .saturating_mul(1_000_000)
        .saturating_add(u64::from(duration.subsec_micros()))
}

/// Writes a duration in seconds with no trailing zeros: `1`, `0.5`, `1.25`.
/// [`parse_duration`] reads it back to the same value.
pub fn format_seconds(duration: Duration) -> String {
    let micros = whole_micros(duration);
    let whole = micros / 1_000_000;
    let fraction = micros % 1_000_000;
    if fraction == 0 {
        return whole.to_string();
    }
    let digits = format!("{fraction:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// What is wrong with a task count someone typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    /// Nothing was typed.
    Empty,
    /// Not a whole number.
    NotAWholeNumber,
    /// Zero or a negative number: fewer than one.
    BelowOne,
    /// More than [`MAX_TASKS`] in the scenario.
    TooMany,
}

/// Reads how many tasks to add, given how many the scenario has already, so
/// that the limit applies to the total.
pub fn parse_count(text: &str, existing: usize) -> Result<usize, CountError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(CountError::Empty);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotAWholeNumber);
    }
    if digits.len() != text.len() || digits.bytes().all(|b| b == b'0') {
        return Err(CountError::BelowOne);
    }
    // All digits: the only failure left is overflow, which is too many.
    let count: usize = text.parse().map_err(|_| CountError::TooMany)?;
    if count.saturating_add(existing) > MAX_TASKS {
        return Err(CountError::TooMany);
    }
    Ok(count)
}

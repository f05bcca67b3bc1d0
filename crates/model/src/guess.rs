//! Predict first: the learner's guess of how long each run will take,
//! typed before the run while the page keeps its own prediction hidden,
//! and how the guess compares with what happened.

use std::time::Duration;

use crate::recording::Recording;
use crate::scenario::{
    read_seconds, whole_micros, DurationError, Mode, MAX_DURATION, MAX_STEPS, MAX_TASKS,
};

/// The longest guess read: longer than any scenario can take, every task's
/// every step as long as it may be, one after another.
pub const MAX_GUESS: Duration =
    Duration::from_secs(MAX_DURATION.as_secs() * MAX_STEPS as u64 * MAX_TASKS as u64);

/// A guess within the result's 1/`CLOSE` counts as right: within a tenth.
pub const CLOSE: u64 = 10;

/// Reads a guess in seconds, as [`crate::scenario::parse_duration`] reads
/// a duration; unlike a task's duration, a guess may be zero ("at once").
pub fn parse_guess(text: &str) -> Result<Duration, DurationError> {
    match read_seconds(text, MAX_GUESS) {
        Err(DurationError::NotPositive) if !text.trim_start().starts_with('-') => {
            Ok(Duration::ZERO)
        }
        read => read,
    }
}

/// The guesses as typed, one per mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guesses {
    /// Whether the page asks for guesses, keeping its prediction hidden
    /// until a run starts.
    pub on: bool,
    texts: [String; 2],
    values: [Result<Option<Duration>, DurationError>; 2],
}

impl Default for Guesses {
    fn default() -> Self {
        Self {
            on: false,
            texts: Default::default(),
            values: [Ok(None); 2],
        }
    }
}

fn slot(mode: Mode) -> usize {
    match mode {
        Mode::Sequential => 0,
        Mode::Concurrent => 1,
    }
}

impl Guesses {
    /// The guess for `mode`, as typed.
    pub fn text(&self, mode: Mode) -> &str {
        &self.texts[slot(mode)]
    }

    /// What the guess for `mode` means: `None` when nothing is typed.
    pub fn value(&self, mode: Mode) -> Result<Option<Duration>, DurationError> {
        self.values[slot(mode)]
    }

    /// Types into the guess for `mode`.
    pub fn set(&mut self, mode: Mode, text: String) {
        self.values[slot(mode)] = match text.trim() {
            "" => Ok(None),
            guess => parse_guess(guess).map(Some),
        };
        self.texts[slot(mode)] = text;
    }

    /// Forgets both guesses: a new scenario asks anew.
    pub fn clear(&mut self) {
        *self = Self {
            on: self.on,
            ..Self::default()
        };
    }
}

/// How a guess compares with the result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Within a tenth (one [`CLOSE`]th) of the result either way.
    Close,
    /// The run took less than guessed: the guess was this many times the
    /// result.
    Less(f64),
    /// The run took more than guessed: this many times the guess, or
    /// `None` when the guess was zero.
    More(Option<f64>),
}

/// Compares a guess with the result.
pub fn compare(guess: Duration, result: Duration) -> Verdict {
    // Exact, in whole microseconds: 1.1 s against 1 s is right, as said.
    let (g, r) = (whole_micros(guess), whole_micros(result));
    let ratio = |a: u64, b: u64| a as f64 / b as f64;
    if g.abs_diff(r).saturating_mul(CLOSE) <= r {
        Verdict::Close
    } else if g > r {
        Verdict::Less(ratio(g, r))
    } else {
        Verdict::More((g > 0).then(|| ratio(r, g)))
    }
}

/// What a guess is compared with: the run's measured total when it is the
/// program's own time, or else (a stopped or distorted run) the
/// prediction. The flag says whether it was measured.
pub fn result_of(recording: &Recording) -> (Duration, bool) {
    match recording.total.filter(|_| recording.distortion().is_none()) {
        Some(total) => (total, true),
        None => (recording.prediction.total, false),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn a_guess_may_be_zero_but_not_negative_or_words() {
        assert_eq!(parse_guess("0"), Ok(Duration::ZERO));
        assert_eq!(parse_guess(" 0,0 "), Ok(Duration::ZERO));
        assert_eq!(parse_guess("-1"), Err(DurationError::NotPositive));
        assert_eq!(parse_guess("-0"), Err(DurationError::NotPositive));
        assert_eq!(parse_guess("soon"), Err(DurationError::NotANumber));
        assert_eq!(parse_guess("1,5"), Ok(secs(1.5)));
    }

    #[test]
    fn a_guess_may_be_longer_than_a_task_but_not_than_any_scenario() {
        // 100,000 tasks of 1 s one after another: far over an hour.
        assert_eq!(parse_guess("100000"), Ok(Duration::from_secs(100_000)));
        let max = MAX_GUESS.as_secs();
        assert_eq!(parse_guess(&max.to_string()), Ok(MAX_GUESS));
        assert_eq!(
            parse_guess(&(max + 1).to_string()),
            Err(DurationError::TooLong)
        );
        assert_eq!(parse_guess("1e9"), Ok(Duration::from_secs(1_000_000_000)));
        assert_eq!(parse_guess("1e20"), Err(DurationError::TooLong));
        assert_eq!(parse_guess("30 с"), Ok(Duration::from_secs(30)));
    }

    #[test]
    fn typing_keeps_the_text_and_reads_it() {
        let mut guesses = Guesses::default();
        guesses.set(Mode::Concurrent, "thirty".into());
        guesses.set(Mode::Sequential, "30".into());
        assert_eq!(guesses.text(Mode::Concurrent), "thirty");
        assert_eq!(
            guesses.value(Mode::Concurrent),
            Err(DurationError::NotANumber)
        );
        assert_eq!(guesses.value(Mode::Sequential), Ok(Some(secs(30.0))));
        guesses.set(Mode::Sequential, "  ".into());
        assert_eq!(guesses.value(Mode::Sequential), Ok(None));

        guesses.on = true;
        guesses.set(Mode::Sequential, "30".into());
        guesses.clear();
        assert!(guesses.on, "clearing keeps the prompt on");
        assert_eq!(guesses.text(Mode::Sequential), "");
        assert_eq!(guesses.value(Mode::Concurrent), Ok(None));
    }

    #[test]
    fn the_course_example_compared() {
        // Thirty tasks of 1 s: the classic wrong guess for all at once.
        assert_eq!(
            compare(secs(30.0), secs(1.002)),
            Verdict::Less(30.0 / 1.002)
        );
        assert_eq!(compare(secs(1.0), secs(1.002)), Verdict::Close);
        assert_eq!(compare(secs(10.0), secs(30.0)), Verdict::More(Some(3.0)));
        assert_eq!(compare(Duration::ZERO, secs(1.0)), Verdict::More(None));
        assert_eq!(compare(secs(0.9), secs(1.0)), Verdict::Close);
        assert_eq!(compare(secs(1.1), secs(1.0)), Verdict::Close);
    }

    proptest! {
        #[test]
        fn a_verdict_agrees_with_the_numbers(guess in 0u64..10_000_000, result in 1u64..10_000_000) {
            let (g, r) = (Duration::from_micros(guess), Duration::from_micros(result));
            match compare(g, r) {
                Verdict::Close => prop_assert!(guess.abs_diff(result) * 10 <= result),
                Verdict::Less(factor) => {
                    prop_assert!(guess * 10 > result * 11);
                    prop_assert!(factor > 1.1);
                }
                Verdict::More(factor) => {
                    prop_assert!(guess * 10 < result * 9);
                    prop_assert_eq!(factor.is_none(), guess == 0);
                    if let Some(factor) = factor {
                        prop_assert!(factor > 1.0 / 0.9);
                    }
                }
            }
        }
    }
}

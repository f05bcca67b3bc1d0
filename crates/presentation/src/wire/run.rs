//! A run as text: how the page hands a recording to its code worker, which
//! saves it as files. A line of space-separated tokens, one per report:
//! `b` began, `s` started, `p` a step, `f` finished (`d` done, `t` timed
//! out, `c` cancelled), `x` a stall, `h`/`r` a distortion, `e` the total,
//! `z` where a stopped run stopped; times in whole microseconds.

use std::fmt::Write as _;
use std::rc::Rc;
use std::time::Duration;

use model::events::{Distortion, Outcome, Report, RunEvent};
use model::recording::Recording;
use model::scenario::{Mode, Scenario};

/// The reports that rebuild this recording, as text: a line of
/// space-separated tokens, read back by [`decode`]. It is how
/// the page hands a run to its worker, which saves it as files.
pub fn encode(recording: &Recording) -> String {
    let us = model::scenario::whole_micros;
    let mut text = String::with_capacity(16 * recording.event_count() + 32);
    text.push_str(recording.mode.id());
    if let Some(began) = recording.began_at() {
        let _ = write!(text, " b{}", us(began));
    }
    for event in recording.events() {
        let _ = match event {
            RunEvent::Started { task, at } => write!(text, " s{task}@{}", us(at)),
            RunEvent::Step { task, step, at } => write!(text, " p{task}.{step}@{}", us(at)),
            RunEvent::Finished { task, at, outcome } => {
                let how = match outcome {
                    Outcome::Done => 'd',
                    Outcome::TimedOut => 't',
                    Outcome::Cancelled => 'c',
                };
                write!(text, " f{task}{how}@{}", us(at))
            }
        };
    }
    for &(from, to) in recording.stalls() {
        let _ = write!(text, " x{}-{}", us(from), us(to));
    }
    match recording.distortion() {
        Some(Distortion::Hidden) => text.push_str(" h"),
        Some(Distortion::Throttled) => text.push_str(" r"),
        // Read again from the total: the `e` token sets it.
        Some(Distortion::Late) | None => {}
    }
    if let Some(total) = recording.total {
        let _ = write!(text, " e{}", us(total));
    }
    if let Some(stopped) = recording.stopped_at() {
        let _ = write!(text, " z{}", us(stopped));
    }
    text
}

/// The recording [`encode`] wrote, of a run of `scenario`
/// (with its prediction worked out again); `None` if `text` is not one,
/// or names a task the scenario does not have.
pub fn decode(scenario: Rc<Scenario>, text: &str) -> Option<Recording> {
    fn at(text: &str) -> Option<Duration> {
        text.parse().ok().map(Duration::from_micros)
    }
    let mut tokens = text.split(' ');
    let mode = match tokens.next()? {
        "sequential" => Mode::Sequential,
        "concurrent" => Mode::Concurrent,
        _ => return None,
    };
    let tasks = scenario.tasks.len();
    let prediction = Rc::new(model::simulate::predict(&scenario, mode));
    let mut recording = Recording::new(mode, scenario, prediction);
    let mut reports = Vec::new();
    let mut stopped = None;
    for token in tokens {
        let (kind, rest) = token.split_at_checked(1)?;
        if kind == "z" {
            stopped = Some(at(rest)?);
            continue;
        }
        let report = match kind {
            "b" => Report::Began(at(rest)?),
            "s" => {
                let (task, when) = rest.split_once('@')?;
                Report::Event(RunEvent::Started {
                    task: task.parse().ok()?,
                    at: at(when)?,
                })
            }
            "p" => {
                let (which, when) = rest.split_once('@')?;
                let (task, step) = which.split_once('.')?;
                Report::Event(RunEvent::Step {
                    task: task.parse().ok()?,
                    step: step.parse().ok()?,
                    at: at(when)?,
                })
            }
            "f" => {
                let (which, when) = rest.split_once('@')?;
                let (task, how) = which.split_at_checked(which.len().checked_sub(1)?)?;
                let outcome = match how {
                    "d" => Outcome::Done,
                    "t" => Outcome::TimedOut,
                    "c" => Outcome::Cancelled,
                    _ => return None,
                };
                Report::Event(RunEvent::Finished {
                    task: task.parse().ok()?,
                    at: at(when)?,
                    outcome,
                })
            }
            "x" => {
                let (from, to) = rest.split_once('-')?;
                Report::Stall(at(from)?, at(to)?)
            }
            "h" if rest.is_empty() => Report::Distorted(Distortion::Hidden),
            "r" if rest.is_empty() => Report::Distorted(Distortion::Throttled),
            "e" => Report::Finished(at(rest)?),
            _ => return None,
        };
        if let Report::Event(event) = report {
            if event.task() >= tasks {
                return None;
            }
        }
        reports.push(report);
    }
    recording.record(reports);
    // Stopped where the run's own clock read `stopped` (a finished run, or
    // one not begun, is left as it is).
    if let (Some(stopped), Some(began)) = (stopped, recording.began_at()) {
        recording.stop(began + stopped);
    }
    Some(recording)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use model::scenario::{Step, Task};

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn two_tasks() -> Recording {
        let scenario = Scenario::of(vec![
            Task::unnamed(Duration::from_secs(1)),
            Task::named("boil", vec![Step::wait(Duration::from_secs(1))]),
        ]);
        let prediction = Rc::new(model::simulate::predict(&scenario, Mode::Concurrent));
        Recording::new(Mode::Concurrent, Rc::new(scenario), prediction)
    }

    #[test]
    fn a_recording_reads_back_as_it_was_encoded() {
        for preset in model::presets::Preset::ALL {
            let scenario = Rc::new(preset.scenario());
            for mode in Mode::ALL {
                let prediction = Rc::new(model::simulate::predict(&scenario, mode));
                let mut recording = Recording::new(mode, scenario.clone(), prediction.clone());
                recording.record([Report::Began(ms(3))]);
                recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
                recording.record([
                    Report::Stall(ms(10), ms(75)),
                    Report::Distorted(Distortion::Throttled),
                    Report::Finished(prediction.total + Duration::from_micros(1234)),
                ]);
                let text = encode(&recording);
                assert_eq!(decode(scenario.clone(), &text), Some(recording), "{text}");
            }
        }
        let scenario = two_tasks().scenario;
        let unfinished = Recording::new(
            Mode::Sequential,
            scenario.clone(),
            Rc::new(model::simulate::predict(&scenario, Mode::Sequential)),
        );
        assert_eq!(encode(&unfinished), "sequential");
        let mut stopped = two_tasks();
        stopped.record([
            Report::Began(ms(5)),
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
        ]);
        stopped.stop(ms(405));
        assert_eq!(stopped.stopped_at(), Some(ms(400)));
        let text = encode(&stopped);
        assert_eq!(
            decode(stopped.scenario.clone(), &text),
            Some(stopped),
            "{text}"
        );
        assert_eq!(decode(scenario.clone(), "sequential"), Some(unfinished));
        for bad in [
            "",
            "both",
            "concurrent s9@0",
            "concurrent s0",
            "concurrent f0q@1",
            "concurrent hx",
            "concurrent q1",
            "concurrent b0 zx",
        ] {
            assert_eq!(decode(scenario.clone(), bad), None, "{bad}");
        }
    }
}

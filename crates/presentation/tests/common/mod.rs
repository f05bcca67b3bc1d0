//! What tests/asyncio.rs and tests/tokio.rs share: the scenarios they run,
//! how they read what a generated program printed, and the check that it
//! agrees with the simulator.
#![allow(dead_code)] // each test file uses its own part

use std::time::Duration;

use model::events::{Outcome, RunEvent};
use model::memory;
use model::presets::Preset;
use model::scenario::{parse_task, Mode, Scenario, StepKind};
use model::simulate::predict;

/// Real seconds per scenario second in these runs: the programs' `SCALE`.
pub const SCALE: f64 = 0.1;

/// How much later than predicted a program's total may be, in real time:
/// 25 ms for the run, and 4 ms for each await. Each wait counts from when
/// its step began, so timer lateness adds up over a sequential run, and this
/// 2-core virtual machine's timers are late by 1 to 7 ms a sleep at busy
/// times (asyncio and tokio also round their waits up to whole
/// milliseconds). Outcomes and memory are compared exactly, and a total may
/// never be early.
pub fn tolerance(scenario: &Scenario) -> Duration {
    let steps: usize = scenario.tasks.iter().map(|t| t.steps.len()).sum();
    Duration::from_millis(25) + Duration::from_millis(4) * steps as u32
}

/// How much earlier than predicted a total may be: the clock's grain.
const EARLY: Duration = Duration::from_millis(2);

/// How many runs of a program a check may take. This virtual machine
/// shares its cores, and at times the hypervisor takes a third of them: a
/// program's timers are then late by tens of milliseconds. A wrong rule is
/// wrong in every run, so a check passes if one run agrees in full.
const ATTEMPTS: usize = 3;

/// What a program printed (in English): each task's outcome (by its
/// number), the most chunks it held in memory (if it moves data) and the
/// total, in real time.
#[derive(Debug)]
pub struct Printed {
    pub outcomes: Vec<Option<Outcome>>,
    pub most_held: Option<usize>,
    pub total: Duration,
}

impl Printed {
    /// Reads what a finished program printed, failing with what it said
    /// and `shown` if it did not succeed.
    pub fn from_output(output: std::process::Output, shown: &str, tasks: usize) -> Self {
        assert!(
            output.status.success(),
            "the program failed:\n{}\n{shown}",
            String::from_utf8_lossy(&output.stderr)
        );
        Self::read(
            &String::from_utf8(output.stdout).expect("UTF-8 output"),
            tasks,
        )
    }

    /// Reads the output of a program run at [`SCALE`] for a scenario of
    /// `tasks` tasks.
    pub fn read(stdout: &str, tasks: usize) -> Self {
        let mut outcomes = vec![None; tasks];
        let mut total = None;
        let mut most_held = None;
        for line in stdout.lines() {
            let number = || -> usize {
                let rest = line.split("№ ").nth(1).expect("a task number");
                rest.split(|c: char| !c.is_ascii_digit())
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap()
            };
            if line.ends_with(" finished") && line.starts_with("Long operation") {
                outcomes[number() - 1] = Some(Outcome::Done);
            } else if line.ends_with("cancelled: timed out") {
                outcomes[number() - 1] = Some(Outcome::TimedOut);
            } else if line.ends_with(" cancelled") && line.starts_with("Long operation") {
                outcomes[number() - 1] = Some(Outcome::Cancelled);
            } else if let Some(rest) = line.strip_prefix("Most held in memory: ") {
                most_held = rest.split(' ').next().and_then(|n| n.parse().ok());
            } else if let Some(seconds) = line.strip_prefix("Program finished in ") {
                let scenario_seconds: f64 = seconds.parse().unwrap();
                total = Some(Duration::from_secs_f64(scenario_seconds * SCALE));
            }
        }
        Printed {
            outcomes,
            most_held,
            total: total.expect("the program prints its total"),
        }
    }
}

/// Runs a scenario's program in both modes with `run` and checks what it
/// printed against the prediction: outcomes and memory exactly, the total
/// within [`tolerance`]. `language` names the program in messages.
pub fn check(
    language: &str,
    what: &str,
    scenario: &Scenario,
    mut run: impl FnMut(Mode) -> Printed,
) {
    for mode in Mode::ALL {
        let prediction = predict(scenario, mode);
        let mut predicted = vec![None; scenario.tasks.len()];
        for event in &prediction.events {
            if let RunEvent::Finished { task, outcome, .. } = *event {
                predicted[task] = Some(outcome);
            }
        }
        let most_held = scenario
            .uses(StepKind::Receive)
            .then(|| memory::peak(&memory::held(scenario, prediction.events.iter().copied())));
        let expected = prediction.total.mul_f64(SCALE);
        let on_time = |printed: &Printed| {
            printed.total + EARLY >= expected && printed.total <= expected + tolerance(scenario)
        };
        let agrees = |printed: &Printed| {
            printed.outcomes == predicted && printed.most_held == most_held && on_time(printed)
        };
        let mut printed = run(mode);
        for _ in 1..ATTEMPTS {
            if agrees(&printed) {
                break;
            }
            printed = run(mode);
        }
        assert_eq!(printed.outcomes, predicted, "{what}, {mode}: outcomes");
        assert_eq!(printed.most_held, most_held, "{what}, {mode}: memory");
        assert!(
            on_time(&printed),
            "{what}, {mode}: {language} took {:?}, predicted {:?} (both real time at ×{SCALE})",
            printed.total,
            expected
        );
    }
}

/// A scenario of unnamed tasks written as in links (`@0.2+1+c0.5`).
pub fn scenario(tasks: &[&str], limit: Option<usize>, timeout: Option<f64>) -> Scenario {
    Scenario {
        tasks: tasks.iter().map(|text| parse_task(text).unwrap()).collect(),
        limit,
        timeout: timeout.map(Duration::from_secs_f64),
    }
}

/// Every preset, by its id.
pub fn presets() -> Vec<(String, Scenario)> {
    Preset::ALL
        .iter()
        .map(|preset| (preset.id().to_owned(), preset.scenario()))
        .collect()
}

/// Scenarios mixing every step kind, limits, timeouts and arrivals.
pub fn mixed() -> Vec<(&'static str, Scenario)> {
    vec![
        (
            "work and waits",
            scenario(&["1+c0.5+1", "c1+0.5", "0.3+c0.2+0.3"], None, None),
        ),
        (
            "offloads beyond the pool",
            scenario(&["o1", "o1", "o1", "o1", "o1", "0.5+o0.5"], None, None),
        ),
        (
            "limit with work",
            scenario(&["1", "c0.5+1", "1+c0.3", "0.5", "o1"], Some(2), None),
        ),
        (
            "timeout during a wait",
            scenario(&["1", "3", "0.5+2", "0.2"], None, Some(1.5)),
        ),
        (
            "timeout after work",
            scenario(&["c1+1", "1+c2+1", "c0.4"], None, Some(1.5)),
        ),
        (
            "timeout straddling work",
            scenario(&["1", "3", "c1+1", "0.2+c2+1"], None, Some(1.5)),
        ),
        (
            "timed out before starting",
            scenario(&["c2", "1", "0.5"], None, Some(1.0)),
        ),
        (
            // Every outcome half a second or more from its timeout: at ×0.1
            // that is 50 ms, more than a busy machine delays a thread.
            "timeout with offload",
            scenario(&["o3", "o0.5+1", "1+o2", "o0.3"], None, Some(2.0)),
        ),
        (
            "data held and let go",
            scenario(
                &["r0.3+r0.3+w0.1+w0.1", "r0.2+w0.2+r0.2+w0.2", "w0.1+r0.4"],
                None,
                None,
            ),
        ),
        (
            "data under a timeout",
            scenario(
                &["r0.3+r0.3+r0.3+r0.3+w0.1", "r0.2+w0.1"],
                Some(1),
                Some(0.8),
            ),
        ),
        (
            "writes with nothing received",
            scenario(&["w0.5+c0.2", "0.3+w0.2", "o0.4+w0.1"], None, None),
        ),
        (
            "arrivals",
            scenario(
                &["c0.3+0.5", "@0.4+c0.2+0.5", "@0.6+c0.2+0.5", "@3+0.2"],
                None,
                None,
            ),
        ),
        (
            "arrivals under a limit and a timeout",
            scenario(
                &["0.6", "@0.2+2", "@0.3+0.5", "@0.5+c0.3"],
                Some(2),
                Some(1.2),
            ),
        ),
        (
            // Every cancel half a second or more from the task's other
            // events, in both modes, as the timeouts above.
            "cancels at every kind of await",
            scenario(&["3+!1", "@0.5+2+!1", "c0.5+1+!2", "1+o2+!2"], None, None),
        ),
        (
            "cancelled in line for a slot",
            scenario(&["2", "1.5+!1", "@0.5+1+!3.5", "1"], Some(1), None),
        ),
        (
            "cancels and a timeout",
            scenario(
                &["3+!0.8", "3+!2.5", "1+!2", "c0.3+1.5+!1"],
                None,
                Some(1.5),
            ),
        ),
        (
            "cancelled while holding data",
            scenario(&["r0.3+r1+w0.1+!0.8", "r0.2+r0.2+w0.1+w0.1"], None, None),
        ),
        (
            // Every outcome half a second or more from its timeout, as above.
            "everything",
            scenario(
                &["1+c0.3+o2", "o0.5+1", "c0.6", "2", "0.4+c0.2+0.4", "o2"],
                Some(3),
                Some(2.7),
            ),
        ),
    ]
}

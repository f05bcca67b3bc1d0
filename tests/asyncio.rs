//! Checks the simulator's rules against CPython itself: every preset and a
//! set of scenarios mixing every step kind, limits and timeouts are run as
//! the page's generated asyncio program under python3, ten times faster,
//! and what the program prints (each task's outcome and the total) must
//! agree with the prediction.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;

use async_playground::code::python;
use async_playground::i18n::Lang;
use async_playground::memory;
use async_playground::presets::Preset;
use async_playground::recording::{Outcome, RunEvent};
use async_playground::scenario::{parse_task, Mode, Scenario, StepKind, Task};
use async_playground::simulate::predict;

/// Real seconds per scenario second in these runs.
const SCALE: f64 = 0.1;

/// How much later than predicted CPython's total may be, in real time:
/// 25 ms for the run, and 4 ms for each await. Each wait counts from when
/// its step began, so timer lateness adds up over a sequential run, and this
/// 2-core virtual machine's timers are late by 1 to 7 ms a sleep at busy
/// times (asyncio also rounds its waits up to whole milliseconds). Outcomes
/// and memory are compared exactly, and a total may never be early.
fn tolerance(scenario: &Scenario) -> Duration {
    let steps: usize = scenario.tasks.iter().map(|t| t.steps.len()).sum();
    Duration::from_millis(25) + Duration::from_millis(4) * steps as u32
}

/// How much earlier than predicted a total may be: the clock's grain.
const EARLY: Duration = Duration::from_millis(2);

/// What the program printed: each task's outcome (by its number), the
/// most chunks it held in memory (if it moves data) and the total.
struct Printed {
    outcomes: Vec<Option<Outcome>>,
    most_held: Option<usize>,
    total: Duration,
}

/// One program at a time: the tests of this file run in parallel, and
/// Python starting up beside a run would delay its timers.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn run_python(scenario: &Scenario, mode: Mode) -> Printed {
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let program = python(scenario, mode, Lang::En);
    let scaled = program.replacen("SCALE = 1  #", &format!("SCALE = {SCALE}  #"), 1);
    assert_ne!(scaled, program, "the program starts with its SCALE");
    let output = Command::new("python3")
        .arg("-c")
        .arg(&scaled)
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(
        output.status.success(),
        "python3 failed:\n{}\n{scaled}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut outcomes = vec![None; scenario.tasks.len()];
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

/// How many runs of the program a check may take. This virtual machine
/// shares its cores, and at times the hypervisor takes a third of them: a
/// program's timers are then late by tens of milliseconds. A wrong rule is
/// wrong in every run, so a check passes if one run agrees in full.
const ATTEMPTS: usize = 3;

fn check(what: &str, scenario: &Scenario) {
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
        let agrees = |printed: &Printed| {
            printed.outcomes == predicted
                && printed.most_held == most_held
                && printed.total + EARLY >= expected
                && printed.total <= expected + tolerance(scenario)
        };
        let mut printed = run_python(scenario, mode);
        for _ in 1..ATTEMPTS {
            if agrees(&printed) {
                break;
            }
            printed = run_python(scenario, mode);
        }
        assert_eq!(printed.outcomes, predicted, "{what}, {mode}: outcomes");
        assert_eq!(printed.most_held, most_held, "{what}, {mode}: memory");
        assert!(
            printed.total + EARLY >= expected && printed.total <= expected + tolerance(scenario),
            "{what}, {mode}: CPython took {:?}, predicted {:?} (both real time at ×{SCALE})",
            printed.total,
            expected
        );
    }
}

fn scenario(tasks: &[&str], limit: Option<usize>, timeout: Option<f64>) -> Scenario {
    Scenario {
        tasks: tasks
            .iter()
            .map(|text| {
                let (arrival, steps) = parse_task(text).unwrap();
                Task {
                    arrival,
                    ..Task::named("", steps)
                }
            })
            .collect(),
        limit,
        timeout: timeout.map(Duration::from_secs_f64),
    }
}

#[test]
fn every_preset_agrees_with_cpython() {
    for preset in Preset::ALL {
        check(preset.id(), &preset.scenario());
    }
}

#[test]
fn mixed_scenarios_agree_with_cpython() {
    let cases = [
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
            "timeout with offload",
            scenario(&["o3", "o0.5+1", "1+o1", "o0.3"], None, Some(1.7)),
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
            scenario(&["r0.3+r0.3+r0.3+w0.1", "r0.5+w0.1"], Some(1), Some(0.7)),
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
                &["1", "@0.2+1.5", "@0.3+0.5", "@0.5+c0.3"],
                Some(2),
                Some(1.2),
            ),
        ),
        (
            "everything",
            scenario(
                &["1+c0.3+o1", "o0.5+1", "c0.6", "2", "0.4+c0.2+0.4", "o2"],
                Some(3),
                Some(2.2),
            ),
        ),
    ];
    for (what, scenario) in &cases {
        check(what, scenario);
    }
}

//! Checks the simulator's rules against CPython itself: every preset and a
//! set of scenarios mixing every step kind, limits and timeouts are run as
//! the page's generated asyncio program under python3, ten times faster,
//! and what the program prints (each task's outcome and the total) must
//! agree with the prediction.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;
use std::sync::Mutex;

use common::{check, mixed, presets, Printed, SCALE};
use model::lang::Lang;
use model::scenario::{Mode, Scenario};
use presentation::code::python;

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
    Printed::from_output(output, &scaled, scenario.tasks.len())
}

#[test]
fn every_preset_agrees_with_cpython() {
    for (what, scenario) in presets() {
        check("CPython", &what, &scenario, |mode| {
            run_python(&scenario, mode)
        });
    }
}

#[test]
fn mixed_scenarios_agree_with_cpython() {
    for (what, scenario) in mixed() {
        check("CPython", what, &scenario, |mode| {
            run_python(&scenario, mode)
        });
    }
}

/// The page's log of the predicted run of `scenario` in `mode`: what it
/// shows when a run goes as the simulator says.
fn page_log(scenario: &Scenario, mode: Mode, lang: Lang) -> Vec<String> {
    use model::events::Report;
    use model::recording::Recording;
    use model::simulate::predict;
    use std::rc::Rc;
    let scenario = Rc::new(scenario.clone());
    let prediction = Rc::new(predict(&scenario, mode));
    let mut recording = Recording::new(mode, scenario, prediction.clone());
    let events = prediction.events.iter().map(|&event| Report::Event(event));
    recording.record(events.chain([Report::Finished(prediction.total)]));
    let lines = recording.log_tail(usize::MAX);
    lines
        .iter()
        .map(|line| presentation::log::line(lang, line))
        .collect()
}

/// A printed line with its figures of time (`: 0.0012`, `за 1.0023`)
/// taken out: the words, which must match to the letter.
fn words(line: &str) -> String {
    match line.rsplit_once(' ') {
        Some((words, time)) if time.contains('.') && time.parse::<f64>().is_ok() => {
            format!("{words} …")
        }
        _ => line.to_owned(),
    }
}

/// The generated program prints, word for word, the lines the page's log
/// shows for the same scenario, in both languages and in both modes:
/// counts whose nouns take each form (1, 2, 3, 5, 11, 21, 30), and a
/// scenario that holds chunks of data.
#[test]
fn the_program_prints_the_pages_log_word_for_word() {
    let read = |tasks: &str| {
        let scenario = model::link::read(&format!("#tasks={tasks}"))
            .shared
            .scenario;
        (tasks.to_owned(), (*scenario).clone())
    };
    let mut scenarios: Vec<(String, Scenario)> = [1, 2, 3, 5, 11, 21, 30]
        .into_iter()
        .map(|n| read(&format!("{n}x1")))
        .collect();
    // Chunks held at once: 3 all at once, 1 one after another.
    scenarios.push(read("3xr1+w1"));
    for (what, scenario) in &scenarios {
        for lang in [Lang::Ru, Lang::En] {
            for mode in [Mode::Concurrent, Mode::Sequential] {
                let program = python(scenario, mode, lang);
                let scaled = program.replacen("SCALE = 1  #", "SCALE = 0.02  #", 1);
                let output = {
                    let _turn = ONE_AT_A_TIME
                        .lock()
                        .unwrap_or_else(|poisoned| poisoned.into_inner());
                    Command::new("python3")
                        .arg("-c")
                        .arg(&scaled)
                        .output()
                        .expect("python3 runs")
                };
                assert!(output.status.success(), "{what}: {output:?}");
                let printed: Vec<String> = String::from_utf8(output.stdout)
                    .expect("UTF-8")
                    .lines()
                    .map(words)
                    .collect();
                let shown: Vec<String> = page_log(scenario, mode, lang)
                    .iter()
                    .map(|line| words(line))
                    .collect();
                assert_eq!(printed, shown, "{what}, {mode}, {lang:?}");
            }
        }
    }
}

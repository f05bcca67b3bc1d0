//! Checks the simulator's rules against CPython itself: every preset and a
//! set of scenarios mixing every step kind, limits and timeouts are run as
//! the page's generated asyncio program under python3, ten times faster,
//! and what the program prints (each task's outcome and the total) must
//! agree with the prediction.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::process::Command;
use std::sync::Mutex;

use async_playground::code::python;
use async_playground::i18n::Lang;
use async_playground::scenario::{Mode, Scenario};
use common::{check, mixed, presets, Printed, SCALE};

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

//! The page's Rust programs, proved by running them: every preset and the
//! mixed scenarios that tests/asyncio.rs runs too (tests/common) are written
//! as the Code panel shows them in Rust, built with tokio (tests/tokio-program
//! is the crate they are built in, with warnings denied), and run ten times
//! faster; what each prints must agree with the simulator's prediction, as
//! CPython's does.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};

use common::{check, mixed, presets, Printed, SCALE};
use model::lang::Lang;
use model::scenario::{Mode, Scenario};
use presentation::code::{rust, TOKIO_DEPENDENCY};

/// Every scenario the tests run, with the name of its binary.
fn cases() -> Vec<(String, Scenario)> {
    let mixed = mixed()
        .into_iter()
        .map(|(what, scenario)| (what.replace(' ', "-"), scenario));
    presets().into_iter().chain(mixed).collect()
}

fn binary(name: &str, mode: Mode) -> String {
    format!("{name}-{mode}")
}

/// Builds every case's program in both modes, once for all the tests of
/// this file, and gives the folder the binaries are in.
fn built() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tokio-program");
        let manifest = fs::read_to_string(template.join("Cargo.toml")).unwrap();
        assert!(
            manifest.contains(&format!("\n{TOKIO_DEPENDENCY}\n")),
            "the test crate depends on tokio as the programs say"
        );
        let crate_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tokio-programs");
        let bins = crate_dir.join("src/bin");
        if bins.exists() {
            fs::remove_dir_all(&bins).unwrap();
        }
        fs::create_dir_all(&bins).unwrap();
        fs::write(crate_dir.join("Cargo.toml"), manifest).unwrap();
        fs::copy(template.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();
        for (name, scenario) in cases() {
            for mode in Mode::ALL {
                let program = rust(&scenario, mode, Lang::En);
                let scaled = program.replacen(
                    "const SCALE: f64 = 1.0;",
                    &format!("const SCALE: f64 = {SCALE};"),
                    1,
                );
                assert_ne!(scaled, program, "the program starts with its SCALE");
                fs::write(bins.join(format!("{}.rs", binary(&name, mode))), scaled).unwrap();
            }
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let target = crate_dir.join("target");
        let output = Command::new(cargo)
            .args(["build", "--locked", "--bins", "--quiet"])
            .current_dir(&crate_dir)
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTFLAGS", "-D warnings")
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "the generated programs do not build:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        target.join("debug")
    })
}

/// One program at a time: a program starting beside another's run would
/// delay its timers.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn run_program(name: &str, scenario: &Scenario, mode: Mode) -> Printed {
    let path = built().join(binary(name, mode));
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let output = Command::new(&path).output().expect("the program runs");
    Printed::from_output(output, &path.display().to_string(), scenario.tasks.len())
}

#[test]
fn every_scenario_agrees_with_tokio() {
    for (name, scenario) in cases() {
        check("tokio", &name, &scenario, |mode| {
            run_program(&name, &scenario, mode)
        });
    }
}

//! Runs a scenario as real Rust futures on the browser's event loop and
//! reports what happens, with times read from `performance.now()`.
//!
//! Each task is an `async` block that takes its steps as the generated
//! Python program does (see `code`): it awaits a timer for a wait, keeps
//! the thread busy for work, and awaits a Web Worker for offloaded work
//! ([`workers`]); a semaphore holds it to the limit, a timer to its
//! timeout, and another to the cancel its scenario sets, if any.
//! Concurrent runs join every task at once (`asyncio.gather`); sequential
//! runs await them one by one. Timers wait in one queue
//! ([`timers`]) behind a single browser timer. A run is owned by its
//! [`RunHandle`]: dropping the handle drops every future of the run at
//! once, which removes its timers.

mod clock;
mod gather;
mod handle;
mod task;
pub mod timers;
mod watch;
pub mod workers;

use std::cell::RefCell;
use std::rc::Rc;

use model::events::Report;
use model::scenario::{Mode, Scale, Scenario};
use model::state::Plan;

pub use clock::now_ms;
pub use handle::{RunHandle, RunOrigin};
use task::{run_mode, RunContext};

/// How many sleeps wait for their deadline right now, in every run. Zero
/// once every run has finished or been dropped.
pub fn pending_sleeps() -> usize {
    timers::pending()
}

/// Milliseconds until the runtime next wakes a sleep (zero if one is due
/// now), or `None` when no sleep waits.
pub fn next_wake_in_ms() -> Option<f64> {
    timers::next_wake_in_ms()
}

/// Whether a browser timer is armed for the runtime. False once nothing
/// waits: a stopped run leaves no timer behind.
pub fn timer_armed() -> bool {
    timers::armed()
}

/// Starts running the plan's scenario in each of `modes` at `scale`: side
/// by side or one after the other, with or without a way to cancel each
/// task, as the plan says ([`Plan::side_by_side`], [`Plan::cancellable`]).
/// Every start, step and end of a task, and each mode's measured total, go
/// to `report` in scenario time from that mode's own start.
pub fn start(
    plan: &Plan,
    modes: &'static [Mode],
    scale: Scale,
    report: impl Fn(Mode, Report) + 'static,
) -> RunHandle {
    start_boxed(plan, modes, scale, Box::new(report))
}

/// [`start`], compiled once whatever the sink: the page and its warm-up
/// share one copy of the run's code.
fn start_boxed(
    plan: &Plan,
    modes: &'static [Mode],
    scale: Scale,
    report: Box<dyn Fn(Mode, Report)>,
) -> RunHandle {
    // A run shares the loop with nothing of the page's own.
    drop(WARM_UP.with(RefCell::take));
    let origin = RunOrigin::default();
    let cancels = handle::Cancels::default();
    let together = plan.side_by_side();
    let context = Rc::new(RunContext {
        scenario: plan.scenario.clone(),
        scale,
        report,
        cancellable: plan.cancellable(),
        cancels: cancels.clone(),
    });
    let run = {
        let origin = origin.clone();
        async move {
            // Timed from here, as "performance.now() around the run".
            let began = now_ms();
            origin.set(began);
            let runs = modes
                .iter()
                .map(|&mode| run_mode(context.clone(), mode, began));
            if together {
                futures::future::join_all(runs).await;
            } else {
                for run in runs {
                    run.await;
                }
            }
        }
    };
    handle::spawn_owned(run, origin, cancels)
}

/// How many tasks the concurrent warm-up starts. The browser compiles
/// WebAssembly a function at a time, when first called, and compiles it
/// again, optimised, once it has run often: after a warm-up of 2,000 tasks
/// the last of a fresh page's 1,000 started a median 0.5 ms after the run
/// began, against 1.0 ms after a warm-up of one (the runtime alone,
/// bench/floor, 9 fresh pages each).
pub const WARM_UP_TASKS: usize = 2_000;

/// A run of 1 ms waits in both modes, to be started once the page is on
/// screen: one task one after another, [`WARM_UP_TASKS`] all at once. A
/// page's first run, cold, measured up to 7 ms more than the runs after it.
/// `report` hears it as it would a run. The runtime keeps it: starting a
/// run drops it, if it has not finished.
pub fn warm_up(report: impl Fn(Mode, Report) + 'static) {
    let report = Rc::new(report);
    let run = |tasks: usize, modes: &'static [Mode]| {
        let plan = Plan::new(Scenario::uniform(tasks, model::scenario::MIN_DURATION));
        let report = report.clone();
        start(&plan, modes, Scale::X1, move |mode, r| report(mode, r))
    };
    let handles = [
        run(1, &[Mode::Sequential]),
        run(WARM_UP_TASKS, &[Mode::Concurrent]),
    ];
    WARM_UP.with(|warm_up| warm_up.replace(Some(handles)));
}

thread_local! {
    /// The warm-up's runs, while they may still be going.
    static WARM_UP: RefCell<Option<[RunHandle; 2]>> = const { RefCell::new(None) };
}

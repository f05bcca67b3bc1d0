//! The time, read in one place: `performance.now()`, once per batch of
//! tasks while [`crate::runtime::gather`] starts or finishes many at once.

use std::cell::Cell;
use std::time::Duration;

use model::scenario::Scale;

/// Milliseconds on the page's monotonic clock: the one place the runtime
/// reads the time.
pub fn now_ms() -> f64 {
    thread_local! {
        static PERFORMANCE: Option<web_sys::Performance> =
            web_sys::window().and_then(|window| window.performance());
    }
    PERFORMANCE.with(|performance| performance.as_ref().map_or(0.0, |p| p.now()))
}

thread_local! {
    /// While [`gather`] starts or finishes a batch of tasks, the one clock
    /// reading they all share.
    static BATCH_NOW: Cell<Option<f64>> = const { Cell::new(None) };
}

/// The time as a task sees it: the batch's reading while [`gather`] polls
/// a batch, the clock otherwise. A reading crosses into JavaScript; 100,000
/// tasks starting together need one per batch, not one each. A batch
/// reading is taken just before the batch, so a task's reported start is at
/// most a fraction of a millisecond early, and its deadline counts from that
/// same reported start: it never ends sooner than its duration after it.
pub(super) fn task_now_ms() -> f64 {
    BATCH_NOW.get().unwrap_or_else(now_ms)
}

/// After a task has blocked the thread, the batch's reading is stale: the
/// tasks after it read the clock anew.
pub(super) fn after_blocking() {
    if BATCH_NOW.get().is_some() {
        BATCH_NOW.set(Some(now_ms()));
    }
}

/// Runs `poll` with one clock reading shared by every task it polls.
pub(super) fn with_batch_clock<R>(poll: impl FnOnce() -> R) -> R {
    BATCH_NOW.set(Some(now_ms()));
    let result = poll();
    BATCH_NOW.set(None);
    result
}

/// The scenario time from `since` to `now` (both [`now_ms`] readings).
pub(super) fn scenario_time(since: f64, now: f64, scale: Scale) -> Duration {
    let real = Duration::from_secs_f64((now - since).max(0.0) / 1000.0);
    scale.to_scenario(real)
}

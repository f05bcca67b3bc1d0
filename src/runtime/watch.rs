//! What watches a mode while it runs: a heartbeat on the loop that reports
//! stalls, and the page's visibility, either of which may mark the run's
//! measurements as not the program's own.

use std::cell::Cell;

use gloo_events::EventListener;

use super::clock::{now_ms, scenario_time};
use super::timers;
use model::events::{Distortion, Report};
use model::scenario::Scale;

/// How often the heartbeat beats, in real milliseconds.
const BEAT_MS: u32 = 20;

/// A beat this late means the loop could not run: the time at which a
/// browser counts a task as long.
const STALL_MS: f64 = 50.0;

/// A beat this much later than the scenario's work explains means the
/// browser held the page's timers back (it lets a hidden or out-of-view
/// page's timers fire about once a second): far beyond the pauses a busy
/// machine causes, far under a second.
const THROTTLED_MS: f64 = 400.0;

thread_local! {
    /// Real milliseconds spent in work steps on this thread, ever.
    static WORKED_MS: Cell<f64> = const { Cell::new(0.0) };
}

/// Notes that a work step held the thread for `ms` real milliseconds: the
/// heartbeat does not count it as the browser's doing.
pub(super) fn worked(ms: f64) {
    WORKED_MS.set(WORKED_MS.get() + ms);
}

/// Beats every [`BEAT_MS`] on the loop while a mode runs, and reports each
/// time it could not beat for over [`STALL_MS`]: the loop was blocked.
///
/// A beat far later than the scenario's work explains is not a stall of
/// the loop: it is reported as a [`Distortion::Throttled`] run. Times are
/// scenario times at `scale` from `began` ([`now_ms`] milliseconds).
pub(super) async fn heartbeat(report: impl Fn(Report), scale: Scale, began: f64) {
    let mut last = now_ms();
    let mut worked = WORKED_MS.get();
    loop {
        timers::coarse_sleep(BEAT_MS).await;
        let now = now_ms();
        let gap = now - last;
        if gap > STALL_MS {
            let stall = if gap - (WORKED_MS.get() - worked) > THROTTLED_MS {
                Report::Distorted(Distortion::Throttled)
            } else {
                Report::Stall(
                    scenario_time(began, last, scale),
                    scenario_time(began, now, scale),
                )
            };
            report(stall);
        }
        last = now;
        worked = WORKED_MS.get();
    }
}

/// Reports a [`Distortion::Hidden`] run if the page is hidden now or
/// becomes hidden before the returned listener is dropped.
pub(super) fn watch_visibility(report: impl Fn(Report) + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let report = move || report(Report::Distorted(Distortion::Hidden));
    if document.hidden() {
        report();
    }
    let target = document.clone();
    Some(EventListener::new(&target, "visibilitychange", move |_| {
        if document.hidden() {
            report();
        }
    }))
}

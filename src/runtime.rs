//! Runs a scenario as real Rust futures on the browser's event loop and
//! reports what happens, with times read from `performance.now()`.
//!
//! Each task is an `async` block that reports its start, awaits a timer and
//! reports its end, like the course's `sleeping(n)` coroutine. Concurrent
//! runs join every task at once (`asyncio.gather`); sequential runs await
//! them one by one. A run is owned by its [`RunHandle`]: dropping the
//! handle drops every future of the run at once, which clears its timers.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::{join_all, poll_fn, LocalBoxFuture};
use futures::FutureExt;
use gloo_timers::future::TimeoutFuture;

use crate::recording::{Report, RunEvent};
use crate::scenario::{Mode, Scale, Scenario};

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
    static PENDING_SLEEPS: Cell<usize> = const { Cell::new(0) };
}

/// How many sleeps (each holding a browser timer) are waiting right now, in
/// every run. Zero once every run has finished or been dropped.
pub fn pending_sleeps() -> usize {
    PENDING_SLEEPS.with(Cell::get)
}

/// Counts a sleep as pending for as long as it lives.
struct PendingSleep;

impl PendingSleep {
    fn new() -> Self {
        PENDING_SLEEPS.with(|count| count.set(count.get() + 1));
        Self
    }
}

impl Drop for PendingSleep {
    fn drop(&mut self) {
        PENDING_SLEEPS.with(|count| count.set(count.get() - 1));
    }
}

/// Waits until the clock reads `deadline` (in milliseconds). Browser timers
/// take whole milliseconds and may fire a little early relative to
/// `performance.now()`; this never returns before the deadline.
async fn sleep_until(deadline: f64) {
    let _pending = PendingSleep::new();
    loop {
        let remaining = deadline - now_ms();
        if remaining <= 0.0 {
            return;
        }
        TimeoutFuture::new(remaining.ceil() as u32).await;
    }
}

/// A run in progress. Dropping it stops the run at once: its futures are
/// dropped, and with them their timers.
pub struct RunHandle {
    slot: Rc<Slot>,
    started_at: f64,
}

struct Slot {
    future: RefCell<Option<LocalBoxFuture<'static, ()>>>,
    cancelled: Cell<bool>,
}

impl RunHandle {
    /// When the run started, in [`now_ms`] milliseconds.
    pub fn started_at(&self) -> f64 {
        self.started_at
    }

    /// Whether the run has finished by itself.
    pub fn is_finished(&self) -> bool {
        self.slot
            .future
            .try_borrow()
            .is_ok_and(|future| future.is_none())
    }
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.slot.cancelled.set(true);
        // Dropped from inside the run itself (a report that stops it), the
        // future is being polled: the driver drops it when the poll returns.
        if let Ok(mut future) = self.slot.future.try_borrow_mut() {
            future.take();
        }
    }
}

/// Drives `future` on the browser's event loop, owned by the handle.
fn spawn_owned(future: impl Future<Output = ()> + 'static, started_at: f64) -> RunHandle {
    let slot = Rc::new(Slot {
        future: RefCell::new(Some(future.boxed_local())),
        cancelled: Cell::new(false),
    });
    let driver = slot.clone();
    wasm_bindgen_futures::spawn_local(poll_fn(move |cx: &mut Context<'_>| {
        let mut future = driver.future.borrow_mut();
        let Some(running) = future.as_mut() else {
            return Poll::Ready(());
        };
        let poll = Pin::new(running).poll(cx);
        if poll.is_ready() || driver.cancelled.get() {
            future.take();
            return Poll::Ready(());
        }
        Poll::Pending
    }));
    RunHandle { slot, started_at }
}

/// Starts running `scenario` in `mode` at `scale`. Every start and end of a
/// task, and the measured total, go to `report` in scenario time.
pub fn start(
    scenario: Rc<Scenario>,
    mode: Mode,
    scale: Scale,
    report: impl Fn(Report) + 'static,
) -> RunHandle {
    let started_at = now_ms();
    let clock = move || {
        let real = Duration::from_secs_f64((now_ms() - started_at).max(0.0) / 1000.0);
        scale.to_scenario(real)
    };
    let report = Rc::new(report);
    let count = scenario.tasks.len();
    let task = {
        let report = report.clone();
        move |index: usize| {
            let report = report.clone();
            let wait = scale.to_real(scenario.tasks[index].duration);
            async move {
                report(Report::Event(RunEvent::Started {
                    task: index,
                    at: clock(),
                }));
                sleep_until(now_ms() + wait.as_secs_f64() * 1000.0).await;
                report(Report::Event(RunEvent::Finished {
                    task: index,
                    at: clock(),
                }));
            }
        }
    };
    let run = async move {
        match mode {
            Mode::Concurrent => {
                join_all((0..count).map(&task)).await;
            }
            Mode::Sequential => {
                for index in 0..count {
                    task(index).await;
                }
            }
        }
        report(Report::Finished(clock()));
    };
    spawn_owned(run, started_at)
}

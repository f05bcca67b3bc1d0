//! Runs a scenario as real Rust futures on the browser's event loop and
//! reports what happens, with times read from `performance.now()`.
//!
//! Each task is an `async` block that reports its start, awaits a timer and
//! reports its end, like the course's `sleeping(n)` coroutine. Concurrent
//! runs join every task at once (`asyncio.gather`); sequential runs await
//! them one by one. Timers wait in one queue ([`timers`]) behind a single
//! browser timer. A run is owned by its [`RunHandle`]: dropping the handle
//! drops every future of the run at once, which removes its timers.

pub mod timers;

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::{poll_fn, LocalBoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};
use futures::FutureExt;

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
fn task_now_ms() -> f64 {
    BATCH_NOW.get().unwrap_or_else(now_ms)
}

/// Runs `poll` with one clock reading shared by every task it polls.
fn with_batch_clock<R>(poll: impl FnOnce() -> R) -> R {
    BATCH_NOW.set(Some(now_ms()));
    let result = poll();
    BATCH_NOW.set(None);
    result
}

/// How many sleeps wait for their deadline right now, in every run. Zero
/// once every run has finished or been dropped.
pub fn pending_sleeps() -> usize {
    timers::pending()
}

/// Whether a browser timer is armed for the runtime. False once nothing
/// waits: a stopped run leaves no timer behind.
pub fn timer_armed() -> bool {
    timers::armed()
}

/// A run in progress. Dropping it stops the run at once: its futures are
/// dropped, and with them their timers.
pub struct RunHandle {
    slot: Rc<Slot>,
    origin: RunOrigin,
}

/// When a run started, once it has: the moment its future is first polled,
/// just before its first task starts.
#[derive(Clone, Default)]
pub struct RunOrigin(Rc<Cell<Option<f64>>>);

impl RunOrigin {
    /// When the run started, in [`now_ms`] milliseconds; `None` before.
    pub fn started_at(&self) -> Option<f64> {
        self.0.get()
    }

    /// The run's time at `now` (in [`now_ms`] milliseconds), in scenario
    /// time at `scale`; zero until the run has started.
    pub fn scenario_time(&self, now: f64, scale: Scale) -> Duration {
        let started_at = self.started_at().unwrap_or(now);
        let real = Duration::from_secs_f64((now - started_at).max(0.0) / 1000.0);
        scale.to_scenario(real)
    }
}

struct Slot {
    future: RefCell<Option<LocalBoxFuture<'static, ()>>>,
    cancelled: Cell<bool>,
}

impl RunHandle {
    /// When the run started, once it has.
    pub fn origin(&self) -> RunOrigin {
        self.origin.clone()
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
fn spawn_owned(future: impl Future<Output = ()> + 'static, origin: RunOrigin) -> RunHandle {
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
    RunHandle { slot, origin }
}

/// Starts running `scenario` in `mode` at `scale`. Every start and end of a
/// task, and the measured total, go to `report` in scenario time.
pub fn start(
    scenario: Rc<Scenario>,
    mode: Mode,
    scale: Scale,
    report: impl Fn(Report) + 'static,
) -> RunHandle {
    let origin = RunOrigin::default();
    let since_start = {
        let origin = origin.clone();
        move |now: f64| origin.scenario_time(now, scale)
    };
    let report = Rc::new(report);
    let count = scenario.tasks.len();
    let task = {
        let report = report.clone();
        let since_start = since_start.clone();
        move |index: usize| {
            let report = report.clone();
            let since_start = since_start.clone();
            let wait = scale.to_real(scenario.tasks[index].duration);
            async move {
                let now = task_now_ms();
                report(Report::Event(RunEvent::Started {
                    task: index,
                    at: since_start(now),
                }));
                timers::sleep_until(now + wait.as_secs_f64() * 1000.0).await;
                report(Report::Event(RunEvent::Finished {
                    task: index,
                    at: since_start(task_now_ms()),
                }));
            }
        }
    };
    let run = {
        let origin = origin.clone();
        async move {
            // Timed from here, as "performance.now() around the run".
            origin.0.set(Some(now_ms()));
            match mode {
                Mode::Concurrent => gather((0..count).map(&task)).await,
                Mode::Sequential => {
                    for index in 0..count {
                        task(index).await;
                    }
                }
            }
            report(Report::Finished(since_start(now_ms())));
        }
    };
    spawn_owned(run, origin)
}

/// How long the runtime works before giving the browser a turn: half a
/// frame, far under the 50 ms at which a task counts as long, since creating
/// 100,000 futures can take twice its budget (allocation, memory growth)
/// and the frame that draws them needs room too.
const SLICE_MS: f64 = 8.0;

/// How long one turn may last when the rest of the work fits in it: a
/// slice ends after [`SLICE_MS`] unless, at the pace so far, everything left
/// would be done within this; then it carries on rather than letting a frame
/// in (which a run of 10,000 tasks would otherwise pay for), still far under
/// the 50 ms at which a task counts as long.
const TURN_MS: f64 = 30.0;

/// Whether a slice that began at `began` and has done `done` items should
/// stop, with `left` items still to do.
fn slice_over(began: f64, done: usize, left: usize) -> bool {
    let elapsed = now_ms() - began;
    if elapsed < SLICE_MS {
        return false;
    }
    let per_item = elapsed / done.max(1) as f64;
    elapsed + per_item * left as f64 > TURN_MS
}

/// How many tasks are started or finished per clock reading.
const TASKS_PER_READING: usize = 256;

/// Runs `tasks` all at once, as `asyncio.gather` does: each is started, in
/// order, and runs until its first await; then they finish as they wake.
/// Unlike asyncio, which starts 100,000 tasks in one turn of its loop, the
/// work is done in slices (see [`SLICE_MS`] and [`TURN_MS`]), so the page
/// keeps drawing and answering while a large run starts and ends.
async fn gather<F: Future<Output = ()>>(tasks: impl ExactSizeIterator<Item = F>) {
    let mut tasks = tasks.peekable();
    let mut running = FuturesUnordered::new();
    while tasks.peek().is_some() {
        let began = now_ms();
        let mut started = 0;
        loop {
            running.extend(tasks.by_ref().take(TASKS_PER_READING));
            started += TASKS_PER_READING;
            // Poll the new tasks once, so they start now, in order.
            poll_fn(|cx| {
                with_batch_clock(
                    || while let Poll::Ready(Some(())) = running.poll_next_unpin(cx) {},
                );
                Poll::Ready(())
            })
            .await;
            let left = tasks.len();
            if left == 0 || slice_over(began, started, left) {
                break;
            }
        }
        if tasks.peek().is_some() {
            timers::yield_now().await;
        }
    }
    loop {
        // A slice starts when there is work again, not while waiting.
        let mut began = None;
        let mut finished = 0;
        let emptied = poll_fn(|cx| {
            let slice_began = *began.get_or_insert_with(now_ms);
            loop {
                // Finish up to a batch of woken tasks on one clock reading.
                let polled = with_batch_clock(|| {
                    for _ in 0..TASKS_PER_READING {
                        match running.poll_next_unpin(cx) {
                            Poll::Ready(Some(())) => {}
                            other => return other,
                        }
                    }
                    Poll::Ready(Some(()))
                });
                match polled {
                    Poll::Ready(Some(())) => {
                        finished += TASKS_PER_READING;
                        if slice_over(slice_began, finished, running.len()) {
                            return Poll::Ready(false);
                        }
                    }
                    Poll::Ready(None) => return Poll::Ready(true),
                    Poll::Pending => {
                        began = None;
                        finished = 0;
                        return Poll::Pending;
                    }
                }
            }
        })
        .await;
        if emptied {
            return;
        }
        timers::yield_now().await;
    }
}

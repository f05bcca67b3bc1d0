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

pub mod timers;
pub mod workers;

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::{poll_fn, AbortHandle, Abortable, Either, LocalBoxFuture};
use futures::stream::{FuturesUnordered, StreamExt};
use futures::FutureExt;
use gloo_events::EventListener;

use tokio::sync::Semaphore;

use crate::recording::{Distortion, Failure, Outcome, Report, RunEvent};
use crate::scenario::{Mode, Scale, Scenario, StepKind, Traits};
use crate::timeline::LANE_LIMIT;

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

/// After a task has blocked the thread, the batch's reading is stale: the
/// tasks after it read the clock anew.
fn after_blocking() {
    if BATCH_NOW.get().is_some() {
        BATCH_NOW.set(Some(now_ms()));
    }
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
/// dropped, and with them their timers, their slots under the limit and
/// their queued offloads.
pub struct RunHandle {
    slot: Rc<Slot>,
    origin: RunOrigin,
    cancels: Cancels,
}

/// How the learner cancels a task of a run: an abort handle per task and
/// mode, made only when the timeline draws a lane per task (so a few
/// hundred at most).
type Cancels = Rc<RefCell<Vec<(Mode, usize, AbortHandle)>>>;

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
        scenario_time(self.started_at().unwrap_or(now), now, scale)
    }
}

/// The scenario time from `since` to `now` (both [`now_ms`] readings).
fn scenario_time(since: f64, now: f64, scale: Scale) -> Duration {
    let real = Duration::from_secs_f64((now - since).max(0.0) / 1000.0);
    scale.to_scenario(real)
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

    /// Cancels task `task` of the `mode` run, as `task.cancel()` does: it
    /// ends at its current await, reported as cancelled. False if the task
    /// cannot be cancelled (it has ended, or the run has too many tasks to
    /// draw a lane each).
    pub fn cancel(&self, mode: Mode, task: usize) -> bool {
        let mut cancels = self.cancels.borrow_mut();
        let Some(at) = cancels.iter().position(|c| (c.0, c.1) == (mode, task)) else {
            return false;
        };
        cancels.swap_remove(at).2.abort();
        true
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
fn spawn_owned(
    future: impl Future<Output = ()> + 'static,
    origin: RunOrigin,
    cancels: Cancels,
) -> RunHandle {
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
    RunHandle {
        slot,
        origin,
        cancels,
    }
}

/// Whether the modes of one run go side by side. Tasks that only wait
/// share the thread without touching each other's timings; work would
/// block the other mode's tasks too, and offloads would share its workers,
/// so then the modes run one after the other.
pub fn side_by_side(traits: Traits) -> bool {
    traits.only_waits
}

/// What every task of a run shares.
struct RunContext {
    scenario: Rc<Scenario>,
    scale: Scale,
    report: Box<dyn Fn(Mode, Report)>,
    cancels: Cancels,
}

/// Starts running `scenario` in each of `modes` at `scale`: side by side
/// or one after the other (see [`side_by_side`]). Every start, step and end
/// of a task, and each mode's measured total, go to `report` in scenario
/// time from that mode's own start.
pub fn start(
    scenario: Rc<Scenario>,
    modes: &'static [Mode],
    scale: Scale,
    report: impl Fn(Mode, Report) + 'static,
) -> RunHandle {
    start_boxed(scenario, modes, scale, Box::new(report))
}

/// [`start`], compiled once whatever the sink: the page and its warm-up
/// share one copy of the run's code.
fn start_boxed(
    scenario: Rc<Scenario>,
    modes: &'static [Mode],
    scale: Scale,
    report: Box<dyn Fn(Mode, Report)>,
) -> RunHandle {
    // A run shares the loop with nothing of the page's own.
    drop(WARM_UP.with(RefCell::take));
    let origin = RunOrigin::default();
    let cancels = Cancels::default();
    let together = side_by_side(scenario.traits());
    let context = Rc::new(RunContext {
        scenario,
        scale,
        report,
        cancels: cancels.clone(),
    });
    let run = {
        let origin = origin.clone();
        async move {
            // Timed from here, as "performance.now() around the run".
            let began = now_ms();
            origin.0.set(Some(began));
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
    spawn_owned(run, origin, cancels)
}

/// A run of one 1 ms wait in both modes, to be started once the page is
/// on screen: the browser compiles WebAssembly a function at a time, when
/// first called, and a page's first run, cold, measured up to 7 ms more
/// than the runs after it. `report` hears it as it would a run.
/// The runtime keeps it: starting a run drops it, if it has not finished.
pub fn warm_up(report: impl Fn(Mode, Report) + 'static) {
    let scenario = Scenario::uniform(1, crate::scenario::MIN_DURATION);
    let handle = start(Rc::new(scenario), &Mode::ALL, Scale::X1, report);
    WARM_UP.with(|warm_up| warm_up.replace(Some(handle)));
}

thread_local! {
    /// The warm-up run, while it may still be going.
    static WARM_UP: RefCell<Option<RunHandle>> = const { RefCell::new(None) };
}

/// One mode of a run, with the heartbeat that watches the loop meanwhile.
async fn run_mode(context: Rc<RunContext>, mode: Mode, origin: f64) {
    // The page's own watch is set before the clock starts: the mode is
    // timed from just before its first task.
    let _visibility = watch_visibility(&context, mode);
    let began = now_ms();
    let scale = context.scale;
    (context.report)(mode, Report::Began(scenario_time(origin, began, scale)));
    let count = context.scenario.tasks.len();
    let limit = context
        .scenario
        .limit
        .map(|limit| Rc::new(Semaphore::new(limit)));
    let lanes = count <= LANE_LIMIT;
    let task = |index: usize| {
        let context = context.clone();
        let limit = limit.clone();
        let registration = lanes.then(|| {
            let (handle, registration) = AbortHandle::new_pair();
            context.cancels.borrow_mut().push((mode, index, handle));
            registration
        });
        async move {
            let task = run_task(&context, mode, began, index, limit.as_deref());
            // A cancel the scenario sets is timed from now, when the task
            // is created (`loop.call_later(cancel, task.cancel)`).
            let task = async {
                match context.scenario.tasks[index].cancel {
                    Some(cancel) => {
                        let at =
                            task_now_ms() + context.scale.to_real(cancel).as_secs_f64() * 1000.0;
                        Box::pin(until(task, at)).await
                    }
                    None => {
                        task.await;
                        true
                    }
                }
            };
            let finished = match registration {
                Some(registration) => Abortable::new(task, registration).await.unwrap_or(false),
                None => task.await,
            };
            if !finished {
                (context.report)(
                    mode,
                    Report::Event(RunEvent::Finished {
                        task: index,
                        at: scenario_time(began, now_ms(), scale),
                        outcome: Outcome::Cancelled,
                    }),
                );
            }
            if lanes {
                context
                    .cancels
                    .borrow_mut()
                    .retain(|c| (c.0, c.1) != (mode, index));
            }
        }
    };
    let tasks = async {
        match mode {
            Mode::Concurrent => gather((0..count).map(&task)).await,
            Mode::Sequential => {
                // With a lane each, every task is made now (a future does
                // nothing until awaited), so that the learner can cancel
                // one that has not started: it ends, cancelled, when its
                // turn comes, and never runs. Without lanes, one at a time.
                let made: Vec<_> = match lanes {
                    true => (0..count).map(&task).collect(),
                    false => Vec::new(),
                };
                let mut made = made.into_iter();
                // Awaiting one task after another never gives the browser
                // a turn by itself when the tasks only work: it gets one
                // between tasks once a turn's length has passed, so that
                // the page draws and Stop lands within a task's own work
                // step. A turn, not a slice: each turn lets a frame in,
                // and drawing a run of thousands of tasks costs a frame
                // more than a slice (measured: 8,000 tasks of 1 ms at
                // ×100 took 4.7 s with 8 ms slices, 2.2 s with turns).
                let mut turn_began = now_ms();
                for index in 0..count {
                    match made.next() {
                        Some(made) => made.await,
                        None => task(index).await,
                    }
                    if now_ms() - turn_began >= TURN_MS {
                        timers::yield_now().await;
                        turn_began = now_ms();
                    }
                }
            }
        }
    };
    futures::pin_mut!(tasks);
    let heartbeat = heartbeat(&context, mode, began);
    futures::pin_mut!(heartbeat);
    // The heartbeat first: it must be beating before any task can block.
    futures::future::select(heartbeat, tasks).await;
    (context.report)(
        mode,
        Report::Finished(scenario_time(began, now_ms(), scale)),
    );
}

/// One task as the generated Python runs it: it sleeps until it arrives,
/// then `async with limit:` around `asyncio.wait_for(body, timeout)`.
/// `wait_for` arms the timeout, then the body starts on a later turn
/// (asyncio wraps it in a task of its own); when the deadline passes, the
/// body is dropped at its next await.
async fn run_task(
    context: &RunContext,
    mode: Mode,
    began: f64,
    index: usize,
    limit: Option<&Semaphore>,
) {
    // What most tasks never await is boxed, so that it takes no room in
    // each of 100,000 futures that do not need it.
    let arrival = context.scenario.tasks[index].arrival;
    if !arrival.is_zero() {
        let ms = context.scale.to_real(arrival).as_secs_f64() * 1000.0;
        Box::pin(timers::sleep_until(began + ms)).await;
    }
    let _permit = match limit {
        Some(limit) => Box::pin(limit.acquire()).await.ok(),
        None => None,
    };
    let outcome = match context.scenario.timeout {
        Some(timeout) => Box::pin(with_timeout(context, mode, began, index, timeout)).await,
        None => {
            body(context, mode, began, index).await;
            Outcome::Done
        }
    };
    (context.report)(
        mode,
        Report::Event(RunEvent::Finished {
            task: index,
            at: scenario_time(began, task_now_ms(), context.scale),
            outcome,
        }),
    );
}

/// Runs `task` until it ends, true, or until `at` (in [`now_ms`]
/// milliseconds), false: then it is dropped at its current await.
async fn until(task: impl Future<Output = ()>, at: f64) -> bool {
    futures::pin_mut!(task);
    let deadline = timers::sleep_until(at);
    futures::pin_mut!(deadline);
    matches!(
        futures::future::select(task, deadline).await,
        Either::Left(_)
    )
}

/// The body under `asyncio.wait_for`: the deadline is taken now, the body
/// starts on a later turn, and it is dropped at its first await after the
/// deadline.
async fn with_timeout(
    context: &RunContext,
    mode: Mode,
    began: f64,
    index: usize,
    timeout: Duration,
) -> Outcome {
    let deadline = task_now_ms() + context.scale.to_real(timeout).as_secs_f64() * 1000.0;
    timers::yield_now().await;
    if until(body(context, mode, began, index), deadline).await {
        Outcome::Done
    } else {
        Outcome::TimedOut
    }
}

/// The task's steps, in order, each reported as it begins.
async fn body(context: &RunContext, mode: Mode, began: f64, index: usize) {
    let scale = context.scale;
    for (step_index, step) in context.scenario.tasks[index].steps.iter().enumerate() {
        let now = task_now_ms();
        let at = scenario_time(began, now, scale);
        let event = match step_index {
            0 => RunEvent::Started { task: index, at },
            step => RunEvent::Step {
                task: index,
                step,
                at,
            },
        };
        (context.report)(mode, Report::Event(event));
        let ms = scale.to_real(step.duration).as_secs_f64() * 1000.0;
        match step.kind {
            StepKind::Wait | StepKind::Receive | StepKind::Write => {
                timers::sleep_until(now + ms).await;
            }
            StepKind::Work => {
                // Really busy: nothing else runs on this thread meanwhile,
                // not even the page.
                let end = now + ms;
                while now_ms() < end {}
                WORKED_MS.set(WORKED_MS.get() + (now_ms() - now));
                after_blocking();
            }
            StepKind::Offload => {
                if workers::offload(ms).await.is_err() {
                    // The page stops the run and says why; until then this
                    // task goes no further.
                    (context.report)(mode, Report::Failed(Failure::NoWorkers));
                    std::future::pending::<()>().await;
                }
            }
        }
    }
}

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

/// Beats every [`BEAT_MS`] on the loop while a mode runs, and reports each
/// time it could not beat for over [`STALL_MS`]: the loop was blocked.
///
/// A beat far later than the scenario's work explains is not a stall of
/// the loop: it is reported as a [`Distortion::Throttled`] run.
async fn heartbeat(context: &RunContext, mode: Mode, began: f64) {
    let mut last = now_ms();
    let mut worked = WORKED_MS.get();
    loop {
        timers::coarse_sleep(BEAT_MS).await;
        let now = now_ms();
        let gap = now - last;
        if gap > STALL_MS {
            let report = if gap - (WORKED_MS.get() - worked) > THROTTLED_MS {
                Report::Distorted(Distortion::Throttled)
            } else {
                Report::Stall(
                    scenario_time(began, last, context.scale),
                    scenario_time(began, now, context.scale),
                )
            };
            (context.report)(mode, report);
        }
        last = now;
        worked = WORKED_MS.get();
    }
}

/// Reports a [`Distortion::Hidden`] run if the page is hidden now or
/// becomes hidden before the returned listener is dropped.
fn watch_visibility(context: &Rc<RunContext>, mode: Mode) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let report = {
        let context = context.clone();
        move || (context.report)(mode, Report::Distorted(Distortion::Hidden))
    };
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

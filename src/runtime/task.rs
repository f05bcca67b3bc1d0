//! One mode of a run, and each of its tasks as the generated Python runs
//! it: it sleeps until it arrives, holds its slot under the limit, and
//! takes its steps under its timeout and its cancel, if any.

use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use futures::future::{AbortHandle, Abortable, Either};
use tokio::sync::Semaphore;

use super::clock::{after_blocking, now_ms, scenario_time, task_now_ms};
use super::gather::gather;
use super::handle::Cancels;
use super::watch::{heartbeat, watch_visibility, worked};
use super::{timers, workers};
use model::events::{Failure, Outcome, Report, RunEvent};
use model::scenario::{Mode, Scale, Scenario, StepKind};

/// How long a sequential run keeps the thread before giving the browser a
/// turn between two tasks (see `run_mode`).
const TURN_MS: f64 = 30.0;

/// What every task of a run shares.
pub(super) struct RunContext {
    /// What runs.
    pub scenario: Rc<Scenario>,
    /// How fast.
    pub scale: Scale,
    /// Where each mode's reports go.
    pub report: Box<dyn Fn(Mode, Report)>,
    /// Whether the learner can cancel each task (see `Plan::cancellable`).
    pub cancellable: bool,
    /// The handles that cancel tasks, when they can be.
    pub cancels: Cancels,
}

/// One mode of a run, with the heartbeat that watches the loop meanwhile.
pub(super) async fn run_mode(context: Rc<RunContext>, mode: Mode, origin: f64) {
    // The page's own watch is set before the clock starts: the mode is
    // timed from just before its first task.
    let _visibility = watch_visibility({
        let context = context.clone();
        move |report| (context.report)(mode, report)
    });
    let began = now_ms();
    let scale = context.scale;
    (context.report)(mode, Report::Began(scenario_time(origin, began, scale)));
    let count = context.scenario.tasks.len();
    let limit = context
        .scenario
        .limit
        .map(|limit| Rc::new(Semaphore::new(limit)));
    let lanes = context.cancellable;
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
    let heartbeat = heartbeat(|report| (context.report)(mode, report), scale, began);
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
                worked(now_ms() - now);
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

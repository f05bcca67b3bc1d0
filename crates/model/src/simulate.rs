//! Predicts a run on a virtual clock, the way asyncio's event loop would
//! carry it out: one thread, a queue of ready callbacks, a heap of timers
//! ordered by deadline, a pool of [`WORKERS`] threads for offloaded work
//! and a semaphore for the concurrency limit.
//!
//! The clock moves when the loop sleeps until its earliest timer and when
//! a task works on the CPU, which blocks the loop, so a prediction is exact:
//! 30 tasks of 1 s run together take 1 s, one after another 30 s. The loop
//! turns as asyncio's `_run_once` does: timers that are due join the back
//! of the ready queue, then everything ready at that moment runs once. The
//! real run in the browser is measured next to it, and tests run the same
//! scenarios under CPython to check these rules (tests/asyncio.rs).
//!
//! The prediction is a list of the same [`RunEvent`]s a real run reports,
//! so the page draws and logs both the same way.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::Duration;

use crate::events::{Outcome, RunEvent};
use crate::scenario::{Mode, Scenario, StepKind, Task, WORKERS};

/// What the simulator predicts for a scenario in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The mode that was simulated.
    pub mode: Mode,
    /// Every start, step and end, in the order they happen.
    pub events: Vec<RunEvent>,
    /// When the last task finished.
    pub total: Duration,
    /// The longest the loop's thread is held by work without a break:
    /// work steps back to back, of one task or of tasks that run in the
    /// same turn. The page cannot draw, nor hear Stop, meanwhile. In
    /// sequential mode the page gives the browser a turn between tasks
    /// (unlike `await` in asyncio), so a stretch ends with its task.
    pub longest_hold: Duration,
}

impl Prediction {
    /// How each task ends, in the scenario's order.
    pub fn outcomes(&self, tasks: usize) -> Vec<Option<Outcome>> {
        let mut outcomes = vec![None; tasks];
        for event in &self.events {
            if let RunEvent::Finished { task, outcome, .. } = *event {
                outcomes[task] = Some(outcome);
            }
        }
        outcomes
    }
}

/// Simulates `scenario` run in `mode` and predicts every event.
pub fn predict(scenario: &Scenario, mode: Mode) -> Prediction {
    let mut sim = Sim::new(scenario, mode);
    match mode {
        // `asyncio.gather` wraps every task at once, in order; each first
        // runs on the loop's next turn, or sleeps until it arrives.
        Mode::Concurrent => (0..scenario.tasks.len()).for_each(|task| sim.arrive(task)),
        // `for task in tasks: await task` enters the next when one ends.
        Mode::Sequential if !scenario.tasks.is_empty() => sim.arrive(0),
        Mode::Sequential => {}
    }
    sim.run();
    Prediction {
        mode,
        total: sim.last_end,
        events: sim.events,
        longest_hold: sim.longest_hold,
    }
}

/// Something the loop will call. A timer or a worker that is done only
/// sets a future's result; the task awaiting it runs on the loop's next
/// turn, as in asyncio.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Callback {
    /// A task asks for its slot under the limit, then starts.
    Enter(usize),
    /// A task was given a slot it queued for, and starts.
    Admitted(usize),
    /// A task's body starts, on the turn after `wait_for` wrapped it.
    Body(usize),
    /// A task's wait is over (the number tells which await it was, so a
    /// cancelled one is ignored).
    Wake(usize, u32),
    /// A worker has finished a job for a task's await.
    WorkerDone(usize, u32),
    /// A task runs on from an await.
    Resume(usize, u32),
    /// A task's timeout is due: `wait_for` wakes up.
    TimeoutDue(usize),
    /// The task is cancelled if it has not finished: by `wait_for` when it
    /// timed out, or by `task.cancel()` from a timer the scenario set.
    Cancel { task: usize, timed_out: bool },
    /// The cancelled task receives `CancelledError` at its await and ends.
    Cancelled(usize),
}

/// Where a task stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Not entered yet (not arrived, or about to enter), or queued for a
    /// slot.
    Outside,
    /// Holds its slot and its timeout runs; its body starts next turn.
    Entered,
    /// Suspended at an await (counted).
    Suspended { awaiting: u32 },
    /// Cancelled, about to end the way it says.
    Cancelling(Outcome),
    /// Finished one way or another.
    Over,
}

struct TaskState {
    phase: Phase,
    /// Whether it holds a slot under the limit (or would, with none).
    holds_slot: bool,
    next_step: usize,
    awaits: u32,
}

struct Sim<'a> {
    scenario: &'a Scenario,
    mode: Mode,
    now: Duration,
    last_end: Duration,
    ready: VecDeque<Callback>,
    /// Deadline, then the order timers were set (asyncio breaks ties the
    /// same way), then what to call.
    timers: BinaryHeap<Reverse<(Duration, u64, Callback)>>,
    timers_set: u64,
    tasks: Vec<TaskState>,
    /// Free slots under the limit, and who queues for one, in order.
    slots: usize,
    queued: VecDeque<usize>,
    /// Idle workers, and jobs waiting for one: (task, await, duration).
    idle_workers: usize,
    jobs: VecDeque<(usize, u32, Duration)>,
    events: Vec<RunEvent>,
    /// The stretch of work the loop is in, if it goes on at `now`: since
    /// when, until when; and the longest so far.
    held: (Duration, Duration),
    longest_hold: Duration,
}

impl<'a> Sim<'a> {
    fn new(scenario: &'a Scenario, mode: Mode) -> Self {
        Self {
            scenario,
            mode,
            now: Duration::ZERO,
            last_end: Duration::ZERO,
            ready: VecDeque::new(),
            timers: BinaryHeap::new(),
            timers_set: 0,
            tasks: (0..scenario.tasks.len())
                .map(|_| TaskState {
                    phase: Phase::Outside,
                    holds_slot: false,
                    next_step: 0,
                    awaits: 0,
                })
                .collect(),
            slots: scenario.limit.unwrap_or(usize::MAX),
            queued: VecDeque::new(),
            idle_workers: WORKERS,
            jobs: VecDeque::new(),
            events: Vec::new(),
            held: (Duration::ZERO, Duration::ZERO),
            longest_hold: Duration::ZERO,
        }
    }

    /// The task is created: it enters on the next turn, or when it arrives
    /// if that is later, and its cancel, if it has one, is timed from now.
    fn arrive(&mut self, task: usize) {
        let Task {
            arrival, cancel, ..
        } = self.scenario.tasks[task];
        if let Some(cancel) = cancel {
            let timed_out = false;
            self.call_at(self.now + cancel, Callback::Cancel { task, timed_out });
        }
        if arrival > self.now {
            self.call_at(arrival, Callback::Enter(task));
        } else {
            self.ready.push_back(Callback::Enter(task));
        }
    }

    fn call_at(&mut self, at: Duration, callback: Callback) {
        self.timers.push(Reverse((at, self.timers_set, callback)));
        self.timers_set += 1;
    }

    /// One turn after another until nothing is ready and no timer is set.
    fn run(&mut self) {
        loop {
            if self.ready.is_empty() {
                let Some(Reverse((deadline, ..))) = self.timers.peek() else {
                    return;
                };
                self.now = self.now.max(*deadline);
            }
            while let Some(Reverse((deadline, _, callback))) = self.timers.peek().copied() {
                if deadline > self.now {
                    break;
                }
                self.timers.pop();
                self.ready.push_back(callback);
            }
            for _ in 0..self.ready.len() {
                let Some(callback) = self.ready.pop_front() else {
                    break;
                };
                self.call(callback);
            }
        }
    }

    fn call(&mut self, callback: Callback) {
        match callback {
            // Cancelled before it entered: it never will.
            Callback::Enter(task) if self.tasks[task].phase != Phase::Outside => {}
            Callback::Enter(task) => {
                if self.slots > 0 && self.queued.is_empty() {
                    self.slots -= 1;
                    self.start(task);
                } else {
                    self.queued.push_back(task);
                }
            }
            // Cancelled after it was given its slot and before it took it:
            // the slot goes on to the next in line, as asyncio's does.
            Callback::Admitted(task) if self.tasks[task].phase != Phase::Outside => {
                self.release_slot();
            }
            Callback::Admitted(task) => self.start(task),
            Callback::Body(task) => {
                if self.tasks[task].phase == Phase::Entered {
                    self.body(task);
                }
            }
            Callback::Wake(task, awaited) => self.ready.push_back(Callback::Resume(task, awaited)),
            Callback::WorkerDone(task, awaited) => {
                self.idle_workers += 1;
                self.dispatch_jobs();
                self.ready.push_back(Callback::Resume(task, awaited));
            }
            Callback::Resume(task, awaited) => {
                if self.tasks[task].phase == (Phase::Suspended { awaiting: awaited }) {
                    self.step(task);
                }
            }
            Callback::TimeoutDue(task) => {
                let timed_out = true;
                self.ready.push_back(Callback::Cancel { task, timed_out });
            }
            Callback::Cancel { task, timed_out } => {
                let outcome = if timed_out {
                    Outcome::TimedOut
                } else {
                    Outcome::Cancelled
                };
                match self.tasks[task].phase {
                    // Cancelled before its body ever ran: it never starts.
                    Phase::Entered => self.finish(task, outcome),
                    // Not arrived, or queued for a slot: it leaves the line.
                    Phase::Outside => {
                        self.queued.retain(|&queued| queued != task);
                        self.cancelling(task, outcome);
                    }
                    Phase::Suspended { awaiting } => {
                        // A job still queued for a worker is withdrawn, as
                        // cancelling a `run_in_executor` future does; one that
                        // runs goes on to its end, as a thread would.
                        self.jobs
                            .retain(|&(owner, number, _)| (owner, number) != (task, awaiting));
                        self.cancelling(task, outcome);
                    }
                    Phase::Cancelling(_) | Phase::Over => {}
                }
            }
            Callback::Cancelled(task) => {
                if let Phase::Cancelling(outcome) = self.tasks[task].phase {
                    self.finish(task, outcome);
                }
            }
        }
    }

    /// The task receives `CancelledError` at its await on the next turn.
    fn cancelling(&mut self, task: usize, outcome: Outcome) {
        self.tasks[task].phase = Phase::Cancelling(outcome);
        self.ready.push_back(Callback::Cancelled(task));
    }

    /// The task holds its slot. With a timeout, `wait_for` arms it now
    /// and wraps the body in a task of its own, which starts on the next
    /// turn; without one, the body runs at once.
    fn start(&mut self, task: usize) {
        self.tasks[task].holds_slot = true;
        match self.scenario.timeout {
            Some(timeout) => {
                self.tasks[task].phase = Phase::Entered;
                self.call_at(self.now + timeout, Callback::TimeoutDue(task));
                self.ready.push_back(Callback::Body(task));
            }
            None => self.body(task),
        }
    }

    fn body(&mut self, task: usize) {
        self.events.push(RunEvent::Started { task, at: self.now });
        if self.mode == Mode::Sequential {
            // The page's turn between tasks ends any stretch of work.
            self.held.1 = Duration::MAX;
        }
        self.step(task);
    }

    /// Runs the task from where it stands up to its next await, or its end.
    fn step(&mut self, task: usize) {
        let steps = &self.scenario.tasks[task].steps;
        loop {
            let state = &mut self.tasks[task];
            let index = state.next_step;
            let Some(step) = steps.get(index) else {
                self.finish(task, Outcome::Done);
                return;
            };
            state.next_step += 1;
            if index > 0 {
                self.events.push(RunEvent::Step {
                    task,
                    step: index,
                    at: self.now,
                });
            }
            match step.kind {
                StepKind::Work => {
                    // Back to back with the work before it, one stretch.
                    if self.held.1 != self.now {
                        self.held.0 = self.now;
                    }
                    self.now += step.duration;
                    self.held.1 = self.now;
                    self.longest_hold = self.longest_hold.max(self.now - self.held.0);
                }
                _ => {
                    state.awaits += 1;
                    let awaiting = state.awaits;
                    state.phase = Phase::Suspended { awaiting };
                    if step.kind.is_wait() {
                        self.call_at(self.now + step.duration, Callback::Wake(task, awaiting));
                    } else {
                        self.jobs.push_back((task, awaiting, step.duration));
                        self.dispatch_jobs();
                    }
                    return;
                }
            }
        }
    }

    /// Gives idle workers the jobs that wait, in order.
    fn dispatch_jobs(&mut self) {
        while self.idle_workers > 0 {
            let Some((task, awaiting, duration)) = self.jobs.pop_front() else {
                return;
            };
            self.idle_workers -= 1;
            self.call_at(self.now + duration, Callback::WorkerDone(task, awaiting));
        }
    }

    /// A slot comes free: the first in line takes it on the next turn.
    fn release_slot(&mut self) {
        if let Some(next) = self.queued.pop_front() {
            self.ready.push_back(Callback::Admitted(next));
        } else {
            self.slots += 1;
        }
    }

    fn finish(&mut self, task: usize, outcome: Outcome) {
        self.tasks[task].phase = Phase::Over;
        self.events.push(RunEvent::Finished {
            task,
            at: self.now,
            outcome,
        });
        self.last_end = self.now;
        if self.tasks[task].holds_slot {
            self.release_slot();
        }
        if self.mode == Mode::Sequential && task + 1 < self.tasks.len() {
            self.arrive(task + 1);
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

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
mod tests {
    use super::*;
    use crate::scenario::parse_task;
    use proptest::prelude::*;

    fn secs(values: &[f64]) -> Scenario {
        Scenario::of(
            values
                .iter()
                .map(|&s| Task::unnamed(Duration::from_secs_f64(s)))
                .collect(),
        )
    }

    /// Unnamed tasks written as in links (`1+c0.5`, `@0.2+1+!0.5`).
    fn steps(texts: &[&str]) -> Scenario {
        Scenario::of(texts.iter().map(|t| parse_task(t).unwrap()).collect())
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// Each task's end and outcome: for tasks that may never start.
    fn ends(prediction: &Prediction) -> Vec<(Duration, Outcome)> {
        let mut ends = Vec::new();
        for event in &prediction.events {
            if let RunEvent::Finished { task, at, outcome } = *event {
                ends.resize(ends.len().max(task + 1), None);
                ends[task] = Some((at, outcome));
            }
        }
        ends.into_iter().map(Option::unwrap).collect()
    }

    /// Which tasks ever start.
    fn started(prediction: &Prediction, count: usize) -> Vec<bool> {
        let mut started = vec![false; count];
        for event in &prediction.events {
            if let RunEvent::Started { task, .. } = *event {
                started[task] = true;
            }
        }
        started
    }

    /// Each task's (start, end, outcome).
    fn spans(prediction: &Prediction) -> Vec<(Duration, Duration, Outcome)> {
        let mut starts = Vec::new();
        let mut spans = Vec::new();
        for event in &prediction.events {
            match *event {
                RunEvent::Started { task, at } => {
                    starts.resize(starts.len().max(task + 1), Duration::ZERO);
                    starts[task] = at;
                }
                RunEvent::Finished { task, at, outcome } => {
                    spans.resize(spans.len().max(task + 1), None);
                    spans[task] = Some((starts[task], at, outcome));
                }
                RunEvent::Step { .. } => {}
            }
        }
        spans.into_iter().map(Option::unwrap).collect()
    }

    #[test]
    fn the_course_example_takes_one_second_together_and_thirty_in_turn() {
        let scenario = Scenario::uniform(30, Duration::from_secs(1));
        let concurrent = predict(&scenario, Mode::Concurrent);
        assert_eq!(concurrent.total, Duration::from_secs(1));
        assert!(spans(&concurrent).iter().all(|s| s.0 == Duration::ZERO));
        let sequential = predict(&scenario, Mode::Sequential);
        assert_eq!(sequential.total, Duration::from_secs(30));
        assert_eq!(spans(&sequential)[29].0, Duration::from_secs(29));
    }

    #[test]
    fn the_longest_hold_is_work_back_to_back() {
        let hold = |texts: &[&str], mode| predict(&steps(texts), mode).longest_hold;
        // Only waits: the loop is never held.
        assert_eq!(hold(&["1", "2"], Mode::Concurrent), Duration::ZERO);
        // One task's steps of work back to back, then a wait between.
        assert_eq!(hold(&["c1+c2+1+c0.5"], Mode::Sequential), ms(3000));
        // Together, tasks that start on the same turn work one after the
        // other, with no turn for the page between them.
        assert_eq!(hold(&["c1", "c1", "c1"], Mode::Concurrent), ms(3000));
        // In turn, the page has a turn between tasks.
        assert_eq!(hold(&["c1", "c1", "c1"], Mode::Sequential), ms(1000));
        // Work that resumes after a wait starts a stretch of its own, which
        // goes on through the work of tasks woken on the same turn.
        assert_eq!(hold(&["c1+0.5+c1", "0.2+c0.2"], Mode::Concurrent), ms(1000));
        assert_eq!(hold(&["c0.5", "1+c1", "1+c1"], Mode::Concurrent), ms(2000));
    }

    #[test]
    fn together_the_longest_task_decides() {
        let scenario = secs(&[1.0, 3.0, 10.0]);
        assert_eq!(
            predict(&scenario, Mode::Concurrent).total,
            Duration::from_secs(10)
        );
        assert_eq!(
            predict(&scenario, Mode::Sequential).total,
            Duration::from_secs(14)
        );
    }

    #[test]
    fn sequential_spans_follow_each_other() {
        let prediction = predict(&secs(&[0.5, 2.0, 0.25]), Mode::Sequential);
        let spans = spans(&prediction);
        let ends: Vec<f64> = spans.iter().map(|s| s.1.as_secs_f64()).collect();
        assert_eq!(ends, vec![0.5, 2.5, 2.75]);
        assert_eq!(spans[1].0, spans[0].1);
    }

    #[test]
    fn an_empty_scenario_takes_no_time() {
        for mode in Mode::ALL {
            let prediction = predict(&Scenario::default(), mode);
            assert_eq!(prediction.total, Duration::ZERO);
            assert!(prediction.events.is_empty());
        }
    }

    #[test]
    fn work_blocks_the_loop_and_others_wait_for_it() {
        // Three tasks that each work 1 s: together is no faster.
        let scenario = steps(&["c1", "c1", "c1"]);
        assert_eq!(predict(&scenario, Mode::Concurrent).total, ms(3000));
        // A wait of 1 s that falls due while another task works ends late.
        let prediction = predict(&steps(&["1", "c2"]), Mode::Concurrent);
        assert_eq!(
            spans(&prediction),
            vec![
                (ms(0), ms(2000), Outcome::Done),
                (ms(0), ms(2000), Outcome::Done),
            ]
        );
    }

    #[test]
    fn offloaded_work_runs_beside_the_loop_on_the_workers() {
        let scenario = steps(&["o1", "o1", "o1"]);
        assert_eq!(predict(&scenario, Mode::Concurrent).total, ms(1000));
        // One more job than workers: the last waits for a worker.
        let crowd = steps(&["o1"; WORKERS + 1]);
        assert_eq!(predict(&crowd, Mode::Concurrent).total, ms(2000));
        assert_eq!(
            predict(&crowd, Mode::Sequential).total,
            ms(1000 * (WORKERS as u64 + 1))
        );
    }

    #[test]
    fn a_limit_queues_the_rest() {
        let mut scenario = secs(&[1.0; 10]);
        scenario.limit = Some(3);
        let prediction = predict(&scenario, Mode::Concurrent);
        assert_eq!(prediction.total, ms(4000));
        let starts: Vec<u64> = spans(&prediction)
            .iter()
            .map(|s| s.0.as_millis() as u64)
            .collect();
        assert_eq!(starts, [0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000, 3000]);
    }

    #[test]
    fn a_timeout_cancels_at_the_next_await() {
        let mut scenario = steps(&["1", "3", "c1+1", "0.2+c2+1"]);
        scenario.timeout = Some(ms(1500));
        let prediction = predict(&scenario, Mode::Concurrent);
        assert_eq!(
            spans(&prediction),
            vec![
                (ms(0), ms(1000), Outcome::Done),
                // Due at 1.5 s, in the middle of their waits, but the loop
                // is blocked by the last task's work until 3.2 s.
                (ms(0), ms(3200), Outcome::TimedOut),
                (ms(0), ms(3200), Outcome::TimedOut),
                // Starts when the third task's work is done, at 1 s, though
                // its timeout was armed with the others', at 0; works 2 s
                // straight past it and is cancelled at the await after.
                (ms(1000), ms(3200), Outcome::TimedOut),
            ]
        );
        assert_eq!(prediction.total, ms(3200));
        // Timeouts are armed when `wait_for` runs, before any body: a task
        // held up by another's work is out of time by its first await.
        let mut late = steps(&["c2", "1"]);
        late.timeout = Some(ms(1000));
        let prediction = predict(&late, Mode::Concurrent);
        assert_eq!(
            spans(&prediction),
            [
                (ms(0), ms(2000), Outcome::Done),
                (ms(2000), ms(2000), Outcome::TimedOut)
            ]
        );
    }

    #[test]
    fn a_cancel_ends_a_task_at_its_await_from_when_it_is_created() {
        use Outcome::{Cancelled, Done};
        let scenario = steps(&["3+!1", "0.5+!1", "c1.5+1+!1", "2"]);
        let together = predict(&scenario, Mode::Concurrent);
        assert_eq!(
            spans(&together),
            vec![
                // Cancelled in its wait, but the third task's work holds the
                // loop until 1.5 s: the cancel lands then.
                (ms(0), ms(1500), Cancelled),
                // Its wait was over at 0.5 s, but it could not run on before
                // its cancel fell due too: asyncio cancels it as it resumes.
                (ms(0), ms(1500), Cancelled),
                // Works straight past it, and is cancelled at the await after.
                (ms(0), ms(1500), Cancelled),
                (ms(1500), ms(3500), Done),
            ]
        );
        // Done before its cancel is due: there is nothing to cancel.
        let early = predict(&steps(&["0.5+!1", "2"]), Mode::Concurrent);
        assert_eq!(ends(&early), [(ms(500), Done), (ms(2000), Done)]);
        // One after another, each cancel counts from when its task begins.
        let in_turn = predict(&steps(&["3+!1", "0.5+!1", "2+!1.5"]), Mode::Sequential);
        assert_eq!(
            spans(&in_turn),
            vec![
                (ms(0), ms(1000), Cancelled),
                (ms(1000), ms(1500), Done),
                (ms(1500), ms(3000), Cancelled),
            ]
        );
        assert_eq!(in_turn.total, ms(3000));
    }

    #[test]
    fn a_task_cancelled_before_it_starts_never_does() {
        use Outcome::{Cancelled, Done};
        // Cancelled while it has not arrived yet, and while it queues for a
        // slot: its place in the line goes to the next.
        let mut scenario = steps(&["@2+1+!1", "2", "1+!0.5", "1"]);
        scenario.limit = Some(1);
        let prediction = predict(&scenario, Mode::Concurrent);
        assert_eq!(
            started(&prediction, 4),
            [false, true, false, true],
            "{prediction:?}"
        );
        assert_eq!(
            ends(&prediction),
            [
                (ms(1000), Cancelled),
                (ms(2000), Done),
                (ms(500), Cancelled),
                (ms(3000), Done),
            ]
        );
        // Under a timeout, `wait_for` has not yet started the body.
        let mut timed = steps(&["1", "1+!0.5"]);
        (timed.limit, timed.timeout) = (Some(1), Some(ms(5000)));
        let prediction = predict(&timed, Mode::Concurrent);
        assert_eq!(ends(&prediction)[1], (ms(500), Cancelled));
        assert!(!started(&prediction, 2)[1]);
    }

    #[test]
    fn a_slot_given_to_a_task_cancelled_at_once_goes_on() {
        use Outcome::{Cancelled, Done};
        // The first ends at 1 s and hands its slot to the second, whose
        // cancel falls due in the same turn: the third gets the slot.
        let mut scenario = steps(&["1", "1+!1", "1"]);
        scenario.limit = Some(1);
        let prediction = predict(&scenario, Mode::Concurrent);
        assert_eq!(
            ends(&prediction),
            [(ms(1000), Done), (ms(1000), Cancelled), (ms(2000), Done)]
        );
    }

    #[test]
    fn a_timeout_before_the_cancel_wins_and_the_cancel_is_ignored() {
        let mut scenario = steps(&["3+!2", "3+!0.5"]);
        scenario.timeout = Some(ms(1000));
        let prediction = predict(&scenario, Mode::Concurrent);
        assert_eq!(
            ends(&prediction),
            [(ms(1000), Outcome::TimedOut), (ms(500), Outcome::Cancelled)]
        );
    }

    #[test]
    fn a_timed_out_offload_keeps_its_worker_busy() {
        let mut scenario = steps(&["o3", "o3", "o3", "o3", "o1"]);
        scenario.timeout = Some(ms(1000));
        let prediction = predict(&scenario, Mode::Concurrent);
        let outcomes: Vec<Outcome> = spans(&prediction).iter().map(|s| s.2).collect();
        assert_eq!(outcomes, [Outcome::TimedOut; 5]);
        // The fifth job was still queued when its task timed out: withdrawn.
        assert_eq!(prediction.total, ms(1000));
    }

    #[test]
    fn tasks_arriving_later_wait_for_their_turn_one_at_a_time() {
        let mut scenario = steps(&["1", "1", "1"]);
        for (task, arrival) in scenario.tasks.iter_mut().zip([0, 500, 4000]) {
            task.arrival = ms(arrival);
        }
        let concurrent = spans(&predict(&scenario, Mode::Concurrent));
        let starts: Vec<Duration> = concurrent.iter().map(|s| s.0).collect();
        assert_eq!(
            starts,
            [ms(0), ms(500), ms(4000)],
            "each starts as it arrives"
        );
        // One at a time, the second waits for the first; the third arrives
        // after both have ended and starts at once.
        let sequential = spans(&predict(&scenario, Mode::Sequential));
        let starts: Vec<Duration> = sequential.iter().map(|s| s.0).collect();
        assert_eq!(starts, [ms(0), ms(1000), ms(4000)]);
        assert_eq!(predict(&scenario, Mode::Sequential).total, ms(5000));
    }

    #[test]
    fn a_hundred_thousand_tasks_are_predicted() {
        let scenario = Scenario::uniform(100_000, Duration::from_secs(1));
        assert_eq!(
            predict(&scenario, Mode::Concurrent).total,
            Duration::from_secs(1)
        );
        assert_eq!(
            predict(&scenario, Mode::Sequential).total,
            Duration::from_secs(100_000)
        );
    }

    proptest! {
        #[test]
        fn totals_are_the_longest_and_the_sum(
            micros in prop::collection::vec(1_000u64..=3_600_000_000, 0..200)
        ) {
            let scenario = Scenario::of(
                micros.iter().map(|&m| Task::unnamed(Duration::from_micros(m))).collect(),
            );
            let concurrent = predict(&scenario, Mode::Concurrent);
            let sequential = predict(&scenario, Mode::Sequential);
            prop_assert_eq!(concurrent.total, scenario.longest());
            prop_assert_eq!(sequential.total, scenario.sum());
            for (span, task) in spans(&sequential).iter().zip(&scenario.tasks) {
                prop_assert_eq!(span.1 - span.0, task.duration());
            }
        }

        #[test]
        fn work_alone_adds_up_whatever_the_mode(
            micros in prop::collection::vec(1_000u64..=10_000_000, 1..50)
        ) {
            let scenario = Scenario::of(
                micros.iter().map(|&m| Task::named("", vec![crate::scenario::Step::work(Duration::from_micros(m))])).collect(),
            );
            prop_assert_eq!(predict(&scenario, Mode::Concurrent).total, scenario.sum());
            prop_assert_eq!(predict(&scenario, Mode::Sequential).total, scenario.sum());
        }

        #[test]
        fn every_task_starts_at_most_once_and_ends_once(
            tasks in prop::collection::vec(
                (
                    prop::option::of(1u64..=2_000),
                    prop::collection::vec((0usize..3, 1u64..=3_000), 1..5),
                    prop::option::of(1u64..=4_000),
                ),
                0..20,
            ),
            limit in prop::option::of(1usize..5),
            timeout in prop::option::of(1u64..=5_000),
        ) {
            let scenario = Scenario {
                tasks: tasks.into_iter().map(|(arrival, steps, cancel)| Task {
                    arrival: ms(arrival.unwrap_or(0)),
                    cancel: cancel.map(ms),
                    ..Task::named("", steps.into_iter().map(|(k, m)| crate::scenario::Step {
                        kind: StepKind::ALL[k],
                        duration: ms(m),
                    }).collect())
                }).collect(),
                limit,
                timeout: timeout.map(ms),
            };
            for mode in Mode::ALL {
                let prediction = predict(&scenario, mode);
                let count = scenario.tasks.len();
                let (mut starts, mut ends) = (vec![None; count], vec![None; count]);
                let mut running = 0;
                for event in &prediction.events {
                    match *event {
                        RunEvent::Started { task, at } => {
                            prop_assert_eq!(starts[task].replace(at), None);
                            prop_assert!(at >= scenario.tasks[task].arrival);
                            running += 1;
                            prop_assert!(running <= limit.unwrap_or(count));
                        }
                        RunEvent::Finished { task, at, outcome } => {
                            prop_assert_eq!(ends[task].replace((at, outcome)), None);
                            if let Some(start) = starts[task] {
                                running -= 1;
                                prop_assert!(start <= at);
                                if outcome == Outcome::Done {
                                    prop_assert!(at - start >= scenario.tasks[task].duration());
                                }
                            } else {
                                prop_assert_ne!(outcome, Outcome::Done);
                            }
                            prop_assert!(at <= prediction.total);
                            // Cancelled only by a cancel it has, and never
                            // before it is due (all at once, tasks are
                            // created at the start).
                            if outcome == Outcome::Cancelled {
                                let cancel = scenario.tasks[task].cancel;
                                prop_assert!(cancel.is_some());
                                if mode == Mode::Concurrent {
                                    prop_assert!(at >= cancel.unwrap());
                                }
                            }
                        }
                        RunEvent::Step { task, .. } => prop_assert!(starts[task].is_some()),
                    }
                }
                prop_assert!(ends.iter().all(Option::is_some));
                // Events come in time order.
                prop_assert!(prediction.events.windows(2).all(|w| w[0].at() <= w[1].at()));
            }
        }
    }
}

//! The inside of the event loop at one moment of a run, as asyncio keeps
//! it: the task that runs now, the tasks ready to run, the timers by
//! deadline and the work out on workers. Derived from a run's events, so
//! it shows a real run and a prediction alike.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Duration;

use crate::events::step_changes;
use crate::recording::Recording;
use crate::scenario::StepKind;

/// How many tasks each list names; the rest are counted.
pub const SHOWN: usize = 6;

/// The loop at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoopView {
    /// The task computing on the loop's thread, if one is: the loop is
    /// blocked.
    pub running: Option<usize>,
    /// Tasks whose await is over, waiting for the loop to run them, in
    /// the order they became ready.
    pub ready: Vec<usize>,
    /// How many are ready in all.
    pub ready_count: usize,
    /// Pending timers: the task and its deadline, earliest first.
    pub timers: Vec<(usize, Duration)>,
    /// How many timers are pending in all.
    pub timer_count: usize,
    /// Tasks whose work is out on a worker.
    pub offloaded: Vec<usize>,
    /// How many in all.
    pub offloaded_count: usize,
    /// Tasks not started yet: queued for a slot, or waiting their turn.
    pub not_started: usize,
    /// Tasks that have ended.
    pub ended: usize,
}

/// Where one task stands at the moment looked at.
#[derive(Clone, Copy)]
enum At {
    NotStarted,
    Step {
        since: Duration,
        kind: StepKind,
        duration: Duration,
    },
    Ended,
}

/// The loop of `recording` at `at`, in the run's time.
pub fn loop_view(recording: &Recording, at: Duration) -> LoopView {
    let tasks = &recording.scenario.tasks;
    let mut states = vec![At::NotStarted; tasks.len()];
    let events = recording.events().take_while(|e| e.at() <= at);
    for change in step_changes(&recording.scenario, events) {
        if change.finished.is_some() {
            states[change.task] = At::Ended;
        }
        if let Some((_, step)) = change.began {
            states[change.task] = At::Step {
                since: change.at,
                kind: step.kind,
                duration: step.duration,
            };
        }
    }
    let mut view = LoopView::default();
    // Ordered by when each became due (a heap: the page has no other use
    // for a sort, whose code would cost more bytes than the whole panel).
    let mut ready: BinaryHeap<Reverse<(Duration, usize)>> = BinaryHeap::new();
    let mut timers: BinaryHeap<Reverse<(Duration, usize)>> = BinaryHeap::new();
    for (task, state) in states.into_iter().enumerate() {
        match state {
            At::NotStarted => view.not_started += 1,
            At::Ended => view.ended += 1,
            At::Step {
                since,
                kind,
                duration,
            } => {
                let due = since + duration;
                match kind {
                    StepKind::Work if due > at => view.running = Some(task),
                    // Done computing, the task has not yet reported its next
                    // step: it is as good as ready.
                    StepKind::Work => ready.push(Reverse((due, task))),
                    StepKind::Offload => {
                        view.offloaded_count += 1;
                        if view.offloaded.len() < SHOWN {
                            view.offloaded.push(task);
                        }
                    }
                    // A wait, a receive or a write: a timer.
                    _ if due > at => timers.push(Reverse((due, task))),
                    _ => ready.push(Reverse((due, task))),
                }
            }
        }
    }
    view.ready_count = ready.len();
    view.timer_count = timers.len();
    for _ in 0..SHOWN {
        if let Some(Reverse((_, task))) = ready.pop() {
            view.ready.push(task);
        }
        if let Some(Reverse((due, task))) = timers.pop() {
            view.timers.push((task, due));
        }
    }
    view
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::events::Report;
    use crate::scenario::{parse_steps, Mode, Scenario, Task};
    use crate::simulate::predict;
    use std::rc::Rc;

    fn predicted(scenario: Scenario, mode: Mode) -> Recording {
        let prediction = Rc::new(predict(&scenario, mode));
        let mut recording = Recording::new(mode, Rc::new(scenario), prediction.clone());
        recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
        recording
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn the_loop_shows_who_runs_who_is_ready_and_what_waits() {
        let mut scenario = Scenario::of(
            ["1+1", "c2", "3", "o1", "1"]
                .iter()
                .map(|s| Task::named("", parse_steps(s).unwrap()))
                .collect(),
        );
        scenario.limit = Some(4);
        let recording = predicted(scenario, Mode::Concurrent);
        // At 1.5 s the second task computes (0–2 s); the first's wait ended
        // at 1 s, so it is ready but cannot run; the others start only when
        // the work is done.
        let view = loop_view(&recording, ms(1500));
        assert_eq!(view.running, Some(1));
        assert_eq!(view.ready, [0]);
        assert_eq!(view.timer_count, 0);
        assert_eq!(view.not_started, 3);
        // At 2.5 s: the work is done, the fourth task's work is out on a
        // worker, the fifth got the slot the second freed.
        let view = loop_view(&recording, ms(2500));
        assert_eq!(view.running, None);
        assert_eq!(view.offloaded, [3]);
        assert_eq!(view.timers, [(0, ms(3000)), (4, ms(3000)), (2, ms(5000))]);
        assert_eq!((view.ended, view.not_started), (1, 0));
        let end = loop_view(&recording, recording.prediction.total);
        assert_eq!(end.ended, 5);
        assert_eq!(end.timer_count + end.ready_count + end.offloaded_count, 0);
    }
}

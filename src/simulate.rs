//! Predicts a run on a virtual clock, the way asyncio's event loop would
//! carry it out: one thread, a queue of ready tasks, and a heap of timers
//! ordered by deadline.
//!
//! The clock only moves when the loop has nothing ready and sleeps until
//! the earliest timer, so a prediction is exact: 30 tasks of 1 s run
//! together take 1 s, one after another 30 s. The real run in the browser
//! is measured next to it; the difference is the machine's overhead.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::time::Duration;

use crate::scenario::{Mode, Scenario};

/// When one task started and finished, from the start of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// When the task started.
    pub start: Duration,
    /// When the task finished.
    pub end: Duration,
}

/// What the simulator predicts for a scenario in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prediction {
    /// The mode that was simulated.
    pub mode: Mode,
    /// Each task's span, in the scenario's order.
    pub spans: Vec<Span>,
    /// When the last task finished.
    pub total: Duration,
}

/// Simulates `scenario` run in `mode` and predicts every task's span.
pub fn predict(scenario: &Scenario, mode: Mode) -> Prediction {
    let count = scenario.tasks.len();
    let mut event_loop = EventLoop::default();
    let mut starts = vec![Duration::ZERO; count];
    let mut spans = vec![
        Span {
            start: Duration::ZERO,
            end: Duration::ZERO,
        };
        count
    ];

    match mode {
        // `asyncio.gather` schedules every task at once, in order.
        Mode::Concurrent => event_loop.ready.extend(0..count),
        // `for task in tasks: await task` starts the next when one ends.
        Mode::Sequential => event_loop.ready.extend((count > 0).then_some(0)),
    }

    while let Some(step) = event_loop.next() {
        match step {
            Step::Run(task) => {
                starts[task] = event_loop.now;
                event_loop.sleep(task, scenario.tasks[task].duration);
            }
            Step::Wake(task) => {
                spans[task] = Span {
                    start: starts[task],
                    end: event_loop.now,
                };
                if mode == Mode::Sequential && task + 1 < count {
                    event_loop.ready.push_back(task + 1);
                }
            }
        }
    }

    Prediction {
        mode,
        total: event_loop.now,
        spans,
    }
}

/// What the loop does next.
enum Step {
    /// A task runs for the first time, up to its first await.
    Run(usize),
    /// A task's sleep is over and it runs to its end.
    Wake(usize),
}

/// One thread's event loop on a virtual clock.
#[derive(Default)]
struct EventLoop {
    now: Duration,
    ready: VecDeque<usize>,
    /// Deadline, then the order timers were set (asyncio breaks ties the
    /// same way), then the task.
    timers: BinaryHeap<Reverse<(Duration, u64, usize)>>,
    timers_set: u64,
}

impl EventLoop {
    fn sleep(&mut self, task: usize, duration: Duration) {
        self.timers
            .push(Reverse((self.now + duration, self.timers_set, task)));
        self.timers_set += 1;
    }

    /// Runs what is ready first; when nothing is, moves the clock to the
    /// earliest deadline.
    fn next(&mut self) -> Option<Step> {
        if let Some(task) = self.ready.pop_front() {
            return Some(Step::Run(task));
        }
        let Reverse((deadline, _, task)) = self.timers.pop()?;
        self.now = self.now.max(deadline);
        Some(Step::Wake(task))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::scenario::Task;
    use proptest::prelude::*;

    fn secs(values: &[f64]) -> Scenario {
        Scenario {
            tasks: values
                .iter()
                .map(|&s| Task::unnamed(Duration::from_secs_f64(s)))
                .collect(),
        }
    }

    #[test]
    fn the_course_example_takes_one_second_together_and_thirty_in_turn() {
        let scenario = Scenario::uniform(30, Duration::from_secs(1));
        let concurrent = predict(&scenario, Mode::Concurrent);
        assert_eq!(concurrent.total, Duration::from_secs(1));
        assert!(concurrent.spans.iter().all(|s| s.start == Duration::ZERO));
        let sequential = predict(&scenario, Mode::Sequential);
        assert_eq!(sequential.total, Duration::from_secs(30));
        assert_eq!(sequential.spans[29].start, Duration::from_secs(29));
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
        let ends: Vec<f64> = prediction
            .spans
            .iter()
            .map(|s| s.end.as_secs_f64())
            .collect();
        assert_eq!(ends, vec![0.5, 2.5, 2.75]);
        assert_eq!(prediction.spans[1].start, prediction.spans[0].end);
    }

    #[test]
    fn an_empty_scenario_takes_no_time() {
        for mode in Mode::ALL {
            let prediction = predict(&Scenario::default(), mode);
            assert_eq!(prediction.total, Duration::ZERO);
            assert!(prediction.spans.is_empty());
        }
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
            let scenario = Scenario {
                tasks: micros.iter().map(|&m| Task::unnamed(Duration::from_micros(m))).collect(),
            };
            let concurrent = predict(&scenario, Mode::Concurrent);
            let sequential = predict(&scenario, Mode::Sequential);
            prop_assert_eq!(concurrent.total, scenario.longest());
            prop_assert_eq!(sequential.total, scenario.sum());
            for (span, task) in sequential.spans.iter().zip(&scenario.tasks) {
                prop_assert_eq!(span.end - span.start, task.duration);
            }
        }
    }
}

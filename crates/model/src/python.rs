//! A program run by CPython in the page: what its tasks did, recorded by
//! CPython's own event loop in the Python worker (`www/python/
//! playground_loop.py`), laid out as lanes on the same timeline as the
//! scenario's runs.
//!
//! Times are measured from the program's start, in its seconds: the wall
//! clock divided by the program's `SCALE`, once it is known.

use std::time::Duration;

use crate::events::Outcome;
use crate::limits::LANES;
use crate::timeline::{
    percent, Column, Lane, LaneState, Segment, Stall, StallCause, Timeline, COLUMNS,
};

/// How a task of the program ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// Its coroutine returned.
    Done,
    /// It was cancelled.
    Cancelled,
    /// It raised an exception.
    Raised,
}

/// What a task does after one of its steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    /// It awaits a timer or a future.
    Waits,
    /// It awaits work sent to a thread (`run_in_executor`, `to_thread`).
    Offloaded,
    /// It has ended.
    Ended(End),
}

/// Something a task did, as the worker records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The task was created.
    Created {
        /// Its number, from 0, in the order tasks were created.
        task: usize,
        /// When.
        at: Duration,
        /// Its name, or its coroutine's.
        label: String,
    },
    /// It ran one step on the loop's thread.
    Stepped {
        /// Its number.
        task: usize,
        /// When the step began.
        began: Duration,
        /// When it ended.
        ended: Duration,
        /// What the task does next.
        then: After,
    },
}

/// A step a task ran on the loop's thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// When it began.
    pub began: Duration,
    /// When it ended.
    pub ended: Duration,
    /// What the task did next.
    pub then: After,
}

/// One task of the program.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Task {
    /// Its name, or its coroutine's.
    pub label: String,
    /// When it was created.
    pub created: Duration,
    /// Its steps, in order.
    pub steps: Vec<Step>,
}

impl Task {
    /// How it ended, if it has.
    pub fn end(&self) -> Option<End> {
        match self.steps.last()?.then {
            After::Ended(end) => Some(end),
            _ => None,
        }
    }
}

/// A step at least this long shows on the timeline as holding the loop:
/// shorter ones are the ordinary cost of a task resuming.
pub const HOLDS_THE_LOOP: Duration = Duration::from_millis(5);

/// Everything the program's tasks did so far.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trace {
    /// Its tasks, by number.
    pub tasks: Vec<Task>,
    /// The time of the latest event.
    pub latest: Duration,
}

impl Trace {
    /// Adds `event`. An event about a task never created is dropped: the
    /// worker creates every task before it steps.
    pub fn add(&mut self, event: Event) {
        match event {
            Event::Created { task, at, label } => {
                if task >= self.tasks.len() {
                    self.tasks.resize_with(task + 1, Task::default);
                }
                self.tasks[task] = Task {
                    label,
                    created: at,
                    steps: Vec::new(),
                };
                self.latest = self.latest.max(at);
            }
            Event::Stepped {
                task,
                began,
                ended,
                then,
            } => {
                if let Some(task) = self.tasks.get_mut(task) {
                    task.steps.push(Step { began, ended, then });
                    self.latest = self.latest.max(ended);
                }
            }
        }
    }

    /// The trace with every time divided by `scale` (the program's
    /// `SCALE`): in the program's own seconds.
    pub fn scaled(&self, scale: f64) -> Trace {
        if scale == 1.0 || !(scale.is_finite() && scale > 0.0) {
            return self.clone();
        }
        let at = |d: Duration| Duration::from_secs_f64(d.as_secs_f64() / scale);
        Trace {
            tasks: self
                .tasks
                .iter()
                .map(|task| Task {
                    label: task.label.clone(),
                    created: at(task.created),
                    steps: task
                        .steps
                        .iter()
                        .map(|step| Step {
                            began: at(step.began),
                            ended: at(step.ended),
                            then: step.then,
                        })
                        .collect(),
                })
                .collect(),
            latest: at(self.latest),
        }
    }

    /// The trace laid out on an axis of length `axis`: a lane per task, or
    /// for many tasks how many wait and how many are done.
    pub fn layout(&self, axis: Duration) -> Timeline {
        if self.tasks.len() <= LANES {
            Timeline::Lanes(
                self.tasks
                    .iter()
                    .enumerate()
                    .map(|(i, task)| self.lane(i, task, axis))
                    .collect(),
            )
        } else {
            Timeline::Aggregate(self.columns(axis))
        }
    }

    fn lane(&self, index: usize, task: &Task, axis: Duration) -> Lane {
        let mut segments = Vec::new();
        let mut push = |state, from: Duration, to: Duration| {
            if to > from {
                segments.push(Segment {
                    state,
                    left: percent(from, axis),
                    right: percent(to, axis),
                });
            }
        };
        // Created, then ready until its first step.
        let mut since = (task.created, LaneState::Queued);
        let mut state = LaneState::Queued;
        for step in &task.steps {
            push(since.1, since.0, step.began);
            push(LaneState::Running, step.began, step.ended);
            state = match step.then {
                After::Waits => LaneState::Waiting,
                After::Offloaded => LaneState::Offloaded,
                After::Ended(End::Done) => LaneState::Ended(Outcome::Done),
                After::Ended(End::Cancelled) => LaneState::Ended(Outcome::Cancelled),
                After::Ended(End::Raised) => LaneState::Raised,
            };
            since = (step.ended, state);
        }
        if !matches!(state, LaneState::Ended(_) | LaneState::Raised) {
            push(since.1, since.0, self.latest);
        }
        Lane {
            number: index + 1,
            label: task.label.clone(),
            state,
            segments,
        }
    }

    fn columns(&self, axis: Duration) -> Vec<Column> {
        let total = self.tasks.len().max(1) as f64;
        let width = axis.as_secs_f64() / COLUMNS as f64;
        let column = |at: Duration| ((at.as_secs_f64() / width) as usize).min(COLUMNS - 1);
        // Tasks waiting at some time in each column (each wait counted in
        // every column it spans), and tasks ended by each column's end.
        let mut waiting = vec![0usize; COLUMNS];
        let mut ended = vec![0usize; COLUMNS];
        for task in &self.tasks {
            for pair in task.steps.windows(2) {
                if matches!(pair[0].then, After::Waits | After::Offloaded) {
                    for slot in &mut waiting[column(pair[0].ended)..=column(pair[1].began)] {
                        *slot += 1;
                    }
                }
            }
            if let Some(last) = task.steps.last() {
                match last.then {
                    After::Ended(_) => ended[column(last.ended)] += 1,
                    _ => {
                        for slot in &mut waiting[column(last.ended)..=column(self.latest)] {
                            *slot += 1;
                        }
                    }
                }
            }
        }
        let mut done = 0;
        let last = column(self.latest);
        (0..COLUMNS)
            .map(|i| {
                done += ended[i];
                let shown = i <= last;
                Column {
                    waiting: if shown {
                        waiting[i] as f64 / total * 100.0
                    } else {
                        0.0
                    },
                    done: if shown {
                        done as f64 / total * 100.0
                    } else {
                        0.0
                    },
                }
            })
            .collect()
    }

    /// When a step held the loop for [`HOLDS_THE_LOOP`] or more, in time
    /// order: the program's own blocking code.
    pub fn stalls(&self, axis: Duration) -> Vec<Stall> {
        let mut spans: Vec<(Duration, Duration)> = self
            .tasks
            .iter()
            .flat_map(|task| &task.steps)
            .filter(|step| step.ended - step.began >= HOLDS_THE_LOOP)
            .map(|step| (step.began, step.ended))
            .collect();
        spans.sort_unstable();
        spans
            .into_iter()
            .map(|(from, to)| Stall {
                left: percent(from, axis),
                right: percent(to, axis),
                cause: StallCause::Work,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    fn created(task: usize, at: u64, label: &str) -> Event {
        Event::Created {
            task,
            at: ms(at),
            label: label.into(),
        }
    }

    fn stepped(task: usize, began: u64, ended: u64, then: After) -> Event {
        Event::Stepped {
            task,
            began: ms(began),
            ended: ms(ended),
            then,
        }
    }

    /// main gathers a sleeper and a task that blocks the loop for 300 ms.
    fn trace() -> Trace {
        let mut trace = Trace::default();
        for event in [
            created(0, 0, "main"),
            stepped(0, 0, 1, After::Waits),
            created(1, 1, "sleeping"),
            created(2, 1, "blocking"),
            stepped(1, 2, 2, After::Waits),
            stepped(2, 2, 302, After::Offloaded),
            stepped(2, 500, 500, After::Ended(End::Raised)),
            stepped(1, 1002, 1002, After::Ended(End::Done)),
            stepped(0, 1003, 1003, After::Ended(End::Cancelled)),
            stepped(7, 0, 1, After::Waits),
        ] {
            trace.add(event);
        }
        trace
    }

    #[test]
    fn each_task_is_a_lane_of_what_it_did() {
        let Timeline::Lanes(lanes) = trace().layout(ms(1000)) else {
            panic!("three tasks have lanes");
        };
        let states = |lane: &Lane| {
            lane.segments
                .iter()
                .map(|s| (s.state, s.left, s.right))
                .collect::<Vec<_>>()
        };
        assert_eq!(lanes.len(), 3);
        assert_eq!(lanes[0].label, "main");
        assert_eq!(lanes[0].state, LaneState::Ended(Outcome::Cancelled));
        assert_eq!(lanes[2].state, LaneState::Raised);
        assert_eq!(
            states(&lanes[2]),
            [
                (LaneState::Queued, 0.1, 0.2),
                (LaneState::Running, 0.2, 30.2),
                (LaneState::Offloaded, 30.2, 50.0),
            ]
        );
        // Waiting past the axis is cut at its end.
        assert_eq!(states(&lanes[1])[1], (LaneState::Waiting, 0.2, 100.0));
        assert_eq!(lanes[1].state, LaneState::Ended(Outcome::Done));
    }

    #[test]
    fn a_task_still_waiting_is_drawn_to_the_latest_event() {
        let mut trace = Trace::default();
        trace.add(created(0, 0, "main"));
        trace.add(stepped(0, 0, 0, After::Waits));
        trace.add(created(1, 100, "other"));
        let Timeline::Lanes(lanes) = trace.layout(ms(200)) else {
            panic!("lanes");
        };
        assert_eq!(lanes[0].state, LaneState::Waiting);
        assert_eq!(lanes[0].segments.last().map(|s| s.right), Some(50.0));
    }

    #[test]
    fn only_long_steps_hold_the_loop() {
        let stalls = trace().stalls(ms(1000));
        assert_eq!(stalls.len(), 1);
        assert_eq!(
            (stalls[0].left, stalls[0].right, stalls[0].cause),
            (0.2, 30.2, StallCause::Work)
        );
    }

    #[test]
    fn many_tasks_are_counted_in_columns() {
        let mut trace = Trace::default();
        let tasks = LANES + 10;
        for task in 0..tasks {
            trace.add(created(task, 0, "sleeping"));
            trace.add(stepped(task, 0, 0, After::Waits));
            // Half end at 500 ms, half at 1000 ms.
            let end = if task % 2 == 0 { 500 } else { 1000 };
            trace.add(stepped(task, end, end, After::Ended(End::Done)));
        }
        let Timeline::Aggregate(columns) = trace.layout(ms(1200)) else {
            panic!("too many tasks for lanes");
        };
        assert_eq!(columns.len(), COLUMNS);
        assert_eq!(columns[0].waiting, 100.0);
        assert_eq!(columns[0].done, 0.0);
        assert_eq!(columns[60].done, 50.0);
        assert_eq!(columns[60].waiting, 50.0);
        assert_eq!(columns[100].done, 100.0);
        // After the last event nothing is known yet.
        assert_eq!((columns[119].waiting, columns[119].done), (0.0, 0.0));
    }

    #[test]
    fn scaled_divides_every_time() {
        let scaled = trace().scaled(0.5);
        assert_eq!(scaled.latest, ms(2006));
        assert_eq!(scaled.tasks[2].steps[0].ended, ms(604));
        assert_eq!(scaled.tasks[2].created, ms(2));
        assert_eq!(trace().scaled(0.0), trace());
    }
}

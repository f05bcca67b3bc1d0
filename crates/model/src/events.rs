//! The words of a run, shared by the simulator, the runtime and every
//! view: what happens to a task ([`RunEvent`], [`Outcome`]), what the
//! runtime reports ([`Report`], [`Distortion`], [`Failure`]), and the one
//! reading of which step is under way ([`step_changes`]). It imports only
//! the scenario, so any two modules that need these words share this one
//! and never each other.

use std::time::Duration;

use crate::scenario::{Scenario, Step};

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// It took every step and returned.
    Done,
    /// Its timeout cancelled it (`asyncio.wait_for` raised `TimeoutError`).
    TimedOut,
    /// The learner or the scenario cancelled it (`task.cancel()`).
    Cancelled,
}

impl Outcome {
    /// A stable name for styles and tests.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Done => "done",
            Outcome::TimedOut => "timed-out",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// Something that happened to one task, at a time measured from the start
/// of the run, in scenario seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEvent {
    /// The task began: it holds its slot under the limit, if any, and its
    /// first step begins.
    Started {
        /// The task's index in the scenario.
        task: usize,
        /// When.
        at: Duration,
    },
    /// One of the task's later steps began.
    Step {
        /// The task's index in the scenario.
        task: usize,
        /// The step's index in the task (from 1: step 0 begins with
        /// [`RunEvent::Started`]).
        step: usize,
        /// When.
        at: Duration,
    },
    /// The task ended.
    Finished {
        /// The task's index in the scenario.
        task: usize,
        /// When.
        at: Duration,
        /// How.
        outcome: Outcome,
    },
}

impl RunEvent {
    /// When the event happened.
    pub fn at(self) -> Duration {
        match self {
            RunEvent::Started { at, .. }
            | RunEvent::Step { at, .. }
            | RunEvent::Finished { at, .. } => at,
        }
    }

    /// Which task it happened to.
    pub fn task(self) -> usize {
        match self {
            RunEvent::Started { task, .. }
            | RunEvent::Step { task, .. }
            | RunEvent::Finished { task, .. } => task,
        }
    }
}

/// A step that ended at an event of its task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EndedStep {
    /// The step.
    pub step: Step,
    /// When it began.
    pub began: Duration,
    /// False when the task was cancelled in the middle of it.
    pub completed: bool,
}

/// What one event did to its task's steps: the step it ended, the step it
/// began, and how the task ended, if it did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepChange {
    /// The task.
    pub task: usize,
    /// When.
    pub at: Duration,
    /// The step under way until now, if any.
    pub ended: Option<EndedStep>,
    /// The step that begins now, if any: its index in the task, and it.
    pub began: Option<(usize, Step)>,
    /// How the task ended, if it ended here.
    pub finished: Option<Outcome>,
}

/// Walks a run's events, in order, as changes of each task's step: the one
/// reading of "which step is under way" that the timeline, the loop's panel
/// and the memory lane all draw from.
pub fn step_changes<'a>(
    scenario: &'a Scenario,
    events: impl IntoIterator<Item = RunEvent> + 'a,
) -> impl Iterator<Item = StepChange> + 'a {
    let mut current: Vec<Option<(Step, Duration)>> = vec![None; scenario.tasks.len()];
    events.into_iter().map(move |event| {
        let (task, at) = (event.task(), event.at());
        let (began, finished) = match event {
            RunEvent::Started { .. } => (Some(0), None),
            RunEvent::Step { step, .. } => (Some(step), None),
            RunEvent::Finished { outcome, .. } => (None, Some(outcome)),
        };
        let ended = current[task].take().map(|(step, began)| EndedStep {
            step,
            began,
            completed: finished.is_none_or(|outcome| outcome == Outcome::Done),
        });
        let began = began.and_then(|index| {
            let step = *scenario.tasks[task].steps.get(index)?;
            Some((index, step))
        });
        current[task] = began.map(|(_, step)| (step, at));
        StepChange {
            task,
            at,
            ended,
            began,
            finished,
        }
    })
}

/// What the runtime reports about a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// The run of this mode began, at this time on the page's run clock
    /// (later than zero when it runs after another mode).
    Began(Duration),
    /// A task started, stepped or ended.
    Event(RunEvent),
    /// The page's heartbeat found that the event loop could not run from
    /// the first time to the second.
    Stall(Duration, Duration),
    /// Something outside the scenario slowed the run's timers: its
    /// measurements are not the program's own.
    Distorted(Distortion),
    /// Every task has finished; the measured total, from just before the
    /// first task started to just after the last one finished.
    Finished(Duration),
    /// The run cannot go on: the page stops it and says why.
    Failed(Failure),
}

/// Why a run could not go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A step is offloaded, and the page could start no Web Worker to run
    /// it (the site's policy may forbid workers, or the browser has none).
    NoWorkers,
}

impl Failure {
    /// A stable name for tests.
    pub fn id(self) -> &'static str {
        match self {
            Failure::NoWorkers => "no-workers",
        }
    }
}

/// Why a run's measurements cannot be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distortion {
    /// The page was hidden (another tab, a minimised window) for some of
    /// the run: browsers slow the timers of hidden pages.
    Hidden,
    /// The loop went without a turn for far longer than the scenario's own
    /// work explains: the browser held the page's timers back, as it does
    /// in frames scrolled out of view and in pages it saves power on.
    Throttled,
    /// The run took longer than its prediction by more than the page's
    /// tolerance ([`is_faithful`]) with nothing else to explain it: the
    /// browser's timers fired late, as they do on a busy machine, and at
    /// ×10 or ×100 every real millisecond late is ten or a hundred times
    /// as long in the scenario.
    Late,
}

impl Distortion {
    /// A stable name for saved files, styles and tests.
    pub fn id(self) -> &'static str {
        match self {
            Distortion::Hidden => "hidden",
            Distortion::Throttled => "throttled",
            Distortion::Late => "late",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::scenario::Task;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn each_event_ends_one_step_and_begins_the_next() {
        let scenario = Scenario::of(vec![Task::named(
            "",
            vec![Step::wait(ms(100)), Step::work(ms(50))],
        )]);
        let events = [
            RunEvent::Started { task: 0, at: ms(0) },
            RunEvent::Step {
                task: 0,
                step: 1,
                at: ms(120),
            },
            RunEvent::Finished {
                task: 0,
                at: ms(150),
                outcome: Outcome::TimedOut,
            },
        ];
        let changes: Vec<StepChange> = step_changes(&scenario, events).collect();
        assert_eq!(changes[0].ended, None);
        assert_eq!(changes[0].began, Some((0, Step::wait(ms(100)))));
        assert_eq!(
            changes[1].ended,
            Some(EndedStep {
                step: Step::wait(ms(100)),
                began: ms(0),
                completed: true
            })
        );
        assert_eq!(changes[1].began, Some((1, Step::work(ms(50)))));
        // Cancelled in its work: that step did not complete.
        assert_eq!(
            changes[2].ended,
            Some(EndedStep {
                step: Step::work(ms(50)),
                began: ms(120),
                completed: false
            })
        );
        assert_eq!(
            (changes[2].began, changes[2].finished),
            (None, Some(Outcome::TimedOut))
        );
    }
}

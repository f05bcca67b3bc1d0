//! The scenario a learner edits: a list of tasks, each a sequence of steps
//! (wait for I/O, work on the CPU, or offload work to a worker), and the
//! knobs that govern them: a concurrency limit and a per-task timeout.
//!
//! Durations are exact (`std::time::Duration`, whole microseconds), so that
//! "30 tasks of 1 s" sums to exactly 30 s and a value read from text is
//! always written back the same way. Everything typed by a person goes
//! through [`parse_duration`] and [`parse_count`], which say precisely what
//! is wrong instead of guessing.

mod names;
mod text;

use std::fmt;
use std::time::Duration;

pub use names::{clean_name, name_char, NameChanges, MAX_NAME_CHARS};
pub(crate) use text::read_seconds;
pub use text::{
    format_seconds, format_steps, format_task, latin, parse_count, parse_duration, parse_steps,
    parse_task, whole_micros, CountError, DurationError, StepsError,
};

/// The most tasks a scenario may hold. Enough to show one thread carrying
/// a hundred thousand waits, small enough to stay responsive.
pub const MAX_TASKS: usize = 100_000;

/// The longest duration a task may have: one hour.
pub const MAX_DURATION: Duration = Duration::from_secs(3600);

/// The shortest duration a task may have. Browser timers have millisecond
/// resolution, so anything shorter could not be shown honestly.
pub const MIN_DURATION: Duration = Duration::from_millis(1);

/// The most steps one task may have: enough for any lesson's story, few
/// enough that a task reads on one line.
pub const MAX_STEPS: usize = 32;

/// How many workers run offloaded steps at once, like the thread pool
/// behind `loop.run_in_executor`. Fixed, so that a prediction does not
/// depend on the machine.
pub const WORKERS: usize = 4;

/// What a step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// Waits for I/O: awaits a timer, and other tasks run meanwhile
    /// (`await asyncio.sleep(d)`).
    Wait,
    /// Works on the CPU in the event loop's own thread: nothing else runs,
    /// not even the page (a blocking call inside a coroutine).
    Work,
    /// The same work, sent to a worker and awaited, so the loop runs on
    /// (`await loop.run_in_executor(None, work, d)`).
    Offload,
    /// Waits for a chunk of data to arrive, then holds it in memory: an
    /// upload reading from the network.
    Receive,
    /// Waits while the task writes one chunk it holds (to disk, say), then
    /// lets it go from memory.
    Write,
}

impl StepKind {
    /// Every kind, in the order the page explains them.
    pub const ALL: [StepKind; 5] = [
        StepKind::Wait,
        StepKind::Work,
        StepKind::Offload,
        StepKind::Receive,
        StepKind::Write,
    ];

    /// Whether the task awaits a timer meanwhile, as for I/O: a wait, a
    /// receive or a write.
    pub fn is_wait(self) -> bool {
        matches!(self, StepKind::Wait | StepKind::Receive | StepKind::Write)
    }

    /// The letter that marks the kind in step text: none for a wait, `c`
    /// (CPU) for work, `o` for offload, `r` to receive, `w` to write.
    pub fn prefix(self) -> &'static str {
        match self {
            StepKind::Wait => "",
            StepKind::Work => "c",
            StepKind::Offload => "o",
            StepKind::Receive => "r",
            StepKind::Write => "w",
        }
    }

    /// A stable name for styles and tests.
    pub fn id(self) -> &'static str {
        match self {
            StepKind::Wait => "wait",
            StepKind::Work => "work",
            StepKind::Offload => "offload",
            StepKind::Receive => "receive",
            StepKind::Write => "write",
        }
    }
}

/// One step of a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Step {
    /// What the step does.
    pub kind: StepKind,
    /// For how long.
    pub duration: Duration,
}

impl Step {
    /// A wait of `duration`.
    pub fn wait(duration: Duration) -> Self {
        Self {
            kind: StepKind::Wait,
            duration,
        }
    }

    /// CPU work of `duration` in the loop's thread.
    pub fn work(duration: Duration) -> Self {
        Self {
            kind: StepKind::Work,
            duration,
        }
    }

    /// CPU work of `duration` sent to a worker.
    pub fn offload(duration: Duration) -> Self {
        Self {
            kind: StepKind::Offload,
            duration,
        }
    }
}

/// One task of a scenario: it arrives, starts, takes its steps in order,
/// and finishes. A task of one wait is the course's first example,
/// `await asyncio.sleep(duration)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// What the learner called it; may be empty, then the task is known by
    /// its number.
    pub name: String,
    /// When it arrives, from the start of the run: a request reaching a
    /// server. Zero for a task that is there from the start.
    pub arrival: Duration,
    /// What it does, in order; never empty.
    pub steps: Vec<Step>,
    /// Cancelled this long after it is created, as
    /// `loop.call_later(cancel, task.cancel)` does: it ends at its next
    /// await, however far it got. All at once, every task is created at the
    /// start; one after another, each when the one before it ends.
    pub cancel: Option<Duration>,
}

impl Task {
    /// A task with no name that waits `duration`.
    pub fn unnamed(duration: Duration) -> Self {
        Self::named("", vec![Step::wait(duration)])
    }

    /// A task called `name` that takes `steps`, there from the start.
    pub fn named(name: &str, steps: Vec<Step>) -> Self {
        Self {
            name: name.to_owned(),
            arrival: Duration::ZERO,
            steps,
            cancel: None,
        }
    }

    /// How long the task takes when it runs alone: all its steps.
    pub fn duration(&self) -> Duration {
        self.steps.iter().map(|s| s.duration).sum()
    }
}

/// A list of tasks to run one after another or all at once, and the knobs
/// that govern how they run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    /// The tasks, in the order they are started.
    pub tasks: Vec<Task>,
    /// At most this many tasks run at once, the rest queue: each task
    /// holds a slot of an `asyncio.Semaphore(limit)` while it runs.
    pub limit: Option<usize>,
    /// Each task is cancelled at its first await after running this long,
    /// as `asyncio.wait_for(task, timeout)` does.
    pub timeout: Option<Duration>,
}

impl Scenario {
    /// `count` unnamed tasks that each wait `duration`.
    pub fn uniform(count: usize, duration: Duration) -> Self {
        Self::of(vec![Task::unnamed(duration); count])
    }

    /// `tasks`, with no limit and no timeout.
    pub fn of(tasks: Vec<Task>) -> Self {
        Self {
            tasks,
            ..Self::default()
        }
    }

    /// For tests of big scenarios: `count` tasks all named `name`, the
    /// n-th waiting n ms, so that no two are written as one run of equal
    /// tasks.
    #[cfg(test)]
    pub fn named_distinct(count: u64, name: &str) -> Self {
        let task = |ms| Task::named(name, vec![Step::wait(Duration::from_millis(ms))]);
        Self::of((1..=count).map(task).collect())
    }

    /// The sum of all tasks: what running them one after another costs
    /// when no timeout cuts them short and none arrives late.
    pub fn sum(&self) -> Duration {
        self.tasks.iter().map(Task::duration).sum()
    }

    /// Whether some task arrives after the start.
    pub fn has_arrivals(&self) -> bool {
        self.tasks.iter().any(|t| !t.arrival.is_zero())
    }

    /// Whether some task is cancelled by the scenario.
    pub fn has_cancels(&self) -> bool {
        self.tasks.iter().any(|t| t.cancel.is_some())
    }

    /// Whether every step of every task waits (for a timer, or for data
    /// to arrive or be written): the course's first example and its kin.
    pub fn only_waits(&self) -> bool {
        self.tasks
            .iter()
            .all(|t| t.steps.iter().all(|s| s.kind.is_wait()))
    }

    /// Whether some task takes a step of `kind`: work blocks the loop,
    /// offloads need the workers, receiving data shows the memory lane.
    pub fn uses(&self, kind: StepKind) -> bool {
        self.tasks
            .iter()
            .any(|t| t.steps.iter().any(|s| s.kind == kind))
    }

    /// The tasks as runs of equal neighbours, in order: each task once,
    /// with how many times it stands in a row. `30x1` in a link, `30 × 1 s`
    /// in a summary.
    pub fn runs(&self) -> impl Iterator<Item = (&Task, usize)> + '_ {
        let mut rest = self.tasks.as_slice();
        std::iter::from_fn(move || {
            let task = rest.first()?;
            let run = rest.iter().take_while(|t| *t == task).count();
            rest = &rest[run..];
            Some((task, run))
        })
    }

    /// The longest task: what running the tasks all at once costs at the
    /// least.
    pub fn longest(&self) -> Duration {
        self.tasks
            .iter()
            .map(Task::duration)
            .max()
            .unwrap_or_default()
    }

    /// What a run's views and summary ask of the scenario, in one pass over
    /// its tasks: with 100,000 of them each pass costs milliseconds.
    pub fn traits(&self) -> Traits {
        let mut traits = Traits {
            only_waits: true,
            ..Traits::default()
        };
        for task in &self.tasks {
            for step in &task.steps {
                traits.works |= step.kind == StepKind::Work;
                traits.moves_data |= step.kind == StepKind::Receive;
                traits.only_waits &= step.kind.is_wait();
            }
            traits.has_arrivals |= !task.arrival.is_zero();
            let duration = task.duration();
            traits.longest = traits.longest.max(duration);
            traits.sum += duration;
        }
        traits
    }
}

/// A scenario's traits, read at once by [`Scenario::traits`]; each field is
/// what the [`Scenario`] method of the same name says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Traits {
    /// Some task works on the loop's thread ([`Scenario::uses`] of work).
    pub works: bool,
    /// Some task receives data ([`Scenario::uses`] of receiving).
    pub moves_data: bool,
    /// [`Scenario::only_waits`].
    pub only_waits: bool,
    /// [`Scenario::has_arrivals`].
    pub has_arrivals: bool,
    /// [`Scenario::longest`].
    pub longest: Duration,
    /// [`Scenario::sum`].
    pub sum: Duration,
}

impl Traits {
    /// Whether the modes of one run go side by side. Tasks that only wait
    /// share the thread without touching each other's timings; work would
    /// block the other mode's tasks too, and offloads would share its
    /// workers, so then the modes run one after the other.
    pub fn modes_side_by_side(self) -> bool {
        self.only_waits
    }
}

/// How a scenario is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Each task is awaited after the previous one ends.
    Sequential,
    /// All tasks at once, as `asyncio.gather` runs them.
    Concurrent,
}

impl Mode {
    /// Both modes, in the order the page shows them.
    pub const ALL: [Mode; 2] = [Mode::Sequential, Mode::Concurrent];

    /// The name used in links and test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Concurrent => "concurrent",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What a run button asks for: one mode, or both side by side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunChoice {
    /// Only one after another.
    Sequential,
    /// Only all at once.
    Concurrent,
    /// Both at the same time, side by side.
    Compare,
}

impl RunChoice {
    /// Every choice, as the run buttons list them.
    pub const ALL: [RunChoice; 3] = [
        RunChoice::Sequential,
        RunChoice::Concurrent,
        RunChoice::Compare,
    ];

    /// The name used in links and test hooks.
    pub fn id(self) -> &'static str {
        match self {
            RunChoice::Sequential => "sequential",
            RunChoice::Concurrent => "concurrent",
            RunChoice::Compare => "compare",
        }
    }

    /// The modes this choice runs.
    pub fn modes(self) -> &'static [Mode] {
        match self {
            RunChoice::Sequential => &[Mode::Sequential],
            RunChoice::Concurrent => &[Mode::Concurrent],
            RunChoice::Compare => &Mode::ALL,
        }
    }
}

/// How much faster than real time a run goes. Every figure on the page is
/// still given in scenario seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Real time.
    X1,
    /// Ten times faster.
    X10,
    /// A hundred times faster.
    X100,
}

impl Scale {
    /// Every scale, slowest first.
    pub const ALL: [Scale; 3] = [Scale::X1, Scale::X10, Scale::X100];

    /// How many scenario seconds pass in one real second.
    pub fn factor(self) -> u32 {
        match self {
            Scale::X1 => 1,
            Scale::X10 => 10,
            Scale::X100 => 100,
        }
    }

    /// The real time a scenario duration takes at this scale.
    pub fn to_real(self, scenario: Duration) -> Duration {
        scenario / self.factor()
    }

    /// The scenario time that a real duration stands for at this scale.
    pub fn to_scenario(self, real: Duration) -> Duration {
        real * self.factor()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

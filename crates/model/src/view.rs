//! What the page's components show, derived from the state: selectors, as
//! pure functions next to it. A component draws what these return, in the
//! presentation's words; it decides nothing of its own.

use std::rc::Rc;
use std::time::Duration;

use crate::events::{Distortion, RunEvent};
use crate::guess::Guesses;
use crate::limits::{CANCELLABLE, LIVE_DETAIL, LIVE_LOG_LINES, LOG_LINES};
use crate::recording::{is_faithful, Recording};
use crate::scenario::Mode;
use crate::state::editor::NotRunnable;
use crate::state::plan::Plan;
use crate::state::run::{Phase, Runs};
use crate::state::Playground;

/// Work that would hold the page longer than this at once is said before a
/// run: the page freezes meanwhile, and Stop waits for it.
pub const HOLD_NOTICE: Duration = Duration::from_secs(3);

/// Whether the page keeps its prediction to itself: it asks for guesses,
/// and no run of this scenario has started yet.
pub fn prediction_hidden(state: &Playground) -> bool {
    state.guesses.on && state.run.phase == Phase::Idle
}

/// How long, at most, the run the page suggests (its mode, at its speed)
/// would hold the page at once with work, in real time, when that is longer
/// than [`HOLD_NOTICE`]: said before the run.
pub fn page_hold(state: &Playground) -> Option<Duration> {
    let plan = state.plan.as_ref()?;
    let modes = state.mode.modes().iter();
    let hold = modes.map(|&m| plan.prediction(m).longest_hold).max()?;
    Some(state.scale.to_real(hold)).filter(|&hold| hold > HOLD_NOTICE)
}

/// Why the scenario in the editor cannot run, if it cannot.
pub fn not_runnable(state: &Playground) -> Option<NotRunnable> {
    if state.editor.drafts.is_empty() {
        Some(NotRunnable::NoTasks)
    } else if state.plan.is_none() {
        Some(NotRunnable::InvalidFields)
    } else {
        None
    }
}

/// The runs as the timeline, the log and the loop's panel show them: as
/// they stood at the replayed moment (`replay`, on the run clock), if one
/// is chosen, else as they are.
pub fn at_replay(recordings: &[Rc<Recording>], replay: Option<Duration>) -> Vec<Rc<Recording>> {
    match replay {
        Some(at) => recordings
            .iter()
            .map(|recording| Rc::new(recording.at_run_clock(at)))
            .collect(),
        None => recordings.to_vec(),
    }
}

/// The run clock the page shows: the replayed moment, or the run's own.
pub fn shown_clock(runs: &Runs) -> Duration {
    runs.replay.unwrap_or(runs.clock)
}

/// Whether the page follows a run's clock: it runs, or is replayed.
pub fn following(runs: &Runs) -> bool {
    runs.phase == Phase::Running || runs.replay.is_some()
}

/// The run a mode's measured total comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured<'a> {
    /// The run.
    pub recording: &'a Recording,
    /// Whether it is an earlier run than the current or last one.
    pub earlier: bool,
}

/// The run whose total the table shows for `mode`: the one in `recordings`
/// (the current or last run) if it ran that mode, else the one in
/// `earlier` (see [`crate::state::run::Runs::earlier`]).
pub fn measured<'a>(
    recordings: &'a [Rc<Recording>],
    earlier: &'a [Rc<Recording>],
    mode: Mode,
) -> Option<Measured<'a>> {
    let find = |runs: &'a [Rc<Recording>]| runs.iter().find(|r| r.mode == mode);
    match find(recordings) {
        Some(recording) => Some(Measured {
            recording,
            earlier: false,
        }),
        None => find(earlier).map(|recording| Measured {
            recording,
            earlier: true,
        }),
    }
}

/// A mode's row of the totals table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TotalsRow {
    /// The mode.
    pub mode: Mode,
    /// The prediction: the run's own where the mode has run, else the
    /// editor's, if its scenario is valid.
    pub predicted: Option<Duration>,
    /// The measured total, once known.
    pub measured: Option<Duration>,
    /// Why the measurement is not the program's own time, if it is not.
    pub distortion: Option<Distortion>,
    /// Whether the measurement is an earlier run's.
    pub earlier: bool,
    /// The learner's guess, when the page asks for guesses and it reads.
    pub guess: Option<Duration>,
}

impl TotalsRow {
    /// The measurement, if it is the program's own time: a ratio of a
    /// distorted measurement would be distorted too.
    pub fn trusted(&self) -> Option<Duration> {
        self.measured.filter(|_| self.distortion.is_none())
    }
}

/// The totals table: a row per mode, and the speedups between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Totals {
    /// One after another, then all at once.
    pub rows: [TotalsRow; 2],
    /// How much faster all at once is, as predicted.
    pub predicted_speedup: Option<f64>,
    /// As measured, when both measurements can be trusted.
    pub measured_speedup: Option<f64>,
    /// As the learner guessed.
    pub guessed_speedup: Option<f64>,
}

/// The totals of the current or last run (`recordings`), earlier runs of
/// the same scenario, the editor's `plan` where a mode has not run, and
/// the learner's guesses.
pub fn totals(
    recordings: &[Rc<Recording>],
    earlier: &[Rc<Recording>],
    plan: Option<&Plan>,
    guesses: &Guesses,
) -> Totals {
    let row = |mode: Mode| {
        let predicted = recordings
            .iter()
            .find(|r| r.mode == mode)
            .map(|r| r.prediction.total)
            .or_else(|| plan.map(|plan| plan.prediction(mode).total));
        let source = measured(recordings, earlier, mode);
        TotalsRow {
            mode,
            predicted,
            measured: source.and_then(|m| m.recording.total),
            distortion: source.and_then(|m| m.recording.distortion()),
            earlier: source.is_some_and(|m| m.earlier),
            guess: guesses.value(mode).ok().flatten().filter(|_| guesses.on),
        }
    };
    let rows = [row(Mode::Sequential), row(Mode::Concurrent)];
    let [sequential, concurrent] = rows;
    Totals {
        rows,
        predicted_speedup: ratio(sequential.predicted, concurrent.predicted),
        measured_speedup: ratio(sequential.trusted(), concurrent.trusted()),
        guessed_speedup: ratio(sequential.guess, concurrent.guess),
    }
}

/// `slow` over `fast`, when both are known and `fast` is not zero.
fn ratio(slow: Option<Duration>, fast: Option<Duration>) -> Option<f64> {
    let (slow, fast) = (slow?.as_secs_f64(), fast?.as_secs_f64());
    (fast > 0.0).then(|| slow / fast)
}

/// What the loop's panel shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LoopShown<'a> {
    /// Nothing: no run yet.
    Nothing,
    /// A note that a large run's loop is shown once it has finished: a
    /// frame cannot afford to read every event.
    Later,
    /// A note that the replay's slider picks the moment shown.
    Slide,
    /// The loop of this run.
    Loop(&'a Recording),
}

/// What the loop's panel shows of `recordings`: the run going on, else the
/// concurrent run (the one with a loop to see). `following` is whether the
/// page follows a run's clock (it runs, or is replayed); `running`
/// whether it runs now.
pub fn loop_shown(recordings: &[Rc<Recording>], following: bool, running: bool) -> LoopShown<'_> {
    let recording = recordings
        .iter()
        .find(|r| following && r.has_begun() && !r.is_finished())
        .or_else(|| recordings.iter().find(|r| r.mode == Mode::Concurrent))
        .or_else(|| recordings.first());
    match recording {
        None => LoopShown::Nothing,
        Some(r) if too_large_to_follow(r, running) => LoopShown::Later,
        Some(_) if !following => LoopShown::Slide,
        Some(r) => LoopShown::Loop(r),
    }
}

/// Whether `recording` is of a run too large to follow in full while it
/// goes on (`running`): more than [`LIVE_DETAIL`] tasks.
fn too_large_to_follow(recording: &Recording, running: bool) -> bool {
    running && recording.scenario.tasks.len() > LIVE_DETAIL
}

/// How many of its newest lines the log of `recording` shows; `running`
/// is whether a run goes on ([`LIVE_LOG_LINES`] for a large one).
pub fn log_lines_shown(recording: &Recording, running: bool) -> usize {
    if too_large_to_follow(recording, running) {
        LIVE_LOG_LINES
    } else {
        LOG_LINES
    }
}

/// Whether the modes of the run shown ran one after the other (with work
/// or offloads), which the timeline says: from the traits the recording
/// read once, since this is asked on every frame.
pub fn in_turn(recordings: &[Rc<Recording>]) -> bool {
    recordings.len() > 1 && !recordings[0].traits().modes_side_by_side()
}

/// Whether the tasks of the run shown can be cancelled from their lanes.
pub fn cancellable(shown: &[Rc<Recording>]) -> bool {
    shown
        .first()
        .is_some_and(|r| r.scenario.tasks.len() <= CANCELLABLE)
}

/// What a finished run comes to, for its summary in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RunFacts {
    /// Tasks that only wait, with no limit, timeout or cancel, that took
    /// about what the course says they take: the longest task all at once,
    /// the sum one after another.
    AsTheCourseSays {
        /// How many tasks.
        count: usize,
        /// The longest task (all at once) or the sum (one after another).
        expected: Duration,
        /// What the run took.
        took: Duration,
    },
    /// Anything else: what it took against its prediction.
    Measured {
        /// How many tasks.
        count: usize,
        /// What the run took.
        took: Duration,
        /// What the simulator predicted.
        predicted: Duration,
        /// Whether some task worked on the loop's thread, in a concurrent
        /// run: then nothing else ran meanwhile.
        blocked: bool,
        /// For tasks that arrive over time, the mean and the longest time
        /// from arrival to answer.
        latency: Option<(Duration, Duration)>,
    },
}

/// What `recording` comes to, once it has finished.
pub fn run_facts(recording: &Recording) -> Option<RunFacts> {
    let took = recording.total?;
    let scenario = &recording.scenario;
    let count = scenario.tasks.len();
    // Read once per recording: a pass over 100,000 tasks costs milliseconds.
    let traits = recording.traits();
    let untouched = recording.ended(crate::events::Outcome::TimedOut) == 0
        && recording.ended(crate::events::Outcome::Cancelled) == 0;
    let plain = traits.only_waits && scenario.limit.is_none() && untouched;
    let expected = match recording.mode {
        Mode::Concurrent => traits.longest,
        Mode::Sequential => traits.sum,
    };
    // "A little over the longest task", "the sum of all durations": said
    // only of a total that is so, whatever marked the run or did not.
    if plain && is_faithful(took, expected) {
        return Some(RunFacts::AsTheCourseSays {
            count,
            expected,
            took,
        });
    }
    let latency = traits.has_arrivals.then(|| latency(recording)).flatten();
    Some(RunFacts::Measured {
        count,
        took,
        predicted: recording.prediction.total,
        blocked: traits.works && recording.mode == Mode::Concurrent,
        latency,
    })
}

/// The mean and the longest time from a task's arrival to its end.
fn latency(recording: &Recording) -> Option<(Duration, Duration)> {
    let tasks = &recording.scenario.tasks;
    let latencies: Vec<Duration> = recording
        .events()
        .filter_map(|event| match event {
            RunEvent::Finished { task, at, .. } => Some(at.saturating_sub(tasks[task].arrival)),
            _ => None,
        })
        .collect();
    let longest = *latencies.iter().max()?;
    Some((
        latencies.iter().sum::<Duration>() / latencies.len() as u32,
        longest,
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

//! What a real run reports, and the record the page keeps of it.
//!
//! The browser runtime sends [`Report`]s; the page stores them in a
//! [`Recording`] and derives the log and the timeline from it. Events are
//! kept in shared chunks, one per animation frame, so that copying the
//! page's state (which the UI does on every change) costs the number of
//! frames, not the number of events: a 100,000-task run stays smooth.

use std::fmt::Write as _;
use std::rc::Rc;
use std::time::Duration;

use crate::i18n::{self, Lang};
use crate::memory;
use crate::scenario::{Mode, Scenario, Step, Traits};
use crate::simulate::Prediction;

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

/// The most a run may take over its prediction and still be the
/// scenario's own time: a tenth of the prediction, and never less than
/// 20 ms (a timer's lateness on a quiet machine).
pub fn tolerance(predicted: Duration) -> Duration {
    (predicted / 10).max(Duration::from_millis(20))
}

/// Whether a run that took `measured` is faithful to a scenario predicted
/// to take `predicted`: no more than [`tolerance`] over it. (A run is never
/// early: every wait lasts at least its time.) What the page says of a
/// run's total as the scenario's own holds only of such a run.
pub fn is_faithful(measured: Duration, predicted: Duration) -> bool {
    measured <= predicted + tolerance(predicted)
}

/// How many of a run's tasks wait and how many have finished, at a moment
/// when some of its tasks started or finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level {
    /// The moment.
    pub at: Duration,
    /// The most tasks waiting at once at that moment, as its events came.
    pub peak: usize,
    /// The tasks waiting after it.
    pub waiting: usize,
    /// The tasks finished after it, however they ended.
    pub finished: usize,
}

/// Everything known about one run of a scenario in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    /// The mode of this run.
    pub mode: Mode,
    /// The scenario as it was when the run began.
    pub scenario: Rc<Scenario>,
    /// What the simulator predicts for it.
    pub prediction: Rc<Prediction>,
    chunks: Vec<Rc<[RunEvent]>>,
    /// The run's levels, a chunk per call to `record`: one for each moment
    /// tasks started or finished, so that a chart of 100,000 tasks reads a
    /// few hundred of them, not every event.
    levels: Vec<Rc<[Level]>>,
    /// The last level, carried on into the next chunk.
    level: Level,
    event_count: usize,
    printed: usize,
    /// How many tasks ended each way so far: done, timed out, cancelled.
    ended: [usize; 3],
    stalls: Vec<(Duration, Duration)>,
    began_at: Option<Duration>,
    /// What views ask of the scenario on every frame, and the summary at
    /// the end: read from it once.
    traits: Traits,
    last_event_at: Duration,
    distortion: Option<Distortion>,
    /// The measured total, once every task has finished.
    pub total: Option<Duration>,
    /// This run's own time when the learner stopped it, if it was stopped
    /// before it finished: where its clock stays from then on.
    stopped: Option<Duration>,
    /// Why the run could not go on, if it could not.
    failure: Option<Failure>,
}

impl Recording {
    /// An empty recording for a run of `scenario` about to start, with
    /// the simulator's prediction for it.
    pub fn new(mode: Mode, scenario: Rc<Scenario>, prediction: Rc<Prediction>) -> Self {
        let traits = scenario.traits();
        Self::with_traits(mode, scenario, prediction, traits)
    }

    /// [`Recording::new`], with the scenario's traits already read (by
    /// [`Scenario::traits`]).
    pub fn with_traits(
        mode: Mode,
        scenario: Rc<Scenario>,
        prediction: Rc<Prediction>,
        traits: Traits,
    ) -> Self {
        debug_assert_eq!(prediction.mode, mode);
        debug_assert_eq!(traits, scenario.traits());
        Self {
            mode,
            traits,
            scenario,
            prediction,
            chunks: Vec::new(),
            levels: Vec::new(),
            level: Level {
                at: Duration::ZERO,
                peak: 0,
                waiting: 0,
                finished: 0,
            },
            event_count: 0,
            printed: 0,
            ended: [0; 3],
            stalls: Vec::new(),
            began_at: None,
            last_event_at: Duration::ZERO,
            distortion: None,
            total: None,
            stopped: None,
            failure: None,
        }
    }

    /// Adds what the runtime reported since the last call, in order.
    pub fn record(&mut self, reports: impl IntoIterator<Item = Report>) {
        let mut events = Vec::new();
        let mut levels: Vec<Level> = Vec::new();
        for report in reports {
            match report {
                Report::Event(event) => {
                    self.last_event_at = self.last_event_at.max(event.at());
                    let level = &mut self.level;
                    match event {
                        RunEvent::Step { .. } => {}
                        RunEvent::Started { .. } => {
                            self.printed += 1;
                            level.waiting += 1;
                        }
                        RunEvent::Finished { outcome, .. } => {
                            self.printed += 1;
                            self.ended[outcome as usize] += 1;
                            level.waiting = level.waiting.saturating_sub(1);
                            level.finished += 1;
                        }
                    }
                    if !matches!(event, RunEvent::Step { .. }) {
                        // A new moment starts its peak afresh.
                        if level.at != event.at() {
                            level.at = event.at();
                            level.peak = 0;
                        }
                        level.peak = level.peak.max(level.waiting);
                        match levels.last_mut() {
                            Some(last) if last.at == level.at => *last = *level,
                            _ => levels.push(*level),
                        }
                    }
                    events.push(event);
                }
                Report::Began(at) => self.began_at = Some(at),
                Report::Stall(from, to) => self.stalls.push((from, to)),
                Report::Distorted(why) => {
                    self.distortion.get_or_insert(why);
                }
                Report::Failed(failure) => {
                    self.failure.get_or_insert(failure);
                }
                Report::Finished(total) => {
                    self.total = Some(total);
                    if !is_faithful(total, self.prediction.total) {
                        self.distortion.get_or_insert(Distortion::Late);
                    }
                }
            }
        }
        if !events.is_empty() {
            self.event_count += events.len();
            self.chunks.push(events.into());
        }
        if !levels.is_empty() {
            self.levels.push(levels.into());
        }
    }

    /// This run's time when the page's run clock reads `run_clock`: zero
    /// until it begins, then the clock since it began (never behind its
    /// own events), and its measured total once it has finished.
    /// A stopped run's clock stays where it stopped, whatever `run_clock`
    /// says.
    pub fn clock(&self, run_clock: Duration) -> Duration {
        match (self.total, self.stopped, self.began_at) {
            (Some(total), _, _) => total,
            (None, Some(stopped), _) => stopped,
            (None, None, Some(began)) => run_clock.saturating_sub(began).max(self.last_event_at),
            (None, None, None) => Duration::ZERO,
        }
    }

    /// Stops this run when the page's run clock reads `run_clock`: its
    /// clock stays there. A run that has finished, or not begun, is left as
    /// it is (its clock is already still).
    pub fn stop(&mut self, run_clock: Duration) {
        if self.total.is_none() && self.began_at.is_some() && self.stopped.is_none() {
            self.stopped = Some(self.clock(run_clock));
        }
    }

    /// Why the run could not go on, if it could not.
    pub fn failure(&self) -> Option<Failure> {
        self.failure
    }

    /// This run's own time when it was stopped; `None` if it finished, has
    /// not been stopped, or never began.
    pub fn stopped_at(&self) -> Option<Duration> {
        self.stopped
    }

    /// How long the whole run took on the page's run clock, from its start
    /// to this mode's end; `None` until it has finished.
    pub fn ended_at(&self) -> Option<Duration> {
        Some(self.began_at? + self.total?)
    }

    /// Whether some task works on the loop's thread.
    pub fn works(&self) -> bool {
        self.traits.works
    }

    /// Whether some task receives data, which it then holds in memory.
    pub fn moves_data(&self) -> bool {
        self.traits.moves_data
    }

    /// What the scenario is like, as [`Scenario::traits`] read it.
    pub fn traits(&self) -> Traits {
        self.traits
    }

    /// Whether this mode's run has begun (another may run before it).
    pub fn has_begun(&self) -> bool {
        self.began_at.is_some()
    }

    /// When the heartbeat found the loop stalled, in the order found.
    pub fn stalls(&self) -> &[(Duration, Duration)] {
        &self.stalls
    }

    /// This run as it stood when the page's run clock read `run_clock`,
    /// for replaying it: not begun if it began later; else the events until
    /// then, the stalls begun by then (cut there), and the total only if it
    /// had finished.
    pub fn at_run_clock(&self, run_clock: Duration) -> Recording {
        // Every frame of a replay cuts anew: the traits are not read again.
        let mut cut = Recording::with_traits(
            self.mode,
            self.scenario.clone(),
            self.prediction.clone(),
            self.traits,
        );
        let Some(began) = self.began_at.filter(|began| *began <= run_clock) else {
            return cut;
        };
        let at = run_clock - began;
        cut.began_at = Some(began);
        cut.distortion = self.distortion;
        let events = self.events().take_while(|event| event.at() <= at);
        cut.record(events.map(Report::Event));
        cut.stalls = self
            .stalls
            .iter()
            .filter(|(from, _)| *from <= at)
            .map(|&(from, to)| (from, to.min(at)))
            .collect();
        cut.total = self.total.filter(|total| *total <= at);
        cut.stopped = self.stopped.filter(|stopped| *stopped <= at);
        // Its clock reads the moment, as a run's does while it goes on.
        cut.last_event_at = match cut.total {
            Some(_) => self.last_event_at,
            None => cut.last_event_at.max(at),
        };
        cut
    }

    /// The reports that rebuild this recording, as text: a line of
    /// space-separated tokens, read back by [`Recording::decode`]. It is how
    /// the page hands a run to its worker, which saves it as files.
    pub fn encode(&self) -> String {
        let us = crate::scenario::whole_micros;
        let mut text = String::with_capacity(16 * self.event_count + 32);
        text.push_str(self.mode.id());
        if let Some(began) = self.began_at {
            let _ = write!(text, " b{}", us(began));
        }
        for event in self.events() {
            let _ = match event {
                RunEvent::Started { task, at } => write!(text, " s{task}@{}", us(at)),
                RunEvent::Step { task, step, at } => write!(text, " p{task}.{step}@{}", us(at)),
                RunEvent::Finished { task, at, outcome } => {
                    let how = match outcome {
                        Outcome::Done => 'd',
                        Outcome::TimedOut => 't',
                        Outcome::Cancelled => 'c',
                    };
                    write!(text, " f{task}{how}@{}", us(at))
                }
            };
        }
        for &(from, to) in &self.stalls {
            let _ = write!(text, " x{}-{}", us(from), us(to));
        }
        match self.distortion {
            Some(Distortion::Hidden) => text.push_str(" h"),
            Some(Distortion::Throttled) => text.push_str(" r"),
            // Read again from the total: the `e` token sets it.
            Some(Distortion::Late) | None => {}
        }
        if let Some(total) = self.total {
            let _ = write!(text, " e{}", us(total));
        }
        if let Some(stopped) = self.stopped {
            let _ = write!(text, " z{}", us(stopped));
        }
        text
    }

    /// The recording [`Recording::encode`] wrote, of a run of `scenario`
    /// (with its prediction worked out again); `None` if `text` is not one,
    /// or names a task the scenario does not have.
    pub fn decode(scenario: Rc<Scenario>, text: &str) -> Option<Self> {
        fn at(text: &str) -> Option<Duration> {
            text.parse().ok().map(Duration::from_micros)
        }
        let mut tokens = text.split(' ');
        let mode = match tokens.next()? {
            "sequential" => Mode::Sequential,
            "concurrent" => Mode::Concurrent,
            _ => return None,
        };
        let tasks = scenario.tasks.len();
        let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
        let mut recording = Recording::new(mode, scenario, prediction);
        let mut reports = Vec::new();
        let mut stopped = None;
        for token in tokens {
            let (kind, rest) = token.split_at_checked(1)?;
            if kind == "z" {
                stopped = Some(at(rest)?);
                continue;
            }
            let report = match kind {
                "b" => Report::Began(at(rest)?),
                "s" => {
                    let (task, when) = rest.split_once('@')?;
                    Report::Event(RunEvent::Started {
                        task: task.parse().ok()?,
                        at: at(when)?,
                    })
                }
                "p" => {
                    let (which, when) = rest.split_once('@')?;
                    let (task, step) = which.split_once('.')?;
                    Report::Event(RunEvent::Step {
                        task: task.parse().ok()?,
                        step: step.parse().ok()?,
                        at: at(when)?,
                    })
                }
                "f" => {
                    let (which, when) = rest.split_once('@')?;
                    let (task, how) = which.split_at_checked(which.len().checked_sub(1)?)?;
                    let outcome = match how {
                        "d" => Outcome::Done,
                        "t" => Outcome::TimedOut,
                        "c" => Outcome::Cancelled,
                        _ => return None,
                    };
                    Report::Event(RunEvent::Finished {
                        task: task.parse().ok()?,
                        at: at(when)?,
                        outcome,
                    })
                }
                "x" => {
                    let (from, to) = rest.split_once('-')?;
                    Report::Stall(at(from)?, at(to)?)
                }
                "h" if rest.is_empty() => Report::Distorted(Distortion::Hidden),
                "r" if rest.is_empty() => Report::Distorted(Distortion::Throttled),
                "e" => Report::Finished(at(rest)?),
                _ => return None,
            };
            if let Report::Event(event) = report {
                if event.task() >= tasks {
                    return None;
                }
            }
            reports.push(report);
        }
        recording.record(reports);
        recording.stopped = stopped.filter(|_| recording.total.is_none() && recording.has_begun());
        Some(recording)
    }

    /// Why this run's measurements cannot be trusted, if something outside
    /// the scenario slowed it: the first reason found.
    pub fn distortion(&self) -> Option<Distortion> {
        self.distortion
    }

    /// Whether every task has finished.
    pub fn is_finished(&self) -> bool {
        self.total.is_some()
    }

    /// How many tasks have ended as `outcome` so far.
    pub fn ended(&self, outcome: Outcome) -> usize {
        self.ended[outcome as usize]
    }

    /// How many events have been recorded.
    pub fn event_count(&self) -> usize {
        self.event_count
    }

    /// Every event so far, oldest first.
    pub fn events(&self) -> impl DoubleEndedIterator<Item = RunEvent> + '_ {
        self.chunks.iter().flat_map(|chunk| chunk.iter().copied())
    }

    /// The run's [`Level`]s so far, oldest first. A moment's events may
    /// come in two calls to `record`: then two levels in a row share their
    /// moment, the second carrying on the first.
    pub fn levels(&self) -> impl Iterator<Item = Level> + '_ {
        self.levels.iter().flat_map(|chunk| chunk.iter().copied())
    }

    /// How many lines the program has printed so far.
    pub fn log_len(&self) -> usize {
        let closing = 2 + usize::from(self.traits.moves_data);
        self.printed + if self.is_finished() { closing } else { 0 }
    }

    /// The last `at_most` lines the program printed, oldest first: the
    /// course's example prints a line when each task starts and ends, then
    /// the count and the total.
    pub fn log_tail(&self, lang: Lang, at_most: usize) -> Vec<String> {
        let mut lines = Vec::with_capacity(at_most.min(self.log_len()));
        if let Some(total) = self.total {
            lines.push(i18n::log_total(lang, total));
            if self.traits.moves_data {
                let held = memory::held(&self.scenario, self.events());
                lines.push(i18n::log_most_held(lang, memory::peak(&held)));
            }
            lines.push(i18n::log_completed(lang, self.ended(Outcome::Done)));
        }
        for event in self.events().rev() {
            if lines.len() >= at_most {
                break;
            }
            lines.extend(self.log_line(lang, event));
        }
        lines.truncate(at_most);
        lines.reverse();
        lines
    }

    /// The line the program prints for `event`, if any: it prints when a
    /// task starts and ends, not at every step.
    fn log_line(&self, lang: Lang, event: RunEvent) -> Option<String> {
        let name = |task: usize| {
            self.scenario
                .tasks
                .get(task)
                .map_or("", |t| t.name.as_str())
        };
        Some(match event {
            RunEvent::Started { task, at } => i18n::log_started(lang, task + 1, name(task), at),
            RunEvent::Step { .. } => return None,
            RunEvent::Finished { task, outcome, .. } => {
                i18n::log_finished(lang, task + 1, name(task), outcome)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Step, Task};

    fn recording(mode: Mode, scenario: Scenario) -> Recording {
        let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
        Recording::new(mode, Rc::new(scenario), prediction)
    }

    fn two_tasks() -> Recording {
        let scenario = Scenario::of(vec![
            Task::unnamed(Duration::from_secs(1)),
            Task::named("boil", vec![Step::wait(Duration::from_secs(1))]),
        ]);
        recording(Mode::Concurrent, scenario)
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn a_replay_shows_the_run_as_it_stood_at_each_moment() {
        let mut recording = two_tasks();
        recording.record([
            Report::Began(ms(100)),
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started { task: 1, at: ms(1) }),
            Report::Stall(ms(400), ms(600)),
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(1000),
                outcome: Outcome::Done,
            }),
            Report::Event(RunEvent::Finished {
                task: 1,
                at: ms(1001),
                outcome: Outcome::Done,
            }),
            Report::Finished(ms(1002)),
        ]);
        assert_eq!(recording.ended_at(), Some(ms(1102)));

        let before = recording.at_run_clock(ms(50));
        assert!(!before.has_begun() && before.event_count() == 0);

        let middle = recording.at_run_clock(ms(600));
        assert_eq!(middle.event_count(), 2, "both started, none finished");
        assert_eq!(middle.stalls(), [(ms(400), ms(500))], "the stall so far");
        assert_eq!(middle.total, None);
        assert_eq!(middle.clock(ms(600)), ms(500), "its curtain at the moment");
        assert_eq!(middle.log_len(), 2);

        let end = recording.at_run_clock(ms(5000));
        assert_eq!(end, recording, "at or after its end, the whole run");
    }

    #[test]
    fn a_recording_reads_back_as_it_was_encoded() {
        for preset in crate::presets::Preset::ALL {
            let scenario = Rc::new(preset.scenario());
            for mode in Mode::ALL {
                let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
                let mut recording = Recording::new(mode, scenario.clone(), prediction.clone());
                recording.record([Report::Began(ms(3))]);
                recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
                recording.record([
                    Report::Stall(ms(10), ms(75)),
                    Report::Distorted(Distortion::Throttled),
                    Report::Finished(prediction.total + Duration::from_micros(1234)),
                ]);
                let text = recording.encode();
                assert_eq!(
                    Recording::decode(scenario.clone(), &text),
                    Some(recording),
                    "{text}"
                );
            }
        }
        let scenario = two_tasks().scenario;
        let unfinished = Recording::new(
            Mode::Sequential,
            scenario.clone(),
            Rc::new(crate::simulate::predict(&scenario, Mode::Sequential)),
        );
        assert_eq!(unfinished.encode(), "sequential");
        assert_eq!(
            Recording::decode(scenario.clone(), "sequential"),
            Some(unfinished)
        );
        for bad in [
            "",
            "both",
            "concurrent s9@0",
            "concurrent s0",
            "concurrent f0q@1",
            "concurrent hx",
            "concurrent q1",
            "concurrent b0 zx",
        ] {
            assert_eq!(Recording::decode(scenario.clone(), bad), None, "{bad}");
        }
    }

    #[test]
    fn a_distorted_run_keeps_the_first_reason_and_its_measurements() {
        let mut recording = two_tasks();
        assert_eq!(recording.distortion(), None);
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Distorted(Distortion::Hidden),
        ]);
        recording.record([
            Report::Distorted(Distortion::Throttled),
            Report::Finished(ms(2500)),
        ]);
        assert_eq!(recording.distortion(), Some(Distortion::Hidden));
        assert_eq!(
            recording.total,
            Some(ms(2500)),
            "kept, to be shown as distorted"
        );
        assert_eq!(
            recording.stalls(),
            [],
            "a distortion is not a stall of the loop"
        );
    }

    #[test]
    fn the_log_follows_the_events_then_prints_the_totals() {
        let mut recording = two_tasks();
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started { task: 1, at: ms(1) }),
        ]);
        recording.record([
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(1000),
                outcome: Outcome::Done,
            }),
            Report::Event(RunEvent::Finished {
                task: 1,
                at: ms(1001),
                outcome: Outcome::Done,
            }),
            Report::Finished(ms(1002)),
        ]);
        assert_eq!(
            recording.log_tail(Lang::En, 100),
            vec![
                "Start of long operation № 1: 0.0000",
                "Start of long operation № 2 (boil): 0.0010",
                "Long operation № 1 finished",
                "Long operation № 2 (boil) finished",
                "Completed 2 operations.",
                "Program finished in 1.0020",
            ]
        );
        assert_eq!(recording.log_len(), 6);
        assert_eq!(recording.total, Some(ms(1002)));
        assert_eq!(recording.event_count(), 4);
    }

    #[test]
    fn the_log_tail_keeps_the_newest_lines() {
        let mut recording = two_tasks();
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started { task: 1, at: ms(0) }),
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(1000),
                outcome: Outcome::Done,
            }),
        ]);
        assert_eq!(
            recording.log_tail(Lang::Ru, 2),
            vec![
                "Начало выполнения длительной операции № 2 (boil): 0.0000",
                "Длительная операция № 1 завершена",
            ]
        );
    }

    #[test]
    fn steps_print_nothing_and_endings_say_how() {
        let mut recording = two_tasks();
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Step {
                task: 0,
                step: 1,
                at: ms(10),
            }),
            Report::Event(RunEvent::Started { task: 1, at: ms(0) }),
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(20),
                outcome: Outcome::TimedOut,
            }),
            Report::Event(RunEvent::Finished {
                task: 1,
                at: ms(30),
                outcome: Outcome::Cancelled,
            }),
            Report::Finished(ms(30)),
        ]);
        assert_eq!(
            recording.log_tail(Lang::En, 100),
            vec![
                "Start of long operation № 1: 0.0000",
                "Start of long operation № 2 (boil): 0.0000",
                "Long operation № 1 cancelled: timed out",
                "Long operation № 2 (boil) cancelled",
                "Completed 0 operations.",
                "Program finished in 0.0300",
            ]
        );
        assert_eq!(recording.log_len(), 6);
        assert_eq!(recording.event_count(), 5);
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

    #[test]
    fn a_run_follows_the_clock_until_it_ends() {
        let mut recording = two_tasks();
        assert_eq!(recording.clock(ms(500)), ms(0), "not begun");
        recording.record([Report::Began(ms(100))]);
        assert_eq!(
            recording.clock(ms(500)),
            ms(400),
            "begun after another mode"
        );
        recording.record([Report::Event(RunEvent::Started {
            task: 0,
            at: ms(600),
        })]);
        assert_eq!(recording.clock(ms(500)), ms(600), "never behind its events");
        assert_eq!(recording.clock(ms(800)), ms(700));
        recording.record([Report::Finished(ms(1003))]);
        assert_eq!(recording.clock(ms(2000)), ms(1003));
        assert!(recording.is_finished());
    }

    #[test]
    fn a_recording_carries_its_prediction() {
        let recording = two_tasks();
        assert_eq!(recording.prediction.total, Duration::from_secs(1));
        assert_eq!(recording.prediction.mode, Mode::Concurrent);
    }
}

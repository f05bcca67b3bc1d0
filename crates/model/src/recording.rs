//! What a real run reports, and the record the page keeps of it.
//!
//! The browser runtime sends [`Report`]s; the page stores them in a
//! [`Recording`] and derives the log and the timeline from it. Events are
//! kept in shared chunks, one per animation frame, so that copying the
//! page's state (which the UI does on every change) costs the number of
//! frames, not the number of events: a 100,000-task run stays smooth.

use std::rc::Rc;
use std::time::Duration;

use crate::events::{Distortion, Failure, Outcome, Report, RunEvent};
use crate::memory;
use crate::scenario::{Mode, Scenario, Traits};
use crate::simulate::Prediction;

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

    /// When this mode's run began on the page's run clock, if it has.
    pub fn began_at(&self) -> Option<Duration> {
        self.began_at
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
    /// the count and the total. The presentation words them.
    pub fn log_tail(&self, at_most: usize) -> Vec<LogLine<'_>> {
        let mut lines = Vec::with_capacity(at_most.min(self.log_len()));
        if let Some(total) = self.total {
            lines.push(LogLine::Total(total));
            if self.traits.moves_data {
                let held = memory::held(&self.scenario, self.events());
                lines.push(LogLine::MostHeld(memory::peak(&held)));
            }
            lines.push(LogLine::Completed(self.ended(Outcome::Done)));
        }
        for event in self.events().rev() {
            if lines.len() >= at_most {
                break;
            }
            lines.extend(self.log_line(event));
        }
        lines.truncate(at_most);
        lines.reverse();
        lines
    }

    /// The line the program prints for `event`, if any: it prints when a
    /// task starts and ends, not at every step.
    fn log_line(&self, event: RunEvent) -> Option<LogLine<'_>> {
        let name = |task: usize| {
            self.scenario
                .tasks
                .get(task)
                .map_or("", |t| t.name.as_str())
        };
        Some(match event {
            RunEvent::Started { task, at } => LogLine::Started {
                number: task + 1,
                name: name(task),
                at,
            },
            RunEvent::Step { .. } => return None,
            RunEvent::Finished { task, outcome, .. } => LogLine::Finished {
                number: task + 1,
                name: name(task),
                outcome,
            },
        })
    }
}

/// A line of a run's log, as what it says; the presentation words it, in
/// the words the generated programs print too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogLine<'a> {
    /// Task `number` (counted from 1) started `at` seconds into the run.
    Started {
        /// The task's number, from 1.
        number: usize,
        /// Its name, empty if it has none.
        name: &'a str,
        /// When, on the run's clock.
        at: Duration,
    },
    /// Task `number` ended.
    Finished {
        /// The task's number, from 1.
        number: usize,
        /// Its name, empty if it has none.
        name: &'a str,
        /// How.
        outcome: Outcome,
    },
    /// How many tasks completed.
    Completed(usize),
    /// The most chunks held in memory at once (by a run that moves data).
    MostHeld(usize),
    /// The run's total.
    Total(Duration),
}

#[cfg(test)]
mod tests;

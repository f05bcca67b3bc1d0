//! The run's slice of the state: where the page is in a run, each mode's
//! recording of the current or last run, earlier runs the table still
//! shows, the run clock, and the moment a replay shows.

use std::rc::Rc;
use std::time::Duration;

use super::plan::Plan;
use crate::events::{Failure, Report};
use crate::recording::Recording;
use crate::scenario::{Mode, RunChoice, Scale, Scenario};

/// Where the page is in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has run since the scenario last changed.
    Idle,
    /// A run is going on.
    Running,
    /// The last run finished.
    Done,
    /// The last run was stopped.
    Stopped,
}

impl Phase {
    /// A stable name for test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running => "running",
            Phase::Done => "done",
            Phase::Stopped => "stopped",
        }
    }
}

/// What starts, feeds, stops and replays a run.
#[derive(Clone, Debug, PartialEq)]
pub enum RunAction {
    /// A run of the plan has started as run number `run_id`.
    Start {
        /// The run's number: one more than the state's.
        run_id: u64,
        /// What the run does.
        choice: RunChoice,
        /// What it runs, as [`super::Playground::plan`] held it.
        plan: Rc<Plan>,
    },
    /// What the runtime reported since the last frame, and each mode's clock.
    Progress {
        /// Which run reported.
        run_id: u64,
        /// Each running mode's clock, in scenario time.
        now: Duration,
        /// The reports, in order.
        reports: Vec<(Mode, Report)>,
    },
    /// The learner stopped the run.
    Stop,
    /// Show the finished or stopped run as it stood at this moment of its
    /// run clock, or as it ended.
    Replay(Option<Duration>),
}

/// The current or last run, and what the table keeps of earlier ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Runs {
    /// Where the page is in a run.
    pub phase: Phase,
    /// Counts runs, so reports from a stopped run are never mixed into the next.
    pub run_id: u64,
    /// The current or last run, one recording per mode it ran.
    pub recordings: Vec<Rc<Recording>>,
    /// Each mode's last finished run of this scenario that the current or
    /// last run did not repeat, newest first: run all at once, then one
    /// after another, and the table still shows both totals.
    pub earlier: Vec<Rc<Recording>>,
    /// The current or last run's clock, in scenario time. Kept apart from
    /// the recordings, so that they change only when something happens.
    pub clock: Duration,
    /// The speed the last run ran at (the page's speed may change after it).
    pub scale: Scale,
    /// The moment of the last run being replayed, on its run clock; `None`
    /// shows the run as it ended.
    pub replay: Option<Duration>,
}

impl Default for Runs {
    fn default() -> Self {
        Self {
            phase: Phase::Idle,
            run_id: 0,
            recordings: Vec::new(),
            earlier: Vec::new(),
            clock: Duration::ZERO,
            scale: Scale::X1,
            replay: None,
        }
    }
}

impl Runs {
    /// Applies one action; a run starts at `scale`.
    pub fn apply(&mut self, action: RunAction, scale: Scale) {
        match action {
            RunAction::Start {
                run_id,
                choice,
                plan,
            } => {
                self.run_id = run_id;
                self.phase = Phase::Running;
                self.clock = Duration::ZERO;
                self.replay = None;
                self.scale = scale;
                self.earlier = earlier_runs(
                    self.recordings.drain(..).chain(self.earlier.drain(..)),
                    &plan.scenario,
                    choice,
                );
                self.recordings = choice
                    .modes()
                    .iter()
                    .map(|&mode| Rc::new(plan.recording(mode)))
                    .collect();
            }
            RunAction::Progress {
                run_id,
                now,
                reports,
            } => {
                if run_id == self.run_id && self.phase == Phase::Running {
                    self.progress(now, reports);
                }
            }
            RunAction::Stop => self.stop(),
            RunAction::Replay(moment) => {
                if let Some(length) = self.replay_length() {
                    self.replay = moment.map(|moment| moment.min(length));
                }
            }
        }
    }

    /// Whether a run goes on.
    pub fn is_running(&self) -> bool {
        self.phase == Phase::Running
    }

    /// The scenario the current or last run ran, if any.
    pub fn scenario(&self) -> Option<&Rc<Scenario>> {
        self.recordings.first().map(|r| &r.scenario)
    }

    /// The scenario in the editor has changed: results of an earlier run no
    /// longer describe it, so they are cleared; a running run carries on.
    pub fn scenario_changed(&mut self) {
        if !self.is_running() {
            self.phase = Phase::Idle;
            self.recordings.clear();
            self.earlier.clear();
        }
    }

    /// Stops a running run at the run clock: each recording's clock stays
    /// there.
    pub fn stop(&mut self) {
        if !self.is_running() {
            return;
        }
        self.phase = Phase::Stopped;
        for recording in &mut self.recordings {
            Rc::make_mut(recording).stop(self.clock);
        }
    }

    /// How long the last run took on its run clock, once it has finished
    /// or stopped: what a replay moves through.
    pub fn replay_length(&self) -> Option<Duration> {
        if matches!(self.phase, Phase::Idle | Phase::Running) {
            return None;
        }
        self.recordings
            .iter()
            .map(|recording| recording.ended_at().unwrap_or(self.clock))
            .max()
    }

    /// Why the current or last run could not go on, if it could not.
    pub fn failure(&self) -> Option<Failure> {
        self.recordings.iter().find_map(|r| r.failure())
    }

    /// The recording of `mode` in the current or last run.
    pub fn recording(&self, mode: Mode) -> Option<&Recording> {
        self.recordings
            .iter()
            .map(Rc::as_ref)
            .find(|r| r.mode == mode)
    }

    fn progress(&mut self, now: Duration, reports: Vec<(Mode, Report)>) {
        self.clock = self.clock.max(now);
        for recording in &mut self.recordings {
            let mode = recording.mode;
            let mut mine = reports
                .iter()
                .filter(|(m, _)| *m == mode)
                .map(|&(_, report)| report)
                .peekable();
            // Untouched recordings stay the same `Rc`: what draws them is
            // not redrawn.
            if mine.peek().is_some() {
                Rc::make_mut(recording).record(mine);
            }
        }
        if self.failure().is_some() {
            // The run cannot go on: it stops where it is, and says why.
            self.stop();
        } else if self.recordings.iter().all(|r| r.is_finished()) {
            self.phase = Phase::Done;
        }
    }
}

/// What stays of `runs` (newest first) when `choice` starts on `scenario`:
/// for each mode it does not run, the newest finished run of that
/// scenario.
fn earlier_runs(
    runs: impl Iterator<Item = Rc<Recording>>,
    scenario: &Scenario,
    choice: RunChoice,
) -> Vec<Rc<Recording>> {
    let mut kept: Vec<Rc<Recording>> = Vec::new();
    for run in runs {
        let keep = run.total.is_some()
            && !choice.modes().contains(&run.mode)
            && !kept.iter().any(|k| k.mode == run.mode)
            && *run.scenario == *scenario;
        if keep {
            kept.push(run);
        }
    }
    kept
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

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
mod tests {
    use super::*;
    use crate::state::testing::*;
    use crate::view;

    #[test]
    fn a_run_goes_from_running_to_done() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Compare));
        assert_eq!(state.run.phase, Phase::Running);
        assert_eq!(state.run.recordings.len(), 2);
        state.apply(progress(
            1,
            Duration::from_millis(1001),
            Mode::Concurrent,
            Report::Finished(Duration::from_millis(1001)),
        ));
        assert_eq!(state.run.phase, Phase::Running, "sequential still runs");
        state.apply(progress(
            1,
            Duration::from_secs(30),
            Mode::Sequential,
            Report::Finished(Duration::from_secs(30)),
        ));
        assert_eq!(state.run.phase, Phase::Done);
        let concurrent = state.run.recording(Mode::Concurrent).expect("recorded");
        assert_eq!(concurrent.total, Some(Duration::from_millis(1001)));
        assert_eq!(state.run.clock, Duration::from_secs(30));
        assert_eq!(concurrent.prediction.total, Duration::from_secs(1));
    }

    #[test]
    fn a_frame_without_reports_leaves_the_recordings_alone() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Compare));
        let before = state.run.recordings.clone();
        state.apply(progress(
            1,
            Duration::from_millis(16),
            Mode::Sequential,
            first_started(),
        ));
        assert_eq!(state.run.clock, Duration::from_millis(16));
        assert!(
            !Rc::ptr_eq(&before[0], &state.run.recordings[0]),
            "sequential got an event"
        );
        assert!(
            Rc::ptr_eq(&before[1], &state.run.recordings[1]),
            "concurrent did not"
        );
    }

    #[test]
    fn a_replay_moves_through_the_finished_run_only() {
        let mut state = Playground::new(Lang::En);
        state.apply(Action::Run(RunAction::Replay(Some(Duration::from_millis(
            10,
        )))));
        assert_eq!(state.run.replay, None, "nothing to replay yet");
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(progress(
            1,
            Duration::ZERO,
            Mode::Concurrent,
            Report::Began(Duration::ZERO),
        ));
        state.apply(Action::Run(RunAction::Replay(Some(Duration::from_millis(
            10,
        )))));
        assert_eq!(state.run.replay, None, "not while it runs");
        state.apply(progress(
            1,
            Duration::from_millis(1003),
            Mode::Concurrent,
            Report::Finished(Duration::from_millis(1003)),
        ));
        assert_eq!(state.run.replay_length(), Some(Duration::from_millis(1003)));
        let link = state.link.current.clone();
        state.apply(Action::Run(RunAction::Replay(Some(Duration::from_millis(
            400,
        )))));
        assert_eq!(state.run.replay, Some(Duration::from_millis(400)));
        state.apply(Action::Run(RunAction::Replay(Some(Duration::from_secs(9)))));
        assert_eq!(
            state.run.replay,
            Some(Duration::from_millis(1003)),
            "at most its end"
        );
        assert!(
            Rc::ptr_eq(&link, &state.link.current),
            "a replay is not an edit of the link"
        );
        state.apply(start(&state, RunChoice::Concurrent));
        assert_eq!(state.run.replay, None, "a new run ends the replay");
    }

    #[test]
    fn reports_of_a_stopped_run_are_ignored() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(Action::Run(RunAction::Stop));
        assert_eq!(state.run.phase, Phase::Stopped);
        state.apply(progress(
            1,
            Duration::from_secs(1),
            Mode::Concurrent,
            first_started(),
        ));
        assert_eq!(
            state.run.recording(Mode::Concurrent).unwrap().event_count(),
            0
        );

        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(progress(
            1,
            Duration::from_secs(1),
            Mode::Concurrent,
            Report::Finished(Duration::from_secs(1)),
        ));
        assert_eq!(state.run.phase, Phase::Running, "a late report of run 1");
    }

    #[test]
    fn each_mode_keeps_its_last_measured_total() {
        let secs = Duration::from_secs;
        let mut state = Playground::new(Lang::En);
        run_to_end(&mut state, RunChoice::Concurrent, secs(1));
        run_to_end(&mut state, RunChoice::Sequential, secs(30));
        let concurrent =
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent)
                .expect("kept");
        assert!(concurrent.earlier, "it came from the run before");
        assert_eq!(concurrent.recording.total, Some(secs(1)));
        let sequential =
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Sequential).unwrap();
        assert!(!sequential.earlier);
        assert_eq!(sequential.recording.total, Some(secs(30)));

        // Running the same mode again replaces it; the other stays.
        run_to_end(&mut state, RunChoice::Sequential, secs(31));
        assert_eq!(
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent)
                .unwrap()
                .recording
                .total,
            Some(secs(1))
        );
        run_to_end(&mut state, RunChoice::Concurrent, secs(2));
        assert_eq!(
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Sequential)
                .unwrap()
                .recording
                .total,
            Some(secs(31))
        );
        assert!(
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Sequential)
                .unwrap()
                .earlier
        );
        // Compare measures both: nothing earlier is needed.
        run_to_end(&mut state, RunChoice::Compare, secs(3));
        assert!(state.run.earlier.is_empty());

        // A stopped run has no total to keep; another scenario, none at all.
        state.apply(start(&state, RunChoice::Sequential));
        state.apply(Action::Run(RunAction::Stop));
        assert_eq!(
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent)
                .unwrap()
                .recording
                .total,
            Some(secs(3))
        );
        state.apply(Action::Edit(EditAction::SetSteps(0, "2".into())));
        assert_eq!(
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent),
            None
        );
        assert_eq!(
            view::measured(&state.run.recordings, &state.run.earlier, Mode::Sequential),
            None
        );
    }

    #[test]
    fn a_run_that_cannot_go_on_stops_and_says_why() {
        let mut state = Playground::new(Lang::En);
        state.apply(Action::Edit(EditAction::SetSteps(0, "o1".into())));
        state.apply(start(&state, RunChoice::Compare));
        let run_id = state.run.run_id;
        state.apply(progress(
            run_id,
            Duration::from_millis(5),
            Mode::Sequential,
            Report::Began(Duration::ZERO),
        ));
        assert_eq!(state.run.phase, Phase::Running);
        state.apply(progress(
            run_id,
            Duration::from_millis(6),
            Mode::Sequential,
            Report::Failed(Failure::NoWorkers),
        ));
        assert_eq!(state.run.phase, Phase::Stopped);
        assert_eq!(state.run.failure(), Some(Failure::NoWorkers));
        let stopped = state.run.recording(Mode::Sequential).unwrap();
        assert_eq!(stopped.stopped_at(), Some(Duration::from_millis(6)));
        // The next run starts afresh.
        state.apply(start(&state, RunChoice::Concurrent));
        assert_eq!(state.run.failure(), None);
    }

    #[test]
    fn a_stopped_run_keeps_the_time_it_stopped_at() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(progress(
            1,
            Duration::from_millis(400),
            Mode::Concurrent,
            Report::Began(Duration::from_millis(100)),
        ));
        state.apply(Action::Run(RunAction::Stop));
        let recording = state.run.recording(Mode::Concurrent).unwrap();
        assert_eq!(recording.stopped_at(), Some(Duration::from_millis(300)));
        // Whatever clock a view or the export reads it at.
        assert_eq!(recording.clock(Duration::MAX), Duration::from_millis(300));
        assert_eq!(state.run.replay_length(), Some(Duration::from_millis(400)));
    }

    #[test]
    fn the_run_slice_alone_starts_records_and_stops() {
        let plan = Rc::new(Plan::new(Scenario::uniform(2, Duration::from_secs(1))));
        let mut runs = Runs::default();
        runs.apply(RunAction::Stop, Scale::X1);
        assert_eq!(runs.phase, Phase::Idle, "nothing to stop");
        let start = RunAction::Start {
            run_id: 1,
            choice: RunChoice::Compare,
            plan: plan.clone(),
        };
        runs.apply(start, Scale::X10);
        assert!(runs.is_running() && runs.recordings.len() == 2);
        assert_eq!(runs.scale, Scale::X10, "the speed it runs at");
        assert_eq!(runs.scenario(), Some(&plan.scenario));
        runs.scenario_changed();
        assert!(runs.is_running(), "an edit does not clear a run going on");
        let progress = |now, reports| RunAction::Progress {
            run_id: 1,
            now,
            reports,
        };
        runs.apply(
            progress(
                Duration::from_millis(300),
                vec![(Mode::Concurrent, Report::Began(Duration::ZERO))],
            ),
            Scale::X1,
        );
        assert_eq!(runs.clock, Duration::from_millis(300));
        runs.apply(RunAction::Stop, Scale::X1);
        assert_eq!(runs.phase, Phase::Stopped);
        assert_eq!(
            runs.recording(Mode::Concurrent)
                .and_then(Recording::stopped_at),
            Some(Duration::from_millis(300))
        );
        assert_eq!(runs.replay_length(), Some(Duration::from_millis(300)));
        runs.apply(RunAction::Replay(Some(Duration::from_secs(9))), Scale::X1);
        assert_eq!(
            runs.replay,
            Some(Duration::from_millis(300)),
            "held to the run's length"
        );
        runs.scenario_changed();
        assert_eq!((runs.phase, runs.recordings.len()), (Phase::Idle, 0));
    }
}

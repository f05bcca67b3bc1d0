use super::*;
use crate::state::testing::*;

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

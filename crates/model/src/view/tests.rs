use super::*;
use crate::state::testing::*;

#[test]
fn work_that_would_hold_the_page_for_seconds_is_said_before_the_run() {
    let mut state = Playground::new(Lang::En);
    assert_eq!(page_hold(&state), None, "the course example only waits");
    state.apply(Action::Link(LinkAction::Open(link::read(
        "#tasks=c2,c2&mode=concurrent",
    ))));
    assert_eq!(page_hold(&state), Some(Duration::from_secs(4)));
    // In turn, the page has a turn between the tasks.
    state.apply(Action::Link(LinkAction::Open(link::read(
        "#tasks=c2,c2&mode=sequential",
    ))));
    assert_eq!(page_hold(&state), None);
    state.apply(Action::Link(LinkAction::Open(link::read(
        "#tasks=c2,c2&mode=compare",
    ))));
    assert_eq!(page_hold(&state), Some(Duration::from_secs(4)));
    state.apply(Action::SetScale(Scale::X10));
    assert_eq!(page_hold(&state), None, "0.4 s at ×10");
}

fn finished(plan: &Plan, mode: Mode, took: Duration, why: Option<Distortion>) -> Rc<Recording> {
    let mut recording = plan.recording(mode);
    recording.record([Report::Began(Duration::ZERO)]);
    recording.record(why.map(Report::Distorted));
    recording.record([Report::Finished(took)]);
    Rc::new(recording)
}

#[test]
fn the_totals_take_the_runs_own_prediction_and_trust_only_faithful_runs() {
    let plan = Plan::new(Scenario::uniform(3, Duration::from_secs(1)));
    let mut guesses = Guesses::default();
    // Before any run: the editor's predictions, nothing measured.
    let before = totals(&[], &[], Some(&plan), &guesses);
    let [sequential, concurrent] = before.rows;
    assert_eq!(sequential.predicted, Some(Duration::from_secs(3)));
    assert_eq!(concurrent.measured, None);
    assert_eq!(before.predicted_speedup, Some(3.0));
    assert_eq!(before.measured_speedup, None);

    // The concurrent run measured now, the sequential one earlier.
    let now = [finished(
        &plan,
        Mode::Concurrent,
        Duration::from_millis(1010),
        None,
    )];
    let earlier = [finished(
        &plan,
        Mode::Sequential,
        Duration::from_millis(3030),
        None,
    )];
    guesses.on = true;
    guesses.set(Mode::Sequential, "3".into());
    guesses.set(Mode::Concurrent, "1,5".into());
    let table = totals(&now, &earlier, None, &guesses);
    let [sequential, concurrent] = table.rows;
    assert!(sequential.earlier && !concurrent.earlier);
    assert_eq!(sequential.predicted, None, "no run of it now, no plan");
    assert_eq!(
        concurrent.predicted,
        Some(Duration::from_secs(1)),
        "the run's own"
    );
    assert_eq!(table.measured_speedup, Some(3.0));
    assert_eq!(table.guessed_speedup, Some(2.0));

    // A distorted measurement is shown, but no ratio is made of it.
    let hidden = [finished(
        &plan,
        Mode::Concurrent,
        Duration::from_millis(1010),
        Some(Distortion::Hidden),
    )];
    let table = totals(&hidden, &earlier, None, &guesses);
    assert_eq!(table.rows[1].distortion, Some(Distortion::Hidden));
    assert_eq!(table.rows[1].measured, Some(Duration::from_millis(1010)));
    assert_eq!(table.measured_speedup, None);
    // Too slow for its prediction: marked late by the recording itself.
    let late = [finished(
        &plan,
        Mode::Concurrent,
        Duration::from_secs(2),
        None,
    )];
    assert_eq!(
        totals(&late, &earlier, None, &guesses).measured_speedup,
        None
    );
}

#[test]
fn the_loop_panel_follows_the_run_going_on_and_waits_for_a_large_one() {
    let plan = Plan::new(Scenario::uniform(3, Duration::from_secs(1)));
    assert_eq!(loop_shown(&[], true, true), LoopShown::Nothing);
    let mut sequential = plan.recording(Mode::Sequential);
    sequential.record([Report::Began(Duration::ZERO)]);
    let runs = [
        Rc::new(sequential),
        Rc::new(plan.recording(Mode::Concurrent)),
    ];
    // The sequential run is going on: it is the one shown.
    assert!(
        matches!(loop_shown(&runs, true, true), LoopShown::Loop(r) if r.mode == Mode::Sequential)
    );
    // Not following a clock (done, no replay): the slider is pointed to.
    assert_eq!(loop_shown(&runs, false, false), LoopShown::Slide);
    let large = Plan::new(Scenario::uniform(LIVE_DETAIL + 1, Duration::from_secs(1)));
    let runs = [Rc::new(large.recording(Mode::Concurrent))];
    assert_eq!(loop_shown(&runs, true, true), LoopShown::Later);
    assert!(
        matches!(loop_shown(&runs, true, false), LoopShown::Loop(_)),
        "after the run"
    );
}

#[test]
fn a_large_run_shows_fewer_log_lines_while_it_goes_on() {
    let recording = |tasks| {
        Plan::new(Scenario::uniform(tasks, Duration::from_secs(1))).recording(Mode::Concurrent)
    };
    let small = recording(LIVE_DETAIL);
    assert_eq!(
        log_lines_shown(&small, true),
        LOG_LINES,
        "a small run keeps every line while it runs"
    );
    let large = recording(LIVE_DETAIL + 1);
    assert_eq!(log_lines_shown(&large, true), LIVE_LOG_LINES);
    assert_eq!(
        log_lines_shown(&large, false),
        LOG_LINES,
        "once it has ended"
    );
}

#[test]
fn work_makes_the_modes_take_turns_and_large_runs_lose_their_cancel_buttons() {
    let waits = Plan::new(Scenario::uniform(2, Duration::from_secs(1)));
    let works = Plan::new(Scenario::of(vec![
        crate::scenario::parse_task("c0.5").unwrap()
    ]));
    let both = |plan: &Plan| Mode::ALL.map(|mode| Rc::new(plan.recording(mode)));
    assert!(!in_turn(&both(&waits)) && in_turn(&both(&works)));
    assert!(!in_turn(&both(&works)[..1]), "one mode has no turn to take");
    assert!(cancellable(&both(&waits)));
    let large = Plan::new(Scenario::uniform(CANCELLABLE + 1, Duration::from_secs(1)));
    assert!(!cancellable(&both(&large)) && !large.cancellable());
    assert!(works.cancellable() && !works.side_by_side() && waits.side_by_side());
}

#[test]
fn a_run_comes_to_the_courses_words_only_when_it_took_what_the_course_says() {
    let plan = Plan::new(Scenario::uniform(30, Duration::from_secs(1)));
    let quick = finished(&plan, Mode::Concurrent, Duration::from_millis(1004), None);
    assert_eq!(
        run_facts(&quick),
        Some(RunFacts::AsTheCourseSays {
            count: 30,
            expected: Duration::from_secs(1),
            took: Duration::from_millis(1004),
        })
    );
    let slow = finished(&plan, Mode::Concurrent, Duration::from_secs(2), None);
    assert!(matches!(
        run_facts(&slow),
        Some(RunFacts::Measured {
            blocked: false,
            latency: None,
            ..
        })
    ));
    assert_eq!(
        run_facts(&plan.recording(Mode::Concurrent)),
        None,
        "not finished"
    );
    // Requests of 1 s arriving 0.5 s apart, one at a time (a limit of
    // one): from arrival to answer.
    let arrivals = Plan::new(Scenario {
        limit: Some(1),
        ..Scenario::of(
            ["1", "@0.5+1"]
                .map(|t| crate::scenario::parse_task(t).unwrap())
                .to_vec(),
        )
    });
    let mut run = arrivals.recording(Mode::Concurrent);
    run.record(arrivals.concurrent.events.iter().map(|&e| Report::Event(e)));
    run.record([Report::Finished(arrivals.concurrent.total)]);
    let Some(RunFacts::Measured { latency, .. }) = run_facts(&run) else {
        panic!("a run under a limit is not the course's plain case");
    };
    // The second arrives at 0.5 s, waits for the first, and answers at 2 s.
    assert_eq!(
        latency,
        Some((Duration::from_millis(1250), Duration::from_millis(1500)))
    );
}

#[test]
fn a_replay_shows_the_runs_and_the_clock_at_its_moment() {
    let plan = Plan::new(Scenario::uniform(1, Duration::from_secs(1)));
    let mut runs = Runs::default();
    assert!(!following(&runs));
    runs.recordings = vec![finished(
        &plan,
        Mode::Concurrent,
        Duration::from_millis(1003),
        None,
    )];
    runs.phase = Phase::Done;
    runs.clock = Duration::from_millis(1003);
    assert!(!following(&runs) && shown_clock(&runs) == runs.clock);
    assert!(Rc::ptr_eq(
        &at_replay(&runs.recordings, None)[0],
        &runs.recordings[0]
    ));
    runs.replay = Some(Duration::from_millis(400));
    assert!(following(&runs) && shown_clock(&runs) == Duration::from_millis(400));
    let shown = at_replay(&runs.recordings, runs.replay);
    assert_eq!(shown[0].total, None, "not finished at 0.4 s");
}

#[test]
fn each_mode_keeps_its_last_measured_total() {
    let secs = Duration::from_secs;
    let mut state = Playground::new(Lang::En);
    run_to_end(&mut state, RunChoice::Concurrent, secs(1));
    run_to_end(&mut state, RunChoice::Sequential, secs(30));
    let concurrent =
        measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent).expect("kept");
    assert!(concurrent.earlier, "it came from the run before");
    assert_eq!(concurrent.recording.total, Some(secs(1)));
    let sequential = measured(&state.run.recordings, &state.run.earlier, Mode::Sequential).unwrap();
    assert!(!sequential.earlier);
    assert_eq!(sequential.recording.total, Some(secs(30)));

    // Running the same mode again replaces it; the other stays.
    run_to_end(&mut state, RunChoice::Sequential, secs(31));
    assert_eq!(
        measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent)
            .unwrap()
            .recording
            .total,
        Some(secs(1))
    );
    run_to_end(&mut state, RunChoice::Concurrent, secs(2));
    assert_eq!(
        measured(&state.run.recordings, &state.run.earlier, Mode::Sequential)
            .unwrap()
            .recording
            .total,
        Some(secs(31))
    );
    assert!(
        measured(&state.run.recordings, &state.run.earlier, Mode::Sequential)
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
        measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent)
            .unwrap()
            .recording
            .total,
        Some(secs(3))
    );
    state.apply(Action::Edit(EditAction::SetSteps(0, "2".into())));
    assert_eq!(
        measured(&state.run.recordings, &state.run.earlier, Mode::Concurrent),
        None
    );
    assert_eq!(
        measured(&state.run.recordings, &state.run.earlier, Mode::Sequential),
        None
    );
}

#[test]
fn a_scenario_that_cannot_run_says_why() {
    let mut state = Playground::new(Lang::En);
    assert_eq!(not_runnable(&state), None);
    state.apply(Action::Edit(EditAction::SetSteps(0, "x".into())));
    assert_eq!(not_runnable(&state), Some(NotRunnable::InvalidFields));
    assert_eq!(state.editor.scenario().err(), not_runnable(&state));
    state.apply(Action::Edit(EditAction::RemoveAll));
    assert_eq!(not_runnable(&state), Some(NotRunnable::NoTasks));
}

use super::*;
use crate::events::{Report, RunEvent};
use crate::scenario::{parse_steps, Scenario, Task};
use proptest::prelude::*;
use std::rc::Rc;

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

fn recording(mode: Mode, scenario: Rc<Scenario>) -> Recording {
    let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
    Recording::new(mode, scenario, prediction)
}

fn started(task: usize, at: u64) -> Report {
    Report::Event(RunEvent::Started { task, at: ms(at) })
}

fn finished(task: usize, at: u64) -> Report {
    Report::Event(RunEvent::Finished {
        task,
        at: ms(at),
        outcome: Outcome::Done,
    })
}

#[test]
fn lanes_show_each_task_where_it_is() {
    let scenario = Rc::new(Scenario::uniform(3, Duration::from_secs(1)));
    let mut recording = recording(Mode::Sequential, scenario);
    recording.record([started(0, 0), finished(0, 1000), started(1, 1000)]);
    let Timeline::Lanes(lanes) = layout(&recording, Duration::from_secs(3)) else {
        panic!("three tasks get a lane each");
    };
    let states: Vec<_> = lanes.iter().map(|l| l.state).collect();
    assert_eq!(
        states,
        [
            LaneState::Ended(Outcome::Done),
            LaneState::Waiting,
            LaneState::Pending
        ]
    );
    let waiting = lanes[1].segments[0];
    assert!((waiting.left - 100.0 / 3.0).abs() < 1e-9);
    assert!(
        (waiting.right - 200.0 / 3.0).abs() < 1e-9,
        "a waiting bar runs to its expected end"
    );
    assert!((lanes[0].segments[0].right - 100.0 / 3.0).abs() < 1e-9);
    assert!(lanes[2].segments.is_empty());
    assert_eq!(lanes[2].label, "№ 3");
}

#[test]
fn lanes_show_every_step_and_the_loop_blocked() {
    // The predicted run of a wait of 1 s beside work of 2 s: the wait
    // ends at 1 s, but its task resumes at 2 s, when the work is done.
    let mut scenario = Scenario::of(vec![
        Task::named("io", parse_steps("1+1").unwrap()),
        Task::named("cpu", parse_steps("c2").unwrap()),
        Task::named("late", parse_steps("1").unwrap()),
    ]);
    scenario.limit = Some(2);
    let prediction = crate::simulate::predict(&scenario, Mode::Concurrent);
    let mut recording = recording(Mode::Concurrent, Rc::new(scenario));
    recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
    let axis = Duration::from_secs(4);
    let Timeline::Lanes(lanes) = layout(&recording, axis) else {
        panic!("three tasks get a lane each");
    };
    let shape = |lane: &Lane| -> Vec<(&str, f64, f64)> {
        lane.segments
            .iter()
            .map(|s| (s.state.id(), s.left, s.right))
            .collect()
    };
    assert_eq!(
        shape(&lanes[0]),
        [
            ("waiting", 0.0, 25.0),
            ("blocked", 25.0, 50.0),
            ("waiting", 50.0, 75.0)
        ]
    );
    assert_eq!(shape(&lanes[1]), [("running", 0.0, 50.0)]);
    assert_eq!(
        shape(&lanes[2]),
        [("queued", 0.0, 50.0), ("waiting", 50.0, 75.0)]
    );
    assert_eq!(
        stalls(&recording, axis),
        [Stall {
            left: 0.0,
            right: 50.0,
            cause: StallCause::Work,
        }]
    );
}

/// A run of pure sleeps on a busy machine: the heartbeat saw the loop
/// stall and a task resumed late. Neither is the scenario's doing, so
/// neither is drawn as its blocking; beside a work step, the same
/// marks are.
#[test]
fn what_no_work_step_explains_is_the_browsers() {
    let scenario = Rc::new(Scenario::uniform(2, ms(1000)));
    let mut sleeps = recording(Mode::Concurrent, scenario);
    sleeps.record([
        started(0, 0),
        started(1, 0),
        Report::Stall(ms(950), ms(1200)),
        finished(0, 1200),
        finished(1, 1201),
        Report::Finished(ms(1201)),
    ]);
    let axis = ms(2000);
    let Timeline::Lanes(lanes) = layout(&sleeps, axis) else {
        panic!("two lanes");
    };
    let states: Vec<&str> = lanes[0].segments.iter().map(|s| s.state.id()).collect();
    assert_eq!(states, ["waiting", "delayed"]);
    let causes: Vec<StallCause> = stalls(&sleeps, axis).iter().map(|s| s.cause).collect();
    assert_eq!(causes, [StallCause::Browser]);

    let scenario = Rc::new(Scenario::of(vec![
        Task::named("", parse_steps("1").unwrap()),
        Task::named("", parse_steps("0.9+c0.3").unwrap()),
    ]));
    let mut work = recording(Mode::Concurrent, scenario);
    work.record([
        started(0, 0),
        started(1, 0),
        Report::Event(RunEvent::Step {
            task: 1,
            step: 1,
            at: ms(900),
        }),
        Report::Stall(ms(920), ms(1200)),
        finished(1, 1200),
        finished(0, 1201),
        Report::Finished(ms(1201)),
    ]);
    let Timeline::Lanes(lanes) = layout(&work, axis) else {
        panic!("two lanes");
    };
    let states: Vec<&str> = lanes[0].segments.iter().map(|s| s.state.id()).collect();
    assert_eq!(states, ["waiting", "blocked"]);
    let causes: Vec<StallCause> = stalls(&work, axis).iter().map(|s| s.cause).collect();
    assert_eq!(causes, [StallCause::Work]);
}

#[test]
fn many_tasks_are_drawn_as_waiting_and_done() {
    let count = LANES + 1;
    let scenario = Rc::new(Scenario::uniform(count, Duration::from_secs(1)));
    let mut recording = recording(Mode::Concurrent, scenario);
    recording.record((0..count).map(|t| started(t, 0)));
    recording.record((0..count).map(|t| finished(t, 1000)));
    recording.record([Report::Finished(ms(1000))]);
    let axis = axis_length([&recording], ms(1000));
    let Timeline::Aggregate(columns) = layout(&recording, axis) else {
        panic!("too many tasks for lanes");
    };
    assert_eq!(columns.len(), COLUMNS);
    assert_eq!(columns[0].waiting, 100.0);
    assert_eq!(columns[0].done, 0.0);
    assert_eq!(columns[COLUMNS - 1].done, 100.0);
}

#[test]
fn after_the_last_event_the_aggregate_holds_its_state() {
    let scenario = Rc::new(Scenario::uniform(500, Duration::from_secs(1)));
    let mut recording = recording(Mode::Concurrent, scenario);
    recording.record((0..500).map(|t| started(t, 0)));
    recording.record((0..250).map(|t| finished(t, 500)));
    let Timeline::Aggregate(columns) = layout(&recording, Duration::from_secs(1)) else {
        panic!("too many tasks for lanes");
    };
    assert_eq!(columns.len(), COLUMNS);
    assert_eq!(columns[0].waiting, 100.0);
    assert_eq!(columns[COLUMNS - 1].waiting, 50.0);
    assert_eq!(columns[COLUMNS - 1].done, 50.0);
}

#[test]
fn runs_side_by_side_share_one_axis() {
    let scenario = Rc::new(Scenario::uniform(30, Duration::from_secs(1)));
    let sequential = recording(Mode::Sequential, scenario.clone());
    let mut concurrent = recording(Mode::Concurrent, scenario);
    concurrent.record([Report::Began(Duration::ZERO)]);
    assert_eq!(
        axis_length([&sequential, &concurrent], ms(500)),
        Duration::from_secs(30)
    );
    assert_eq!(
        axis_length([&concurrent], ms(1200)),
        ms(1200),
        "a run later than predicted stretches the axis"
    );
}

#[test]
fn an_area_is_one_path_of_steps() {
    let columns = [
        Column {
            waiting: 100.0,
            done: 0.0,
        },
        Column {
            waiting: 25.0,
            done: 75.0,
        },
    ];
    assert_eq!(
        area_path(columns.iter().map(|c| c.waiting)),
        "M0 100L0.00 0.00L50.00 0.00L50.00 75.00L100.00 75.00L100 100Z"
    );
    assert_eq!(
        area_path(columns.iter().map(|c| c.done)),
        "M0 100L0.00 100.00L50.00 100.00L50.00 25.00L100.00 25.00L100 100Z"
    );
}

#[test]
fn a_run_that_moves_data_has_a_memory_lane() {
    let scenario = Scenario::of(vec![Task::named("", parse_steps("r1+r1+w1+w1").unwrap())]);
    let prediction = crate::simulate::predict(&scenario, Mode::Concurrent);
    let mut recording = recording(Mode::Concurrent, Rc::new(scenario));
    recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
    let (peak, path) = memory_lane(&recording, Duration::from_secs(4)).expect("it receives");
    assert_eq!(peak, 2);
    assert!(
        path.starts_with("M0 100L0.00 100.00"),
        "nothing held at first: {path}"
    );
    assert!(
        path.contains(" 0.00L"),
        "the most held fills the lane: {path}"
    );
    let plain = recording_of_waits();
    assert_eq!(memory_lane(&plain, Duration::from_secs(1)), None);
}

fn recording_of_waits() -> Recording {
    recording(
        Mode::Concurrent,
        Rc::new(Scenario::uniform(2, Duration::from_secs(1))),
    )
}

#[test]
fn ticks_are_round_numbers() {
    let labels: Vec<_> = ticks(Duration::from_secs(30))
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert_eq!(labels, ["0", "10", "20", "30"]);
    let labels: Vec<_> = ticks(Duration::from_secs(1))
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert_eq!(labels, ["0", "0.2", "0.4", "0.6", "0.8", "1"]);
}

#[test]
fn ticks_step_by_the_smallest_round_number_that_gives_at_most_six() {
    let axes = (1..=20_000u64).chain((1..=2_000).map(|k| k * 7_919_993));
    for micros in axes {
        let step = tick_step(Duration::from_micros(micros));
        let power = 10u64.pow(step.ilog10());
        let (leading, exact) = (step / power, step % power == 0);
        assert!(exact && [1, 2, 5].contains(&leading), "{micros} µs: {step}");
        assert!(step * 5 >= micros, "{micros} µs: at most six marks");
        // The round number below it would give more than six.
        let below = match leading {
            1 => power / 2,
            2 => power,
            _ => power * 2,
        };
        assert!(below * 5 < micros, "{micros} µs: {below} µs would do");
        let marks = ticks(Duration::from_micros(micros));
        assert_eq!(marks.len() as u64, micros / step + 1, "{micros} µs");
    }
}

/// The chart as it was drawn from every event, one by one.
fn columns_from_events(recording: &Recording, axis: Duration) -> Vec<Column> {
    let count = recording.scenario.tasks.len().max(1) as f64;
    let width = axis.as_secs_f64() / COLUMNS as f64;
    let mut columns = Vec::with_capacity(COLUMNS);
    let mut events = recording.events().peekable();
    let (mut waiting, mut done) = (0usize, 0usize);
    for index in 0..COLUMNS {
        let end = if index + 1 == COLUMNS {
            f64::INFINITY
        } else {
            width * (index + 1) as f64
        };
        let mut most_waiting = waiting;
        while let Some(event) = events.next_if(|e| e.at().as_secs_f64() < end) {
            match event {
                RunEvent::Started { .. } => waiting += 1,
                RunEvent::Step { .. } => {}
                RunEvent::Finished { .. } => {
                    waiting = waiting.saturating_sub(1);
                    done += 1;
                }
            }
            most_waiting = most_waiting.max(waiting);
        }
        columns.push(Column {
            waiting: most_waiting as f64 / count * 100.0,
            done: done as f64 / count * 100.0,
        });
    }
    columns
}

proptest! {
    /// Read from the recording's levels, the chart is the one its
    /// events give, however the events came in (moments split between
    /// frames included) and whatever the axis.
    #[test]
    fn the_chart_from_levels_is_the_chart_from_events(
        events in prop::collection::vec((0u8..3, 0u64..4, any::<bool>()), 0..400),
        axis in 1u64..600,
    ) {
        let scenario = Rc::new(Scenario::uniform(LANES + 1, Duration::from_secs(1)));
        let mut recording = recording(Mode::Concurrent, scenario);
        let (mut at, mut task, mut frame) = (0, 0, Vec::new());
        for (kind, later, ends_frame) in events {
            at += later;
            let at = ms(at);
            task = (task + 1) % (LANES + 1);
            frame.push(Report::Event(match kind {
                0 => RunEvent::Started { task, at },
                1 => RunEvent::Step { task, step: 1, at },
                _ => RunEvent::Finished { task, at, outcome: Outcome::Done },
            }));
            if ends_frame {
                recording.record(std::mem::take(&mut frame));
            }
        }
        recording.record(frame);
        prop_assert_eq!(columns(&recording, ms(axis)), columns_from_events(&recording, ms(axis)));
    }
}

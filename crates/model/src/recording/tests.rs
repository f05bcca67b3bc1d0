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

fn started(number: usize, name: &str, at: Duration) -> LogLine<'_> {
    LogLine::Started { number, name, at }
}

fn finished(number: usize, name: &str, outcome: Outcome) -> LogLine<'_> {
    LogLine::Finished {
        number,
        name,
        outcome,
    }
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
        recording.log_tail(100),
        vec![
            started(1, "", ms(0)),
            started(2, "boil", ms(1)),
            finished(1, "", Outcome::Done),
            finished(2, "boil", Outcome::Done),
            LogLine::Completed(2),
            LogLine::Total(ms(1002)),
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
        recording.log_tail(2),
        vec![started(2, "boil", ms(0)), finished(1, "", Outcome::Done)]
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
        recording.log_tail(100),
        vec![
            started(1, "", ms(0)),
            started(2, "boil", ms(0)),
            finished(1, "", Outcome::TimedOut),
            finished(2, "boil", Outcome::Cancelled),
            LogLine::Completed(0),
            LogLine::Total(ms(30)),
        ]
    );
    assert_eq!(recording.log_len(), 6);
    assert_eq!(recording.event_count(), 5);
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

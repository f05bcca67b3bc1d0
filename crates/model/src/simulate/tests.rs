use super::*;
use crate::scenario::parse_task;
use proptest::prelude::*;

fn secs(values: &[f64]) -> Scenario {
    Scenario::of(
        values
            .iter()
            .map(|&s| Task::unnamed(Duration::from_secs_f64(s)))
            .collect(),
    )
}

/// Unnamed tasks written as in links (`1+c0.5`, `@0.2+1+!0.5`).
fn steps(texts: &[&str]) -> Scenario {
    Scenario::of(texts.iter().map(|t| parse_task(t).unwrap()).collect())
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// Each task's end and outcome: for tasks that may never start.
fn ends(prediction: &Prediction) -> Vec<(Duration, Outcome)> {
    let mut ends = Vec::new();
    for event in &prediction.events {
        if let RunEvent::Finished { task, at, outcome } = *event {
            ends.resize(ends.len().max(task + 1), None);
            ends[task] = Some((at, outcome));
        }
    }
    ends.into_iter().map(Option::unwrap).collect()
}

/// Which tasks ever start.
fn started(prediction: &Prediction, count: usize) -> Vec<bool> {
    let mut started = vec![false; count];
    for event in &prediction.events {
        if let RunEvent::Started { task, .. } = *event {
            started[task] = true;
        }
    }
    started
}

/// Each task's (start, end, outcome).
fn spans(prediction: &Prediction) -> Vec<(Duration, Duration, Outcome)> {
    let mut starts = Vec::new();
    let mut spans = Vec::new();
    for event in &prediction.events {
        match *event {
            RunEvent::Started { task, at } => {
                starts.resize(starts.len().max(task + 1), Duration::ZERO);
                starts[task] = at;
            }
            RunEvent::Finished { task, at, outcome } => {
                spans.resize(spans.len().max(task + 1), None);
                spans[task] = Some((starts[task], at, outcome));
            }
            RunEvent::Step { .. } => {}
        }
    }
    spans.into_iter().map(Option::unwrap).collect()
}

#[test]
fn the_course_example_takes_one_second_together_and_thirty_in_turn() {
    let scenario = Scenario::uniform(30, Duration::from_secs(1));
    let concurrent = predict(&scenario, Mode::Concurrent);
    assert_eq!(concurrent.total, Duration::from_secs(1));
    assert!(spans(&concurrent).iter().all(|s| s.0 == Duration::ZERO));
    let sequential = predict(&scenario, Mode::Sequential);
    assert_eq!(sequential.total, Duration::from_secs(30));
    assert_eq!(spans(&sequential)[29].0, Duration::from_secs(29));
}

#[test]
fn the_longest_hold_is_work_back_to_back() {
    let hold = |texts: &[&str], mode| predict(&steps(texts), mode).longest_hold;
    // Only waits: the loop is never held.
    assert_eq!(hold(&["1", "2"], Mode::Concurrent), Duration::ZERO);
    // One task's steps of work back to back, then a wait between.
    assert_eq!(hold(&["c1+c2+1+c0.5"], Mode::Sequential), ms(3000));
    // Together, tasks that start on the same turn work one after the
    // other, with no turn for the page between them.
    assert_eq!(hold(&["c1", "c1", "c1"], Mode::Concurrent), ms(3000));
    // In turn, the page has a turn between tasks.
    assert_eq!(hold(&["c1", "c1", "c1"], Mode::Sequential), ms(1000));
    // Work that resumes after a wait starts a stretch of its own, which
    // goes on through the work of tasks woken on the same turn.
    assert_eq!(hold(&["c1+0.5+c1", "0.2+c0.2"], Mode::Concurrent), ms(1000));
    assert_eq!(hold(&["c0.5", "1+c1", "1+c1"], Mode::Concurrent), ms(2000));
}

#[test]
fn together_the_longest_task_decides() {
    let scenario = secs(&[1.0, 3.0, 10.0]);
    assert_eq!(
        predict(&scenario, Mode::Concurrent).total,
        Duration::from_secs(10)
    );
    assert_eq!(
        predict(&scenario, Mode::Sequential).total,
        Duration::from_secs(14)
    );
}

#[test]
fn sequential_spans_follow_each_other() {
    let prediction = predict(&secs(&[0.5, 2.0, 0.25]), Mode::Sequential);
    let spans = spans(&prediction);
    let ends: Vec<f64> = spans.iter().map(|s| s.1.as_secs_f64()).collect();
    assert_eq!(ends, vec![0.5, 2.5, 2.75]);
    assert_eq!(spans[1].0, spans[0].1);
}

#[test]
fn an_empty_scenario_takes_no_time() {
    for mode in Mode::ALL {
        let prediction = predict(&Scenario::default(), mode);
        assert_eq!(prediction.total, Duration::ZERO);
        assert!(prediction.events.is_empty());
    }
}

#[test]
fn work_blocks_the_loop_and_others_wait_for_it() {
    // Three tasks that each work 1 s: together is no faster.
    let scenario = steps(&["c1", "c1", "c1"]);
    assert_eq!(predict(&scenario, Mode::Concurrent).total, ms(3000));
    // A wait of 1 s that falls due while another task works ends late.
    let prediction = predict(&steps(&["1", "c2"]), Mode::Concurrent);
    assert_eq!(
        spans(&prediction),
        vec![
            (ms(0), ms(2000), Outcome::Done),
            (ms(0), ms(2000), Outcome::Done),
        ]
    );
}

#[test]
fn offloaded_work_runs_beside_the_loop_on_the_workers() {
    let scenario = steps(&["o1", "o1", "o1"]);
    assert_eq!(predict(&scenario, Mode::Concurrent).total, ms(1000));
    // One more job than workers: the last waits for a worker.
    let crowd = steps(&["o1"; WORKERS + 1]);
    assert_eq!(predict(&crowd, Mode::Concurrent).total, ms(2000));
    assert_eq!(
        predict(&crowd, Mode::Sequential).total,
        ms(1000 * (WORKERS as u64 + 1))
    );
}

#[test]
fn a_limit_queues_the_rest() {
    let mut scenario = secs(&[1.0; 10]);
    scenario.limit = Some(3);
    let prediction = predict(&scenario, Mode::Concurrent);
    assert_eq!(prediction.total, ms(4000));
    let starts: Vec<u64> = spans(&prediction)
        .iter()
        .map(|s| s.0.as_millis() as u64)
        .collect();
    assert_eq!(starts, [0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000, 3000]);
}

#[test]
fn a_timeout_cancels_at_the_next_await() {
    let mut scenario = steps(&["1", "3", "c1+1", "0.2+c2+1"]);
    scenario.timeout = Some(ms(1500));
    let prediction = predict(&scenario, Mode::Concurrent);
    assert_eq!(
        spans(&prediction),
        vec![
            (ms(0), ms(1000), Outcome::Done),
            // Due at 1.5 s, in the middle of their waits, but the loop
            // is blocked by the last task's work until 3.2 s.
            (ms(0), ms(3200), Outcome::TimedOut),
            (ms(0), ms(3200), Outcome::TimedOut),
            // Starts when the third task's work is done, at 1 s, though
            // its timeout was armed with the others', at 0; works 2 s
            // straight past it and is cancelled at the await after.
            (ms(1000), ms(3200), Outcome::TimedOut),
        ]
    );
    assert_eq!(prediction.total, ms(3200));
    // Timeouts are armed when `wait_for` runs, before any body: a task
    // held up by another's work is out of time by its first await.
    let mut late = steps(&["c2", "1"]);
    late.timeout = Some(ms(1000));
    let prediction = predict(&late, Mode::Concurrent);
    assert_eq!(
        spans(&prediction),
        [
            (ms(0), ms(2000), Outcome::Done),
            (ms(2000), ms(2000), Outcome::TimedOut)
        ]
    );
}

#[test]
fn a_cancel_ends_a_task_at_its_await_from_when_it_is_created() {
    use Outcome::{Cancelled, Done};
    let scenario = steps(&["3+!1", "0.5+!1", "c1.5+1+!1", "2"]);
    let together = predict(&scenario, Mode::Concurrent);
    assert_eq!(
        spans(&together),
        vec![
            // Cancelled in its wait, but the third task's work holds the
            // loop until 1.5 s: the cancel lands then.
            (ms(0), ms(1500), Cancelled),
            // Its wait was over at 0.5 s, but it could not run on before
            // its cancel fell due too: asyncio cancels it as it resumes.
            (ms(0), ms(1500), Cancelled),
            // Works straight past it, and is cancelled at the await after.
            (ms(0), ms(1500), Cancelled),
            (ms(1500), ms(3500), Done),
        ]
    );
    // Done before its cancel is due: there is nothing to cancel.
    let early = predict(&steps(&["0.5+!1", "2"]), Mode::Concurrent);
    assert_eq!(ends(&early), [(ms(500), Done), (ms(2000), Done)]);
    // One after another, each cancel counts from when its task begins.
    let in_turn = predict(&steps(&["3+!1", "0.5+!1", "2+!1.5"]), Mode::Sequential);
    assert_eq!(
        spans(&in_turn),
        vec![
            (ms(0), ms(1000), Cancelled),
            (ms(1000), ms(1500), Done),
            (ms(1500), ms(3000), Cancelled),
        ]
    );
    assert_eq!(in_turn.total, ms(3000));
}

#[test]
fn a_task_cancelled_before_it_starts_never_does() {
    use Outcome::{Cancelled, Done};
    // Cancelled while it has not arrived yet, and while it queues for a
    // slot: its place in the line goes to the next.
    let mut scenario = steps(&["@2+1+!1", "2", "1+!0.5", "1"]);
    scenario.limit = Some(1);
    let prediction = predict(&scenario, Mode::Concurrent);
    assert_eq!(
        started(&prediction, 4),
        [false, true, false, true],
        "{prediction:?}"
    );
    assert_eq!(
        ends(&prediction),
        [
            (ms(1000), Cancelled),
            (ms(2000), Done),
            (ms(500), Cancelled),
            (ms(3000), Done),
        ]
    );
    // Under a timeout, `wait_for` has not yet started the body.
    let mut timed = steps(&["1", "1+!0.5"]);
    (timed.limit, timed.timeout) = (Some(1), Some(ms(5000)));
    let prediction = predict(&timed, Mode::Concurrent);
    assert_eq!(ends(&prediction)[1], (ms(500), Cancelled));
    assert!(!started(&prediction, 2)[1]);
}

#[test]
fn a_slot_given_to_a_task_cancelled_at_once_goes_on() {
    use Outcome::{Cancelled, Done};
    // The first ends at 1 s and hands its slot to the second, whose
    // cancel falls due in the same turn: the third gets the slot.
    let mut scenario = steps(&["1", "1+!1", "1"]);
    scenario.limit = Some(1);
    let prediction = predict(&scenario, Mode::Concurrent);
    assert_eq!(
        ends(&prediction),
        [(ms(1000), Done), (ms(1000), Cancelled), (ms(2000), Done)]
    );
}

#[test]
fn a_timeout_before_the_cancel_wins_and_the_cancel_is_ignored() {
    let mut scenario = steps(&["3+!2", "3+!0.5"]);
    scenario.timeout = Some(ms(1000));
    let prediction = predict(&scenario, Mode::Concurrent);
    assert_eq!(
        ends(&prediction),
        [(ms(1000), Outcome::TimedOut), (ms(500), Outcome::Cancelled)]
    );
}

#[test]
fn a_timed_out_offload_keeps_its_worker_busy() {
    let mut scenario = steps(&["o3", "o3", "o3", "o3", "o1"]);
    scenario.timeout = Some(ms(1000));
    let prediction = predict(&scenario, Mode::Concurrent);
    let outcomes: Vec<Outcome> = spans(&prediction).iter().map(|s| s.2).collect();
    assert_eq!(outcomes, [Outcome::TimedOut; 5]);
    // The fifth job was still queued when its task timed out: withdrawn.
    assert_eq!(prediction.total, ms(1000));
}

#[test]
fn tasks_arriving_later_wait_for_their_turn_one_at_a_time() {
    let mut scenario = steps(&["1", "1", "1"]);
    for (task, arrival) in scenario.tasks.iter_mut().zip([0, 500, 4000]) {
        task.arrival = ms(arrival);
    }
    let concurrent = spans(&predict(&scenario, Mode::Concurrent));
    let starts: Vec<Duration> = concurrent.iter().map(|s| s.0).collect();
    assert_eq!(
        starts,
        [ms(0), ms(500), ms(4000)],
        "each starts as it arrives"
    );
    // One at a time, the second waits for the first; the third arrives
    // after both have ended and starts at once.
    let sequential = spans(&predict(&scenario, Mode::Sequential));
    let starts: Vec<Duration> = sequential.iter().map(|s| s.0).collect();
    assert_eq!(starts, [ms(0), ms(1000), ms(4000)]);
    assert_eq!(predict(&scenario, Mode::Sequential).total, ms(5000));
}

#[test]
fn a_hundred_thousand_tasks_are_predicted() {
    let scenario = Scenario::uniform(100_000, Duration::from_secs(1));
    assert_eq!(
        predict(&scenario, Mode::Concurrent).total,
        Duration::from_secs(1)
    );
    assert_eq!(
        predict(&scenario, Mode::Sequential).total,
        Duration::from_secs(100_000)
    );
}

proptest! {
    #[test]
    fn totals_are_the_longest_and_the_sum(
        micros in prop::collection::vec(1_000u64..=3_600_000_000, 0..200)
    ) {
        let scenario = Scenario::of(
            micros.iter().map(|&m| Task::unnamed(Duration::from_micros(m))).collect(),
        );
        let concurrent = predict(&scenario, Mode::Concurrent);
        let sequential = predict(&scenario, Mode::Sequential);
        prop_assert_eq!(concurrent.total, scenario.longest());
        prop_assert_eq!(sequential.total, scenario.sum());
        for (span, task) in spans(&sequential).iter().zip(&scenario.tasks) {
            prop_assert_eq!(span.1 - span.0, task.duration());
        }
    }

    #[test]
    fn work_alone_adds_up_whatever_the_mode(
        micros in prop::collection::vec(1_000u64..=10_000_000, 1..50)
    ) {
        let scenario = Scenario::of(
            micros.iter().map(|&m| Task::named("", vec![crate::scenario::Step::work(Duration::from_micros(m))])).collect(),
        );
        prop_assert_eq!(predict(&scenario, Mode::Concurrent).total, scenario.sum());
        prop_assert_eq!(predict(&scenario, Mode::Sequential).total, scenario.sum());
    }

    #[test]
    fn every_task_starts_at_most_once_and_ends_once(
        tasks in prop::collection::vec(
            (
                prop::option::of(1u64..=2_000),
                prop::collection::vec((0usize..3, 1u64..=3_000), 1..5),
                prop::option::of(1u64..=4_000),
            ),
            0..20,
        ),
        limit in prop::option::of(1usize..5),
        timeout in prop::option::of(1u64..=5_000),
    ) {
        let scenario = Scenario {
            tasks: tasks.into_iter().map(|(arrival, steps, cancel)| Task {
                arrival: ms(arrival.unwrap_or(0)),
                cancel: cancel.map(ms),
                ..Task::named("", steps.into_iter().map(|(k, m)| crate::scenario::Step {
                    kind: StepKind::ALL[k],
                    duration: ms(m),
                }).collect())
            }).collect(),
            limit,
            timeout: timeout.map(ms),
        };
        for mode in Mode::ALL {
            let prediction = predict(&scenario, mode);
            let count = scenario.tasks.len();
            let (mut starts, mut ends) = (vec![None; count], vec![None; count]);
            let mut running = 0;
            for event in &prediction.events {
                match *event {
                    RunEvent::Started { task, at } => {
                        prop_assert_eq!(starts[task].replace(at), None);
                        prop_assert!(at >= scenario.tasks[task].arrival);
                        running += 1;
                        prop_assert!(running <= limit.unwrap_or(count));
                    }
                    RunEvent::Finished { task, at, outcome } => {
                        prop_assert_eq!(ends[task].replace((at, outcome)), None);
                        if let Some(start) = starts[task] {
                            running -= 1;
                            prop_assert!(start <= at);
                            if outcome == Outcome::Done {
                                prop_assert!(at - start >= scenario.tasks[task].duration());
                            }
                        } else {
                            prop_assert_ne!(outcome, Outcome::Done);
                        }
                        prop_assert!(at <= prediction.total);
                        // Cancelled only by a cancel it has, and never
                        // before it is due (all at once, tasks are
                        // created at the start).
                        if outcome == Outcome::Cancelled {
                            let cancel = scenario.tasks[task].cancel;
                            prop_assert!(cancel.is_some());
                            if mode == Mode::Concurrent {
                                prop_assert!(at >= cancel.unwrap());
                            }
                        }
                    }
                    RunEvent::Step { task, .. } => prop_assert!(starts[task].is_some()),
                }
            }
            prop_assert!(ends.iter().all(Option::is_some));
            // Events come in time order.
            prop_assert!(prediction.events.windows(2).all(|w| w[0].at() <= w[1].at()));
        }
    }
}

//! The browser runtime, run for real in headless Chromium: real futures,
//! real timers, real `performance.now()`.

#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use async_playground::runtime::{self, pending_sleeps, timer_armed, workers, RunHandle};
use futures::channel::mpsc::{self, UnboundedReceiver};
use futures::StreamExt;
use model::events::{Outcome, Report, RunEvent};
use model::scenario::{parse_task, Mode, Scale, Scenario, Task};
use model::state::Plan;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A run and the stream of its reports.
struct Observed {
    handle: RunHandle,
    reports: UnboundedReceiver<Report>,
}

impl Observed {
    /// Waits for the run's end and returns every task's event (not the
    /// beginning, nor the heartbeat's stalls and distortions), and the
    /// total.
    async fn finish(&mut self) -> (Vec<Report>, Duration) {
        let (events, _, total) = self.finish_with_stalls().await;
        (events, total)
    }

    /// Waits for the run's end: every task's event, the stalls the
    /// heartbeat reported, and the total.
    async fn finish_with_stalls(&mut self) -> (Vec<Report>, Vec<(Duration, Duration)>, Duration) {
        let (mut events, mut stalls) = (Vec::new(), Vec::new());
        while let Some(report) = self.reports.next().await {
            match report {
                Report::Finished(total) => return (events, stalls, total),
                Report::Stall(from, to) => stalls.push((from, to)),
                // A machine that pauses the page for long marks the run
                // distorted; what these tests check holds all the same.
                Report::Began(_) | Report::Distorted(_) => {}
                event => events.push(event),
            }
        }
        panic!("the run ended without reporting its total");
    }

    /// Waits until `count` tasks have started.
    async fn started(&mut self, count: usize) {
        let mut started = 0;
        while started < count {
            let report = self.reports.next().await.expect("the run goes on");
            if matches!(report, Report::Event(RunEvent::Started { .. })) {
                started += 1;
            }
        }
    }
}

/// The offload workers' script, as a `blob:` URL: the test page does not
/// serve the site's files.
fn offload_script() -> String {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&include_str!("../www/offload-worker.js").into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

fn observe(scenario: Scenario, mode: Mode, scale: Scale) -> Observed {
    workers::use_script(offload_script());
    let modes: &'static [Mode] = match mode {
        Mode::Sequential => &[Mode::Sequential],
        Mode::Concurrent => &[Mode::Concurrent],
    };
    let (sink, reports) = mpsc::unbounded();
    let handle = runtime::start(&Plan::new(scenario), modes, scale, move |_, report| {
        sink.unbounded_send(report).expect("the test listens");
    });
    Observed { handle, reports }
}

/// Unnamed tasks written as in links (`1+c0.5`, `@0.2+1+!0.5`).
fn tasks(texts: &[&str]) -> Scenario {
    Scenario::of(texts.iter().map(|t| parse_task(t).unwrap()).collect())
}

/// When each task finished, and how, by task.
fn endings(events: &[Report], count: usize) -> Vec<(Duration, Outcome)> {
    let mut endings = vec![None; count];
    for event in events {
        if let Report::Event(RunEvent::Finished { task, at, outcome }) = *event {
            endings[task] = Some((at, outcome));
        }
    }
    endings
        .into_iter()
        .map(|e| e.expect("every task ends"))
        .collect()
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

/// The page's clock, as the runtime reads it.
fn now() -> Duration {
    let ms = web_sys::window().unwrap().performance().unwrap().now();
    Duration::from_secs_f64(ms / 1000.0)
}

#[wasm_bindgen_test]
async fn thirty_concurrent_tasks_of_100_ms_take_about_100_ms() {
    let mut run = observe(Scenario::uniform(30, ms(100)), Mode::Concurrent, Scale::X1);
    let (events, total) = run.finish().await;
    assert!(total >= ms(100), "never before the longest task: {total:?}");
    // One after another they would take 3 s: the bound leaves a slow,
    // shared machine ten times the 100 ms they need.
    assert!(
        total < ms(1000),
        "together, not one after another: {total:?}"
    );
    assert_eq!(events.len(), 60, "a start and an end per task");
    assert!(
        events[..30]
            .iter()
            .all(|e| matches!(e, Report::Event(RunEvent::Started { .. }))),
        "every task starts before any finishes"
    );
    assert!(run.handle.is_finished());
}

#[wasm_bindgen_test]
async fn ten_sequential_tasks_of_50_ms_take_at_least_500_ms() {
    let mut run = observe(Scenario::uniform(10, ms(50)), Mode::Sequential, Scale::X1);
    let (events, total) = run.finish().await;
    assert!(total >= ms(500), "one after another: {total:?}");
    assert_eq!(events.len(), 20);
    let mut previous_end = Duration::ZERO;
    for pair in events.chunks(2) {
        let [Report::Event(RunEvent::Started { task, at: start }), Report::Event(RunEvent::Finished {
            task: same,
            at: end,
            ..
        })] = pair
        else {
            panic!("each task starts then finishes before the next: {pair:?}");
        };
        assert_eq!(task, same);
        assert!(*start >= previous_end);
        assert!(*end - *start >= ms(50), "no task wakes early");
        previous_end = *end;
    }
}

#[wasm_bindgen_test]
async fn stopping_a_run_clears_its_timers_and_the_next_run_starts_clean() {
    let mut run = observe(Scenario::uniform(10, ms(200)), Mode::Concurrent, Scale::X1);
    run.started(10).await;
    assert_eq!(pending_sleeps(), 10);
    let Observed {
        handle,
        reports: mut stopped,
    } = run;
    drop(handle);
    assert_eq!(pending_sleeps(), 0, "every sleep went with the run");
    assert!(!timer_armed(), "and no browser timer is left armed");
    assert_eq!(
        stopped.next().await,
        None,
        "the run, and the sink it reported to, are gone"
    );

    let mut next = observe(Scenario::uniform(1, ms(300)), Mode::Concurrent, Scale::X1);
    let (events, _) = next.finish().await;
    assert_eq!(events.len(), 2, "the next run reports only its own task");
    assert_eq!(pending_sleeps(), 0);
    assert!(!timer_armed());
}

#[wasm_bindgen_test]
async fn a_sequential_run_of_work_gives_the_browser_a_turn_and_stops_between_tasks() {
    // A second of work in 100 steps of 10 ms, one task after another: no
    // task ever awaits, yet a browser timer set now fires long before the
    // run ends, and a Stop there lands.
    let mut run = observe(
        Scenario::of(vec![parse_task("c0.01").unwrap(); 100]),
        Mode::Sequential,
        Scale::X1,
    );
    gloo_timers::future::TimeoutFuture::new(0).await;
    let mut started = 0;
    while let Ok(report) = run.reports.try_recv() {
        assert!(
            !matches!(report, Report::Finished(_)),
            "the run blocked the page to its end"
        );
        started += usize::from(matches!(report, Report::Event(RunEvent::Started { .. })));
    }
    assert!(
        started < 100,
        "{started} tasks started before the page had a turn"
    );
    drop(run.handle);
    assert_eq!(pending_sleeps(), 0);
    // Dropped with the run, its reporter closes the stream.
    while let Some(report) = run.reports.next().await {
        assert!(
            !matches!(report, Report::Event(RunEvent::Started { .. })),
            "no task starts after Stop"
        );
    }
}

#[wasm_bindgen_test]
async fn a_faster_scale_still_reports_scenario_seconds() {
    let before = now();
    let mut run = observe(
        Scenario::uniform(5, ms(2000)),
        Mode::Concurrent,
        Scale::X100,
    );
    let (_, total) = run.finish().await;
    let real = now() - before;
    // 2 s at ×100 is 20 ms of real time, reported as 2 s of scenario time:
    // never less, and a hundred times the real time the run took at most.
    assert!(real < ms(1000), "the waits were shortened: {real:?}");
    assert!(total >= ms(2000), "{total:?}");
    assert!(total <= real * 100 + ms(1), "{total:?} in {real:?}");
}

#[wasm_bindgen_test]
fn the_crash_banner_is_shown_once() {
    assert!(async_playground::ui::crash::show_banner());
    assert!(async_playground::ui::crash::show_banner());
    let document = web_sys::window().unwrap().document().unwrap();
    let banners = document
        .query_selector_all("[data-testid=crash-banner]")
        .unwrap();
    assert_eq!(banners.length(), 1);
    let banner = document.get_element_by_id("crash-banner").unwrap();
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        banner.query_selector("a[href]").unwrap().is_some(),
        "a reload link"
    );
}

#[wasm_bindgen_test]
async fn sleeps_wake_in_deadline_order_and_ties_in_the_order_set() {
    let scenario = Scenario::of(
        [60, 20, 40, 20, 60]
            .into_iter()
            .map(|ms| Task::unnamed(Duration::from_millis(ms)))
            .collect(),
    );
    let mut run = observe(scenario, Mode::Concurrent, Scale::X1);
    let (events, _) = run.finish().await;
    let finished: Vec<usize> = events
        .iter()
        .filter_map(|e| match e {
            Report::Event(RunEvent::Finished { task, .. }) => Some(*task),
            _ => None,
        })
        .collect();
    assert_eq!(finished, [1, 3, 2, 0, 4]);
}

#[wasm_bindgen_test]
async fn ten_thousand_sleeps_share_one_queue_and_none_wakes_early() {
    // Long enough that all have started, in slices, before any wakes.
    let mut run = observe(
        Scenario::uniform(10_000, ms(500)),
        Mode::Concurrent,
        Scale::X1,
    );
    run.started(10_000).await;
    assert_eq!(pending_sleeps(), 10_000);
    assert!(timer_armed());
    let (events, total) = run.finish().await;
    assert!(total >= ms(500));
    let mut starts = vec![Duration::ZERO; 10_000];
    for event in &events {
        match *event {
            Report::Event(RunEvent::Started { task, at }) => starts[task] = at,
            Report::Event(RunEvent::Finished { task, at, .. }) => {
                assert!(at - starts[task] >= ms(500), "task {task} woke early");
            }
            other => unreachable!("finish() keeps only task events: {other:?}"),
        }
    }
    assert_eq!(pending_sleeps(), 0);
    assert!(!timer_armed(), "nothing left armed once all have woken");
}

#[wasm_bindgen_test]
async fn the_queue_says_how_soon_it_next_wakes_a_sleep() {
    assert_eq!(runtime::next_wake_in_ms(), None, "nothing waits yet");
    let mut run = observe(tasks(&["2", "0.2"]), Mode::Concurrent, Scale::X1);
    run.started(2).await;
    let soon = runtime::next_wake_in_ms().expect("two sleeps wait");
    assert!(
        (0.0..=200.0).contains(&soon),
        "the earliest is the 200 ms sleep, not the 2 s one: {soon} ms"
    );
    drop(run);
    assert_eq!(
        runtime::next_wake_in_ms(),
        None,
        "the run took its sleeps with it"
    );
}

#[wasm_bindgen_test]
async fn work_blocks_the_loop_and_the_heartbeat_sees_it() {
    // The wait of 50 ms is due while the second task computes for 150 ms.
    let mut run = observe(tasks(&["0.05", "c0.15"]), Mode::Concurrent, Scale::X1);
    let (events, stalls, total) = run.finish_with_stalls().await;
    let endings = endings(&events, 2);
    assert!(endings[1].0 >= ms(150));
    // Were the work not blocking, the wait would end at 50 ms, before it.
    assert!(
        endings[0].0 >= endings[1].0,
        "the wait ends only when the work does: {endings:?}"
    );
    assert!(total >= endings[0].0, "{total:?}");
    let [(from, to)] = stalls[..] else {
        panic!("one stall: {stalls:?}");
    };
    assert!(
        to - from >= ms(100),
        "the stall covers the work: {from:?}..{to:?}"
    );
}

#[wasm_bindgen_test]
async fn offloaded_work_leaves_the_loop_free() {
    // The workers boot first, as the page boots them when a scenario
    // offloads: their start is not part of any run.
    observe(tasks(&["o0.001"]), Mode::Concurrent, Scale::X1)
        .finish()
        .await;
    let mut run = observe(tasks(&["o0.3", "0.05"]), Mode::Concurrent, Scale::X1);
    let (events, stalls, total) = run.finish_with_stalls().await;
    let endings = endings(&events, 2);
    assert!(
        endings[0].0 >= ms(300),
        "the worker computed for 300 ms: {endings:?}"
    );
    // Were the work on the loop, the wait would end after it.
    assert!(
        endings[1].0 < endings[0].0,
        "the wait ended while the worker computed: {endings:?}"
    );
    assert!(total >= endings[0].0, "{total:?}");
    // A shared machine may pause the page now and then; 300 ms of work on
    // the loop would be one stall as long as the work.
    assert!(
        stalls.iter().all(|(from, to)| *to - *from < ms(200)),
        "the loop was never blocked for the work: {stalls:?}"
    );
    assert_eq!(workers::busy(), 0);
}

#[wasm_bindgen_test]
async fn a_limit_lets_so_many_run_at_once() {
    let scenario = Scenario {
        limit: Some(2),
        ..Scenario::uniform(4, ms(50))
    };
    let mut run = observe(scenario, Mode::Concurrent, Scale::X1);
    let (events, total) = run.finish().await;
    let starts: Vec<Duration> = events
        .iter()
        .filter_map(|e| match *e {
            Report::Event(RunEvent::Started { at, .. }) => Some(at),
            _ => None,
        })
        .collect();
    assert!(
        starts[2] >= ms(50) && starts[3] >= ms(50),
        "two waves: {starts:?}"
    );
    assert!(total >= ms(100), "{total:?}");
    // At most two running at any moment, and two at some moment.
    let mut running = 0_i32;
    let mut most = 0;
    for event in &events {
        match event {
            Report::Event(RunEvent::Started { .. }) => running += 1,
            Report::Event(RunEvent::Finished { .. }) => running -= 1,
            _ => {}
        }
        most = most.max(running);
    }
    assert_eq!(most, 2, "{events:?}");
}

#[wasm_bindgen_test]
async fn a_timeout_cancels_a_task_at_its_await() {
    let scenario = Scenario {
        timeout: Some(ms(100)),
        ..tasks(&["3", "0.05"])
    };
    let mut run = observe(scenario, Mode::Concurrent, Scale::X1);
    let (events, total) = run.finish().await;
    let endings = endings(&events, 2);
    assert_eq!(endings[0].1, Outcome::TimedOut);
    assert!(endings[0].0 >= ms(100), "{endings:?}");
    assert_eq!(endings[1].1, Outcome::Done);
    assert!(
        total < ms(3000),
        "the cancelled wait of 3 s is not waited for: {total:?}"
    );
    assert_eq!(pending_sleeps(), 0);
}

#[wasm_bindgen_test]
async fn a_sequential_task_cancelled_before_its_turn_never_runs() {
    let mut run = observe(tasks(&["0.1", "0.1", "0.1"]), Mode::Sequential, Scale::X1);
    run.started(1).await;
    assert!(
        run.handle.cancel(Mode::Sequential, 1),
        "a task in line can be cancelled"
    );
    let (events, _) = run.finish().await;
    let endings = endings(&events, 3);
    assert_eq!(endings[1].1, Outcome::Cancelled);
    assert_eq!([endings[0].1, endings[2].1], [Outcome::Done; 2]);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Report::Event(RunEvent::Started { task: 1, .. }))),
        "it never started: {events:?}"
    );
}

#[wasm_bindgen_test]
async fn a_task_cancelled_by_the_learner_ends_at_once() {
    let mut run = observe(tasks(&["5", "0.2"]), Mode::Concurrent, Scale::X1);
    run.started(2).await;
    assert!(run.handle.cancel(Mode::Concurrent, 0));
    let (events, total) = run.finish().await;
    let endings = endings(&events, 2);
    assert_eq!(endings[0].1, Outcome::Cancelled);
    assert!(
        total < ms(5000),
        "the cancelled wait of 5 s is not waited for: {total:?}"
    );
    assert!(
        !run.handle.cancel(Mode::Concurrent, 0),
        "an ended task cannot be cancelled again"
    );
}

/// Which tasks started.
fn starts(events: &[Report], count: usize) -> Vec<Option<Duration>> {
    let mut starts = vec![None; count];
    for event in events {
        if let Report::Event(RunEvent::Started { task, at }) = *event {
            starts[task] = Some(at);
        }
    }
    starts
}

#[wasm_bindgen_test]
async fn a_cancel_the_scenario_sets_counts_from_the_tasks_creation() {
    // Cancelled in its wait; done before its cancel; cancelled before it
    // arrives, so it never starts.
    let scenario = tasks(&["3+!0.1", "0.05+!0.5", "@2+1+!0.15"]);
    for mode in Mode::ALL {
        let mut run = observe(scenario.clone(), mode, Scale::X1);
        let (events, total) = run.finish().await;
        let endings = endings(&events, 3);
        let outcomes: Vec<Outcome> = endings.iter().map(|e| e.1).collect();
        assert_eq!(
            outcomes,
            [Outcome::Cancelled, Outcome::Done, Outcome::Cancelled],
            "{mode}"
        );
        assert_eq!(starts(&events, 3)[2], None, "{mode}: never arrived");
        assert!(endings[0].0 >= ms(100), "{mode}: {endings:?}");
        // All at once every task is created at the start; one after
        // another, the last when the second ends.
        let created = match mode {
            Mode::Concurrent => Duration::ZERO,
            Mode::Sequential => endings[1].0,
        };
        assert!(endings[2].0 >= created + ms(150), "{mode}: {endings:?}");
        assert!(
            total < ms(2000),
            "{mode}: nothing waits for what was cancelled: {total:?}"
        );
        assert_eq!(pending_sleeps(), 0);
    }
}

#[wasm_bindgen_test]
async fn a_task_cancelled_in_line_gives_up_its_place() {
    let scenario = Scenario {
        limit: Some(1),
        ..tasks(&["0.2", "1+!0.1", "0.05"])
    };
    let mut run = observe(scenario, Mode::Concurrent, Scale::X1);
    let (events, total) = run.finish().await;
    let endings = endings(&events, 3);
    assert_eq!(endings[1].1, Outcome::Cancelled);
    assert!(
        endings[1].0 >= ms(100) && endings[1].0 < endings[0].0,
        "{endings:?}"
    );
    let starts = starts(&events, 3);
    assert_eq!(starts[1], None, "cancelled while queued for a slot");
    assert!(starts[2].unwrap() >= endings[0].0, "{starts:?}");
    assert!(total < ms(1000), "{total:?}");
}

#[wasm_bindgen_test]
async fn modes_with_work_run_one_after_the_other() {
    let (sink, mut reports) = mpsc::unbounded();
    let _handle = runtime::start(
        &Plan::new(tasks(&["c0.06", "0.03"])),
        &Mode::ALL,
        Scale::X1,
        move |mode, report| {
            sink.unbounded_send((mode, report))
                .expect("the test listens");
        },
    );
    let mut began = Vec::new();
    let mut finished = Vec::new();
    while finished.len() < 2 {
        match reports.next().await.expect("the run goes on") {
            (mode, Report::Began(at)) => began.push((mode, at)),
            (mode, Report::Finished(total)) => finished.push((mode, total)),
            _ => {}
        }
    }
    assert_eq!(began[0].0, Mode::Sequential);
    assert_eq!(finished[0].0, Mode::Sequential);
    assert!(finished[0].1 >= ms(90), "{finished:?}");
    assert_eq!(began[1].0, Mode::Concurrent);
    assert!(
        began[1].1 >= began[0].1 + finished[0].1,
        "after the sequential run: {began:?} {finished:?}"
    );
}

#[wasm_bindgen_test]
async fn the_warm_up_runs_both_modes_and_leaves_nothing_behind() {
    let (sink, mut reports) = mpsc::unbounded();
    runtime::warm_up(move |mode, report| {
        sink.unbounded_send((mode, report))
            .expect("the test listens");
    });
    let mut finished = Vec::new();
    let (mut sequential_ended, mut concurrent_ended) = (0, 0);
    while finished.len() < 2 {
        match reports.next().await.expect("the warm-up reports") {
            (mode, Report::Finished(total)) => {
                assert!(total >= ms(1), "{mode}: its waits of 1 ms: {total:?}");
                finished.push(mode);
            }
            (mode, Report::Event(RunEvent::Finished { outcome, .. })) => {
                assert_eq!(outcome, Outcome::Done);
                match mode {
                    Mode::Sequential => sequential_ended += 1,
                    Mode::Concurrent => concurrent_ended += 1,
                }
            }
            _ => {}
        }
    }
    finished.sort_by_key(|mode| mode.id());
    assert_eq!(finished, [Mode::Concurrent, Mode::Sequential]);
    assert_eq!(sequential_ended, 1, "one task one after another");
    assert_eq!(
        concurrent_ended,
        runtime::WARM_UP_TASKS,
        "and many all at once, so that the browser optimises the code they run"
    );
    assert_eq!(pending_sleeps(), 0);
    assert!(!timer_armed(), "no browser timer left armed");
}

#[wasm_bindgen_test]
async fn a_run_stops_the_warm_up() {
    let (sink, mut warm_reports) = mpsc::unbounded();
    runtime::warm_up(move |_, report| {
        sink.unbounded_send(report).expect("the test listens");
    });
    let mut run = observe(Scenario::uniform(2, ms(20)), Mode::Concurrent, Scale::X1);
    let (events, _) = run.finish().await;
    assert_eq!(events.len(), 4, "the run's own starts and ends");
    // Dropped before its first turn, the warm-up never began: its sink went
    // with it, and it reported nothing.
    assert_eq!(warm_reports.next().await, None);
    assert_eq!(pending_sleeps(), 0);
}

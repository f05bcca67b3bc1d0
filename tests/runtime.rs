//! The browser runtime, run for real in headless Chromium: real futures,
//! real timers, real `performance.now()`.

#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use async_playground::recording::{Report, RunEvent};
use async_playground::runtime::{self, pending_sleeps, timer_armed, RunHandle};
use async_playground::scenario::{Mode, Scale, Scenario};
use futures::channel::mpsc::{self, UnboundedReceiver};
use futures::StreamExt;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A run and the stream of its reports.
struct Observed {
    handle: RunHandle,
    reports: UnboundedReceiver<Report>,
}

impl Observed {
    /// Waits for the run's end and returns every report before the total,
    /// and the total.
    async fn finish(&mut self) -> (Vec<Report>, Duration) {
        let mut events = Vec::new();
        while let Some(report) = self.reports.next().await {
            match report {
                Report::Finished(total) => return (events, total),
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

fn observe(scenario: Scenario, mode: Mode, scale: Scale) -> Observed {
    let (sink, reports) = mpsc::unbounded();
    let handle = runtime::start(Rc::new(scenario), mode, scale, move |report| {
        sink.unbounded_send(report).expect("the test listens");
    });
    Observed { handle, reports }
}

fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}

#[wasm_bindgen_test]
async fn thirty_concurrent_tasks_of_100_ms_take_about_100_ms() {
    let mut run = observe(Scenario::uniform(30, ms(100)), Mode::Concurrent, Scale::X1);
    let (events, total) = run.finish().await;
    assert!(total >= ms(100), "never before the longest task: {total:?}");
    assert!(
        total < ms(150),
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
async fn a_faster_scale_still_reports_scenario_seconds() {
    let mut run = observe(
        Scenario::uniform(5, ms(2000)),
        Mode::Concurrent,
        Scale::X100,
    );
    let (_, total) = run.finish().await;
    // 2 s at ×100 is 20 ms of real time, reported as 2 s of scenario time.
    assert!(total >= ms(2000), "{total:?}");
    assert!(total < ms(3000), "{total:?}");
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
    let scenario = Scenario {
        tasks: [60, 20, 40, 20, 60]
            .into_iter()
            .map(|ms| async_playground::scenario::Task::unnamed(Duration::from_millis(ms)))
            .collect(),
    };
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
            Report::Event(RunEvent::Finished { task, at }) => {
                assert!(at - starts[task] >= ms(500), "task {task} woke early");
            }
            Report::Finished(_) => unreachable!("finish() keeps the total apart"),
        }
    }
    assert_eq!(pending_sleeps(), 0);
    assert!(!timer_armed(), "nothing left armed once all have woken");
}

use super::*;
use model::events::RunEvent;
use std::rc::Rc;

#[test]
fn a_finished_run_is_said_in_one_sentence() {
    let scenario = Rc::new(model::scenario::Scenario::uniform(
        2,
        Duration::from_secs(1),
    ));
    let finished = |mode: Mode, total_ms: u64, hidden: bool| {
        let prediction = Rc::new(model::simulate::predict(&scenario, mode));
        let mut recording = Recording::new(mode, scenario.clone(), prediction);
        if hidden {
            recording.record([model::events::Report::Distorted(Distortion::Hidden)]);
        }
        recording.record([model::events::Report::Finished(Duration::from_millis(
            total_ms,
        ))]);
        Rc::new(recording)
    };
    let both = [
        finished(Mode::Sequential, 2004, false),
        finished(Mode::Concurrent, 1500, true),
    ];
    assert_eq!(
        run_outcome(Lang::En, &both),
        "— one after another 2.004 s (predicted 2.000 s); \
         all at once 1.500 s, distorted (predicted 1.000 s)."
    );
    assert_eq!(
        run_outcome(Lang::Ru, &both[..1]),
        "— по очереди 2.004 с (прогноз 2.000 с)."
    );
    assert_eq!(run_outcome(Lang::En, &[]), "");
}

#[test]
fn a_guess_is_compared_with_the_run_or_else_the_prediction() {
    let scenario = Rc::new(model::scenario::Scenario::uniform(
        30,
        Duration::from_secs(1),
    ));
    let run = |mode: Mode, report: model::events::Report| {
        let prediction = Rc::new(model::simulate::predict(&scenario, mode));
        let mut recording = Recording::new(mode, scenario.clone(), prediction);
        recording.record([report]);
        recording
    };
    let finished = |mode, ms| {
        run(
            mode,
            model::events::Report::Finished(Duration::from_millis(ms)),
        )
    };
    let concurrent = finished(Mode::Concurrent, 1002);
    let sequential = finished(Mode::Sequential, 30_010);
    let secs = Duration::from_secs;
    assert_eq!(
        guess_verdict(Lang::En, &concurrent, secs(30)),
        "All at once: you guessed 30 s; it took 1.002 s, 29.9× less than you thought."
    );
    assert_eq!(
        guess_verdict(Lang::Ru, &concurrent, secs(30)),
        "Все сразу: вы предполагали 30 с, заняло 1.002 с — в 29.9 раза меньше."
    );
    assert_eq!(
        guess_verdict(Lang::En, &concurrent, Duration::from_millis(1050)),
        "All at once: you guessed 1.05 s; it took 1.002 s, spot on."
    );
    assert_eq!(
        guess_verdict(Lang::En, &sequential, secs(10)),
        "One after another: you guessed 10 s; it took 30.010 s, 3.0× more than you thought."
    );
    assert_eq!(
        guess_verdict(Lang::Ru, &sequential, Duration::ZERO),
        "По очереди: вы предполагали 0 с, заняло 30.010 с — больше."
    );

    // Stopped, or hidden while it ran: the prediction is what counts.
    let stopped = run(
        Mode::Concurrent,
        model::events::Report::Began(Duration::ZERO),
    );
    assert_eq!(
        guess_verdict(Lang::En, &stopped, secs(1)),
        "All at once: you guessed 1 s; the page predicts 1.000 s, spot on."
    );
    let mut hidden = finished(Mode::Concurrent, 9000);
    hidden.record([model::events::Report::Distorted(Distortion::Hidden)]);
    assert_eq!(
        guess_verdict(Lang::Ru, &hidden, secs(2)),
        "Все сразу: вы предполагали 2 с, прогноз страницы 1.000 с — в 2.0 раза меньше."
    );
}

#[test]
fn a_distorted_run_is_explained_with_its_prediction_in_both_languages() {
    let scenario = Rc::new(model::scenario::Scenario::uniform(
        3,
        Duration::from_secs(1),
    ));
    let prediction = Rc::new(model::simulate::predict(&scenario, Mode::Concurrent));
    let mut recording = Recording::new(Mode::Concurrent, scenario, prediction);
    recording.record([model::events::Report::Finished(Duration::from_millis(2500))]);
    assert_eq!(
        distortion_summary(Lang::En, &recording, Distortion::Hidden),
        "All at once: distorted. The page was hidden during the run, and browsers slow the \
         timers of hidden pages, so the measured 2.500 s is not the program's own time. The \
         prediction, 1.000 s, stands; run again with the page in view."
    );
    let ru = distortion_summary(Lang::Ru, &recording, Distortion::Throttled);
    assert!(
        ru.starts_with("Все сразу: искажено. Во время запуска браузер"),
        "{ru}"
    );
    assert!(
        ru.contains("измеренные 2.500 с") && ru.contains("Прогноз, 1.000 с"),
        "{ru}"
    );
}

#[test]
fn a_scenario_fits_on_one_line() {
    let read = |link| model::link::read(link).shared.scenario;
    assert_eq!(
        scenario_summary(Lang::En, &read("tasks=1,3,10")),
        "3 tasks: 1 s, 3 s, 10 s"
    );
    assert_eq!(
        scenario_summary(Lang::Ru, &read("tasks=30x1")),
        "30 задач: 30 × 1 с"
    );
    assert_eq!(
        scenario_summary(Lang::En, &read("tasks=boil:3,1,2,3,4,5,6,7")),
        "8 tasks: boil 3 s, 1 s, 2 s, 3 s, 4 s, 5 s, …"
    );
}

#[test]
fn a_summary_says_what_the_run_shows() {
    use model::events::Report;
    use model::scenario::{parse_steps, Scenario, Task};
    use std::rc::Rc;
    let finished = |scenario: Scenario, mode: Mode, extra: &[Report]| {
        let prediction = Rc::new(model::simulate::predict(&scenario, mode));
        let mut recording = Recording::new(mode, Rc::new(scenario), prediction.clone());
        recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
        recording.record(extra.iter().copied());
        recording.record([Report::Finished(prediction.total)]);
        recording
    };
    let plain = finished(
        Scenario::uniform(30, Duration::from_secs(1)),
        Mode::Concurrent,
        &[],
    );
    assert_eq!(
        run_summary(Lang::En, &plain).unwrap(),
        "30 tasks all at once took 1.000 s, a little over the longest task (1 s): \
         while one waits, the event loop starts the others."
    );
    let task = |steps: &str| Task::named("", parse_steps(steps).unwrap());
    let blocking = Scenario::of(vec![task("1"), task("c2")]);
    let text = run_summary(Lang::En, &finished(blocking, Mode::Concurrent, &[])).unwrap();
    assert_eq!(
        text,
        "2 tasks all at once took 2.000 s; predicted 2.000 s. While a task computed on the \
         event loop's thread nothing else ran, not the other tasks, not even the page."
    );
    let timing_out = Scenario {
        timeout: Some(Duration::from_millis(500)),
        ..Scenario::of(vec![task("1"), task("0.2")])
    };
    let text = run_summary(Lang::Ru, &finished(timing_out, Mode::Sequential, &[])).unwrap();
    assert_eq!(
        text,
        "2 задачи по очереди заняли 0.700 с, прогноз — 0.700 с. Отменено по тайм-ауту: 1."
    );
    let cancelled = finished(
        Scenario::uniform(2, Duration::from_secs(1)),
        Mode::Concurrent,
        &[Report::Event(RunEvent::Finished {
            task: 0,
            at: Duration::from_millis(300),
            outcome: Outcome::Cancelled,
        })],
    );
    assert!(run_summary(Lang::En, &cancelled)
        .unwrap()
        .ends_with("Cancelled: 1."));
}

#[test]
fn the_scale_note_converts_a_millisecond() {
    assert!(scale_note(Lang::En, 100).contains("counts as 0.1 s of scenario time"));
    assert!(scale_note(Lang::Ru, 10).contains("в 0.01 с времени сценария"));
}

#[test]
fn summaries_state_the_measured_figure() {
    let text = concurrent_summary(
        Lang::En,
        30,
        Duration::from_secs(1),
        Duration::from_millis(1002),
    );
    assert!(
        text.starts_with("30 tasks all at once took 1.002 s"),
        "{text}"
    );
}

/// A finished run of the course's example, measured at `took`.
fn course_run(mode: Mode, took: Duration) -> Recording {
    let scenario = std::rc::Rc::new(model::presets::Preset::CourseFirstExample.scenario());
    let prediction = std::rc::Rc::new(model::simulate::predict(&scenario, mode));
    let mut recording = Recording::new(mode, scenario, prediction.clone());
    let events = prediction
        .events
        .iter()
        .map(|&e| model::events::Report::Event(e));
    recording.record(events.chain([model::events::Report::Finished(took)]));
    recording
}

/// What happened to the tasks is a fact of the run, said even when its
/// timing is not to be trusted.
#[test]
fn a_distorted_run_still_counts_its_cancels() {
    use model::events::{Report, RunEvent};
    let scenario = std::rc::Rc::new(
        model::link::read("#tasks=3+!1,2x0.5")
            .shared
            .scenario
            .as_ref()
            .clone(),
    );
    let prediction = std::rc::Rc::new(model::simulate::predict(&scenario, Mode::Concurrent));
    let mut recording = Recording::new(Mode::Concurrent, scenario, prediction.clone());
    recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
    recording.record([Report::Finished(Duration::from_millis(1169))]);
    assert!(prediction.events.iter().any(|e| matches!(
        e,
        RunEvent::Finished {
            outcome: Outcome::Cancelled,
            ..
        }
    )));
    assert_eq!(recording.distortion(), Some(Distortion::Late));
    let text = distortion_summary(Lang::En, &recording, Distortion::Late);
    assert!(text.ends_with("(×1). Cancelled: 1."), "{text}");
}

/// Measured at ×100 on a busy machine: 2.87 s for 1 s all at once,
/// 34.9 s for 30 s one after another. Nothing says "a little over the
/// longest task" of them: they are marked, and the words follow the
/// figures.
#[test]
fn no_sentence_contradicts_its_figures() {
    let ms = Duration::from_millis;
    for (mode, took) in [(Mode::Concurrent, ms(2870)), (Mode::Sequential, ms(34_900))] {
        let recording = course_run(mode, took);
        assert_eq!(recording.distortion(), Some(Distortion::Late), "{mode}");
        let summary = run_summary(Lang::Ru, &recording).unwrap();
        assert!(
            !summary.contains("немногим больше") && !summary.contains("сумму всех"),
            "{summary}"
        );
        assert!(summary.contains(&seconds_3(took)), "{summary}");
        let why = distortion_summary(Lang::Ru, &recording, Distortion::Late);
        assert!(
            why.contains("Таймеры браузера опаздывали") && why.contains("(×1)"),
            "{why}"
        );
    }
    for (mode, took, words) in [
        (
            Mode::Concurrent,
            ms(1_090),
            "немногим больше самой долгой задачи",
        ),
        (Mode::Sequential, ms(30_400), "сумму всех длительностей"),
    ] {
        let recording = course_run(mode, took);
        assert_eq!(recording.distortion(), None, "{mode}");
        assert!(run_summary(Lang::Ru, &recording).unwrap().contains(words));
    }
}

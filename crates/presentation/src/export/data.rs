//! A run's events as data: JSON (whole microseconds, with the scenario's
//! link) and CSV (decimal seconds with six places), each run beside the
//! simulator's prediction of it.

use std::time::Duration;

use serde::Serialize;

use super::{end_id, rows};
use model::events::{Distortion, Report, RunEvent};
use model::fixed::Seconds;
use model::recording::Recording;
use model::scenario::whole_micros as micros;

/// The run the simulator predicts for `recording`'s scenario.
fn as_predicted(recording: &Recording) -> Recording {
    let prediction = recording.prediction.clone();
    let mut predicted = Recording::with_traits(
        recording.mode,
        recording.scenario.clone(),
        prediction,
        recording.traits(),
    );
    let events = recording
        .prediction
        .events
        .iter()
        .map(|&event| Report::Event(event));
    predicted.record(events.chain([Report::Finished(recording.prediction.total)]));
    predicted
}

#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    version: u32,
    /// The scenario, as the page's link carries it: open it to run again.
    link: &'a str,
    runs: Vec<JsonRun<'a>>,
}

#[derive(Serialize)]
struct JsonRun<'a> {
    mode: &'static str,
    predicted_us: u64,
    measured_us: Option<u64>,
    distorted: Option<&'static str>,
    tasks: Vec<JsonTask<'a>>,
    events: Vec<JsonEvent>,
    /// When the event loop was blocked: [from, to] in microseconds.
    stalls: Vec<[u64; 2]>,
}

#[derive(Serialize)]
struct JsonTask<'a> {
    task: usize,
    name: &'a str,
    start_us: Option<u64>,
    end_us: Option<u64>,
    /// How it ended; `stopped` or `not-started` in a stopped run.
    outcome: &'static str,
}

#[derive(Serialize)]
struct JsonEvent {
    at_us: u64,
    task: usize,
    kind: &'static str,
    /// The step that began, from 0.
    step: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
}

/// The runs as JSON: every task, event and stall, with the scenario's
/// `link` (the part after `#`).
pub fn json(recordings: &[Recording], link: &str) -> String {
    let runs = recordings
        .iter()
        .map(|recording| JsonRun {
            mode: recording.mode.id(),
            predicted_us: micros(recording.prediction.total),
            measured_us: recording.total.map(micros),
            distorted: recording.distortion().map(Distortion::id),
            tasks: rows(recording)
                .into_iter()
                .map(|row| JsonTask {
                    task: row.number,
                    name: row.name,
                    start_us: row.start.map(micros),
                    end_us: row.end.map(micros),
                    outcome: end_id(&row),
                })
                .collect(),
            events: recording
                .events()
                .map(|event| {
                    let (kind, step, outcome) = match event {
                        RunEvent::Started { .. } => ("started", 0, None),
                        RunEvent::Step { step, .. } => ("step", step, None),
                        RunEvent::Finished { outcome, .. } => ("finished", 0, Some(outcome.id())),
                    };
                    JsonEvent {
                        at_us: micros(event.at()),
                        task: event.task() + 1,
                        kind,
                        step,
                        outcome,
                    }
                })
                .collect(),
            stalls: recording
                .stalls()
                .iter()
                .map(|&(from, to)| [micros(from), micros(to)])
                .collect(),
        })
        .collect();
    let export = JsonExport {
        format: "async-playground/runs",
        version: 1,
        link,
        runs,
    };
    serde_json::to_string_pretty(&export).expect("plain data always serializes")
}

/// The runs' tasks as CSV, one row per task and mode, with the simulator's
/// prediction next to what was measured. A name a spreadsheet would read
/// as a formula (`=`, `+`, `-`, `@`) is written with a leading `'`.
pub fn csv(recordings: &[Recording]) -> String {
    let seconds =
        |at: Option<Duration>| at.map(|at| Seconds(at, 6).to_string()).unwrap_or_default();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "mode",
        "task",
        "name",
        "start_s",
        "end_s",
        "outcome",
        "predicted_start_s",
        "predicted_end_s",
        "distorted",
    ];
    let mut write = |record: &[&str]| writer.write_record(record).expect("writes to memory");
    write(&header);
    for recording in recordings {
        let predicted = as_predicted(recording);
        let distorted = recording
            .distortion()
            .map(Distortion::id)
            .unwrap_or_default();
        for (row, expected) in rows(recording).into_iter().zip(rows(&predicted)) {
            let name = if row.name.starts_with(['=', '+', '-', '@']) {
                format!("'{}", row.name)
            } else {
                row.name.to_owned()
            };
            write(&[
                recording.mode.id(),
                &row.number.to_string(),
                &name,
                &seconds(row.start),
                &seconds(row.end),
                end_id(&row),
                &seconds(expected.start),
                &seconds(expected.end),
                distorted,
            ]);
        }
    }
    let bytes = writer.into_inner().expect("writes to memory");
    String::from_utf8(bytes).expect("written from UTF-8 text")
}

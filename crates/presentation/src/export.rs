//! A finished run, saved: its tasks as a table (which the page also shows
//! to screen readers), its events as JSON and CSV, and its timeline as an
//! SVG picture for slides (which the page draws again as PNG).
//!
//! The files are written in the code worker (crates/code-worker), so
//! that writing them costs the page's first load nothing: the page asks
//! for one with [`crate::wire::code::save_request`].
//!
//! Times are written exactly: JSON carries whole microseconds, CSV
//! decimal seconds with six places.

use std::fmt::Write as _;
use std::time::Duration;

use serde::Serialize;

use crate::i18n::numbers::seconds_3;
use crate::i18n::summaries::distorted;
use crate::i18n::Text;
use model::events::{Distortion, Outcome, Report, RunEvent};
use model::fixed::{Fixed, Seconds};
use model::lang::Lang;
use model::recording::Recording;
use model::scenario::{whole_micros as micros, Mode, RunChoice, Scale};
use model::timeline::{self, LaneState, Timeline};

/// A file the page saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Json,
    Csv,
}

impl Format {
    /// Every format, as the save buttons list them.
    pub const ALL: [Format; 4] = [Format::Svg, Format::Png, Format::Json, Format::Csv];

    /// The file name's extension, and the format's name in requests.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The media type of what the worker writes for it (for PNG, the SVG
    /// the page then draws).
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Svg | Format::Png => "image/svg+xml",
            Format::Json => "application/json",
            Format::Csv => "text/csv",
        }
    }
}

/// The link (after `#`) of the scenario `recordings` ran, as they ran it:
/// the editor may have changed since.
pub fn runs_link(recordings: &[impl AsRef<Recording>], scale: Scale) -> Option<String> {
    let first = recordings.first()?.as_ref();
    let mode = match (recordings.len(), first.mode) {
        (2, _) => RunChoice::Compare,
        (_, Mode::Sequential) => RunChoice::Sequential,
        (_, Mode::Concurrent) => RunChoice::Concurrent,
    };
    Some(model::link::write(&model::link::Shared {
        scenario: first.scenario.clone(),
        mode,
        scale,
        lang: None,
        embed: false,
        guess: false,
    }))
}

/// One task of a run: when it started and ended, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRow<'a> {
    /// From 1, as the log numbers tasks.
    pub number: usize,
    pub name: &'a str,
    pub start: Option<Duration>,
    pub end: Option<Duration>,
    pub outcome: Option<Outcome>,
}

/// Every task of `recording`, in the scenario's order, as far as the run
/// has gone.
pub fn rows(recording: &Recording) -> Vec<TaskRow<'_>> {
    let mut rows: Vec<TaskRow> = recording
        .scenario
        .tasks
        .iter()
        .enumerate()
        .map(|(index, task)| TaskRow {
            number: index + 1,
            name: &task.name,
            start: None,
            end: None,
            outcome: None,
        })
        .collect();
    for event in recording.events() {
        let Some(row) = rows.get_mut(event.task()) else {
            continue;
        };
        match event {
            RunEvent::Started { at, .. } => row.start = Some(at),
            RunEvent::Step { .. } => {}
            RunEvent::Finished { at, outcome, .. } => {
                row.end = Some(at);
                row.outcome = Some(outcome);
            }
        }
    }
    rows
}

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

/// Width of the exported picture, in SVG units (pixels at 1×).
pub const SVG_WIDTH: u32 = 960;
const LANE_HEIGHT: u32 = 14;
const GUTTER: u32 = 120;
const AGGREGATE_HEIGHT: u32 = 160;

/// The timelines of `recordings` as a standalone SVG picture on a white
/// background, with a legend: each state has its own colour and, as on the
/// page, waiting its own stripes. Every text in it is escaped.
pub fn svg(recordings: &[Recording], lang: Lang) -> String {
    // Saved runs have ended: each clock reads its total, or where it was
    // stopped, whatever the run clock says.
    let axis = timeline::axis_length(recordings, Duration::ZERO);
    let plot = f64::from(SVG_WIDTH - GUTTER - 20);
    let x = |percent: f64| Fixed(f64::from(GUTTER) + percent / 100.0 * plot, 1);
    let mut body = String::new();
    let mut y = 10;
    for recording in recordings {
        let title = match recording.mode {
            Mode::Sequential => Text::ModeSequential,
            Mode::Concurrent => Text::ModeConcurrent,
        };
        let seconds = |at| format!("{} {}", seconds_3(at), Text::Seconds.get(lang));
        let total = match (recording.total, recording.stopped_at()) {
            (Some(total), _) => seconds(total),
            (None, Some(stopped)) => {
                format!("{} ({})", seconds(stopped), Text::StateStopped.get(lang))
            }
            (None, None) => "—".to_owned(),
        };
        let distorted = match recording.distortion() {
            Some(_) => format!(" ({})", distorted(lang)),
            None => String::new(),
        };
        y += 18;
        let _ = writeln!(
            body,
            r#"<text x="10" y="{y}" font-weight="600">{}: {}{}</text>"#,
            escape(title.get(lang)),
            escape(&total),
            escape(&distorted)
        );
        y += 8;
        match timeline::layout(recording, axis) {
            Timeline::Lanes(lanes) => {
                for lane in lanes {
                    let _ = writeln!(
                        body,
                        r#"<text x="{}" y="{}" text-anchor="end" font-size="10">{}</text>"#,
                        GUTTER - 6,
                        y + 10,
                        escape(&lane.label)
                    );
                    // A task cut short (timed out or cancelled) is outlined
                    // in red, as on the page.
                    let cut_short = matches!(lane.state, LaneState::Ended(o) if o != Outcome::Done);
                    if let (true, Some(first), Some(last)) =
                        (cut_short, lane.segments.first(), lane.segments.last())
                    {
                        let _ = writeln!(
                            body,
                            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#b3261e" stroke-width="2"/>"##,
                            x(first.left),
                            y + 1,
                            Fixed(((last.right - first.left) / 100.0 * plot).max(2.0), 1),
                            LANE_HEIGHT - 2
                        );
                    }
                    for segment in &lane.segments {
                        let fill = fill(segment.state, lane.state);
                        if fill.is_empty() {
                            continue;
                        }
                        let _ = writeln!(
                            body,
                            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
                            x(segment.left),
                            y + 2,
                            Fixed(((segment.right - segment.left) / 100.0 * plot).max(1.0), 1),
                            LANE_HEIGHT - 4
                        );
                    }
                    y += LANE_HEIGHT;
                }
            }
            Timeline::Aggregate(columns) => {
                let done = timeline::area_path(columns.iter().map(|c| c.done));
                let waiting = timeline::area_path(columns.iter().map(|c| c.waiting));
                let _ = writeln!(
                    body,
                    r##"<svg x="{GUTTER}" y="{y}" width="{}" height="{AGGREGATE_HEIGHT}" viewBox="0 0 100 100" preserveAspectRatio="none"><rect width="100" height="100" fill="#f5f7fb"/><path d="{done}" fill="#e69f00"/><path d="{waiting}" fill="#0072b2"/></svg>"##,
                    Fixed(plot, 1)
                );
                y += AGGREGATE_HEIGHT;
            }
        }
        y += 6;
    }
    // The axis, in scenario seconds.
    let _ = writeln!(
        body,
        r##"<line x1="{GUTTER}" y1="{y}" x2="{}" y2="{y}" stroke="#5b6478"/>"##,
        x(100.0)
    );
    for tick in timeline::ticks(axis) {
        let _ = writeln!(
            body,
            r##"<text x="{}" y="{}" text-anchor="middle" font-size="10" fill="#5b6478">{} {}</text>"##,
            x(tick.left),
            y + 12,
            escape(&tick.label),
            escape(Text::Seconds.get(lang))
        );
    }
    y += 24;
    // The legend.
    let mut legend_x = 10;
    for (state, text) in [
        (LaneState::Waiting, Text::LegendWaiting),
        (LaneState::Running, Text::LegendRunning),
        (LaneState::Offloaded, Text::LegendOffloaded),
        (LaneState::Receiving, Text::LegendReceiving),
        (LaneState::Blocked, Text::LegendBlocked),
        (LaneState::Delayed, Text::LegendDelayed),
        (LaneState::Ended(Outcome::Done), Text::LegendDone),
        (LaneState::Ended(Outcome::Cancelled), Text::LegendCancelled),
    ] {
        let label = text.get(lang);
        let width = legend_width(label);
        if legend_x + width > SVG_WIDTH {
            legend_x = 10;
            y += 16;
        }
        let swatch = match state {
            LaneState::Ended(Outcome::Cancelled) => {
                r##"fill="none" stroke="#b3261e" stroke-width="2""##.to_owned()
            }
            _ => format!(r#"fill="{}""#, fill(state, LaneState::Pending)),
        };
        let _ = writeln!(
            body,
            r#"<rect x="{legend_x}" y="{y}" width="18" height="10" {swatch}/><text x="{}" y="{}" font-size="11">{}</text>"#,
            legend_x + 22,
            y + 9,
            escape(label)
        );
        legend_x += width;
    }
    y += 20;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{y}" viewBox="0 0 {SVG_WIDTH} {y}" font-family="system-ui, sans-serif" font-size="12" fill="#1d2333">
<defs>
<pattern id="waiting" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#4f9fd1"/><rect width="4" height="7" fill="#0072b2"/></pattern>
<pattern id="offloaded" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#009e73"/><circle cx="2.5" cy="2.5" r="1" fill="#ffffff"/></pattern>
<pattern id="receiving" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#9ccbe8"/><rect width="3" height="5" fill="#0072b2"/></pattern>
</defs>
<rect width="100%" height="100%" fill="#ffffff"/>
{body}</svg>
"##
    )
}

/// The room a legend entry takes: its swatch, its label at 11 px (a
/// character is at most about 7.5 px wide there, Cyrillic capitals the
/// widest), and a gap before the next.
fn legend_width(label: &str) -> u32 {
    22 + (label.chars().count() as u32 * 15).div_ceil(2) + 18
}

/// How a task of an ended run ended, as its row says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowEnd {
    /// It finished, this way.
    Ended(Outcome),
    /// It had started when the run was stopped.
    Stopped,
    /// It had not started when the run was stopped.
    NotStarted,
}

impl TaskRow<'_> {
    /// How the task ended, in a run that has ended.
    pub fn end(&self) -> RowEnd {
        match (self.outcome, self.start) {
            (Some(outcome), _) => RowEnd::Ended(outcome),
            (None, Some(_)) => RowEnd::Stopped,
            (None, None) => RowEnd::NotStarted,
        }
    }
}

/// What a saved table says of how a task ended: its outcome, `stopped` or
/// `not-started`.
pub fn end_id(row: &TaskRow) -> &'static str {
    match row.end() {
        RowEnd::Ended(outcome) => outcome.id(),
        RowEnd::Stopped => "stopped",
        RowEnd::NotStarted => "not-started",
    }
}

/// The fill of a segment in `state` on a lane that ended in `lane`: a
/// finished task's waits turn to the done colour, as on the page. Empty
/// for what is not drawn.
fn fill(state: LaneState, lane: LaneState) -> &'static str {
    let done = matches!(lane, LaneState::Ended(Outcome::Done));
    match state {
        LaneState::Pending | LaneState::Queued => "",
        LaneState::Waiting | LaneState::Offloaded | LaneState::Receiving | LaneState::Writing
            if done =>
        {
            "#e69f00"
        }
        LaneState::Waiting => "url(#waiting)",
        LaneState::Offloaded => "url(#offloaded)",
        LaneState::Receiving | LaneState::Writing => "url(#receiving)",
        LaneState::Running => "#d55e00",
        LaneState::Blocked => "#cc79a7",
        LaneState::Delayed => "#9aa0ad",
        LaneState::Ended(Outcome::Done) => "#e69f00",
        LaneState::Ended(_) => "#b3261e",
    }
}

/// Text as SVG (XML) character data or attribute value.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use model::scenario::{parse_task, Scenario, Task};
    use std::rc::Rc;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    /// A finished concurrent run of three tasks, one named to cause
    /// trouble, the last timed out.
    pub(crate) fn finished() -> Recording {
        let task = |name: &str, steps: &str| Task {
            name: name.to_owned(),
            ..parse_task(steps).unwrap()
        };
        let scenario = Scenario {
            timeout: Some(ms(1500)),
            ..Scenario::of(vec![
                task("=cmd|' /C calc'!A0", "1"),
                task("<b>\"boil\", & stir</b>", "0.5+c0.2"),
                task("", "2"),
            ])
        };
        let prediction = Rc::new(model::simulate::predict(&scenario, Mode::Concurrent));
        let mut recording = Recording::new(Mode::Concurrent, Rc::new(scenario), prediction);
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started {
                task: 1,
                at: Duration::from_micros(150),
            }),
            Report::Event(RunEvent::Started {
                task: 2,
                at: Duration::from_micros(300),
            }),
            Report::Event(RunEvent::Step {
                task: 1,
                step: 1,
                at: ms(501),
            }),
            Report::Stall(ms(501), ms(702)),
            Report::Event(RunEvent::Finished {
                task: 1,
                at: ms(702),
                outcome: Outcome::Done,
            }),
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(1003),
                outcome: Outcome::Done,
            }),
            Report::Event(RunEvent::Finished {
                task: 2,
                at: ms(1501),
                outcome: Outcome::TimedOut,
            }),
            Report::Finished(ms(1502)),
        ]);
        recording
    }

    #[test]
    fn rows_say_when_each_task_ran_and_how_it_ended() {
        let recording = finished();
        let rows = rows(&recording);
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[1],
            TaskRow {
                number: 2,
                name: "<b>\"boil\", & stir</b>",
                start: Some(Duration::from_micros(150)),
                end: Some(ms(702)),
                outcome: Some(Outcome::Done),
            }
        );
        assert_eq!(rows[2].outcome, Some(Outcome::TimedOut));
    }

    #[test]
    fn csv_reads_back_with_names_intact_and_the_prediction_alongside() {
        let text = csv(&[finished()]);
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(
            header[..6],
            ["mode", "task", "name", "start_s", "end_s", "outcome"]
        );
        let records: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 3);
        assert_eq!(
            &records[0][2], "'=cmd|' /C calc'!A0",
            "no formula for a spreadsheet to run"
        );
        assert_eq!(&records[1][2], "<b>\"boil\", & stir</b>");
        assert_eq!(&records[1][3], "0.000150");
        assert_eq!(&records[1][4], "0.702000");
        assert_eq!(&records[2][5], "timed-out");
        // Predicted: task 2 computes 0.2 s from 0.5 s, task 1 then wakes.
        assert_eq!(&records[1][7], "0.700000");
        assert_eq!(&records[0][7], "1.000000");
        assert_eq!(&records[2][7], "1.500000");
        assert_eq!(&records[0][8], "");
    }

    #[test]
    fn json_holds_every_event_in_microseconds_and_the_link() {
        let text = json(&[finished()], "v=1&tasks=1");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["format"], "async-playground/runs");
        assert_eq!(value["link"], "v=1&tasks=1");
        let run = &value["runs"][0];
        assert_eq!(run["mode"], "concurrent");
        assert_eq!(run["predicted_us"], 1_500_000);
        assert_eq!(run["measured_us"], 1_502_000);
        assert_eq!(run["distorted"], serde_json::Value::Null);
        assert_eq!(run["events"].as_array().unwrap().len(), 7);
        assert_eq!(
            run["events"][3],
            serde_json::json!({"at_us": 501_000, "task": 2, "kind": "step", "step": 1})
        );
        assert_eq!(run["events"][6]["outcome"], "timed-out");
        assert_eq!(run["tasks"][1]["name"], "<b>\"boil\", & stir</b>");
        assert_eq!(run["stalls"], serde_json::json!([[501_000, 702_000]]));
    }

    #[test]
    fn svg_is_well_formed_and_shows_names_as_text() {
        let text = svg(&[finished()], Lang::En);
        let document = roxmltree::Document::parse(&text).expect("well-formed XML");
        let root = document.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("width"), Some("960"));
        let texts: Vec<&str> = root.descendants().filter_map(|n| n.text()).collect();
        assert!(texts.contains(&"<b>\"boil\", & stir</b>"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("All at once (asyncio.gather): 1.502 s")),
            "{texts:?}"
        );
        assert!(
            !root.descendants().any(|n| n.tag_name().name() == "b"),
            "a name is never markup"
        );
        let bars = root
            .descendants()
            .filter(|n| n.tag_name().name() == "rect" && n.attribute("height") == Some("10"))
            .count();
        assert!(bars >= 4, "a bar per segment and the legend: {bars}");
    }

    #[test]
    fn a_large_run_is_drawn_as_an_area_and_stays_well_formed() {
        let scenario = Rc::new(Scenario::uniform(1000, ms(1000)));
        let prediction = Rc::new(model::simulate::predict(&scenario, Mode::Concurrent));
        let mut recording = Recording::new(Mode::Concurrent, scenario, prediction.clone());
        recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
        recording.record([
            Report::Finished(ms(1004)),
            Report::Distorted(Distortion::Hidden),
        ]);
        let text = svg(&[recording], Lang::Ru);
        let document = roxmltree::Document::parse(&text).expect("well-formed XML");
        assert_eq!(
            document
                .descendants()
                .filter(|n| n.tag_name().name() == "path")
                .count(),
            2
        );
        assert!(text.contains("(искажено)"));
    }

    /// A concurrent run of three tasks of 2 s, stopped 0.8 s in: one had
    /// started and been cancelled, one was still waiting, one never began.
    fn stopped() -> Recording {
        let scenario = Rc::new(Scenario {
            limit: Some(2),
            ..Scenario::uniform(3, ms(2000))
        });
        let prediction = Rc::new(model::simulate::predict(&scenario, Mode::Concurrent));
        let mut recording = Recording::new(Mode::Concurrent, scenario, prediction);
        recording.record([
            Report::Began(ms(10)),
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started { task: 1, at: ms(0) }),
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(300),
                outcome: Outcome::Cancelled,
            }),
        ]);
        recording.stop(ms(810));
        recording
    }

    #[test]
    fn a_stopped_run_is_saved_up_to_where_it_stopped() {
        let recording = stopped();
        assert_eq!(recording.stopped_at(), Some(ms(800)));
        assert_eq!(recording.clock(Duration::MAX), ms(800), "its clock stays");
        // What the worker reads back is the same run, stop included.
        let encoded = crate::wire::run::encode(&recording);
        let decoded = crate::wire::run::decode(recording.scenario.clone(), &encoded);
        assert_eq!(decoded.as_ref(), Some(&recording));

        let text = svg(std::slice::from_ref(&recording), Lang::Ru);
        let document = roxmltree::Document::parse(&text).expect("well-formed XML");
        let texts: Vec<&str> = document.descendants().filter_map(|n| n.text()).collect();
        assert!(
            texts.iter().any(|t| t.contains("0.800 с (Остановлено)")),
            "{texts:?}"
        );
        // The axis is the 4 s prediction (two slots for three tasks of
        // 2 s): ticks up to it, not to the end of time.
        let ticks: Vec<&str> = texts
            .iter()
            .copied()
            .filter(|t| t.ends_with(" с"))
            .collect();
        assert!(ticks.len() <= 12 && ticks.contains(&"4 с"), "{ticks:?}");
        // The cancelled task is outlined, and the legend says what that means.
        assert!(
            document
                .descendants()
                .any(|n| n.attribute("stroke") == Some("#b3261e")
                    && n.attribute("height") == Some("12")),
            "the cancelled lane is outlined"
        );
        assert!(texts.contains(&"отменена"), "{texts:?}");

        let table = csv(std::slice::from_ref(&recording));
        let outcomes: Vec<&str> = table
            .lines()
            .skip(1)
            .map(|line| line.split(',').nth(5).unwrap())
            .collect();
        assert_eq!(outcomes, ["cancelled", "stopped", "not-started"]);
        let run: serde_json::Value = serde_json::from_str(&json(&[recording], "")).unwrap();
        assert_eq!(run["runs"][0]["tasks"][2]["outcome"], "not-started");
    }

    /// Legend entries never overlap, in either language: each label fits
    /// the room its entry is given, at the widest a character is drawn.
    #[test]
    fn legend_labels_fit_their_room() {
        for lang in [Lang::Ru, Lang::En] {
            for text in [
                Text::LegendWaiting,
                Text::LegendRunning,
                Text::LegendOffloaded,
                Text::LegendReceiving,
                Text::LegendBlocked,
                Text::LegendDone,
                Text::LegendCancelled,
            ] {
                let label = text.get(lang);
                let drawn = 22.0 + 7.5 * label.chars().count() as f64;
                assert!(f64::from(legend_width(label)) >= drawn + 12.0, "{label}");
            }
        }
    }
}

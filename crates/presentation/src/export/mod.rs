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

mod data;
mod svg;

use std::time::Duration;

use model::events::{Outcome, RunEvent};
use model::recording::Recording;
use model::scenario::{Mode, RunChoice, Scale};

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
        program: None,
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

pub use data::{csv, json};
pub use svg::{svg, SVG_WIDTH};

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::svg::legend_width;
    use super::*;
    use crate::i18n::Text;
    use model::events::{Distortion, Report};
    use model::lang::Lang;
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

//! A finished run as data: its tasks as a table (for screen readers and
//! for reading exact times), and saved as SVG, PNG, JSON or CSV.

use std::rc::Rc;

use yew::prelude::*;

use crate::export::{self, TaskRow};
use crate::i18n::{self, Lang, Text};
use crate::recording::{Outcome, Recording};
use crate::scenario::Mode;
use crate::timeline::LANE_LIMIT;
use crate::ui::download;

/// What [`RunData`] shows.
#[derive(Properties, PartialEq)]
pub struct RunDataProps {
    /// The last run, finished or stopped.
    pub recordings: Vec<Rc<Recording>>,
    /// The link of the scenario the run ran, saved with its JSON.
    pub link: AttrValue,
    /// The page's language.
    pub lang: Lang,
}

/// Which file a button saves.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Svg,
    Png,
    Json,
    Csv,
}

impl Format {
    const ALL: [Format; 4] = [Format::Svg, Format::Png, Format::Json, Format::Csv];

    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

fn seconds(at: Option<std::time::Duration>) -> String {
    at.map(i18n::seconds_3).unwrap_or_else(|| "—".to_owned())
}

fn outcome(row: &TaskRow, lang: Lang) -> &'static str {
    match (row.outcome, row.start) {
        (Some(Outcome::Done), _) => Text::LegendDone.get(lang),
        (Some(Outcome::TimedOut), _) => Text::LegendTimedOut.get(lang),
        (Some(Outcome::Cancelled), _) => Text::LegendCancelled.get(lang),
        (None, Some(_)) => Text::OutcomeUnfinished.get(lang),
        (None, None) => Text::LegendPending.get(lang),
    }
}

/// The save buttons, and the timeline as a table when asked for.
#[function_component(RunData)]
pub fn run_data(props: &RunDataProps) -> Html {
    let RunDataProps {
        recordings,
        link,
        lang,
    } = props;
    let lang = *lang;
    let table_open = use_state(|| false);
    let failed = use_state(|| false);

    let save = |format: Format| {
        let (recordings, link, failed) = (recordings.clone(), link.clone(), failed.clone());
        Callback::from(move |_| {
            let name = format!("async-playground-run.{}", format.extension());
            let saved = match format {
                Format::Svg => {
                    download::save_text(&name, "image/svg+xml", &export::svg(&recordings, lang))
                }
                Format::Png => download::save_png(&name, &export::svg(&recordings, lang)),
                Format::Json => download::save_text(
                    &name,
                    "application/json",
                    &export::json(&recordings, &link),
                ),
                Format::Csv => download::save_text(&name, "text/csv", &export::csv(&recordings)),
            };
            failed.set(saved.is_err());
        })
    };
    let buttons = Format::ALL.iter().map(|&format| {
        let extension = format.extension();
        html! {
            <button type="button" data-testid={format!("save-{extension}")} onclick={save(format)}>
                { extension.to_uppercase() }
            </button>
        }
    });
    let on_toggle = {
        let table_open = table_open.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            table_open.set(details.open());
        })
    };
    let tables = table_open.then(|| {
        recordings.iter().map(|recording| {
            let rows = export::rows(recording);
            let total = rows.len();
            let caption = match recording.mode {
                Mode::Sequential => Text::ModeSequential,
                Mode::Concurrent => Text::ModeConcurrent,
            };
            let rows = rows.into_iter().take(LANE_LIMIT).map(|row| {
                let task = if row.name.is_empty() {
                    format!("№ {}", row.number)
                } else {
                    format!("№ {} ({})", row.number, row.name)
                };
                html! {
                    <tr>
                        <th scope="row">{ task }</th>
                        <td>{ seconds(row.start) }</td>
                        <td>{ seconds(row.end) }</td>
                        <td>{ outcome(&row, lang) }</td>
                    </tr>
                }
            });
            html! {
                <table class="task-table" data-testid="task-table" data-mode={recording.mode.id()}>
                    <caption>{ caption.get(lang) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ Text::TableTask.get(lang) }</th>
                            <th scope="col">{ Text::TableStart.get(lang) }</th>
                            <th scope="col">{ Text::TableEnd.get(lang) }</th>
                            <th scope="col">{ Text::TableOutcome.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                    if total > LANE_LIMIT {
                        <tfoot><tr><td colspan="4">{ i18n::table_rows_note(lang, LANE_LIMIT, total) }</td></tr></tfoot>
                    }
                </table>
            }
        })
    });

    html! {
        <section class="run-data" data-testid="run-data" aria-labelledby="run-data-title">
            <h2 id="run-data-title">{ Text::RunData.get(lang) }</h2>
            <div class="save-buttons" role="group" aria-label={Text::Save.get(lang)}>
                <span>{ Text::Save.get(lang) }</span>
                { for buttons }
            </div>
            if *failed {
                <p class="field-error" role="alert">{ Text::SaveFailed.get(lang) }</p>
            }
            <details ontoggle={on_toggle}>
                <summary data-testid="show-table">{ Text::TimelineTable.get(lang) }</summary>
                if let Some(tables) = tables {
                    <div class="task-tables">{ for tables }</div>
                }
            </details>
        </section>
    }
}

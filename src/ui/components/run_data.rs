//! A finished run as data: its tasks as a table (for screen readers and
//! for reading exact times), and saved as SVG, PNG, JSON or CSV, which the
//! code worker writes (see [`presentation::export`]).

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::{download, worker};
use model::events::Outcome;
use model::lang::Lang;
use model::limits::TABLE_ROWS;
use model::recording::Recording;
use model::scenario::{Mode, Scale};
use presentation::export::{self, Format, RowEnd, TaskRow};
use presentation::i18n::{self, Text};
use presentation::wire;

/// What the panel remembers between draws: kept by the page, whose view
/// it is part of.
pub struct RunDataState {
    table_open: UseStateHandle<bool>,
    saving: UseStateHandle<Saving>,
}

/// The panel's state, kept by the component that draws it.
#[hook]
pub fn use_run_data_state() -> RunDataState {
    RunDataState {
        table_open: use_state(|| false),
        saving: use_state(|| Saving::Idle),
    }
}

/// Where saving a file is.
#[derive(Clone, Copy, PartialEq)]
pub enum Saving {
    Idle,
    Writing,
    Failed,
}

/// Asks the worker for the file, then offers it to the person.
async fn save(format: Format, request: String) -> Result<(), ()> {
    let file = worker::ask(&request).await.ok_or(())?;
    let name = format!("async-playground-run.{}", format.extension());
    match format {
        Format::Png => download::save_png(&name, &file).await,
        _ => download::save_text(&name, format.media_type(), &file),
    }
    .map_err(|_| ())
}

fn seconds(at: Option<std::time::Duration>) -> String {
    at.map(i18n::numbers::seconds_3)
        .unwrap_or_else(|| "—".to_owned())
}

fn outcome(row: &TaskRow, lang: Lang) -> &'static str {
    match row.end() {
        RowEnd::Ended(Outcome::Done) => Text::LegendDone.get(lang),
        RowEnd::Ended(Outcome::TimedOut) => Text::LegendTimedOut.get(lang),
        RowEnd::Ended(Outcome::Cancelled) => Text::LegendCancelled.get(lang),
        RowEnd::Stopped => Text::OutcomeUnfinished.get(lang),
        RowEnd::NotStarted => Text::LegendPending.get(lang),
    }
}

/// The save buttons, and the timeline as a table when asked for, for the
/// last run (`recordings`, run at `scale`). A part of the page's view rather
/// than a component of its own: each component type costs the page's
/// download kilobytes.
pub fn run_data(
    recordings: &[Rc<Recording>],
    scale: Scale,
    lang: Lang,
    state: &RunDataState,
) -> Html {
    let RunDataState { table_open, saving } = state;
    let on_save = |format: Format| {
        let (recordings, saving) = (recordings.to_vec(), saving.clone());
        Callback::from(move |_| {
            let request = wire::code::save_request(format, lang, scale, &recordings);
            let saving = saving.clone();
            saving.set(Saving::Writing);
            wasm_bindgen_futures::spawn_local(async move {
                let saved = save(format, request).await;
                saving.set(if saved.is_ok() {
                    Saving::Idle
                } else {
                    Saving::Failed
                });
            });
        })
    };
    let buttons = Format::ALL.iter().map(|&format| {
        let extension = format.extension();
        html! {
            <button type="button" data-testid={format!("save-{extension}")}
                disabled={**saving == Saving::Writing} onclick={on_save(format)}>
                { extension.to_ascii_uppercase() }
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
    let tables = (**table_open).then(|| {
        recordings.iter().map(|recording| {
            let rows = export::rows(recording);
            let total = rows.len();
            let caption = match recording.mode {
                Mode::Sequential => Text::ModeSequential,
                Mode::Concurrent => Text::ModeConcurrent,
            };
            let rows = rows.into_iter().take(TABLE_ROWS).map(|row| {
                let task = if row.name.is_empty() {
                    format!("№ {}", row.number)
                } else {
                    format!("№ {} ({})", row.number, row.name)
                };
                let cells = [seconds(row.start), seconds(row.end), outcome(&row, lang).to_owned()];
                html! {
                    <tr><th scope="row">{ task }</th>{ for cells.into_iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                }
            });
            let heads = [Text::TableTask, Text::TableStart, Text::TableEnd, Text::TableOutcome]
                .map(|text| html! { <th scope="col">{ text.get(lang) }</th> });
            html! {
                <div>
                    <table class="task-table" data-testid="task-table" data-mode={recording.mode.id()}>
                        <caption>{ caption.get(lang) }</caption>
                        <thead><tr>{ for heads }</tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                    if total > TABLE_ROWS {
                        <p class="note">{ i18n::summaries::table_rows_note(lang, TABLE_ROWS, total) }</p>
                    }
                </div>
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
            if **saving == Saving::Failed {
                <p class="field-error" role="alert" data-testid="save-failed">{ Text::SaveFailed.get(lang) }</p>
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

//! The scenario editor: presets, one row per task (a page at a time), and
//! ways to add and remove tasks.

use yew::prelude::*;

use super::bulk_add::BulkAdd;
use super::pager::Pager;
use super::preset_picker::PresetPicker;
use super::task_row::TaskRow;
use crate::i18n::{self, Text};
use crate::state::{Action, Phase, PAGE_SIZE};
use crate::ui::use_playground;

/// The task list and its controls. Locked while a run goes on: the run
/// carries on with the scenario it started with.
#[function_component(Editor)]
pub fn editor() -> Html {
    let state = use_playground();
    let lang = state.lang;
    let first = state.page * PAGE_SIZE;
    let rows = state
        .drafts
        .iter()
        .enumerate()
        .skip(first)
        .take(PAGE_SIZE)
        .map(|(index, draft)| {
            html! { <TaskRow key={index} {index} draft={draft.clone()} {lang} /> }
        });
    let on_add = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::AddTask))
    };
    let on_remove_all = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::RemoveAll))
    };
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">
                { Text::Tasks.get(lang) }
                <span class="task-count" data-testid="task-count">
                    { i18n::task_count(lang, state.drafts.len()) }
                </span>
            </h2>
            <fieldset class="editor-fields" disabled={state.phase == Phase::Running}>
                <PresetPicker />
                <div class="task-head" aria-hidden="true">
                    <span>{ "№" }</span>
                    <span>{ Text::TaskName.get(lang) }</span>
                    <span>{ format!("{}, {}", Text::TaskDuration.get(lang), Text::Seconds.get(lang)) }</span>
                </div>
                <ol class="task-list">{ for rows }</ol>
                <Pager />
                <div class="editor-actions">
                    <button type="button" data-testid="add-task" onclick={on_add}>
                        { Text::AddTask.get(lang) }
                    </button>
                    <button type="button" class="quiet" data-testid="remove-all" onclick={on_remove_all}>
                        { Text::RemoveAll.get(lang) }
                    </button>
                </div>
                <BulkAdd />
            </fieldset>
        </section>
    }
}

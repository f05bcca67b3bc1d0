//! The scenario editor: presets, one row per task (a page at a time), and
//! ways to add and remove tasks.

use std::rc::Rc;

use yew::prelude::*;

use super::bulk_add::bulk_add;
use super::knobs::knobs_view;
use super::pager::pager;
use super::preset_picker::preset_picker;
use super::task_row::TaskRow;
use crate::ui::use_dispatch;
use model::lang::Lang;
use model::state::{Action, BulkDraft, EditAction, KnobsDraft, TaskDraft, PAGE_SIZE};
use presentation::i18n::{self, Text};

/// What [`Editor`] shows.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The tasks as typed.
    pub drafts: Rc<Vec<TaskDraft>>,
    /// The "add many" form.
    pub bulk: BulkDraft,
    /// The limit and the timeout, as typed.
    pub knobs: KnobsDraft,
    /// The page of tasks shown, from 0.
    pub page: usize,
    /// Whether a run is going on: the editor is locked, the run carries on
    /// with the scenario it started with.
    pub locked: bool,
    /// The page's language.
    pub lang: Lang,
}

/// The task list and its controls.
#[function_component(Editor)]
pub fn editor(props: &EditorProps) -> Html {
    let dispatch = use_dispatch();
    let EditorProps {
        drafts,
        bulk,
        knobs,
        page,
        locked,
        lang,
    } = props;
    let lang = *lang;
    let rows = drafts
        .iter()
        .enumerate()
        .skip(page * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(index, draft)| {
            html! { <TaskRow key={index} {index} draft={draft.clone()} {lang} /> }
        });
    let on_add = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Edit(EditAction::AddTask)))
    };
    let knobs = knobs_view(knobs, lang, &dispatch);
    let presets = preset_picker(lang, &dispatch);
    let pager = pager(*page, drafts.len(), lang, &dispatch);
    let bulk = bulk_add(bulk, lang, &dispatch);
    let on_remove_all =
        Callback::from(move |_| dispatch.dispatch(Action::Edit(EditAction::RemoveAll)));
    html! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">
                { Text::Tasks.get(lang) }
                <span class="task-count" data-testid="task-count">
                    { i18n::numbers::task_count(lang, drafts.len()) }
                </span>
            </h2>
            <fieldset class="editor-fields" disabled={*locked}>
                { presets }
                <div class="task-head" aria-hidden="true">
                    <span>{ "№" }</span>
                    <span>{ Text::TaskName.get(lang) }</span>
                    <span>{ format!("{}, {}", Text::TaskSteps.get(lang), Text::Seconds.get(lang)) }</span>
                </div>
                <p class="help" id="steps-help" data-testid="steps-help">{ Text::StepsHelp.get(lang) }</p>
                <ol class="task-list">{ for rows }</ol>
                { pager }
                <div class="editor-actions">
                    <button type="button" data-testid="add-task" onclick={on_add}>
                        { Text::AddTask.get(lang) }
                    </button>
                    <button type="button" class="quiet" data-testid="remove-all" onclick={on_remove_all}>
                        { Text::RemoveAll.get(lang) }
                    </button>
                </div>
                { bulk }
                { knobs }
            </fieldset>
        </section>
    }
}

//! One task in the editor: its name and its steps, with the reason next to
//! the field when the steps cannot be read.

use yew::prelude::*;

use crate::ui::{on_text, use_dispatch};
use model::lang::Lang;
use model::state::{Action, EditAction, TaskDraft};
use presentation::i18n::{self, Text};

/// What a [`TaskRow`] shows.
#[derive(Properties, PartialEq)]
pub struct TaskRowProps {
    /// The task's index in the scenario.
    pub index: usize,
    /// The task as typed.
    pub draft: TaskDraft,
    /// The page's language.
    pub lang: Lang,
}

/// One task's row.
#[function_component(TaskRow)]
pub fn task_row(props: &TaskRowProps) -> Html {
    let dispatch = use_dispatch();
    let TaskRowProps { index, draft, lang } = props;
    let (index, lang) = (*index, *lang);
    let number = index + 1;
    let error_id = format!("task-{number}-error");
    let error = draft
        .steps
        .as_ref()
        .err()
        .map(|&e| i18n::errors::steps_error(lang, e));

    let name_note_id = format!("task-{number}-name-note");
    let name_note = i18n::errors::name_changes(lang, draft.name_changes);
    let on_name = on_text(&dispatch, move |text| {
        Action::Edit(EditAction::SetName(index, text))
    });
    let on_steps = on_text(&dispatch, move |text| {
        Action::Edit(EditAction::SetSteps(index, text))
    });
    let on_remove =
        Callback::from(move |_| dispatch.dispatch(Action::Edit(EditAction::RemoveTask(index))));

    html! {
        <li class={classes!("task-row", error.is_some().then_some("invalid"))} data-testid="task-row">
            <span class="task-number">{ number }</span>
            <input
                class="task-name"
                type="text"
                value={draft.name.clone()}
                placeholder={format!("№ {number}")}
                aria-label={format!("{} № {number}", Text::TaskName.get(lang))}
                data-testid="task-name"
                aria-describedby={name_note.is_some().then(|| name_note_id.clone())}
                oninput={on_name}
            />
            <input
                class="task-steps"
                type="text"
                spellcheck="false"
                autocomplete="off"
                value={draft.steps_text.clone()}
                aria-label={format!("{}, {} (№ {number})", Text::TaskSteps.get(lang), Text::Seconds.get(lang))}
                aria-invalid={error.is_some().to_string()}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                data-testid="task-steps"
                oninput={on_steps}
            />
            <button
                type="button"
                class="remove"
                aria-label={format!("{} № {number}", Text::RemoveTask.get(lang))}
                title={Text::RemoveTask.get(lang)}
                data-testid="remove-task"
                onclick={on_remove}
            >
                { "×" }
            </button>
            if let Some(note) = name_note {
                <p class="note name-note" id={name_note_id} data-testid="name-note">{ note }</p>
            }
            if let Some(message) = error {
                <p class="field-error" id={error_id} data-testid="steps-error">{ message }</p>
            }
        </li>
    }
}

//! "Add N tasks of these steps": how a learner gets to thousands of tasks.

use yew::prelude::*;

use crate::ui::{on_text, Dispatch};
use model::lang::Lang;
use model::state::{Action, BulkDraft, EditAction};
use presentation::i18n::{self, Text};

/// The form that adds many equal tasks at once, as typed (`bulk`). A part
/// of the editor's view rather than a component of its own: each component
/// type costs the page's download kilobytes.
pub fn bulk_add(bulk: &BulkDraft, lang: Lang, dispatch: &Dispatch) -> Html {
    let dispatch = dispatch.clone();
    let count_error = bulk.count_error.map(|e| i18n::errors::count_error(lang, e));
    let steps_error = bulk.steps_error.map(|e| i18n::errors::steps_error(lang, e));

    let on_count = on_text(&dispatch, |text| {
        Action::Edit(EditAction::SetBulkCount(text))
    });
    let on_steps = on_text(&dispatch, |text| {
        Action::Edit(EditAction::SetBulkSteps(text))
    });
    let on_submit = Callback::from(move |event: SubmitEvent| {
        event.prevent_default();
        dispatch.dispatch(Action::Edit(EditAction::AddBulk));
    });

    html! {
        <form class="bulk-add" onsubmit={on_submit} novalidate=true>
            <button type="submit" data-testid="bulk-add">{ Text::AddMany.get(lang) }</button>
            <input
                type="text"
                inputmode="numeric"
                class="bulk-count"
                value={bulk.count_text.clone()}
                aria-label={Text::AddManyCount.get(lang)}
                aria-invalid={count_error.is_some().to_string()}
                aria-describedby={count_error.is_some().then_some("bulk-count-error")}
                data-testid="bulk-count"
                oninput={on_count}
            />
            <span>{ Text::AddManyCount.get(lang) }</span>
            <input
                type="text"
                spellcheck="false"
                autocomplete="off"
                class="bulk-steps"
                value={bulk.steps_text.clone()}
                aria-label={format!("{}, {}", Text::TaskSteps.get(lang), Text::Seconds.get(lang))}
                aria-invalid={steps_error.is_some().to_string()}
                aria-describedby={steps_error.is_some().then_some("bulk-steps-error")}
                data-testid="bulk-steps"
                oninput={on_steps}
            />
            <span>{ Text::AddManyDuration.get(lang) }</span>
            if let Some(message) = count_error {
                <p class="field-error" id="bulk-count-error" role="alert" data-testid="bulk-count-error">{ message }</p>
            }
            if let Some(message) = steps_error {
                <p class="field-error" id="bulk-steps-error" role="alert">{ message }</p>
            }
        </form>
    }
}

//! The concurrency limit and the timeout, each with what it stands for in
//! asyncio and, when it cannot be read, why.

use yew::prelude::*;

use crate::ui::{on_text, Dispatch};
use model::lang::Lang;
use model::state::{Action, EditAction, KnobsDraft};
use presentation::i18n::{self, Text};

/// Two fields: at most N at once, and the timeout. A part of the editor's
/// view rather than a component of its own: it redraws with the editor.
pub fn knobs_view(knobs: &KnobsDraft, lang: Lang, dispatch: &Dispatch) -> Html {
    let limit_error = knobs
        .limit
        .err()
        .map(|e| i18n::errors::limit_error(lang, e));
    let timeout_error = knobs
        .timeout
        .err()
        .map(|e| i18n::errors::duration_error(lang, e));
    html! {
        <fieldset class="knobs">
            <legend>{ Text::Knobs.get(lang) }</legend>
            <label class="knob">
                <span>{ Text::Limit.get(lang) }</span>
                <input type="text" inputmode="numeric" autocomplete="off" data-testid="limit"
                    value={knobs.limit_text.clone()}
                    aria-invalid={limit_error.is_some().to_string()}
                    aria-describedby="limit-help"
                    oninput={on_text(dispatch, |text| Action::Edit(EditAction::SetLimit(text)))} />
                <small id="limit-help" class={classes!(limit_error.is_some().then_some("field-error"))}
                    data-testid="limit-help">
                    { limit_error.unwrap_or(Text::LimitHelp.get(lang)) }
                </small>
            </label>
            <label class="knob">
                <span>{ Text::Timeout.get(lang) }</span>
                <input type="text" inputmode="decimal" autocomplete="off" data-testid="timeout"
                    value={knobs.timeout_text.clone()}
                    aria-invalid={timeout_error.is_some().to_string()}
                    aria-describedby="timeout-help"
                    oninput={on_text(dispatch, |text| Action::Edit(EditAction::SetTimeout(text)))} />
                <small id="timeout-help" class={classes!(timeout_error.is_some().then_some("field-error"))}
                    data-testid="timeout-help">
                    { timeout_error.unwrap_or(Text::TimeoutHelp.get(lang)) }
                </small>
            </label>
        </fieldset>
    }
}

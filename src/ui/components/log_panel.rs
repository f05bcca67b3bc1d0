//! What the course's program prints, line by line as it happens.

use yew::prelude::*;

use crate::i18n::{self, Text};
use crate::ui::use_playground;

/// The most lines shown per run; earlier ones are counted, not drawn.
const SHOWN_LINES: usize = 200;

/// The log of each run, side by side.
#[function_component(LogPanel)]
pub fn log_panel() -> Html {
    let state = use_playground();
    let lang = state.lang;
    let logs = state.recordings.iter().map(|recording| {
        let hidden = recording.log_len().saturating_sub(SHOWN_LINES);
        let lines = recording.log_tail(lang, SHOWN_LINES);
        html! {
            <div class="log-run" data-mode={recording.mode.id()}>
                if hidden > 0 {
                    <p class="note">{ i18n::log_hidden(lang, hidden) }</p>
                }
                <pre class="log-lines" data-testid="log-lines" tabindex="0">
                    { lines.join("\n") }
                </pre>
            </div>
        }
    });
    html! {
        <section class="log" data-testid="log" aria-labelledby="log-title">
            <h2 id="log-title">{ Text::Log.get(lang) }</h2>
            if state.recordings.is_empty() {
                <p class="note">{ Text::LogEmpty.get(lang) }</p>
            } else {
                <div class="runs">{ for logs }</div>
            }
        </section>
    }
}

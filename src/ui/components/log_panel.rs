//! What the course's program prints, line by line as it happens. Each box
//! keeps to its newest line while the run prints, unless the learner
//! scrolled up (www/style.css: a box laid out from its end).

use std::rc::Rc;

use yew::prelude::*;

use model::lang::Lang;
use model::recording::Recording;
use model::view;
use presentation::i18n::{self, Text};
use presentation::log;

/// The log of each run, side by side, as many of its newest lines as
/// [`view::log_lines_shown`] says; `running` is whether a run goes on. A
/// part of the page's view rather than a component of its own: it changes
/// with every frame of a run anyway, and each component type costs the
/// page's download kilobytes.
pub fn log_panel(recordings: &[Rc<Recording>], running: bool, lang: Lang) -> Html {
    let logs = recordings.iter().map(|recording| {
        let lines = recording.log_tail(view::log_lines_shown(recording, running));
        let hidden = recording.log_len() - lines.len();
        // Keyed by line number: a frame appends the new lines and drops the
        // oldest, instead of rewriting the whole log.
        let lines = lines.into_iter().enumerate().map(|(offset, line)| {
            html! { <code key={hidden + offset}>{ log::line(lang, &line) }</code> }
        });
        let title = i18n::summaries::mode_name(lang, recording.mode);
        let title_id = format!("log-title-{}", recording.mode.id());
        html! {
            <div class="log-run" data-mode={recording.mode.id()}>
                <h3 id={title_id.clone()} data-testid="log-title">{ title }</h3>
                if hidden > 0 {
                    <p class="note">{ i18n::summaries::log_hidden(lang, hidden) }</p>
                }
                <pre class="log-lines" data-testid="log-lines" tabindex="0" aria-labelledby={title_id}>
                    <span class="log-end">{ for lines }</span>
                </pre>
            </div>
        }
    });
    html! {
        <section class="log" data-testid="log" aria-labelledby="log-title">
            <h2 id="log-title">{ Text::Log.get(lang) }</h2>
            if recordings.is_empty() {
                <p class="note">{ Text::LogEmpty.get(lang) }</p>
            } else {
                <div class="runs">{ for logs }</div>
            }
        </section>
    }
}

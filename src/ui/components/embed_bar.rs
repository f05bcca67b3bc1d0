//! The top of the compact, embedded page: the scenario in one line and a
//! way out to the full playground.

use yew::prelude::*;

use model::lang::Lang;
use presentation::i18n::Text;

/// The scenario in one line (`summary`) and a link to `full_url`. A part of
/// the embedded page's view rather than a component of its own.
pub fn embed_bar(summary: &str, full_url: &str, lang: Lang) -> Html {
    html! {
        <div class="embed-bar">
            <p class="embed-scenario" data-testid="embed-scenario">{ summary }</p>
            <a href={full_url.to_owned()} target="_blank" rel="noopener" data-testid="open-full">
                { Text::OpenFull.get(lang) }
            </a>
        </div>
    }
}

//! The top of the compact, embedded page: the scenario in one line and a
//! way out to the full playground.

use yew::prelude::*;

use crate::i18n::{Lang, Text};

/// What [`EmbedBar`] shows.
#[derive(Properties, PartialEq)]
pub struct EmbedBarProps {
    /// The scenario in one line.
    pub summary: AttrValue,
    /// The full page's address.
    pub full_url: AttrValue,
    /// The page's language.
    pub lang: Lang,
}

/// The scenario and "Open in the playground".
#[function_component(EmbedBar)]
pub fn embed_bar(props: &EmbedBarProps) -> Html {
    html! {
        <div class="embed-bar">
            <p class="embed-scenario" data-testid="embed-scenario">{ props.summary.clone() }</p>
            <a href={props.full_url.clone()} target="_blank" rel="noopener" data-testid="open-full">
                { Text::OpenFull.get(props.lang) }
            </a>
        </div>
    }
}

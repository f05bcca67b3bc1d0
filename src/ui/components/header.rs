//! The title, what the page is for, and the language switch.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::state::Action;
use crate::ui::use_playground;

/// The page's header.
#[function_component(Header)]
pub fn header() -> Html {
    let state = use_playground();
    let lang = state.lang;
    let switch = Lang::ALL.iter().map(|&option| {
        let state = state.clone();
        let onclick = Callback::from(move |_| state.dispatch(Action::SetLang(option)));
        html! {
            <button
                type="button"
                lang={option.tag()}
                aria-pressed={(option == lang).to_string()}
                data-testid={format!("lang-{}", option.tag())}
                {onclick}
            >
                { option.own_name() }
            </button>
        }
    });
    html! {
        <header class="header">
            <div>
                <h1>{ Text::Title.get(lang) }</h1>
                <p class="intro">{ Text::Intro.get(lang) }</p>
            </div>
            <nav class="lang-switch" aria-label={Text::Language.get(lang)}>
                { for switch }
            </nav>
        </header>
    }
}

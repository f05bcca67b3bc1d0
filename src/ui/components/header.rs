//! The title, what the page is for, and the language switch.

use yew::prelude::*;

use crate::i18n::{Lang, Text};
use crate::state::Action;
use crate::ui::use_dispatch;

/// What [`Header`] shows.
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The page's language.
    pub lang: Lang,
}

/// The page's header.
#[function_component(Header)]
pub fn header(&HeaderProps { lang }: &HeaderProps) -> Html {
    let dispatch = use_dispatch();
    let switch = Lang::ALL.iter().map(|&option| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::SetLang(option)));
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

//! The title, what the page is for, and the language and theme switches.

use yew::prelude::*;

use crate::ui::theme::Theme;
use crate::ui::Dispatch;
use model::lang::Lang;
use model::state::Action;
use presentation::i18n::{self, Text};

/// The page's header. A part of the page's view rather than a component of
/// its own: it is small, and each component type costs the page's download
/// kilobytes.
pub fn header(lang: Lang, dispatch: &Dispatch, theme: Theme, on_theme: &Callback<Theme>) -> Html {
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
                { i18n::lang_name(option) }
            </button>
        }
    });
    let themes = Theme::ALL.iter().map(|&option| {
        let onclick = on_theme.reform(move |_| option);
        html! {
            <button
                type="button"
                aria-pressed={(option == theme).to_string()}
                data-testid={format!("theme-{}", option.id())}
                {onclick}
            >
                { option.label().get(lang) }
            </button>
        }
    });
    html! {
        <header class="header">
            <div>
                <h1>{ Text::Title.get(lang) }</h1>
                <p class="intro">{ Text::Intro.get(lang) }</p>
            </div>
            <div class="switches">
                <nav class="lang-switch" aria-label={Text::Language.get(lang)}>
                    { for switch }
                </nav>
                <div class="theme-switch" role="group" aria-label={Text::Theme.get(lang)}>
                    { for themes }
                </div>
            </div>
        </header>
    }
}

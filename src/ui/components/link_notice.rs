//! What could not be used in the link the page was opened with.

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{self, Lang, Text};
use crate::link::Problem;
use crate::state::Action;
use crate::ui::use_dispatch;

/// The most problems listed; a hostile link can have thousands.
const SHOWN_PROBLEMS: usize = 12;

/// What [`LinkNotice`] shows.
#[derive(Properties, PartialEq)]
pub struct LinkNoticeProps {
    /// The problems, in the order they were met.
    pub problems: Rc<[Problem]>,
    /// The page's language.
    pub lang: Lang,
}

/// An alert listing each problem and what was used instead; nothing when
/// the link was fine.
#[function_component(LinkNotice)]
pub fn link_notice(LinkNoticeProps { problems, lang }: &LinkNoticeProps) -> Html {
    let dispatch = use_dispatch();
    let lang = *lang;
    if problems.is_empty() {
        return html! {};
    }
    let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
    let items = problems
        .iter()
        .take(SHOWN_PROBLEMS)
        .map(|problem| html! { <li>{ i18n::link_problem(lang, problem) }</li> });
    let on_dismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissNotice));
    html! {
        <div class="link-notice" role="alert" data-testid="link-notice">
            <p>{ Text::LinkNoticeTitle.get(lang) }</p>
            <ul>
                { for items }
                if more > 0 {
                    <li>{ format!("… +{}", i18n::group_digits(lang, more)) }</li>
                }
            </ul>
            <button type="button" class="quiet" data-testid="dismiss-notice" onclick={on_dismiss}>
                { Text::Dismiss.get(lang) }
            </button>
        </div>
    }
}

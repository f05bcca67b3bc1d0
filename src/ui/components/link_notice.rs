//! What could not be used in the link the page was opened with.

use yew::prelude::*;

use crate::ui::Dispatch;
use model::lang::Lang;
use model::link::Problem;
use model::state::{Action, LinkAction};
use presentation::i18n::{self, Text};

/// The problems, a dismiss button, or nothing when there are none. A part
/// of the page's view rather than a component of its own: each component
/// type costs the page's download kilobytes.
pub fn link_notice(problems: &[Problem], lang: Lang, dispatch: &Dispatch) -> Html {
    let dispatch = dispatch.clone();
    if problems.is_empty() {
        return html! {};
    }
    // The reader lists each problem once, a dozen at most, then how many more.
    let items = problems
        .iter()
        .map(|problem| html! { <li>{ i18n::link_problems::link_problem(lang, problem) }</li> });
    let on_dismiss =
        Callback::from(move |_| dispatch.dispatch(Action::Link(LinkAction::DismissNotice)));
    html! {
        <div class="link-notice" role="alert" data-testid="link-notice">
            <p>{ Text::LinkNoticeTitle.get(lang) }</p>
            <ul>
                { for items }
            </ul>
            <button type="button" class="quiet" data-testid="dismiss-notice" onclick={on_dismiss}>
                { Text::Dismiss.get(lang) }
            </button>
        </div>
    }
}

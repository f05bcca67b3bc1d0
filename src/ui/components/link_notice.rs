//! What could not be used in the link the page was opened with.

use yew::prelude::*;

use crate::ui::Dispatch;
use model::lang::Lang;
use model::link::Problem;
use model::state::{Action, LinkAction};
use presentation::i18n::Text;
use presentation::wire;

/// The problems, a dismiss button, or nothing when there are none. Shown
/// once `words` (the code worker's, a line for each problem) have come: an
/// empty text if the worker could not say them, and the notice then says
/// only that something could not be used. A part of the page's view rather
/// than a component of its own: each component type costs the page's
/// download kilobytes.
pub fn link_notice(
    problems: &[Problem],
    words: Option<&str>,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let dispatch = dispatch.clone();
    let Some(words) = words.filter(|_| !problems.is_empty()) else {
        return html! {};
    };
    // The reader lists each problem once, a dozen at most, then how many more.
    let items = wire::code::problem_lines(words).map(|line| html! { <li>{ line }</li> });
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

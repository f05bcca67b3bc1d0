//! Moves between pages of a long task list.

use yew::prelude::*;

use crate::i18n::{self, Text};
use crate::state::{Action, PAGE_SIZE};
use crate::ui::use_playground;

/// "Tasks 101–200 of 1000" with previous and next; nothing for one page.
#[function_component(Pager)]
pub fn pager() -> Html {
    let state = use_playground();
    let lang = state.lang;
    let (page, pages, total) = (state.page, state.page_count(), state.drafts.len());
    if pages <= 1 {
        return html! {};
    }
    let first = page * PAGE_SIZE + 1;
    let last = ((page + 1) * PAGE_SIZE).min(total);
    let show = |target: usize| {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::ShowPage(target)))
    };
    html! {
        <nav class="pager" aria-label={Text::Tasks.get(lang)}>
            <button type="button" disabled={page == 0} onclick={show(page.saturating_sub(1))}>
                { Text::Previous.get(lang) }
            </button>
            <span data-testid="page-range">{ i18n::page_range(lang, first, last, total) }</span>
            <button type="button" disabled={page + 1 >= pages} onclick={show(page + 1)}>
                { Text::Next.get(lang) }
            </button>
        </nav>
    }
}

//! Moves between pages of a long task list.

use yew::prelude::*;

use crate::ui::Dispatch;
use model::lang::Lang;
use model::state::{page_count, Action, EditAction, PAGE_SIZE};
use presentation::i18n::{self, Text};

/// "Tasks 101–150 of 1,000" with previous and next, for page `page` (from 0)
/// of `total` tasks; nothing for one page. A part of the editor's view.
pub fn pager(page: usize, total: usize, lang: Lang, dispatch: &Dispatch) -> Html {
    let pages = page_count(total);
    if pages <= 1 {
        return html! {};
    }
    let first = page * PAGE_SIZE + 1;
    let last = ((page + 1) * PAGE_SIZE).min(total);
    let show = |target: usize| {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Edit(EditAction::ShowPage(target))))
    };
    html! {
        <nav class="pager" aria-label={Text::Tasks.get(lang)}>
            <button type="button" disabled={page == 0} onclick={show(page.saturating_sub(1))}>
                { Text::Previous.get(lang) }
            </button>
            <span data-testid="page-range">{ i18n::numbers::page_range(lang, first, last, total) }</span>
            <button type="button" disabled={page + 1 >= pages} onclick={show(page + 1)}>
                { Text::Next.get(lang) }
            </button>
        </nav>
    }
}

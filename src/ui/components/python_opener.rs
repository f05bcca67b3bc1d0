//! Where the Python panel goes: its heading and button, and the element
//! the panel mounts in. The panel is a module of its own
//! (crates/python-panel), started by its loader (www/python-panel_loader.js)
//! the first time the button is pressed, so the page's first load carries
//! none of it. The page tells it the language and the link on that
//! element, and draws nothing inside it. A part of the page's view, its
//! state held by the root: each component type costs the page's download
//! kilobytes.

use yew::prelude::*;

use crate::runtime::workers::of_this_build;
use crate::ui::location;
use model::lang::Lang;
use presentation::i18n::Text;

/// The panel's loader, beside the page.
const LOADER: &str = "python-panel_loader.js";

/// The panel's heading and button, and the element it mounts in, once
/// asked for: `[shown, asked]` say whether it shows and whether it was
/// ever asked for.
pub fn python_opener(
    [shown, asked]: [&UseStateHandle<bool>; 2],
    link: &AttrValue,
    lang: Lang,
) -> Html {
    let (shown_now, started) = (**shown, **asked);
    let on_toggle = {
        let (shown, asked) = (shown.clone(), asked.clone());
        Callback::from(move |_| {
            shown.set(!shown_now);
            asked.set(true);
        })
    };
    let shown = shown_now;
    html! {
        <section class="python-panel" aria-labelledby="python-title">
            <h2 id="python-title">
                <button type="button" class="quiet" aria-expanded={shown.to_string()}
                    aria-controls="python-root" data-testid="python-panel" onclick={on_toggle}>
                    { Text::Python.get(lang) }
                </button>
            </h2>
            if started {
                // The panel's own: the page never draws inside it.
                <div id="python-root" lang={lang.tag()} data-link={link} hidden={!shown}></div>
                <script src={location::beside_page(&of_this_build(LOADER))}></script>
            }
        </section>
    }
}

//! The page and the panel, as two programs sharing the page's elements:
//! the page draws `<div id="python-root" lang="…" data-link="…">` for the
//! panel to mount in, and in its totals table an empty
//! `<tbody id="python-total" data-hidden>` for the panel's row (`data-hidden`
//! while the page hides its predictions, before a run when it asks for
//! guesses), and never draws inside either. The panel follows their
//! attributes.

use std::rc::Rc;

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MutationObserver, MutationObserverInit};
use yew::prelude::*;

use model::lang::Lang;

/// The element the page draws for the panel.
const ROOT_ID: &str = "python-root";
/// The page's place for the panel's row in its totals.
const TOTALS_ID: &str = "python-total";
/// The attributes the page tells the panel with.
const TOLD: [&str; 3] = ["lang", "data-link", "data-hidden"];

fn by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// The panel's element, if the page drew it.
pub fn root() -> Option<Element> {
    by_id(ROOT_ID)
}

/// The place for the panel's row in the page's totals, if the page shows them.
pub fn totals() -> Option<Element> {
    by_id(TOTALS_ID)
}

/// What the page says to the panel.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The page's language.
    pub lang: Lang,
    /// The page's link (what follows `#` in its address): the scenario,
    /// its mode and any program a course author put in it.
    pub link: Rc<str>,
    /// Whether the page keeps its predictions hidden until a run.
    pub hidden: bool,
}

fn read() -> Page {
    let root = root();
    let attribute = |name| root.as_ref().and_then(|root| root.get_attribute(name));
    Page {
        lang: Lang::from_tag(&attribute("lang").unwrap_or_default()),
        link: Rc::from(attribute("data-link").unwrap_or_default()),
        hidden: totals().is_some_and(|totals| totals.has_attribute("data-hidden")),
    }
}

/// What the page says now, and again whenever it says something else.
#[hook]
pub fn use_page() -> Page {
    let page = use_state_eq(read);
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            let observed = (|| {
                let body = web_sys::window()?.document()?.body()?;
                let on_change = Closure::<dyn Fn()>::new(move || page.set(read()));
                let observer = MutationObserver::new(on_change.as_ref().unchecked_ref()).ok()?;
                let options = MutationObserverInit::new();
                options.set_subtree(true);
                options.set_attribute_filter(
                    &TOLD.iter().copied().map(JsValue::from).collect::<Array>(),
                );
                observer.observe_with_options(&body, &options).ok()?;
                Some((observer, on_change))
            })();
            move || {
                if let Some((observer, _)) = observed {
                    observer.disconnect();
                }
            }
        });
    }
    (*page).clone()
}

//! The address bar: where the link is read from and written to.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

use model::link;
use model::state::LinkChange;

/// The link in the address: after `#`, or after `?` when there is no `#`.
pub fn current_link() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let hash = location.hash().unwrap_or_default();
    if hash.len() > 1 {
        return hash;
    }
    location.search().unwrap_or_default()
}

/// Reads the link in the address.
pub fn read() -> link::Read {
    link::read(&current_link())
}

/// Shows `link` in the address bar (as `#link`), adding a history entry
/// or replacing the current one; nothing when it is there already.
pub fn show(link: &str, change: LinkChange) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if current_link().strip_prefix('#') == Some(link) {
        return;
    }
    let Ok(history) = window.history() else {
        return;
    };
    // The query, if the page was opened with one, is dropped: the link now
    // lives after `#`.
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}#{link}");
    let _ = match change {
        LinkChange::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        LinkChange::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}

/// The page's own address with `link`: what "Copy link" copies.
pub fn full_url(link: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return format!("#{link}");
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}#{link}")
}

/// The address of a file served next to the page, such as `embed.js`.
pub fn beside_page(file: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return file.to_owned();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let folder = &path[..path.rfind('/').map_or(0, |at| at + 1)];
    format!("{origin}{folder}{file}")
}

/// Calls `on_change` whenever the address changes other than through
/// [`show`]: Back, Forward, or an edit by hand. Dropping the returned
/// listeners stops it.
pub fn on_change(on_change: impl Fn() + Clone + 'static) -> Option<[EventListener; 2]> {
    let window = web_sys::window()?;
    let popstate = {
        let on_change = on_change.clone();
        EventListener::new(&window, "popstate", move |_| on_change())
    };
    let hashchange = EventListener::new(&window, "hashchange", move |_| on_change());
    Some([popstate, hashchange])
}

//! When the page panics, a visible banner says so and offers a reload,
//! instead of leaving a blank or frozen page.
//!
//! The banner is built with plain DOM calls, not with Yew: after a panic
//! the app can no longer render.

use model::lang::Lang;
use presentation::i18n;

/// Reports every panic in the console and shows the banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_banner();
    }));
}

/// Shows the banner (once), in the browser's language. Returns whether
/// the banner is on the page.
pub fn show_banner() -> bool {
    try_show_banner().is_some()
}

fn try_show_banner() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    if document.get_element_by_id("crash-banner").is_some() {
        return Some(());
    }
    let lang = Lang::from_tag(&window.navigator().language().unwrap_or_default());
    let (message, reload) = i18n::errors::crash_banner(lang);

    let banner = document.create_element("div").ok()?;
    banner.set_id("crash-banner");
    banner.set_class_name("crash-banner");
    banner.set_attribute("role", "alert").ok()?;
    banner.set_attribute("data-testid", "crash-banner").ok()?;
    let text = document.create_element("p").ok()?;
    text.set_text_content(Some(message));
    // A link to the page itself reloads it, with no script left to run.
    let link = document.create_element("a").ok()?;
    link.set_attribute("href", &window.location().href().ok()?)
        .ok()?;
    link.set_text_content(Some(reload));
    banner.append_child(&text).ok()?;
    banner.append_child(&link).ok()?;
    document.body()?.prepend_with_node_1(&banner).ok()?;
    Some(())
}

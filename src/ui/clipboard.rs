//! Copying text for the person: the link, the embed code, a program.

use wasm_bindgen_futures::{spawn_local, JsFuture};

/// Puts `text` on the clipboard, then tells `done` whether it worked.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let promise = window.navigator().clipboard().write_text(text);
    spawn_local(async move { done(JsFuture::from(promise).await.is_ok()) });
}

//! Tells the page that embeds this one how tall it is.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The message the page posts to its parent window, documented in README.md.
pub const HEIGHT_MESSAGE: &str = "async-playground:height";

/// While `active`, posts `{ type: "async-playground:height", height }` to
/// the parent window after every render and window resize that changes the
/// page's height (in CSS pixels).
#[hook]
pub fn use_post_height(active: bool) {
    let last = use_mut_ref(|| 0.0f64);
    {
        let last = last.clone();
        use_effect(move || {
            if active {
                post_height(&mut last.borrow_mut());
            }
        });
    }
    use_effect_with(active, move |&active| {
        let listener = active.then(|| {
            web_sys::window().map(|window| {
                EventListener::new(&window, "resize", move |_| {
                    post_height(&mut last.borrow_mut());
                })
            })
        });
        move || drop(listener)
    });
}

fn post_height(last: &mut f64) -> Option<()> {
    let window = web_sys::window()?;
    let body = window.document()?.body()?;
    let height = body.get_bounding_client_rect().height().ceil();
    if height == *last {
        return Some(());
    }
    *last = height;
    let parent = window.parent().ok()??;
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into()).ok()?;
    js_sys::Reflect::set(&message, &"height".into(), &JsValue::from_f64(height)).ok()?;
    parent.post_message(&message, "*").ok()
}

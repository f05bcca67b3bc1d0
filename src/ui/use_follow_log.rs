//! Keeps the program output at its newest line while a run prints, as a
//! terminal does, unless the learner has scrolled up to read.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The output boxes this follows.
const SELECTOR: &str = ".log-lines";

/// How near its end, in CSS pixels, a box still counts as at the end.
const AT_END_PX: i32 = 8;

/// Marks an output box the learner scrolled up in, so that it stays put.
const SCROLLED_UP: &str = "data-scrolled-up";

/// After every render of the page, scrolls each output box to its last line
/// unless the learner has scrolled up in it; scrolling back to the end
/// follows again.
#[hook]
pub fn use_follow_log() {
    use_effect(|| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(boxes) = document.query_selector_all(SELECTOR) else {
            return;
        };
        for index in 0..boxes.length() {
            let Some(element) = boxes.item(index).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if !element.has_attribute(SCROLLED_UP) {
                element.set_scroll_top(element.scroll_height());
            }
        }
    });
    // Scroll events do not bubble (nor reach the page's own handlers): one
    // listener, in the capture phase, hears every box's.
    use_effect_with((), |()| {
        let listener = web_sys::window()
            .and_then(|w| w.document())
            .map(|document| {
                let options = EventListenerOptions::run_in_capture_phase();
                EventListener::new_with_options(&document, "scroll", options, |event| {
                    let Some(element) = event
                        .target()
                        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                    else {
                        return;
                    };
                    if !element.matches(SELECTOR).unwrap_or(false) {
                        return;
                    }
                    let from_end =
                        element.scroll_height() - element.scroll_top() - element.client_height();
                    if from_end > AT_END_PX {
                        let _ = element.set_attribute(SCROLLED_UP, "");
                    } else {
                        let _ = element.remove_attribute(SCROLLED_UP);
                    }
                })
            });
        move || drop(listener)
    });
}

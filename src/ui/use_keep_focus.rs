//! Keeps keyboard focus on the page when the control it was on goes away:
//! a lane's cancel button once its task has ended, Stop once the run has
//! stopped. Without this, focus falls to the document's body and a
//! keyboard user must Tab through the whole page to get back.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement};
use yew::prelude::*;

use crate::scenario::RunChoice;

/// The control that last had focus, and its place among the cancel
/// buttons if it was one.
struct Focused {
    element: HtmlElement,
    cancel_index: Option<u32>,
}

/// The cancel buttons of the lanes, in the page's order.
fn cancel_buttons(document: &Document) -> Vec<HtmlElement> {
    let Ok(list) = document.query_selector_all("[data-testid=\"cancel-task\"]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn by_testid(document: &Document, testid: &str) -> Option<HtmlElement> {
    let element = document
        .query_selector(&format!("[data-testid=\"{testid}\"]"))
        .ok()??;
    let element: HtmlElement = element.dyn_into().ok()?;
    (!element.has_attribute("disabled")).then_some(element)
}

/// After every render, if focus has fallen to the body because the focused
/// control was removed or disabled, moves it to the nearest sensible one:
/// from a cancel button, the next task's (or, with none left, Stop); from
/// Stop, the button that started the run (`choice`). Returns the handler
/// for `focusin` on the page, which notes where focus is.
#[hook]
pub fn use_keep_focus(choice: RunChoice) -> Callback<FocusEvent> {
    let last: Rc<RefCell<Option<Focused>>> = use_mut_ref(|| None);
    let on_focusin = {
        let last = last.clone();
        use_callback((), move |event: FocusEvent, ()| {
            let Some(element) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
            else {
                return;
            };
            let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let cancel_index = cancel_buttons(&document)
                .iter()
                .position(|button| *button == element)
                .map(|index| index as u32);
            *last.borrow_mut() = Some(Focused {
                element,
                cancel_index,
            });
        })
    };
    use_effect(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(focused) = last.borrow_mut().take_if(|focused| {
            let gone = !focused.element.is_connected() || focused.element.has_attribute("disabled");
            let lost = document
                .active_element()
                .is_none_or(|active| document.body().is_some_and(|body| *body == active))
                || document.active_element() == Some(focused.element.clone().into());
            gone && lost
        }) else {
            return;
        };
        let run = format!("run-{}", choice.id());
        let target = match focused.cancel_index {
            Some(index) => {
                let buttons = cancel_buttons(&document);
                buttons
                    .get(index as usize)
                    .or(buttons.last())
                    .cloned()
                    .or_else(|| by_testid(&document, "stop"))
                    .or_else(|| by_testid(&document, &run))
            }
            None => by_testid(&document, &run),
        };
        if let Some(target) = target {
            let _ = target.focus();
        }
    });
    on_focusin
}

//! Keeps keyboard focus on the page when the control it is on is about to
//! go away: a lane's cancel button (its task ends at its next await), Stop
//! (disabled once the run has stopped). Without this, focus falls to the
//! document's body and a keyboard user must Tab through the whole page to
//! get back.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use model::limits::LANES;
use model::scenario::{Mode, RunChoice};

/// The id of a task's cancel button, which the lanes give it.
pub fn cancel_id(mode: Mode, task: usize) -> String {
    format!("cancel-{}-{task}", mode.id())
}

/// Focuses the first of `ids` on the page.
fn focus_first(ids: impl IntoIterator<Item = String>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = ids.into_iter().find_map(|id| {
        document
            .get_element_by_id(&id)?
            .dyn_into::<HtmlElement>()
            .ok()
    });
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// On Stop: focus goes to the button that started the run (`choice`).
pub fn after_stop(choice: RunChoice) {
    focus_first([format!("run-{}", choice.id())]);
}

/// On a task's cancel: focus goes to the next task's cancel button in the
/// same lanes, else the one before; with none left the run is ending, and
/// it goes to the button that started it (`choice`).
pub fn after_cancel(mode: Mode, task: usize, choice: RunChoice) {
    let same = (task + 1..LANES)
        .chain(0..task)
        .map(move |t| cancel_id(mode, t));
    focus_first(same.chain([format!("run-{}", choice.id())]));
}

//! The code worker: writes a scenario's program and colours it, the files
//! a finished run is saved as, and the words of what a link carried that
//! could not be used (see `presentation::wire::code`). Trunk builds it
//! beside the page; the page starts it the first time someone opens the
//! Code panel, saves a run or opens a link with problems, so its wasm is
//! not part of the first load. It links the model and the presentation, not the page:
//! no Yew.

#[cfg(target_arch = "wasm32")]
fn main() {
    use presentation::wire::code as message;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // Anything that is not a request is left unanswered.
        if let Some(answer) = event.data().as_string().and_then(|r| message::answer(&r)) {
            let _ = replies.post_message(&JsValue::from_str(&answer));
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Requests sent before this moment found no one listening: the page
    // waits for this word, then sends its latest.
    let _ = scope.post_message(&JsValue::from_str(message::READY));
    // The worker lives as long as the page keeps it.
    on_message.forget();
}

/// The allocator, as the page's (see the root Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The code worker runs in the browser, started by the page.");
    std::process::exit(2);
}

//! Asking the code worker for something once: started for the question,
//! stopped with its answer. The Run data panel saves files this way; the
//! Code panel keeps a worker of its own while it is open.

use futures::channel::mpsc;
use futures::{FutureExt, StreamExt};
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, MessageEvent, Worker};

use crate::runtime::workers::of_this_build;
use crate::ui::location;
use presentation::wire;

/// The worker's script, beside the page (Trunk writes it), as Trunk names
/// it; see [`start`].
const WORKER_SCRIPT: &str = "code-worker_loader.js";

/// Starts a code worker: this build's, beside the page.
pub fn start() -> Result<Worker, JsValue> {
    Worker::new(&location::beside_page(&of_this_build(WORKER_SCRIPT)))
}

/// How long the worker may take to start and answer.
pub const ANSWER_WITHIN_MS: u32 = 15_000;

/// The worker's answer to `request` (without its number), or `None` if it
/// could not start, failed, or did not answer in time.
pub async fn ask(request: &str) -> Option<String> {
    let worker = start().ok()?;
    let (sender, mut replies) = mpsc::unbounded::<Option<String>>();
    let on_message = {
        let sender = sender.clone();
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let _ = sender.unbounded_send(event.data().as_string());
        })
    };
    let on_error = Closure::<dyn Fn(Event)>::new(move |_: Event| {
        let _ = sender.unbounded_send(None);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let conversation = async {
        // It listens once it says so; a request before then is lost.
        (replies.next().await?? == wire::code::READY).then_some(())?;
        let id = 1;
        worker
            .post_message(&JsValue::from_str(&wire::code::numbered(id, request)))
            .ok()?;
        let answer = replies.next().await??;
        let (number, file) = answer.split_once('\n')?;
        (number.parse() == Ok(id)).then(|| file.to_owned())
    };
    let answer = futures::select! {
        answer = conversation.fuse() => answer,
        () = TimeoutFuture::new(ANSWER_WITHIN_MS).fuse() => None,
    };
    worker.terminate();
    answer
}

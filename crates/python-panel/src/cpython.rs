//! CPython in its module worker (`www/python-worker.js`): it downloads the
//! runtime from the site's folder `pyodide/`, counting the bytes, then runs
//! each program it is sent. What it says is read by
//! [`presentation::wire::python`] into the panel's actions. Dropping a
//! [`Cpython`] ends its worker, the one way to stop a busy loop in it.

use async_playground::runtime::workers::of_this_build;
use async_playground::ui::location;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use model::state::python::PythonAction;
use presentation::wire;

/// The worker's script, beside the page, as this build names it.
const WORKER_SCRIPT: &str = "python-worker.js";

/// CPython in its worker.
pub struct Cpython {
    worker: Worker,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
}

impl Cpython {
    /// Starts the worker, which reports to `report`; or says why it could not.
    pub fn start(report: Callback<PythonAction>) -> Result<Self, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let url = location::beside_page(&of_this_build(WORKER_SCRIPT));
        let worker = Worker::new_with_options(&url, &options)
            .map_err(|error| error.as_string().unwrap_or_else(|| url.clone()))?;
        let on_message = {
            let report = report.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(action) = event
                    .data()
                    .as_string()
                    .as_deref()
                    .and_then(wire::python::read)
                {
                    report.emit(action);
                }
            })
        };
        // A script that cannot load or run (a missing file, a policy that
        // refuses it): the worker says nothing, the browser fires this.
        let on_error = Closure::<dyn Fn(Event)>::new(move |_: Event| {
            report.emit(PythonAction::RuntimeFailed(url.clone()));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Runs `program`; whether the worker took it.
    pub fn run(&self, program: &str) -> bool {
        self.worker
            .post_message(&JsValue::from_str(&wire::python::run(program)))
            .is_ok()
    }
}

impl Drop for Cpython {
    fn drop(&mut self) {
        // Nothing it said but has not been heard yet reaches the closures,
        // which go with it.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

//! Offloaded work: a pool of [`WORKERS`] Web Workers, the page's
//! `run_in_executor`.
//!
//! Each worker really computes (it spins on its own clock) for as long as
//! it is asked, off the main thread, so the event loop and the page run on
//! meanwhile. Jobs beyond the pool's size queue in order, as they do in a
//! thread pool. Dropping an [`Offload`] withdraws its job if it is still
//! queued; a job a worker has begun runs to its end, as a thread would.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use model::scenario::{Scenario, StepKind, WORKERS};

/// What each worker runs (www/offload-worker.js): spin for the given
/// milliseconds, then answer. A file beside the page, not a script made in
/// it: a Content-Security-Policy of `worker-src 'self'` allows the one and
/// blocks the other (a `blob:` URL).
const WORKER_SCRIPT: &str = "offload-worker.js";

/// A worker's file as this build of the site names it: `file` as Trunk
/// names it (`code-worker_loader.js`) with the version index.html gives
/// (`<html data-build="…">`, written by scripts/stamp.mjs):
/// `code-worker-<version>_loader.js`. So the page only ever starts its own
/// build's workers, whatever a cache holds. Relative to the page.
pub fn of_this_build(file: &str) -> String {
    let version = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|root| root.get_attribute("data-build"));
    match version {
        Some(version) => {
            let at = file.find(['_', '.']).unwrap_or(file.len());
            format!("{}-{version}{}", &file[..at], &file[at..])
        }
        None => file.to_owned(),
    }
}

/// One job, shared by its future, the queue and the worker computing it.
#[derive(Default)]
struct Job {
    done: Cell<bool>,
    /// No worker can run it: none could be started, or its worker failed.
    failed: Cell<bool>,
    /// Its future was dropped before a worker took it.
    withdrawn: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

struct Slot {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    /// It failed (its script did not load or run): it takes no more jobs.
    dead: bool,
    /// The job it computes, if any.
    busy: Option<Rc<Job>>,
}

#[derive(Default)]
struct Pool {
    /// Made on the first offload, and kept for the page's lifetime.
    slots: Vec<Slot>,
    queued: VecDeque<(Rc<Job>, f64)>,
}

thread_local! {
    static POOL: RefCell<Pool> = RefCell::default();
    /// The workers' script, if not the site's file: see [`use_script`].
    static SCRIPT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Starts the workers from `url` instead of the site's file: for a page
/// that does not serve the site's files (the runtime's tests make theirs
/// from www/offload-worker.js). Workers already started keep their script.
pub fn use_script(url: String) {
    SCRIPT.set(Some(url));
}

fn new_worker(index: usize) -> Option<Slot> {
    let script = SCRIPT
        .with_borrow(Option::clone)
        .unwrap_or_else(|| of_this_build(WORKER_SCRIPT));
    let worker = Worker::new(&script).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |_| finished(index));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| failed(index));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Slot {
        worker,
        _on_message: on_message,
        _on_error: on_error,
        dead: false,
        busy: None,
    })
}

impl Pool {
    fn ensure_workers(&mut self) {
        while self.slots.len() < WORKERS {
            match new_worker(self.slots.len()) {
                Some(slot) => self.slots.push(slot),
                None => return,
            }
        }
    }

    /// Whether no worker can take a job: none could be started, or every
    /// one has failed.
    fn unavailable(&self) -> bool {
        self.slots.iter().all(|slot| slot.dead)
    }

    /// Gives idle workers the queued jobs, in order; with no worker left,
    /// fails them all.
    fn dispatch(&mut self) {
        if self.unavailable() {
            for (job, _) in self.queued.drain(..) {
                fail(&job);
            }
            return;
        }
        for slot in self
            .slots
            .iter_mut()
            .filter(|s| s.busy.is_none() && !s.dead)
        {
            let job = loop {
                match self.queued.pop_front() {
                    Some((job, _)) if job.withdrawn.get() => continue,
                    next => break next,
                }
            };
            let Some((job, ms)) = job else {
                return;
            };
            let _ = slot.worker.post_message(&JsValue::from_f64(ms));
            slot.busy = Some(job);
        }
    }
}

/// Marks `job` as one no worker can run, and wakes its task.
fn fail(job: &Job) {
    job.failed.set(true);
    if let Some(waker) = job.waker.borrow_mut().take() {
        waker.wake();
    }
}

/// A worker has failed: it takes no more jobs, and its job (if any) and,
/// with no worker left, every queued one, fail.
fn failed(index: usize) {
    let job = POOL.with(|pool| {
        let mut pool = pool.borrow_mut();
        let slot = pool.slots.get_mut(index)?;
        slot.dead = true;
        let job = slot.busy.take();
        pool.dispatch();
        job
    });
    if let Some(job) = job {
        fail(&job);
    }
}

/// A worker has answered: its job is done, and it takes the next.
fn finished(index: usize) {
    let job = POOL.with(|pool| {
        let mut pool = pool.borrow_mut();
        let job = pool.slots.get_mut(index).and_then(|slot| slot.busy.take());
        pool.dispatch();
        job
    });
    if let Some(job) = job {
        job.done.set(true);
        let waker = job.waker.borrow_mut().take();
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

/// Starts the pool's workers if `scenario` offloads and they are not
/// running yet, so that booting them is not counted in a run.
pub fn prepare(scenario: &Scenario) {
    if scenario.uses(StepKind::Offload) {
        POOL.with(|pool| pool.borrow_mut().ensure_workers());
    }
}

/// How many workers compute right now. Zero once every job is done.
pub fn busy() -> usize {
    POOL.with(|pool| {
        pool.borrow()
            .slots
            .iter()
            .filter(|s| s.busy.is_some())
            .count()
    })
}

/// Computes for `ms` milliseconds on a worker and is ready when it is done:
/// `Err` if no worker can run it (none could be started, or they failed).
pub fn offload(ms: f64) -> Offload {
    Offload { ms, job: None }
}

/// No Web Worker can run offloaded work on this page.
#[derive(Debug)]
pub struct NoWorkers;

/// A job for the pool; see [`offload`].
pub struct Offload {
    ms: f64,
    job: Option<Rc<Job>>,
}

impl Future for Offload {
    type Output = Result<(), NoWorkers>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let ms = self.ms;
        let job = self.job.get_or_insert_with(|| {
            let job = Rc::new(Job::default());
            POOL.with(|pool| {
                let mut pool = pool.borrow_mut();
                pool.queued.push_back((job.clone(), ms));
                pool.ensure_workers();
                pool.dispatch();
            });
            job
        });
        if job.done.get() {
            self.job = None;
            return Poll::Ready(Ok(()));
        }
        if job.failed.get() {
            self.job = None;
            return Poll::Ready(Err(NoWorkers));
        }
        *job.waker.borrow_mut() = Some(cx.waker().clone());
        Poll::Pending
    }
}

impl Drop for Offload {
    fn drop(&mut self) {
        // Still queued, it is withdrawn; a worker computing it goes on.
        if let Some(job) = self.job.take() {
            job.withdrawn.set(true);
            job.waker.borrow_mut().take();
        }
    }
}

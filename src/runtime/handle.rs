//! A run in progress, owned by its handle: dropping the handle drops every
//! future of the run at once, which removes its timers.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::future::{poll_fn, AbortHandle, LocalBoxFuture};
use futures::FutureExt;

#[cfg(doc)]
use super::clock::now_ms;
use super::clock::scenario_time;
use model::scenario::{Mode, Scale};

/// A run in progress. Dropping it stops the run at once: its futures are
/// dropped, and with them their timers, their slots under the limit and
/// their queued offloads.
pub struct RunHandle {
    slot: Rc<Slot>,
    origin: RunOrigin,
    cancels: Cancels,
}

impl RunHandle {
    /// When the run started, once it has.
    pub fn origin(&self) -> RunOrigin {
        self.origin.clone()
    }

    /// Whether the run has finished by itself.
    pub fn is_finished(&self) -> bool {
        self.slot
            .future
            .try_borrow()
            .is_ok_and(|future| future.is_none())
    }

    /// Cancels task `task` of the `mode` run, as `task.cancel()` does: it
    /// ends at its current await, reported as cancelled. False if the task
    /// cannot be cancelled (it has ended, or the run has too many tasks to
    /// draw a lane each).
    pub fn cancel(&self, mode: Mode, task: usize) -> bool {
        let mut cancels = self.cancels.borrow_mut();
        let Some(at) = cancels.iter().position(|c| (c.0, c.1) == (mode, task)) else {
            return false;
        };
        cancels.swap_remove(at).2.abort();
        true
    }
}

/// How the learner cancels a task of a run: an abort handle per task and
/// mode, made only when the timeline draws a lane per task (so a few
/// hundred at most).
pub(super) type Cancels = Rc<RefCell<Vec<(Mode, usize, AbortHandle)>>>;

/// When a run started, once it has: the moment its future is first polled,
/// just before its first task starts.
#[derive(Clone, Default)]
pub struct RunOrigin(Rc<Cell<Option<f64>>>);

impl RunOrigin {
    /// Notes that the run started at `at` ([`now_ms`] milliseconds).
    pub(super) fn set(&self, at: f64) {
        self.0.set(Some(at));
    }

    /// When the run started, in [`now_ms`] milliseconds; `None` before.
    pub fn started_at(&self) -> Option<f64> {
        self.0.get()
    }

    /// The run's time at `now` (in [`now_ms`] milliseconds), in scenario
    /// time at `scale`; zero until the run has started.
    pub fn scenario_time(&self, now: f64, scale: Scale) -> Duration {
        scenario_time(self.started_at().unwrap_or(now), now, scale)
    }
}

struct Slot {
    future: RefCell<Option<LocalBoxFuture<'static, ()>>>,
    cancelled: Cell<bool>,
}

impl Drop for RunHandle {
    fn drop(&mut self) {
        self.slot.cancelled.set(true);
        // Dropped from inside the run itself (a report that stops it), the
        // future is being polled: the driver drops it when the poll returns.
        if let Ok(mut future) = self.slot.future.try_borrow_mut() {
            future.take();
        }
    }
}

/// Drives `future` on the browser's event loop, owned by the handle.
pub(super) fn spawn_owned(
    future: impl Future<Output = ()> + 'static,
    origin: RunOrigin,
    cancels: Cancels,
) -> RunHandle {
    let slot = Rc::new(Slot {
        future: RefCell::new(Some(future.boxed_local())),
        cancelled: Cell::new(false),
    });
    let driver = slot.clone();
    wasm_bindgen_futures::spawn_local(poll_fn(move |cx: &mut Context<'_>| {
        let mut future = driver.future.borrow_mut();
        let Some(running) = future.as_mut() else {
            return Poll::Ready(());
        };
        let poll = Pin::new(running).poll(cx);
        if poll.is_ready() || driver.cancelled.get() {
            future.take();
            return Poll::Ready(());
        }
        Poll::Pending
    }));
    RunHandle {
        slot,
        origin,
        cancels,
    }
}

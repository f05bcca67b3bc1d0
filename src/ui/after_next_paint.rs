//! Runs a closure once the browser has painted the next frame.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;

/// A closure waiting for the next paint. Dropping it cancels the closure.
pub struct AfterNextPaint {
    _frame: AnimationFrame,
    timeout: Rc<RefCell<Option<Timeout>>>,
}

impl Drop for AfterNextPaint {
    fn drop(&mut self) {
        self.timeout.borrow_mut().take();
    }
}

/// Calls `f` after the next frame has been drawn: animation-frame
/// callbacks run before the browser lays out and paints, and a task queued
/// from one runs after it has.
pub fn after_next_paint(f: impl FnOnce() + 'static) -> AfterNextPaint {
    let timeout: Rc<RefCell<Option<Timeout>>> = Rc::default();
    let slot = timeout.clone();
    let frame = request_animation_frame(move |_| {
        *slot.borrow_mut() = Some(Timeout::new(0, f));
    });
    AfterNextPaint {
        _frame: frame,
        timeout,
    }
}

//! Calls back once per animation frame while a condition holds.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

/// Emits `on_frame` on every animation frame while `active` is true. The
/// pending frame is owned here and cancelled when `active` turns false or
/// the component goes away.
#[hook]
pub fn use_animation_frames(active: bool, on_frame: Callback<()>) {
    let latest = use_mut_ref(|| on_frame.clone());
    *latest.borrow_mut() = on_frame;
    use_effect_with(active, move |&active| {
        let frames = Rc::new(FrameLoop::default());
        if active {
            frames.request_next(latest);
        }
        move || frames.stop()
    });
}

#[derive(Default)]
struct FrameLoop {
    pending: RefCell<Option<AnimationFrame>>,
    stopped: Cell<bool>,
}

impl FrameLoop {
    fn request_next(self: &Rc<Self>, on_frame: Rc<RefCell<Callback<()>>>) {
        let frames = self.clone();
        let frame = request_animation_frame(move |_| {
            on_frame.borrow().emit(());
            // The callback may have ended the loop (its component re-rendered
            // inactive); then no further frame is asked for.
            if !frames.stopped.get() {
                frames.request_next(on_frame);
            }
        });
        *self.pending.borrow_mut() = Some(frame);
    }

    fn stop(&self) {
        self.stopped.set(true);
        self.pending.borrow_mut().take();
    }
}

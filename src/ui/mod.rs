//! The page: Yew components that draw what the core derives and send
//! [`Action`](crate::state::Action)s to its one reducer.
//!
//! The root component owns the state and the run in progress; every other
//! component reads the state from a context and dispatches. A run's
//! reports are gathered between animation frames and handed to the reducer
//! once a frame, so the page redraws at most as often as the screen does.

mod app;
mod components;
pub mod crash;
mod use_animation_frames;

use std::rc::Rc;

use yew::{Reducible, UseReducerHandle};

use crate::state::{Action, Playground};

/// The state as components receive it.
pub type PlaygroundHandle = UseReducerHandle<Playground>;

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}

/// The page's state, from inside any component below the root.
#[yew::hook]
pub fn use_playground() -> PlaygroundHandle {
    yew::use_context::<PlaygroundHandle>().expect("components are rendered inside App")
}

/// Shows the page: installs the crash banner, then renders the app.
pub fn start() {
    crash::install();
    yew::Renderer::<app::App>::new().render();
}

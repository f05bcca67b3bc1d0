//! The page: Yew components that draw what the model derives and send
//! [`Action`](model::state::Action)s to its one reducer.
//!
//! The root component owns the state and the run in progress. It hands
//! each component only the parts of the state it draws, as props that are
//! shared `Rc`s compared by pointer, so a change redraws only what it
//! touches: during a run, the totals, the timeline and the log, not the
//! editor. Components send actions through the reducer's dispatcher, which
//! never changes. A run's reports are gathered until the next animation
//! frame and handed to the reducer together; no frame is asked for while
//! nothing happens.

mod after_next_paint;
mod app;
pub mod clipboard;
pub mod components;
pub mod crash;
mod download;
pub(crate) mod keep_focus;
pub mod location;
mod theme;
mod use_post_height;
mod worker;

use std::rc::Rc;

use yew::{Reducible, TargetCast, UseReducerDispatcher};

use model::state::{Action, Playground};

/// The model's state as Yew's reducer holds it: the model's
/// [`Playground::apply`], behind Yew's `Reducible`.
#[derive(Clone, Debug, PartialEq)]
pub struct Page(pub Playground);

impl std::ops::Deref for Page {
    type Target = Playground;

    fn deref(&self) -> &Playground {
        &self.0
    }
}

/// How components send actions to the reducer.
pub type Dispatch = UseReducerDispatcher<Page>;

impl Reducible for Page {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

/// The dispatcher, from inside any component below the root.
#[yew::hook]
pub fn use_dispatch() -> Dispatch {
    yew::use_context::<Dispatch>().expect("components are rendered inside App")
}

/// A handler for a text field: each edit sends `action(text)`, with the
/// field's whole text as typed.
pub fn on_text(
    dispatch: &Dispatch,
    action: impl Fn(String) -> Action + 'static,
) -> yew::Callback<yew::InputEvent> {
    let dispatch = dispatch.clone();
    yew::Callback::from(move |event: yew::InputEvent| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        dispatch.dispatch(action(input.value()));
    })
}

/// Shows the page: installs the crash banner, then renders the app.
pub fn start() {
    crash::install();
    yew::Renderer::<app::App>::new().render();
}

//! Async Playground's model: what a learner's tasks are, what the event
//! loop would do with them, what a real run did, and the page's state.
//!
//! This crate knows no words and no browser. It has no Yew, web-sys or
//! gloo in its dependencies, so the compiler keeps it so; it says what
//! happened (a task started at 0.5 s, a link's value was unreadable), and
//! the presentation crate says it in Russian or English. Everything here
//! is tested natively with `cargo test`.
//!
//! From the bottom up (a module imports only modules above it in this list):
//! - vocabulary: [`lang`], [`fixed`], [`scenario`], [`events`];
//! - what happens: [`simulate`] (asyncio's loop on a virtual clock),
//!   [`memory`], [`recording`] (a real run's reports);
//! - what is drawn: [`timeline`], [`loop_view`], [`guess`], [`limits`];
//! - what is shared: [`presets`], [`link`];
//! - the page: [`state`] (one state, a reducer in slices) and [`view`]
//!   (what components show, derived from the state).

pub mod events;
pub mod fixed;
pub mod guess;
pub mod lang;
pub mod limits;
pub mod link;
pub mod loop_view;
pub mod memory;
pub mod presets;
pub mod python;
pub mod recording;
pub mod scenario;
pub mod simulate;
pub mod state;
pub mod timeline;
pub mod view;

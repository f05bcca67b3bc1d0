//! The Python panel: a learner's asyncio program, or the scenario's, run by
//! CPython in the page. A module of its own, which the page fetches and
//! starts only when the panel opens (the page's `python_opener`), so that
//! the page's first load carries none of it.
//!
//! - [`host`]: what the page tells the panel on the element it mounts in
//!   (its language, its link), and the total the panel tells the page;
//! - [`cpython`]: CPython in its worker (`www/python-worker.js`);
//! - [`panel`]: the panel itself, over the model's reducer slice
//!   [`model::state::python`].

#[cfg(target_arch = "wasm32")]
mod cpython;
#[cfg(target_arch = "wasm32")]
mod host;
#[cfg(target_arch = "wasm32")]
mod panel;

#[cfg(target_arch = "wasm32")]
fn main() {
    async_playground::ui::crash::install();
    if let Some(root) = host::root() {
        step_past_the_pages_trees();
        yew::Renderer::<panel::Panel>::with_root(root).render();
    }
}

/// How many trees the page's Yew draws: its app (it draws no portal).
/// Kept above that, for room.
#[cfg(target_arch = "wasm32")]
const PAGE_TREES: usize = 8;

/// Yew numbers the trees it draws (an app, a portal) from 1 in each wasm
/// module, marks every element it listens on with its tree's number, and
/// handles an event where the nearest marked element says. The panel
/// draws inside the page's tree: were its numbers the page's, the page
/// would take a click in the panel for one of its own elements (a
/// listener of the same number) and run that. Apps mounted and dropped
/// here take the page's numbers first, so the panel's trees are numbered
/// past them and each program handles only its own elements.
#[cfg(target_arch = "wasm32")]
fn step_past_the_pages_trees() {
    #[yew::function_component(Nothing)]
    fn nothing() -> yew::Html {
        yew::Html::default()
    }
    let Some(scratch) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("div").ok())
    else {
        return;
    };
    for _ in 0..PAGE_TREES {
        yew::Renderer::<Nothing>::with_root(scratch.clone())
            .render()
            .destroy();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Python panel is a part of Async Playground's page: serve it with scripts/serve (see README.md).");
    std::process::exit(2);
}

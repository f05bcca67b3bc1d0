//! Async Playground, the web app: the top layer, over the model (crate
//! `model`: scenarios, the simulator, recordings, the state) and the
//! presentation (crate `presentation`: words, files, programs). See
//! ARCHITECTURE.md.
//!
//! - `runtime` runs a scenario as futures on the browser's event loop and
//!   reports timestamped events (wasm32 only);
//! - `ui`, the Yew components, which send actions to the model's reducer
//!   and draw what the model derives, in the presentation's words (wasm32
//!   only).
//!
//! Natively this crate is empty: its tests are the model's and the
//! presentation's, and the programs in `tests/`.

#[cfg(target_arch = "wasm32")]
pub mod runtime;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The allocator of the page and its tests in the browser: talc instead
/// of the standard library's dlmalloc (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

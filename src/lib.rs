//! Async Playground: a page where a learner runs the same tasks one after
//! another and all at once, as real futures on the browser's event loop,
//! and compares what happened with what an exact simulation predicts.
//!
//! The crate has three parts (see ARCHITECTURE.md):
//! - the pure core, plain Rust with no browser in it, tested natively:
//!   [`scenario`], [`simulate`], [`recording`], [`fixed`], [`guess`], [`timeline`], [`state`],
//!   [`link`], [`export`], [`loop_view`], [`memory`], [`presets`], [`code`] and [`i18n`];
//! - `runtime`, which runs a scenario as futures in the browser and reports
//!   timestamped events (wasm32 only);
//! - `ui`, the Yew components, which send actions to the one reducer in
//!   [`state`] and draw what the core derives (wasm32 only).

pub mod code;
pub mod export;
pub mod fixed;
pub mod guess;
pub mod i18n;
pub mod link;
pub mod loop_view;
pub mod memory;
pub mod presets;
pub mod recording;
pub mod scenario;
pub mod simulate;
pub mod state;
pub mod timeline;

#[cfg(target_arch = "wasm32")]
pub mod runtime;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The allocator of the page, its workers and its tests in the browser:
/// talc instead of the standard library's dlmalloc (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

//! One component per file. Each reads the state with
//! [`use_playground`](super::use_playground), dispatches actions, and draws.

pub mod bulk_add;
pub mod editor;
pub mod header;
pub mod log_panel;
pub mod pager;
pub mod preset_picker;
pub mod run_controls;
pub mod task_row;
pub mod timeline_panel;
pub mod totals;

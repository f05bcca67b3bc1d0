//! One component per file. Each draws the props it is given and sends
//! actions with [`use_dispatch`](super::use_dispatch).

pub mod bulk_add;
pub mod code_panel;
pub mod editor;
pub mod embed_bar;
pub mod header;
pub mod knobs;
pub mod lane_row;
pub mod link_notice;
pub mod log_panel;
pub mod loop_panel;
pub mod pager;
pub mod preset_about;
pub mod preset_picker;
pub mod python_opener;
pub mod replay_bar;
pub mod run_controls;
pub mod run_data;
pub mod run_timeline;
pub mod share_panel;
pub mod task_row;
pub mod timeline_chart;
pub mod timeline_panel;
pub mod totals;

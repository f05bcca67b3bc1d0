//! Async Playground's presentation: the model said in words, files and
//! programs. Every text the page shows, in Russian and English ([`i18n`]);
//! a run's log in the words the course's first example prints ([`log`]),
//! which the generated programs print too; a finished run as a table, JSON,
//! CSV and SVG ([`export`]); a scenario as a Python or Rust program, and
//! its colours ([`code`]); and the messages between the page and its
//! workers ([`wire`]).
//!
//! It knows the model and nothing of the browser: no Yew, web-sys or gloo
//! in its dependencies. The model does not know it.

pub mod code;
pub mod export;
pub mod i18n;
pub mod log;
pub mod wire;

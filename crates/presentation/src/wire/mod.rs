//! What the page and its workers say to each other, as text (a worker
//! gets and posts strings).
//!
//! - [`code`]: the code worker's requests (a program, or a saved run's
//!   files) and its answers, numbered so the page keeps only the latest;
//! - [`run`]: a recording as text, inside a request to save it;
//! - [`python`]: what the Python worker (`www/python-worker.js`) says
//!   about CPython's download and the programs it runs.
//!
//! The offload worker (`www/offload-worker.js`) needs no format of its
//! own: it gets a number of milliseconds to compute for, and answers `0`.

pub mod code;
pub mod python;
pub mod run;

//! How many tasks the page draws, reads and controls one by one: each
//! limit named for its job, so that changing one never changes another.
//! The page's own choices, not asyncio's (a run has no such limits).

/// Up to this many tasks, the timeline draws a lane per task; beyond, how
/// many wait and how many are done, in columns (a lane per task would be
/// neither readable nor fast).
pub const LANES: usize = 100;

/// Up to this many tasks, each task of a run can be cancelled: its lane
/// has the button, and the runtime keeps a handle per task to do it.
pub const CANCELLABLE: usize = LANES;

/// Up to this many tasks, what reads every event of a run (the loop's
/// panel, the memory lane) is drawn while the run goes on; a larger run
/// shows it once it has finished, since a frame cannot afford the read.
pub const LIVE_DETAIL: usize = 100;

/// A run's log shows its newest this many lines; earlier ones are counted,
/// not drawn.
pub const LOG_LINES: usize = 100;

/// While a run of more than [`LIVE_DETAIL`] tasks goes on, its log shows
/// only this many newest lines, a few more than its box holds: every frame
/// of such a run brings more new lines than the box shows, so the whole
/// tail is drawn anew each frame, and a hundred new lines were the larger
/// part of a frame's work. Once the run has ended, [`LOG_LINES`]. Traced
/// in runs of 100,000 tasks (ARCHITECTURE.md, "Drawing").
pub const LIVE_LOG_LINES: usize = 20;
const _: () = assert!(LIVE_LOG_LINES < LOG_LINES);

/// The task table of a finished run shows this many rows; the saved JSON
/// and CSV hold every task.
pub const TABLE_ROWS: usize = 100;

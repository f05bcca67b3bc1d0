//! Lays out a run's timeline, ready to draw: positions are percentages of
//! a shared time axis, so runs side by side compare lane by lane.
//!
//! Up to [`LANES`] tasks get a lane each. Beyond that a lane per task
//! would be neither readable nor fast, so the timeline shows how many tasks
//! are waiting and how many are done over time, in [`COLUMNS`] columns:
//! the work is proportional to the events, never to tasks times pixels.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt::Write as _;
use std::time::Duration;

use crate::events::{self, Outcome};
use crate::fixed::Fixed;
use crate::limits::{LANES, LIVE_DETAIL};
use crate::memory;
use crate::recording::Recording;
use crate::scenario::{format_seconds, whole_micros, Mode, StepKind};

/// How many columns the aggregate chart has.
pub const COLUMNS: usize = 120;

/// What a task is doing, or how it ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneState {
    /// Not started yet: the one before it has not finished.
    Pending,
    /// Gathered, but waiting for a slot under the limit.
    Queued,
    /// Working on the CPU: the loop and the page are blocked.
    Running,
    /// Awaiting its timer.
    Waiting,
    /// Awaiting work sent to a worker.
    Offloaded,
    /// Awaiting a chunk of data.
    Receiving,
    /// Awaiting the write of a chunk it holds.
    Writing,
    /// Its await is over, but the loop is busy with another task's work.
    Blocked,
    /// Its await is over, but the loop did not run while no task worked:
    /// the browser held it (a busy machine, a slow frame), not the scenario.
    Delayed,
    /// Ended, one way or another.
    Ended(Outcome),
    /// A task of a Python program that ended by raising an exception.
    Raised,
}

impl LaneState {
    /// A stable name for styles and tests.
    pub fn id(self) -> &'static str {
        match self {
            LaneState::Pending => "pending",
            LaneState::Queued => "queued",
            LaneState::Running => "running",
            LaneState::Waiting => "waiting",
            LaneState::Offloaded => "offloaded",
            LaneState::Receiving => "receiving",
            LaneState::Writing => "writing",
            LaneState::Blocked => "blocked",
            LaneState::Delayed => "delayed",
            LaneState::Ended(outcome) => outcome.id(),
            LaneState::Raised => "raised",
        }
    }

    /// What a step of `kind` makes its task do.
    fn of_step(kind: StepKind) -> Self {
        match kind {
            StepKind::Wait => LaneState::Waiting,
            StepKind::Work => LaneState::Running,
            StepKind::Offload => LaneState::Offloaded,
            StepKind::Receive => LaneState::Receiving,
            StepKind::Write => LaneState::Writing,
        }
    }
}

/// A stretch of a lane in one state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// What the task did during it.
    pub state: LaneState,
    /// Where it starts, in percent of the axis.
    pub left: f64,
    /// Where it ends, in percent of the axis.
    pub right: f64,
}

/// One task's lane.
///
/// A step under way is drawn to its expected end; the page covers
/// everything after the run's current time with one moving curtain. So a
/// lane only changes when its task starts, steps or ends, and a frame moves
/// the curtain, not every lane.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The task's number, from 1.
    pub number: usize,
    /// What the lane is labelled with: the task's name, or its number.
    pub label: String,
    /// What the task is doing at its last event.
    pub state: LaneState,
    /// Its stretches, in time order.
    pub segments: Vec<Segment>,
}

/// One column of the aggregate chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    /// The most tasks waiting at once during the column, in percent of all tasks.
    pub waiting: f64,
    /// The tasks done by the column's end, in percent of all tasks.
    pub done: f64,
}

/// A labelled mark on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Where, in percent of the axis.
    pub left: f64,
    /// The time, in scenario seconds.
    pub label: String,
}

/// When the event loop could not run, in percent of the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stall {
    /// Where it starts.
    pub left: f64,
    /// Where it ends.
    pub right: f64,
    /// What held the loop.
    pub cause: StallCause,
}

/// What held the event loop during a [`Stall`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StallCause {
    /// A work step of the scenario: its own blocking code.
    Work,
    /// Nothing in the scenario: the browser itself (a busy machine, a
    /// slow frame). Never to be read as the scenario blocking the loop.
    Browser,
}

impl StallCause {
    /// A stable name for styles and tests.
    pub fn id(self) -> &'static str {
        match self {
            StallCause::Work => "work",
            StallCause::Browser => "browser",
        }
    }
}

/// When the recording's work steps held the loop, in time order: empty
/// for a scenario without work, without reading its events.
fn work_spans(recording: &Recording) -> Vec<(Duration, Duration)> {
    if !recording.works() {
        return Vec::new();
    }
    events::step_changes(&recording.scenario, recording.events())
        .filter_map(|change| {
            let ended = change.ended.filter(|e| e.step.kind == StepKind::Work)?;
            Some((ended.began, change.at))
        })
        .collect()
}

/// Whether `from..to` overlaps one of `spans` (sorted by start).
fn overlaps(spans: &[(Duration, Duration)], from: Duration, to: Duration) -> bool {
    let after = spans.partition_point(|&(began, _)| began < to);
    spans[..after].iter().any(|&(_, ended)| ended > from)
}

/// A run's timeline, ready to draw. It does not depend on the run's
/// current time: what lies after it is for the page to cover.
#[derive(Clone, Debug, PartialEq)]
pub enum Timeline {
    /// A lane per task.
    Lanes(Vec<Lane>),
    /// Tasks waiting and done over the whole axis, each column as it is
    /// or, after the last event, as it stays until the next one.
    Aggregate(Vec<Column>),
}

/// The length of the time axis that fits every given run, predicted and
/// measured, at the run clock `run_clock`, so that they share one scale.
pub fn axis_length<'a>(
    recordings: impl IntoIterator<Item = &'a Recording>,
    run_clock: Duration,
) -> Duration {
    recordings
        .into_iter()
        .map(|r| r.prediction.total.max(r.clock(run_clock)))
        .max()
        .unwrap_or_default()
        .max(Duration::from_millis(1))
}

/// Lays out `recording` on an axis of length `axis`.
pub fn layout(recording: &Recording, axis: Duration) -> Timeline {
    if recording.scenario.tasks.len() <= LANES {
        Timeline::Lanes(lanes(recording, axis))
    } else {
        Timeline::Aggregate(columns(recording, axis))
    }
}

/// Where `at` falls on an axis of length `axis`, in percent.
pub fn percent(at: Duration, axis: Duration) -> f64 {
    (at.as_secs_f64() / axis.as_secs_f64() * 100.0).clamp(0.0, 100.0)
}

/// How far after an await's end the task may resume before the lane
/// shows it blocked, in percent of the axis: less would be invisible, or
/// the few hundred microseconds any resumption takes.
const BLOCKED_AT_LEAST: f64 = 0.5;

fn lanes(recording: &Recording, axis: Duration) -> Vec<Lane> {
    let tasks = &recording.scenario.tasks;
    let waiting_state = match recording.mode {
        Mode::Concurrent => LaneState::Queued,
        Mode::Sequential => LaneState::Pending,
    };
    let mut lanes: Vec<Lane> = tasks
        .iter()
        .enumerate()
        .map(|(index, task)| Lane {
            number: index + 1,
            label: if task.name.is_empty() {
                format!("№ {}", index + 1)
            } else {
                task.name.clone()
            },
            state: waiting_state,
            segments: Vec::new(),
        })
        .collect();
    let work = work_spans(recording);
    for change in events::step_changes(&recording.scenario, recording.events()) {
        let (at, lane) = (change.at, &mut lanes[change.task]);
        if let Some(ended) = change.ended {
            // The step under way ends here: drawn as it went, and blocked
            // for whatever time it waited for the loop after its end, by
            // another task's work or else by the browser.
            let due = (ended.began + ended.step.duration).min(at);
            if let Some(last) = lane.segments.last_mut() {
                last.right = percent(due, axis);
            }
            let (from, to) = (percent(due, axis), percent(at, axis));
            if to - from >= BLOCKED_AT_LEAST && ended.step.kind != StepKind::Work {
                let state = if overlaps(&work, due, at) {
                    LaneState::Blocked
                } else {
                    LaneState::Delayed
                };
                lane.segments.push(Segment {
                    state,
                    left: from,
                    right: to,
                });
            }
        }
        if let Some(outcome) = change.finished {
            lane.state = LaneState::Ended(outcome);
        }
        if let Some((index, step)) = change.began {
            if index == 0 {
                // Queued from its arrival: for a slot (all at once), or for
                // its turn when it arrived while another ran (one at a time).
                let arrival = tasks[change.task].arrival;
                let queues = recording.mode == Mode::Concurrent || !arrival.is_zero();
                let (from, to) = (percent(arrival, axis), percent(at, axis));
                if queues && to - from >= BLOCKED_AT_LEAST {
                    lane.segments.push(Segment {
                        state: LaneState::Queued,
                        left: from,
                        right: to,
                    });
                }
            }
            lane.state = LaneState::of_step(step.kind);
            lane.segments.push(Segment {
                state: lane.state,
                left: percent(at, axis),
                right: percent(at + step.duration, axis),
            });
        }
    }
    lanes
}

/// When the loop could not run: each work step, as it was measured (a
/// real run) or predicted, and any other stall a real run's heartbeat
/// noticed. A stall that no work step overlaps was the browser's.
pub fn stalls(recording: &Recording, axis: Duration) -> Vec<Stall> {
    let work = work_spans(recording);
    // Each source comes in time order; a heap merges them (the page has no
    // other use for a sort, whose code would cost more bytes than this).
    let mut spans: BinaryHeap<Reverse<(Duration, Duration)>> = recording
        .stalls()
        .iter()
        .map(|&span| Reverse(span))
        .collect();
    spans.extend(work.iter().map(|&span| Reverse(span)));
    let mut merged: Vec<Stall> = Vec::new();
    while let Some(Reverse((from, to))) = spans.pop() {
        // A work step overlaps itself; a heartbeat's stall is the work's
        // if a work step overlaps it.
        let cause = if overlaps(&work, from, to) {
            StallCause::Work
        } else {
            StallCause::Browser
        };
        let (left, right) = (percent(from, axis), percent(to, axis));
        match merged.last_mut() {
            Some(last) if left <= last.right && last.cause == cause => {
                last.right = last.right.max(right);
            }
            _ => merged.push(Stall { left, right, cause }),
        }
    }
    merged
}

fn columns(recording: &Recording, axis: Duration) -> Vec<Column> {
    let count = recording.scenario.tasks.len().max(1) as f64;
    let width = axis.as_secs_f64() / COLUMNS as f64;
    let mut columns = Vec::with_capacity(COLUMNS);
    // The recording's levels, not its events: a run of 100,000 tasks has a
    // few hundred moments, and the chart is laid out on every frame that
    // brings events.
    let mut levels = recording.levels().peekable();
    let (mut waiting, mut done) = (0usize, 0usize);
    for index in 0..COLUMNS {
        // The last column closes the axis: it takes events at its very end.
        let end = if index + 1 == COLUMNS {
            f64::INFINITY
        } else {
            width * (index + 1) as f64
        };
        let mut most_waiting = waiting;
        while let Some(level) = levels.next_if(|l| l.at.as_secs_f64() < end) {
            most_waiting = most_waiting.max(level.peak);
            (waiting, done) = (level.waiting, level.finished);
        }
        columns.push(Column {
            waiting: most_waiting as f64 / count * 100.0,
            done: done as f64 / count * 100.0,
        });
    }
    columns
}

/// An SVG path (in a 100 × 100 view box, y downwards) of the step-shaped
/// area under `values` (each in percent, one per column): one element for
/// the whole chart, however many columns it has.
pub fn area_path(values: impl ExactSizeIterator<Item = f64>) -> String {
    let width = 100.0 / values.len().max(1) as f64;
    let mut path = String::with_capacity(16 * values.len() + 16);
    path.push_str("M0 100");
    for (index, value) in values.enumerate() {
        let y = 100.0 - value.clamp(0.0, 100.0);
        let (left, right) = (index as f64 * width, (index + 1) as f64 * width);
        let _ = write!(
            path,
            "L{} {y}L{} {y}",
            Fixed(left, 2),
            Fixed(right, 2),
            y = Fixed(y, 2)
        );
    }
    path.push_str("L100 100Z");
    path
}

/// The memory lane of a run that moves data: the most chunks held at once,
/// and the area of chunks held over the axis, in percent of that most.
///
/// Above [`LIVE_DETAIL`] tasks it is drawn once the run has finished: it
/// reads every event, which a frame of a run that large cannot afford.
pub fn memory_lane(recording: &Recording, axis: Duration) -> Option<(usize, String)> {
    let too_many = recording.scenario.tasks.len() > LIVE_DETAIL && !recording.is_finished();
    if too_many || !recording.moves_data() {
        return None;
    }
    let held = memory::held(&recording.scenario, recording.events());
    let peak = memory::peak(&held);
    let columns = memory::columns(&held, axis, COLUMNS);
    let scale = 100.0 / peak.max(1) as f64;
    Some((
        peak,
        area_path(columns.into_iter().map(|c| c as f64 * scale)),
    ))
}

/// Marks for an axis of length `axis`: round steps of 1, 2 or 5 times a
/// power of ten, about five of them.
pub fn ticks(axis: Duration) -> Vec<Tick> {
    let step_micros = tick_step(axis);
    (0u64..)
        .map_while(|i| i.checked_mul(step_micros).map(Duration::from_micros))
        .take_while(|&at| at <= axis)
        .map(|at| Tick {
            left: percent(at, axis),
            label: format_seconds(at),
        })
        .collect()
}

/// The step between marks, in microseconds: 1, 2, 5, 10, 20, 50 and so
/// on, the first at least a fifth of the axis. Whole numbers, so no float
/// power or logarithm is needed.
fn tick_step(axis: Duration) -> u64 {
    let rough = whole_micros(axis).div_ceil(5);
    std::iter::successors(Some(1u64), |power| power.checked_mul(10))
        .flat_map(|power| [power, power.saturating_mul(2), power.saturating_mul(5)])
        .find(|&step| step >= rough)
        .unwrap_or(u64::MAX)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

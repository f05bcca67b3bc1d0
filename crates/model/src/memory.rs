//! The memory a run's tasks hold, for scenarios that move data: a receive
//! step brings one chunk into memory when it ends, a write step lets one
//! chunk go when it ends, and a task that ends lets go of whatever it still
//! holds. A server that buffers a whole upload before writing it holds the
//! whole file; one that writes each chunk as it comes holds one chunk.
//!
//! Derived from a run's events, so a real run and a prediction alike.

use std::time::Duration;

use crate::events::{step_changes, RunEvent};
use crate::scenario::{Scenario, StepKind};

/// How many megabytes one chunk stands for, as the page shows it.
pub const CHUNK_MB: usize = 64;

/// How many chunks the tasks hold over time: each time it changes, the new
/// count. Starts at none.
pub fn held(
    scenario: &Scenario,
    events: impl IntoIterator<Item = RunEvent>,
) -> Vec<(Duration, usize)> {
    let mut buffered = vec![0usize; scenario.tasks.len()];
    let mut held = 0usize;
    let mut changes = Vec::new();
    for change in step_changes(scenario, events) {
        let (task, at) = (change.task, change.at);
        // The step that ended here counts only if it completed: cut short
        // by a cancellation, it neither received nor wrote its chunk.
        match change.ended.filter(|e| e.completed).map(|e| e.step.kind) {
            Some(StepKind::Receive) => {
                buffered[task] += 1;
                held += 1;
                changes.push((at, held));
            }
            Some(StepKind::Write) if buffered[task] > 0 => {
                buffered[task] -= 1;
                held -= 1;
                changes.push((at, held));
            }
            _ => {}
        }
        if change.finished.is_some() {
            let released = std::mem::take(&mut buffered[task]);
            if released > 0 {
                held -= released;
                changes.push((at, held));
            }
        }
    }
    changes
}

/// The most chunks held at once.
pub fn peak(changes: &[(Duration, usize)]) -> usize {
    changes.iter().map(|&(_, held)| held).max().unwrap_or(0)
}

/// The most chunks held during each of `columns` equal stretches of an
/// axis of length `axis`, each as it was at its start or more.
pub fn columns(changes: &[(Duration, usize)], axis: Duration, columns: usize) -> Vec<usize> {
    let width = axis.as_secs_f64() / columns.max(1) as f64;
    let mut out = Vec::with_capacity(columns);
    let mut changes = changes.iter().peekable();
    let mut held = 0;
    for index in 0..columns {
        let end = width * (index + 1) as f64;
        let mut most = held;
        while let Some(&(_, now)) = changes.next_if(|c| c.0.as_secs_f64() < end) {
            held = now;
            most = most.max(now);
        }
        out.push(most);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::scenario::{parse_steps, Mode, Task};
    use crate::simulate::predict;

    fn scenario(tasks: &[&str]) -> Scenario {
        Scenario::of(
            tasks
                .iter()
                .map(|s| Task::named("", parse_steps(s).unwrap()))
                .collect(),
        )
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn streaming_holds_a_chunk_buffering_holds_the_file() {
        let streaming = scenario(&["r1+w0.5+r1+w0.5+r1+w0.5"]);
        let changes = held(&streaming, predict(&streaming, Mode::Concurrent).events);
        assert_eq!(peak(&changes), 1);
        assert_eq!(changes[0], (ms(1000), 1));
        assert_eq!(changes[1], (ms(1500), 0));

        let buffering = scenario(&["r1+r1+r1+w0.5+w0.5+w0.5"]);
        let changes = held(&buffering, predict(&buffering, Mode::Concurrent).events);
        assert_eq!(peak(&changes), 3);
        assert_eq!(changes.last(), Some(&(ms(4500), 0)));
    }

    #[test]
    fn a_task_that_ends_lets_go_of_what_it_holds() {
        let mut timed = scenario(&["r0.5+r0.5+w1+w1"]);
        timed.timeout = Some(ms(1500));
        let changes = held(&timed, predict(&timed, Mode::Concurrent).events);
        // Cancelled in the middle of its first write: that chunk was not
        // written; both go when the task ends.
        assert_eq!(changes, [(ms(500), 1), (ms(1000), 2), (ms(1500), 0)]);
        // A write with nothing held frees nothing.
        let odd = scenario(&["w1+r1"]);
        let changes = held(&odd, predict(&odd, Mode::Concurrent).events);
        assert_eq!(changes, [(ms(2000), 1), (ms(2000), 0)]);
    }

    #[test]
    fn columns_keep_each_stretch_at_its_most() {
        let changes = [(ms(100), 1), (ms(150), 3), (ms(310), 0)];
        // Each column holds its most, including what it held as it began.
        assert_eq!(columns(&changes, ms(400), 4), [0, 3, 3, 3]);
    }
}

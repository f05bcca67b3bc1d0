//! What a real run reports, and the record the page keeps of it.
//!
//! The browser runtime sends [`Report`]s; the page stores them in a
//! [`Recording`] and derives the log and the timeline from it. Events are
//! kept in shared chunks, one per animation frame, so that copying the
//! page's state (which the UI does on every change) costs the number of
//! frames, not the number of events: a 100,000-task run stays smooth.

use std::rc::Rc;
use std::time::Duration;

use crate::i18n::{self, Lang};
use crate::scenario::{Mode, Scenario};
use crate::simulate::Prediction;

/// Something that happened to one task, at a time measured from the start
/// of the run, in scenario seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunEvent {
    /// The task began (its coroutine ran up to its first await).
    Started {
        /// The task's index in the scenario.
        task: usize,
        /// When.
        at: Duration,
    },
    /// The task's wait ended and it returned.
    Finished {
        /// The task's index in the scenario.
        task: usize,
        /// When.
        at: Duration,
    },
}

impl RunEvent {
    /// When the event happened.
    pub fn at(self) -> Duration {
        match self {
            RunEvent::Started { at, .. } | RunEvent::Finished { at, .. } => at,
        }
    }
}

/// What the runtime reports about a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// A task started or finished.
    Event(RunEvent),
    /// Every task has finished; the measured total, from just before the
    /// first task started to just after the last one finished.
    Finished(Duration),
}

/// Everything known about one run of a scenario in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    /// The mode of this run.
    pub mode: Mode,
    /// The scenario as it was when the run began.
    pub scenario: Rc<Scenario>,
    /// What the simulator predicts for it.
    pub prediction: Rc<Prediction>,
    chunks: Vec<Rc<[RunEvent]>>,
    event_count: usize,
    last_event_at: Duration,
    /// The measured total, once every task has finished.
    pub total: Option<Duration>,
}

impl Recording {
    /// An empty recording for a run of `scenario` about to start, with
    /// the simulator's prediction for it.
    pub fn new(mode: Mode, scenario: Rc<Scenario>, prediction: Rc<Prediction>) -> Self {
        debug_assert_eq!(prediction.mode, mode);
        Self {
            mode,
            scenario,
            prediction,
            chunks: Vec::new(),
            event_count: 0,
            last_event_at: Duration::ZERO,
            total: None,
        }
    }

    /// Adds what the runtime reported since the last call, in order.
    pub fn record(&mut self, reports: impl IntoIterator<Item = Report>) {
        let mut events = Vec::new();
        for report in reports {
            match report {
                Report::Event(event) => {
                    self.last_event_at = self.last_event_at.max(event.at());
                    events.push(event);
                }
                Report::Finished(total) => self.total = Some(total),
            }
        }
        if !events.is_empty() {
            self.event_count += events.len();
            self.chunks.push(events.into());
        }
    }

    /// This run's time when the page's run clock reads `run_clock`: the
    /// clock while the run goes on (never behind its own events), its
    /// measured total once it has finished.
    pub fn clock(&self, run_clock: Duration) -> Duration {
        self.total
            .unwrap_or_else(|| run_clock.max(self.last_event_at))
    }

    /// Whether every task has finished.
    pub fn is_finished(&self) -> bool {
        self.total.is_some()
    }

    /// How many events have been recorded.
    pub fn event_count(&self) -> usize {
        self.event_count
    }

    /// Every event so far, oldest first.
    pub fn events(&self) -> impl DoubleEndedIterator<Item = RunEvent> + '_ {
        self.chunks.iter().flat_map(|chunk| chunk.iter().copied())
    }

    /// How many lines the program has printed so far.
    pub fn log_len(&self) -> usize {
        self.event_count + if self.is_finished() { 2 } else { 0 }
    }

    /// The last `at_most` lines the program printed, oldest first: the
    /// course's example prints a line when each task starts and ends, then
    /// the count and the total.
    pub fn log_tail(&self, lang: Lang, at_most: usize) -> Vec<String> {
        let mut lines = Vec::with_capacity(at_most.min(self.log_len()));
        if let Some(total) = self.total {
            lines.push(i18n::log_total(lang, total));
            lines.push(i18n::log_completed(lang, self.scenario.tasks.len()));
        }
        for event in self.events().rev() {
            if lines.len() >= at_most {
                break;
            }
            lines.push(self.log_line(lang, event));
        }
        lines.truncate(at_most);
        lines.reverse();
        lines
    }

    fn log_line(&self, lang: Lang, event: RunEvent) -> String {
        let name = |task: usize| {
            self.scenario
                .tasks
                .get(task)
                .map_or("", |t| t.name.as_str())
        };
        match event {
            RunEvent::Started { task, at } => i18n::log_started(lang, task + 1, name(task), at),
            RunEvent::Finished { task, .. } => i18n::log_finished(lang, task + 1, name(task)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Task;

    fn recording(mode: Mode, scenario: Scenario) -> Recording {
        let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
        Recording::new(mode, Rc::new(scenario), prediction)
    }

    fn two_tasks() -> Recording {
        let scenario = Scenario {
            tasks: vec![
                Task::unnamed(Duration::from_secs(1)),
                Task {
                    name: "boil".into(),
                    duration: Duration::from_secs(1),
                },
            ],
        };
        recording(Mode::Concurrent, scenario)
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn the_log_follows_the_events_then_prints_the_totals() {
        let mut recording = two_tasks();
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started { task: 1, at: ms(1) }),
        ]);
        recording.record([
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(1000),
            }),
            Report::Event(RunEvent::Finished {
                task: 1,
                at: ms(1001),
            }),
            Report::Finished(ms(1002)),
        ]);
        assert_eq!(
            recording.log_tail(Lang::En, 100),
            vec![
                "Start of long operation № 1: 0.0000",
                "Start of long operation № 2 (boil): 0.0010",
                "Long operation № 1 finished",
                "Long operation № 2 (boil) finished",
                "Completed 2 operations.",
                "Program finished in 1.0020",
            ]
        );
        assert_eq!(recording.log_len(), 6);
        assert_eq!(recording.total, Some(ms(1002)));
        assert_eq!(recording.event_count(), 4);
    }

    #[test]
    fn the_log_tail_keeps_the_newest_lines() {
        let mut recording = two_tasks();
        recording.record([
            Report::Event(RunEvent::Started { task: 0, at: ms(0) }),
            Report::Event(RunEvent::Started { task: 1, at: ms(0) }),
            Report::Event(RunEvent::Finished {
                task: 0,
                at: ms(1000),
            }),
        ]);
        assert_eq!(
            recording.log_tail(Lang::Ru, 2),
            vec![
                "Начало выполнения длительной операции № 2 (boil): 0.0000",
                "Длительная операция № 1 завершена",
            ]
        );
    }

    #[test]
    fn a_run_follows_the_clock_until_it_ends() {
        let mut recording = two_tasks();
        assert_eq!(recording.clock(ms(500)), ms(500));
        recording.record([Report::Event(RunEvent::Started {
            task: 0,
            at: ms(600),
        })]);
        assert_eq!(recording.clock(ms(500)), ms(600), "never behind its events");
        recording.record([Report::Finished(ms(1003))]);
        assert_eq!(recording.clock(ms(2000)), ms(1003));
        assert!(recording.is_finished());
    }

    #[test]
    fn a_recording_carries_its_prediction() {
        let recording = two_tasks();
        assert_eq!(recording.prediction.total, Duration::from_secs(1));
        assert_eq!(recording.prediction.mode, Mode::Concurrent);
    }
}

//! The Python panel: a program run by CPython in the page (in a worker,
//! see [`crate::python`]), its runtime's download, its printed lines, what
//! its tasks did, and how it ended.

use std::rc::Rc;
use std::time::Duration;

use crate::python::{Event, Trace};
use crate::recording::{is_faithful, tolerance};
use crate::scenario::Mode;

/// At most this much printed text is kept: the latest of it.
pub const OUTPUT_KEPT: usize = 200_000;

/// The runtime in the worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Runtime {
    /// Not asked for yet.
    Closed,
    /// Downloading and starting: bytes so far, of bytes in all.
    Loading {
        /// Bytes loaded.
        loaded: u64,
        /// Bytes in all.
        total: u64,
    },
    /// Ready to run programs: Python's version.
    Ready(Rc<str>),
    /// It could not start; why.
    Failed(Rc<str>),
}

/// How a program's run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// It ran to its end.
    Done,
    /// It raised an exception (its traceback is kept).
    Failed,
    /// Every task waited for something nothing could ever set: CPython at
    /// home would hang, so the page stopped it.
    Deadlock,
    /// The learner stopped it.
    Stopped,
}

impl How {
    /// A stable name for styles and tests (`data-state`).
    pub fn id(self) -> &'static str {
        match self {
            How::Done => "done",
            How::Failed => "failed",
            How::Deadlock | How::Stopped => "stopped",
        }
    }
}

/// What the scenario's program was written for: a mode, and the total the
/// simulator predicts for the scenario in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seeded {
    /// The mode.
    pub mode: Mode,
    /// The prediction.
    pub predicted: Duration,
}

/// A program in the page's totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// What it took, in its own seconds.
    pub measured: Duration,
    /// The simulator's total for it, when it ran as the scenario's program.
    pub predicted: Option<Duration>,
    /// Whether it lies further from the prediction than the page's
    /// [`tolerance`] for a run, either way (CPython's loop may wake a timer
    /// up to a tick of its clock early).
    pub differs: bool,
    /// Whether it ran faster than real time and was late: then CPython's
    /// own overhead (milliseconds of starting tasks, printing, tracing)
    /// weighs as many times more, as a late timer does in the page's runs,
    /// and its total is not the program's own time. Said instead of
    /// [`Row::differs`].
    pub distorted: bool,
}

/// A run's end.
#[derive(Clone, Debug, PartialEq)]
pub struct Ended {
    /// How.
    pub how: How,
    /// From its start to its end, in the program's seconds (its `SCALE`),
    /// when the worker measured it.
    pub total: Option<Duration>,
    /// Whether its `SCALE` ran it faster than real time.
    pub faster: bool,
    /// Python's traceback, if it raised.
    pub traceback: Rc<str>,
}

/// Everything the worker or the learner can do to the panel.
#[derive(Clone, Debug, PartialEq)]
pub enum PythonAction {
    /// The panel opened: the runtime starts downloading.
    Open,
    /// The runtime downloads.
    Progress {
        /// Bytes loaded.
        loaded: u64,
        /// Bytes in all.
        total: u64,
    },
    /// It is ready: Python's version.
    Ready(String),
    /// It could not start: why.
    RuntimeFailed(String),
    /// The learner cancelled the download.
    Cancel,
    /// The scenario's own program: it fills the panel unless the learner
    /// has written there.
    Seed(Seeded, String),
    /// Run was pressed before CPython was ready: the program runs once it is.
    Queue,
    /// The learner edited the program.
    Edit(String),
    /// The program started.
    Started,
    /// It printed (to stdout, or to stderr when `true`).
    Printed(bool, String),
    /// Its tasks did this.
    Traced(Vec<Event>),
    /// Work sent to a thread ran on the loop's thread instead: its name and
    /// for how long.
    Computed(String, Duration),
    /// It ended: how, its wall time, its `SCALE`, its traceback.
    Ended(How, Duration, f64, String),
    /// The learner stopped it.
    Stop,
}

/// The panel's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Python {
    /// The runtime.
    pub runtime: Runtime,
    /// The program, as typed.
    pub program: Rc<str>,
    /// What the scenario's program was written for, while the panel shows
    /// it as written; `None` once the learner edits it.
    pub seeded: Option<Seeded>,
    /// Whether the program runs as soon as CPython is ready.
    pub queued: bool,
    /// Whether a program runs.
    pub running: bool,
    /// How many programs have started.
    pub runs: u32,
    /// What the last run printed: text, and whether it went to stderr.
    pub output: Rc<Vec<(bool, String)>>,
    /// What its tasks did, in wall seconds.
    pub trace: Rc<Trace>,
    /// How it ended, once it has.
    pub ended: Option<Ended>,
    /// Work that could not leave the loop's thread: name and how long.
    pub computed: Rc<Vec<(String, Duration)>>,
    /// What the last run's program was written for, if it ran as the
    /// scenario's: then the simulator predicts its total.
    pub ran_as: Option<Seeded>,
}

impl Default for Python {
    fn default() -> Self {
        Python {
            runtime: Runtime::Closed,
            program: Rc::from(""),
            seeded: None,
            queued: false,
            running: false,
            runs: 0,
            output: Rc::default(),
            trace: Rc::default(),
            ended: None,
            computed: Rc::default(),
            ran_as: None,
        }
    }
}

impl Python {
    /// A panel whose program is `program` (from a link): the learner's, as
    /// if typed.
    pub fn with_program(program: &str) -> Self {
        Python {
            program: Rc::from(program),
            ..Python::default()
        }
    }

    /// The last program's row in the page's totals, once it ran to its end.
    pub fn row(&self) -> Option<Row> {
        let ended = self.ended.as_ref().filter(|ended| ended.how == How::Done)?;
        let measured = ended.total?;
        let predicted = self.ran_as.map(|seeded| seeded.predicted);
        let early = predicted.is_some_and(|predicted| measured + tolerance(predicted) < predicted);
        let late = predicted.is_some_and(|predicted| !is_faithful(measured, predicted));
        let distorted = late && ended.faster;
        Some(Row {
            measured,
            predicted,
            differs: early || (late && !distorted),
            distorted,
        })
    }

    /// Whether Run can be pressed: CPython is ready or can be started, and
    /// no program runs or waits to.
    pub fn can_press_run(&self) -> bool {
        !self.running
            && !self.queued
            && !self.program.trim().is_empty()
            && !matches!(self.runtime, Runtime::Loading { .. })
    }

    /// Whether a program can start now.
    pub fn can_run(&self) -> bool {
        matches!(self.runtime, Runtime::Ready(_))
            && !self.running
            && !self.program.trim().is_empty()
    }

    /// What the panel's state is, for `data-state`: the run's, or else the runtime's.
    pub fn state_id(&self) -> &'static str {
        if self.running {
            return "running";
        }
        if let Some(ended) = &self.ended {
            return ended.how.id();
        }
        match self.runtime {
            Runtime::Closed | Runtime::Loading { .. } => "loading",
            Runtime::Ready(_) => "ready",
            Runtime::Failed(_) => "failed",
        }
    }

    /// Applies `action`.
    pub fn apply(&mut self, action: PythonAction) {
        match action {
            PythonAction::Open => {
                if matches!(self.runtime, Runtime::Closed | Runtime::Failed(_)) {
                    self.runtime = Runtime::Loading {
                        loaded: 0,
                        total: 0,
                    };
                }
            }
            PythonAction::Progress { loaded, total } => {
                if matches!(self.runtime, Runtime::Loading { .. }) {
                    self.runtime = Runtime::Loading { loaded, total };
                }
            }
            PythonAction::Ready(version) => self.runtime = Runtime::Ready(Rc::from(version)),
            PythonAction::RuntimeFailed(why) => {
                self.runtime = Runtime::Failed(Rc::from(why));
                self.running = false;
                self.queued = false;
            }
            PythonAction::Cancel => {
                if matches!(self.runtime, Runtime::Loading { .. }) {
                    self.runtime = Runtime::Closed;
                }
                self.queued = false;
            }
            PythonAction::Seed(seeded, program) => {
                if self.seeded.is_some() || self.program.is_empty() {
                    self.program = Rc::from(program);
                    self.seeded = Some(seeded);
                }
            }
            PythonAction::Queue => {
                self.queued = !self.running && !matches!(self.runtime, Runtime::Failed(_));
            }
            PythonAction::Edit(program) => {
                self.program = Rc::from(program);
                self.seeded = None;
            }
            PythonAction::Started => {
                self.running = true;
                self.runs += 1;
                self.queued = false;
                self.output = Rc::default();
                self.trace = Rc::default();
                self.computed = Rc::default();
                self.ended = None;
                self.ran_as = self.seeded;
            }
            PythonAction::Printed(err, text) => {
                let output = Rc::make_mut(&mut self.output);
                match output.last_mut() {
                    Some((last_err, last)) if *last_err == err => last.push_str(&text),
                    _ => output.push((err, text)),
                }
                keep_latest(output);
            }
            PythonAction::Traced(events) => {
                let trace = Rc::make_mut(&mut self.trace);
                for event in events {
                    trace.add(event);
                }
            }
            PythonAction::Computed(name, seconds) => {
                Rc::make_mut(&mut self.computed).push((name, seconds))
            }
            PythonAction::Ended(how, took, scale, traceback) => {
                let scale = if scale.is_finite() && scale > 0.0 {
                    scale
                } else {
                    1.0
                };
                let total = Some(took.div_f64(scale));
                self.running = false;
                if scale != 1.0 {
                    self.trace = Rc::new(self.trace.scaled(scale));
                }
                self.ended = Some(Ended {
                    how,
                    total,
                    faster: scale < 1.0,
                    traceback: Rc::from(traceback),
                });
            }
            PythonAction::Stop => {
                if self.running {
                    self.running = false;
                    self.ended = Some(Ended {
                        how: How::Stopped,
                        total: None,
                        faster: false,
                        traceback: Rc::from(""),
                    });
                }
            }
        }
    }
}

/// Drops the oldest printed text beyond [`OUTPUT_KEPT`] bytes.
fn keep_latest(output: &mut Vec<(bool, String)>) {
    let mut size: usize = output.iter().map(|(_, text)| text.len()).sum();
    while size > OUTPUT_KEPT && output.len() > 1 {
        size -= output.remove(0).1.len();
    }
    if let Some((_, text)) = output.first_mut() {
        if size > OUTPUT_KEPT {
            let mut cut = size - OUTPUT_KEPT;
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            text.drain(..cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::{After, End};

    fn seeded(mode: Mode, seconds: u64) -> Seeded {
        Seeded {
            mode,
            predicted: Duration::from_secs(seconds),
        }
    }

    #[test]
    fn the_scenarios_program_fills_the_panel_until_the_learner_writes() {
        let mut python = Python::default();
        python.apply(PythonAction::Seed(seeded(Mode::Concurrent, 1), "a".into()));
        python.apply(PythonAction::Seed(seeded(Mode::Sequential, 30), "b".into()));
        assert_eq!(
            (&*python.program, python.seeded),
            ("b", Some(seeded(Mode::Sequential, 30)))
        );
        python.apply(PythonAction::Edit("mine".into()));
        python.apply(PythonAction::Seed(seeded(Mode::Concurrent, 1), "c".into()));
        assert_eq!((&*python.program, python.seeded), ("mine", None));
        let linked = Python::with_program("lesson");
        let mut linked_then_seeded = linked.clone();
        linked_then_seeded.apply(PythonAction::Seed(seeded(Mode::Concurrent, 1), "c".into()));
        assert_eq!(linked_then_seeded, linked);
    }

    #[test]
    fn a_run_goes_from_ready_to_done_in_the_programs_seconds() {
        let mut python = Python::with_program("import asyncio");
        python.apply(PythonAction::Open);
        python.apply(PythonAction::Progress {
            loaded: 5,
            total: 10,
        });
        assert_eq!(python.state_id(), "loading");
        assert!(!python.can_run());
        python.apply(PythonAction::Ready("3.14.2".into()));
        assert!(python.can_run());
        python.apply(PythonAction::Started);
        assert_eq!((python.state_id(), python.runs), ("running", 1));
        assert!(!python.can_run());
        python.apply(PythonAction::Printed(false, "a".into()));
        python.apply(PythonAction::Printed(false, "b\n".into()));
        python.apply(PythonAction::Printed(true, "warning\n".into()));
        assert_eq!(
            *python.output,
            [(false, "ab\n".to_owned()), (true, "warning\n".to_owned())]
        );
        python.apply(PythonAction::Traced(vec![
            Event::Created {
                task: 0,
                at: Duration::ZERO,
                label: "main".into(),
            },
            Event::Stepped {
                task: 0,
                began: Duration::ZERO,
                ended: Duration::from_millis(200),
                then: After::Ended(End::Done),
            },
        ]));
        python.apply(PythonAction::Ended(
            How::Done,
            Duration::from_millis(200),
            0.1,
            String::new(),
        ));
        assert_eq!(python.state_id(), "done");
        let ended = python.ended.clone().unwrap();
        assert_eq!(ended.total, Some(Duration::from_secs(2)));
        // The trace too is in the program's seconds.
        assert_eq!(python.trace.tasks[0].steps[0].ended, Duration::from_secs(2));
        // The next run starts afresh.
        python.apply(PythonAction::Started);
        assert!(
            python.output.is_empty() && python.trace.tasks.is_empty() && python.ended.is_none()
        );
    }

    #[test]
    fn run_before_cpython_is_ready_waits_for_it_and_the_total_carries_the_prediction() {
        let ms = Duration::from_millis;
        let mut python = Python::default();
        assert!(!python.can_press_run(), "no program yet");
        python.apply(PythonAction::Seed(
            seeded(Mode::Concurrent, 1),
            "import asyncio".into(),
        ));
        assert!(python.can_press_run() && !python.can_run());
        python.apply(PythonAction::Queue);
        python.apply(PythonAction::Open);
        assert!(python.queued && !python.can_press_run());
        python.apply(PythonAction::Ready("3.14.2".into()));
        assert!(python.queued && python.can_run());
        python.apply(PythonAction::Started);
        assert!(!python.queued && python.row().is_none());
        python.apply(PythonAction::Ended(How::Done, ms(1004), 1.0, String::new()));
        assert_eq!(
            python.row(),
            Some(Row {
                measured: ms(1004),
                predicted: Some(ms(1000)),
                differs: false,
                distorted: false
            })
        );
        // Once edited, the program is the learner's: nothing predicts it.
        python.apply(PythonAction::Edit("import asyncio\n".into()));
        python.apply(PythonAction::Started);
        python.apply(PythonAction::Ended(How::Done, ms(5), 1.0, String::new()));
        assert_eq!(
            python.row(),
            Some(Row {
                measured: ms(5),
                predicted: None,
                differs: false,
                distorted: false
            })
        );
        // A program that raised has no total.
        python.apply(PythonAction::Started);
        python.apply(PythonAction::Ended(
            How::Failed,
            ms(5),
            1.0,
            "Traceback".into(),
        ));
        assert_eq!(python.row(), None);
        // Cancelling the download forgets the run that waited for it.
        let mut cancelled = Python::with_program("import asyncio");
        cancelled.apply(PythonAction::Queue);
        cancelled.apply(PythonAction::Open);
        cancelled.apply(PythonAction::Cancel);
        assert!(!cancelled.queued && cancelled.can_press_run());
    }

    #[test]
    fn the_row_flags_a_program_off_its_prediction() {
        let ms = Duration::from_millis;
        let row = |took, predicted, scale| {
            let mut python = Python::default();
            python.apply(PythonAction::Seed(
                seeded(Mode::Concurrent, 0),
                "import asyncio".into(),
            ));
            python.seeded = Some(Seeded {
                mode: Mode::Concurrent,
                predicted,
            });
            python.apply(PythonAction::Started);
            python.apply(PythonAction::Ended(How::Done, took, scale, String::new()));
            python.row().map(|row| (row.differs, row.distorted))
        };
        let differs = |took, predicted| row(took, predicted, 1.0).map(|(differs, _)| differs);
        // Within the page's tolerance (a tenth, at least 20 ms) of 1 s.
        assert_eq!(differs(ms(1040), ms(1000)), Some(false));
        assert_eq!(differs(ms(999), ms(1000)), Some(false));
        assert_eq!(differs(ms(1150), ms(1000)), Some(true));
        // Far sooner than its waits allow: not the scenario's program after all.
        assert_eq!(differs(ms(500), ms(1000)), Some(true));
        // Late at ×10 (SCALE = 0.1): CPython's overhead weighed ten times,
        // which the row says rather than a difference; early is early.
        let wall = |program: Duration| program / 10;
        assert_eq!(row(wall(ms(1150)), ms(1000), 0.1), Some((false, true)));
        assert_eq!(row(wall(ms(500)), ms(1000), 0.1), Some((true, false)));
        assert_eq!(row(wall(ms(1000)), ms(1000), 0.1), Some((false, false)));
    }

    #[test]
    fn stopping_and_failing_say_so() {
        let mut python = Python::with_program("while True: pass");
        python.apply(PythonAction::Ready("3.14.2".into()));
        python.apply(PythonAction::Started);
        python.apply(PythonAction::Stop);
        assert_eq!(python.state_id(), "stopped");
        python.apply(PythonAction::Started);
        python.apply(PythonAction::Ended(
            How::Deadlock,
            Duration::ZERO,
            1.0,
            String::new(),
        ));
        assert_eq!(python.state_id(), "stopped");
        python.apply(PythonAction::Started);
        python.apply(PythonAction::Ended(
            How::Failed,
            Duration::ZERO,
            1.0,
            "Traceback".into(),
        ));
        assert_eq!(python.state_id(), "failed");
        assert_eq!(&*python.ended.unwrap().traceback, "Traceback");
        let mut broken = Python::default();
        broken.apply(PythonAction::Open);
        broken.apply(PythonAction::RuntimeFailed("no wasm".into()));
        assert_eq!(broken.state_id(), "failed");
    }

    #[test]
    fn only_the_latest_output_is_kept() {
        let mut python = Python::default();
        python.apply(PythonAction::Started);
        for _ in 0..3 {
            python.apply(PythonAction::Printed(false, "ж".repeat(OUTPUT_KEPT / 4)));
            python.apply(PythonAction::Printed(true, "e".repeat(OUTPUT_KEPT / 4)));
        }
        let size: usize = python.output.iter().map(|(_, text)| text.len()).sum();
        assert!(size <= OUTPUT_KEPT, "{size}");
        assert_eq!(python.output.last().map(|(err, _)| *err), Some(true));
    }
}

//! The benchmark's floor (bench/run.mjs): the page's runtime
//! (`async_playground::runtime`) running N concurrent tasks of one 1 s wait,
//! as the page runs them, but with nothing of the page around it. Each
//! variant adds one layer, so the differences between them say where a
//! task's time goes:
//!
//! - `timers`: N sleeps on the runtime's timer queue, joined; no tasks,
//!   no reports (arming and waking a timer);
//! - `floor`: the runtime's run of the scenario, its reports dropped
//!   (creating, polling and ending the tasks, besides their timers);
//! - `recording`: the same, its reports recorded once per animation frame
//!   into the model's `Recording`, as the page's reducer does, with
//!   nothing drawn.
//!
//! The page itself adds drawing. Natively this crate is empty.

#[cfg(target_arch = "wasm32")]
mod floor {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;

    use futures::channel::oneshot;
    use futures::stream::{FuturesUnordered, StreamExt};
    use gloo_render::{request_animation_frame, AnimationFrame};
    use wasm_bindgen::prelude::*;

    use async_playground::runtime::{self, timers};
    use model::events::{Report, RunEvent};
    use model::recording::Recording;
    use model::scenario::{Mode, Scale, Scenario};
    use model::state::Plan;

    const MODES: &[Mode] = &[Mode::Concurrent];

    /// What one run measured, in milliseconds from its start.
    struct Figures {
        /// The run's measured total, as the page shows it.
        total: f64,
        /// When the last task started.
        last_start: f64,
        /// When the last task ended.
        last_end: f64,
    }

    fn ms(at: Duration) -> f64 {
        at.as_secs_f64() * 1000.0
    }

    /// The page's own warm-up (`runtime::warm_up`), as the page runs it
    /// once it is on screen; resolves when it has finished in both modes.
    #[wasm_bindgen]
    pub async fn warm_up() {
        let (done, finished) = oneshot::channel();
        let done = Cell::new(Some(done));
        let modes = Cell::new(0);
        runtime::warm_up(move |_, report| {
            if matches!(report, Report::Finished(_)) {
                modes.set(modes.get() + 1);
                if modes.get() == Mode::ALL.len() {
                    if let Some(done) = done.take() {
                        let _ = done.send(());
                    }
                }
            }
        });
        let _ = finished.await;
    }

    /// Runs `count` tasks of one wait of `wait_ms` concurrently in
    /// `variant` (`timers`, `floor` or `recording`) and resolves to
    /// `[total, last start, last end]`, in milliseconds from the run's start.
    #[wasm_bindgen]
    pub async fn run(count: u32, wait_ms: u32, variant: String) -> Result<Vec<f64>, JsError> {
        let (count, wait) = (count as usize, f64::from(wait_ms));
        let figures = match variant.as_str() {
            "timers" => sleeps(count, wait).await,
            "floor" => scenario(count, wait, false).await,
            "recording" => scenario(count, wait, true).await,
            other => return Err(JsError::new(&format!("no variant {other}"))),
        };
        Ok(vec![figures.total, figures.last_start, figures.last_end])
    }

    async fn sleeps(count: usize, wait: f64) -> Figures {
        let began = runtime::now_ms();
        let mut all: FuturesUnordered<_> = (0..count)
            .map(|_| timers::sleep_until(began + wait))
            .collect();
        while all.next().await.is_some() {}
        let total = runtime::now_ms() - began;
        Figures {
            total,
            last_start: 0.0,
            last_end: total,
        }
    }

    /// The reports of a run, recorded once per frame, as the page does.
    struct Recorder {
        recording: RefCell<Recording>,
        waiting: RefCell<Vec<Report>>,
        frame: RefCell<Option<AnimationFrame>>,
    }

    impl Recorder {
        fn keep(self: &Rc<Self>, report: Report) {
            self.waiting.borrow_mut().push(report);
            if self.frame.borrow().is_none() {
                let recorder = Rc::downgrade(self);
                let frame = request_animation_frame(move |_| {
                    if let Some(recorder) = recorder.upgrade() {
                        recorder.frame.borrow_mut().take();
                        recorder.flush();
                    }
                });
                *self.frame.borrow_mut() = Some(frame);
            }
        }

        fn flush(&self) {
            let reports = self.waiting.take();
            self.recording.borrow_mut().record(reports);
        }
    }

    async fn scenario(count: usize, wait: f64, record: bool) -> Figures {
        let wait = Duration::from_secs_f64(wait / 1000.0);
        let plan = Plan::new(Scenario::uniform(count, wait));
        let recorder = record.then(|| {
            Rc::new(Recorder {
                recording: RefCell::new(plan.recording(Mode::Concurrent)),
                waiting: RefCell::default(),
                frame: RefCell::default(),
            })
        });
        let (done, finished) = oneshot::channel();
        let done = Cell::new(Some(done));
        let last_start = Rc::new(Cell::new(0.0));
        let last_end = Rc::new(Cell::new(0.0));
        let handle = {
            let (last_start, last_end, recorder) =
                (last_start.clone(), last_end.clone(), recorder.clone());
            runtime::start(&plan, MODES, Scale::X1, move |_, report| {
                match report {
                    Report::Event(RunEvent::Started { at, .. }) => {
                        last_start.set(f64::max(last_start.get(), ms(at)));
                    }
                    Report::Event(RunEvent::Finished { at, .. }) => {
                        last_end.set(f64::max(last_end.get(), ms(at)));
                    }
                    Report::Finished(total) => {
                        if let Some(done) = done.take() {
                            let _ = done.send(ms(total));
                        }
                    }
                    _ => {}
                }
                if let Some(recorder) = &recorder {
                    recorder.keep(report);
                }
            })
        };
        let total = finished.await.unwrap_or(f64::NAN);
        drop(handle);
        if let Some(recorder) = recorder {
            recorder.flush();
        }
        Figures {
            total,
            last_start: last_start.get(),
            last_end: last_end.get(),
        }
    }
}

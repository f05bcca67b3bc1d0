//! The root: owns the state, the run in progress, and the frame loop that
//! hands the run's reports to the reducer.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use super::components::editor::Editor;
use super::components::header::Header;
use super::components::log_panel::LogPanel;
use super::components::run_controls::RunControls;
use super::components::timeline_panel::TimelinePanel;
use super::components::totals::Totals;
use super::use_animation_frames::use_animation_frames;
use super::PlaygroundHandle;
use crate::i18n::Lang;
use crate::recording::Report;
use crate::runtime::{self, RunHandle};
use crate::scenario::{Mode, RunChoice, Scale};
use crate::state::{Action, Phase, Playground};

/// A run in progress: its futures, and the reports they sent since the
/// last frame. Dropping it stops the run.
struct Session {
    run_id: u64,
    scale: Scale,
    handles: Vec<RunHandle>,
    inbox: Rc<RefCell<Vec<(Mode, Report)>>>,
}

impl Session {
    /// The run's clock, in scenario time.
    fn now(&self) -> Duration {
        let started_at = self.handles.first().map_or(0.0, RunHandle::started_at);
        let real = Duration::from_secs_f64((runtime::now_ms() - started_at).max(0.0) / 1000.0);
        self.scale.to_scenario(real)
    }
}

fn browser_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|window| window.navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&tag)
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| Playground::new(browser_lang()));
    let session = use_mut_ref(|| None::<Session>);
    let runs_started = use_mut_ref(|| 0u64);

    {
        let lang = state.lang;
        use_effect_with(lang, |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.tag());
            }
        });
    }

    let on_frame = {
        let state = state.clone();
        let session = session.clone();
        Callback::from(move |()| {
            let session = session.borrow();
            let Some(session) = session.as_ref() else {
                return;
            };
            let reports = session.inbox.take();
            state.dispatch(Action::Progress {
                run_id: session.run_id,
                now: session.now(),
                reports,
            });
        })
    };
    use_animation_frames(state.phase == Phase::Running, on_frame);

    let on_run = {
        let state = state.clone();
        let session = session.clone();
        Callback::from(move |choice: RunChoice| {
            let Ok(scenario) = state.scenario() else {
                return;
            };
            // The run before, if any, stops here: its futures are dropped.
            session.borrow_mut().take();
            let run_id = {
                let mut runs_started = runs_started.borrow_mut();
                *runs_started += 1;
                *runs_started
            };
            let scenario = Rc::new(scenario);
            let inbox: Rc<RefCell<Vec<(Mode, Report)>>> = Rc::default();
            let handles = choice
                .modes()
                .iter()
                .map(|&mode| {
                    let inbox = inbox.clone();
                    runtime::start(scenario.clone(), mode, state.scale, move |report| {
                        inbox.borrow_mut().push((mode, report));
                    })
                })
                .collect();
            *session.borrow_mut() = Some(Session {
                run_id,
                scale: state.scale,
                handles,
                inbox,
            });
            state.dispatch(Action::Start {
                run_id,
                choice,
                scenario,
            });
        })
    };

    let on_stop = {
        let state = state.clone();
        Callback::from(move |()| {
            session.borrow_mut().take();
            state.dispatch(Action::Stop);
        })
    };

    html! {
        <ContextProvider<PlaygroundHandle> context={state}>
            <div class="page">
                <Header />
                <main class="layout">
                    <Editor />
                    <section class="results">
                        <RunControls {on_run} {on_stop} />
                        <Totals />
                        <TimelinePanel />
                        <LogPanel />
                    </section>
                </main>
            </div>
        </ContextProvider<PlaygroundHandle>>
    }
}

//! The root: owns the state, the run in progress, and the frame loop that
//! hands the run's reports to the reducer.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use super::after_next_paint::{after_next_paint, AfterNextPaint};
use super::components::editor::Editor;
use super::components::embed_bar::EmbedBar;
use super::components::header::Header;
use super::components::link_notice::LinkNotice;
use super::components::log_panel::LogPanel;
use super::components::run_controls::RunControls;
use super::components::share_panel::SharePanel;
use super::components::timeline_panel::TimelinePanel;
use super::components::totals::Totals;
use super::location;
use super::use_animation_frames::use_animation_frames;
use super::use_post_height::use_post_height;
use super::Dispatch;
use crate::i18n::{self, Lang};
use crate::link;
use crate::recording::{Recording, Report};
use crate::runtime::{self, RunHandle};
use crate::scenario::{Mode, RunChoice, Scale};
use crate::state::{scenario_of, Action, Phase, Playground};

/// A run in progress: its futures, and the reports they sent since the
/// last frame. Dropping it stops the run, or cancels it before it starts.
struct Session {
    run_id: u64,
    scale: Scale,
    /// The run's futures start once the page shows it running, so that
    /// drawing the new view never delays the run being measured.
    starting: Option<AfterNextPaint>,
    handles: Vec<RunHandle>,
    inbox: Rc<RefCell<Vec<(Mode, Report)>>>,
}

impl Session {
    /// The run's clock, in scenario time; zero until it has started.
    fn now(&self) -> Duration {
        let Some(started_at) = self.handles.first().map(RunHandle::started_at) else {
            return Duration::ZERO;
        };
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
    let state = use_reducer(|| Playground::open(location::read(), browser_lang()));
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

    {
        let change = state.link_change;
        use_effect_with(state.link.clone(), move |link| location::show(link, change));
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let listeners = location::on_change(move || {
                dispatcher.dispatch(Action::OpenLink(location::read()));
            });
            move || drop(listeners)
        });
    }
    use_post_height(state.embed);

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
            let scale = state.scale;
            let starting = {
                let (session, scenario, inbox) = (session.clone(), scenario.clone(), inbox.clone());
                after_next_paint(move || {
                    let handles = choice
                        .modes()
                        .iter()
                        .map(|&mode| {
                            let inbox = inbox.clone();
                            runtime::start(scenario.clone(), mode, scale, move |report| {
                                inbox.borrow_mut().push((mode, report));
                            })
                        })
                        .collect();
                    if let Some(current) = session.borrow_mut().as_mut() {
                        current.handles = handles;
                        current.starting = None;
                    }
                })
            };
            *session.borrow_mut() = Some(Session {
                run_id,
                scale,
                starting: Some(starting),
                handles: Vec::new(),
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

    let preview = use_memo(state.drafts.clone(), |drafts| {
        scenario_of(drafts)
            .ok()
            .map(|scenario| Rc::new(Recording::new(Mode::Concurrent, Rc::new(scenario))))
    });
    let full_url = use_memo(state.link.clone(), |link| {
        location::full_url(&link::without_embed(link))
    });
    let lang = state.lang;
    let summary = use_memo((preview.clone(), lang), |(preview, lang)| {
        preview
            .as_ref()
            .as_ref()
            .map(|preview| i18n::scenario_summary(*lang, &preview.scenario))
            .unwrap_or_default()
    });

    let notice = html! { <LinkNotice problems={state.notice.clone()} {lang} /> };
    let run_controls = html! {
        <RunControls
            phase={state.phase}
            mode={state.mode}
            scale={state.scale}
            blocked={state.not_runnable()}
            {lang}
            {on_run}
            {on_stop}
        />
    };
    let totals = html! {
        <Totals recordings={state.recordings.clone()} predictions={state.predictions.clone()} {lang} />
    };
    let timeline = html! {
        <TimelinePanel recordings={state.recordings.clone()} preview={(*preview).clone()} {lang} />
    };

    let page = if state.embed {
        html! {
            <div class="page embed">
                { notice }
                <EmbedBar summary={(*summary).clone()} full_url={(*full_url).clone()} {lang} />
                { run_controls }
                { totals }
                { timeline }
            </div>
        }
    } else {
        html! {
            <div class="page">
                <Header {lang} />
                { notice }
                <main class="layout">
                    <Editor
                        drafts={state.drafts.clone()}
                        bulk={state.bulk.clone()}
                        page={state.page}
                        locked={state.phase == Phase::Running}
                        {lang}
                    />
                    <section class="results">
                        { run_controls }
                        <SharePanel link={AttrValue::from(state.link.to_string())} {lang} />
                        { totals }
                        { timeline }
                        <LogPanel recordings={state.recordings.clone()} {lang} />
                    </section>
                </main>
            </div>
        }
    };
    html! {
        <ContextProvider<Dispatch> context={state.dispatcher()}>
            { page }
        </ContextProvider<Dispatch>>
    }
}

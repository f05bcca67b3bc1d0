//! The root: owns the state and the run in progress, whose reports it
//! hands to the reducer once per animation frame while they come.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use gloo_render::{request_animation_frame, AnimationFrame};
use yew::prelude::*;

use super::after_next_paint::{after_next_paint, AfterNextPaint};
use super::components::code_panel::CodePanel;
use super::components::editor::Editor;
use super::components::embed_bar::embed_bar;
use super::components::header::header;
use super::components::link_notice::link_notice;
use super::components::log_panel::log_panel;
use super::components::loop_panel::loop_panel;
use super::components::preset_about::preset_about;
use super::components::python_opener::python_opener;
use super::components::replay_bar::{replay_bar, use_replay_state};
use super::components::run_controls::{run_controls, RunControlsProps};
use super::components::run_data::{run_data, use_run_data_state};
use super::components::share_panel::SharePanel;
use super::components::timeline_panel::{timeline_panel, TimelinePanelProps};
use super::components::totals::{totals, TotalsProps};
use super::keep_focus;
use super::location;
use super::theme::Theme;
use super::use_post_height::use_post_height;
use super::worker;
use super::{Dispatch, Page};
use crate::runtime::{self, RunHandle, RunOrigin};
use model::events::Report;
use model::lang::Lang;
use model::link;
use model::presets::Preset;
use model::scenario::{Mode, RunChoice, Scale};
use model::state::{Action, LinkAction, Phase, Playground, RunAction};
use model::view;
use presentation::i18n::{self, Text};
use presentation::wire;

/// A run in progress, as its report sinks and its frame share it.
///
/// Reports wait here until the next animation frame, which hands them all
/// to the reducer at once. A frame is asked for only when a report comes:
/// between events no script runs and the curtain on the timeline moves by
/// itself (a CSS animation), which keeps the page's own work from delaying
/// the timers it measures.
///
/// A frame that would draw thousands of tasks while the runtime is about to
/// wake some holds its reports for a later frame (see [`Run::holds`]).
struct Run {
    run_id: u64,
    scale: Scale,
    origin: RefCell<Option<RunOrigin>>,
    reports: RefCell<Vec<(Mode, Report)>>,
    frame: RefCell<Option<AnimationFrame>>,
    /// Whether the run is large enough for a frame to hold its reports.
    large: bool,
    /// How many frames in a row have held their reports.
    held: Cell<u32>,
    dispatcher: Dispatch,
}

/// From how many tasks a run's frames may hold their reports: drawing a run
/// of thousands of tasks keeps the thread for a frame's length or more;
/// drawing a few is too quick to delay a timer.
const HOLD_FROM_TASKS: usize = 1_000;
/// A frame holds if the runtime wakes a sleep within this: two frames.
const HOLD_WITHIN_MS: f64 = 33.0;
/// At most this many frames in a row hold: the page draws at least every
/// fourth frame, whatever the run does.
const MAX_HELD_FRAMES: u32 = 3;

impl Run {
    /// Keeps a report for the next frame, asking for one if need be.
    fn report(self: &Rc<Self>, mode: Mode, report: Report) {
        self.reports.borrow_mut().push((mode, report));
        if self.frame.borrow().is_none() {
            self.ask_for_frame();
        }
    }

    fn ask_for_frame(self: &Rc<Self>) {
        let run = Rc::downgrade(self);
        let frame = request_animation_frame(move |_| {
            if let Some(run) = run.upgrade() {
                run.frame.borrow_mut().take();
                if run.holds() {
                    run.held.set(run.held.get() + 1);
                    run.ask_for_frame();
                } else {
                    run.held.set(0);
                    run.flush();
                }
            }
        });
        *self.frame.borrow_mut() = Some(frame);
    }

    /// Whether this frame leaves its reports for a later one: in a large
    /// run, when the runtime is about to wake a sleep, drawing the run now
    /// would make it, and those after it, wake late by the frame's length,
    /// and the measured total with them (a run of 10,000 tasks ends in
    /// bursts, a batch of wakes a fraction of a millisecond after the one
    /// before).
    fn holds(&self) -> bool {
        self.large
            && self.held.get() < MAX_HELD_FRAMES
            && runtime::next_wake_in_ms().is_some_and(|ms| ms < HOLD_WITHIN_MS)
    }

    /// Hands every waiting report to the reducer, with the run's clock.
    fn flush(&self) {
        self.dispatcher.dispatch(Action::Run(RunAction::Progress {
            run_id: self.run_id,
            now: self.now(),
            reports: self.reports.take(),
        }));
    }

    /// The run's clock, in scenario time; zero until it has started.
    fn now(&self) -> Duration {
        self.origin
            .borrow()
            .as_ref()
            .map_or(Duration::ZERO, |origin| {
                origin.scenario_time(runtime::now_ms(), self.scale)
            })
    }
}

/// The run in progress and what it owns. Dropping it stops the run, or
/// cancels it before it starts.
struct Session {
    run: Rc<Run>,
    /// The run's futures start once the page shows it running, so that
    /// drawing the new view never delays the run being measured.
    _starting: AfterNextPaint,
    handle: Rc<RefCell<Option<RunHandle>>>,
}

/// The `performance.mark` set when the page first becomes usable.
pub const USABLE_MARK: &str = "async-playground:usable";
/// The `performance.mark` set when the warm-up run has finished: from then
/// on a run measures the scenario, not the browser compiling the runtime.
pub const WARM_MARK: &str = "async-playground:warm";

fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
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
    let state = use_reducer(|| Page(Playground::open(location::read(), browser_lang())));
    let session = use_mut_ref(|| None::<Session>);
    let runs_started = use_mut_ref(|| 0u64);
    let theme = use_state(Theme::current);
    // The Python panel: shown, and asked for. A link with a program opens it.
    let python_shown = use_state(|| state.program.is_some());
    let python_asked = use_state(|| state.program.is_some());
    let run_data_state = use_run_data_state();
    let replay_state = use_replay_state(state.run.replay_length());
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |choice: Theme| {
            choice.apply();
            theme.set(choice);
        })
    };

    {
        let lang = state.lang;
        use_effect_with(lang, |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.tag());
            }
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(Text::Title.get(*lang));
            }
        });
    }

    // The page is usable once its first render is on screen; the benchmark
    // reads this mark (see BENCHMARKS.md), and www/boot.js registers the
    // service worker when it is set. Then, after that first paint, a
    // run nobody sees has the browser compile the runtime, so that the
    // learner's first run measures the scenario, not the compiler; its end
    // sets the warm mark, which the benchmark waits for before it clicks.
    use_effect_with((), |()| {
        mark(USABLE_MARK);
        let warm_up = after_next_paint(|| {
            let finished = Cell::new(0);
            runtime::warm_up(move |_, report| {
                if matches!(report, Report::Finished(_)) {
                    finished.set(finished.get() + 1);
                    if finished.get() == Mode::ALL.len() {
                        mark(WARM_MARK);
                    }
                }
            });
        });
        move || drop(warm_up)
    });
    {
        let change = state.link.change;
        use_effect_with(state.link.current.clone(), move |link| {
            location::show(link, change)
        });
    }
    {
        // The link's problems, if it had any, are worded by the code worker
        // (the page carries none of their words): for the link the page
        // opened with, and for each one the address changes to.
        let dispatcher = state.dispatcher();
        let opened = (state.link.notice_source.clone(), state.lang);
        use_effect_with((), move |()| {
            word_problems(opened.0, opened.1, &dispatcher);
            let listeners = location::on_change(move || {
                let read = location::read();
                let lang = read.shared.lang.unwrap_or_else(browser_lang);
                word_problems(read.source.clone(), lang, &dispatcher);
                dispatcher.dispatch(Action::Link(LinkAction::Open(read)));
            });
            move || drop(listeners)
        });
    }
    use_post_height(state.embed);
    // Workers boot as soon as a scenario offloads, not during its run.
    use_effect_with(state.plan.clone(), |plan| {
        if let Some(plan) = plan {
            runtime::workers::prepare(&plan.scenario);
        }
    });

    let on_run = {
        let state = state.clone();
        let session = session.clone();
        Callback::from(move |choice: RunChoice| {
            let Some(plan) = state.plan.clone() else {
                return;
            };
            // The run before, if any, stops here: its futures are dropped.
            session.borrow_mut().take();
            let run_id = {
                let mut runs_started = runs_started.borrow_mut();
                *runs_started += 1;
                *runs_started
            };
            let run = Rc::new(Run {
                run_id,
                scale: state.scale,
                origin: RefCell::default(),
                reports: RefCell::default(),
                frame: RefCell::default(),
                large: plan.scenario.tasks.len() >= HOLD_FROM_TASKS,
                held: Cell::new(0),
                dispatcher: state.dispatcher(),
            });
            let handle: Rc<RefCell<Option<RunHandle>>> = Rc::default();
            let starting = {
                let (run, handle, plan) = (run.clone(), handle.clone(), plan.clone());
                after_next_paint(move || {
                    let reporter = run.clone();
                    let started =
                        runtime::start(&plan, choice.modes(), run.scale, move |mode, report| {
                            reporter.report(mode, report);
                        });
                    *run.origin.borrow_mut() = Some(started.origin());
                    *handle.borrow_mut() = Some(started);
                })
            };
            *session.borrow_mut() = Some(Session {
                run,
                _starting: starting,
                handle,
            });
            state.dispatch(Action::Run(RunAction::Start {
                run_id,
                choice,
                plan,
            }));
        })
    };

    let on_cancel = {
        let session = session.clone();
        let choice = state.mode;
        Callback::from(move |(mode, task): (Mode, usize)| {
            keep_focus::after_cancel(mode, task, choice);
            if let Some(session) = session.borrow().as_ref() {
                if let Some(handle) = session.handle.borrow().as_ref() {
                    handle.cancel(mode, task);
                }
            }
        })
    };

    let on_stop = {
        let state = state.clone();
        let session = session.clone();
        Callback::from(move |()| {
            keep_focus::after_stop(state.mode);
            if let Some(session) = session.borrow_mut().take() {
                // What happened up to now is shown; the rest is dropped.
                session.run.flush();
                drop(session.handle);
            }
            state.dispatch(Action::Run(RunAction::Stop));
        })
    };

    let running = state.run.is_running();
    // The run lives while the state says it runs. One that cannot go on,
    // or that a link to another scenario stopped, is dropped as Stop drops
    // it: its futures, and with them their timers.
    {
        let session = session.clone();
        use_effect_with(running, move |&running| {
            if !running {
                session.borrow_mut().take();
            }
        });
    }

    // The last run as the timeline, the log and the loop panel show it: as
    // it stood at the replayed moment, if one is chosen.
    let shown = use_memo(
        (state.run.recordings.clone(), state.run.replay),
        |(recordings, replay)| view::at_replay(recordings, *replay),
    );
    let clock = view::shown_clock(&state.run);
    let following = view::following(&state.run);
    let hidden = view::prediction_hidden(&state);
    let preview = use_memo((state.plan.clone(), hidden), |(plan, hidden)| {
        plan.as_ref()
            .filter(|_| !hidden)
            .map(|plan| Rc::new(plan.recording(Mode::Concurrent)))
    });
    // Only the embedded page shows this; the full page does not pay for it
    // on every edit.
    let full_url = use_memo(
        (state.link.current.clone(), state.embed),
        |(link, embed)| {
            embed
                .then(|| location::full_url(&link::without_embed(link)))
                .unwrap_or_default()
        },
    );
    let lang = state.lang;
    let preset = use_memo(state.plan.clone(), |plan| {
        plan.as_ref()
            .and_then(|plan| Preset::matching(&plan.scenario))
    });
    // The scenario in one line, above the run buttons: what a link opened,
    // in view without scrolling.
    let summary = use_memo((state.plan.clone(), lang), |(plan, lang)| match plan {
        Some(plan) => i18n::summaries::scenario_summary(*lang, &plan.scenario),
        None => String::new(),
    });

    let notice = link_notice(
        &state.link.notice,
        state.link.notice_words.as_deref(),
        lang,
        &state.dispatcher(),
    );
    let run_controls = run_controls(
        &RunControlsProps {
            phase: state.run.phase,
            mode: state.mode,
            scale: state.scale,
            blocked: view::not_runnable(&state),
            hold: view::page_hold(&state),
            outcome: (state.run.phase == Phase::Done)
                .then(|| i18n::summaries::run_outcome(lang, &state.run.recordings)),
            failure: state.run.failure(),
            lang,
            on_run,
            on_stop,
        },
        &state.dispatcher(),
    );
    let totals = totals(
        &TotalsProps {
            recordings: &state.run.recordings,
            earlier: &state.run.earlier,
            plan: state.plan.as_ref(),
            guesses: &state.guesses,
            hidden,
            running,
            lang,
        },
        &state.dispatcher(),
    );
    let timeline = timeline_panel(&TimelinePanelProps {
        recordings: (*shown).clone(),
        preview: (*preview).clone(),
        clock,
        running,
        scale: state.scale,
        on_cancel,
        hidden,
        lang,
    });

    let python_panel = python_opener(
        [&python_shown, &python_asked],
        &AttrValue::from(state.link.current.clone()),
        lang,
    );
    let page = if state.embed {
        html! {
            <div class="page embed">
                { notice }
                { embed_bar(&summary, &full_url, lang) }
                { run_controls }
                { totals }
                { timeline }
                if state.program.is_some() {
                    { python_panel }
                }
            </div>
        }
    } else {
        html! {
            <div class="page">
                { header(lang, &state.dispatcher(), *theme, &on_theme) }
                { notice }
                <main class="layout">
                    <Editor
                        drafts={state.editor.drafts.clone()}
                        bulk={state.editor.bulk.clone()}
                        knobs={state.editor.knobs.clone()}
                        page={state.editor.page}
                        locked={running}
                        {lang}
                    />
                    <section class="results">
                        <p class="scenario-line" data-testid="scenario-line">{ (*summary).clone() }</p>
                        { preset_about(*preset, hidden, lang) }
                        { run_controls }
                        <SharePanel link={state.link.current.clone()} too_big={state.link.unlinkable.is_some()} {lang} />
                        { totals }
                        if let Some(length) = state.run.replay_length() {
                            { replay_bar(length, state.run.replay, lang, &state.dispatcher(), &replay_state) }
                        }
                        { timeline }
                        if state.run.phase == Phase::Done || state.run.phase == Phase::Stopped {
                            { run_data(&state.run.recordings, state.run.scale, lang, &run_data_state) }
                        }
                        { loop_panel(&shown, clock, following, running, lang) }
                        { log_panel(&shown, running, lang) }
                        <CodePanel scenario={state.plan.as_ref().map(|plan| plan.scenario.clone())}
                            choice={state.mode} {lang} />
                        { python_panel }
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

/// Asks the code worker for the words of what the link `source` carried
/// that could not be used ([`wire::code::problems_request`]), in `lang`,
/// and hands them to the state, which shows the notice then. Nothing for a
/// link that had no problems.
fn word_problems(source: Rc<str>, lang: Lang, dispatcher: &Dispatch) {
    if source.is_empty() {
        return;
    }
    let (request, dispatcher) = (
        wire::code::problems_request(lang, &source),
        dispatcher.clone(),
    );
    wasm_bindgen_futures::spawn_local(async move {
        let words = Rc::from(worker::ask(&request).await.unwrap_or_default());
        dispatcher.dispatch(Action::Link(LinkAction::Worded { source, words }));
    });
}

//! The run buttons, Stop, the speed, and where the run is.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::ui::Dispatch;
use model::events::Failure;
use model::lang::Lang;
use model::scenario::{RunChoice, Scale};
use model::state::{Action, NotRunnable, Phase};
use presentation::i18n::{self, Text};

/// What [`run_controls`] shows, and calls back with.
pub struct RunControlsProps {
    /// Where the page is in a run.
    pub phase: Phase,
    /// The run the page suggests: its button stands out.
    pub mode: RunChoice,
    /// The speed of runs.
    pub scale: Scale,
    /// Why the scenario cannot run, if it cannot.
    pub blocked: Option<NotRunnable>,
    /// How long the suggested run's work would hold the page at once, if
    /// for seconds ([`model::state::Playground::page_hold`]).
    pub hold: Option<std::time::Duration>,
    /// What the finished run measured, in words: said after "Done", so a
    /// screen reader announces the result once, not every event.
    pub outcome: Option<String>,
    /// Why the last run stopped by itself, if it did.
    pub failure: Option<Failure>,
    /// The page's language.
    pub lang: Lang,
    /// A run button was pressed.
    pub on_run: Callback<RunChoice>,
    /// Stop was pressed.
    pub on_stop: Callback<()>,
}

/// The buttons that start and stop runs. A part of the page's view rather
/// than a component of its own: each component type costs the page's
/// download kilobytes.
pub fn run_controls(props: &RunControlsProps, dispatch: &Dispatch) -> Html {
    let dispatch = dispatch.clone();
    let RunControlsProps {
        phase,
        mode,
        scale,
        blocked,
        lang,
        ..
    } = *props;
    let running = phase == Phase::Running;

    let run_button = |choice: RunChoice, id: &'static str, label: Text| {
        let on_run = props.on_run.clone();
        html! {
            <button
                type="button"
                class={classes!("run", (choice == mode).then_some("suggested"))}
                {id}
                data-testid={id}
                disabled={blocked.is_some()}
                onclick={Callback::from(move |_| on_run.emit(choice))}
            >
                { label.get(lang) }
            </button>
        }
    };
    let on_stop = {
        let on_stop = props.on_stop.clone();
        Callback::from(move |_| on_stop.emit(()))
    };
    let on_scale = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        if let Some(&scale) = Scale::ALL.get(select.selected_index().max(0) as usize) {
            dispatch.dispatch(Action::SetScale(scale));
        }
    });
    let phase_text = match phase {
        Phase::Idle => Text::StateIdle,
        Phase::Running => Text::StateRunning,
        Phase::Done => Text::StateDone,
        Phase::Stopped => Text::StateStopped,
    };
    let scales = Scale::ALL.iter().map(|&option| {
        let label = match option {
            Scale::X1 => Text::RealTime.get(lang).to_owned(),
            other => format!("×{}", other.factor()),
        };
        html! { <option selected={option == scale}>{ label }</option> }
    });

    html! {
        <div class="run-controls">
            <div class="run-buttons">
                { run_button(RunChoice::Sequential, "run-sequential", Text::RunSequential) }
                { run_button(RunChoice::Concurrent, "run-concurrent", Text::RunConcurrent) }
                { run_button(RunChoice::Compare, "run-compare", Text::RunCompare) }
                <button type="button" class="stop" id="stop" data-testid="stop" disabled={!running} onclick={on_stop}>
                    { Text::Stop.get(lang) }
                </button>
                <label class="speed">
                    { Text::Speed.get(lang) }
                    <select data-testid="scale" disabled={running} onchange={on_scale}>{ for scales }</select>
                </label>
            </div>
            <p class={classes!("run-state", phase.id())} data-testid="run-state" data-state={phase.id()} role="status">
                { phase_text.get(lang) }
                if let Some(outcome) = &props.outcome {
                    <span class="run-outcome" data-testid="run-outcome">{ " " }{ outcome }</span>
                }
            </p>
            if let Some(failure) = props.failure {
                <p class="field-error" role="alert" data-testid="run-failure" data-failure={failure.id()}>
                    { i18n::errors::failure(lang, failure) }
                </p>
            }
            if scale != Scale::X1 {
                <p class="note scale-note" data-testid="scale-note">{ i18n::summaries::scale_note(lang, scale.factor()) }</p>
            }
            if let Some(hold) = props.hold {
                <p class="note" data-testid="hold-note">{ i18n::summaries::hold_note(lang, hold) }</p>
            }
            if let Some(reason) = blocked {
                <p class="field-error" role="alert" data-testid="not-runnable">
                    { match reason {
                        NotRunnable::NoTasks => Text::NoTasks.get(lang),
                        NotRunnable::InvalidFields => Text::FixToRun.get(lang),
                    } }
                </p>
            }
        </div>
    }
}

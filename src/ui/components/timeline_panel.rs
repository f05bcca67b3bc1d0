//! The live timeline: a lane per task, or for many tasks a chart of how
//! many wait and how many are done, with runs side by side on one axis.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use super::run_timeline::RunTimeline;
use model::lang::Lang;
use model::recording::Recording;
use model::scenario::{Mode, Scale};
use model::timeline;
use model::view;
use presentation::i18n::Text;

/// What [`timeline_panel`] shows.
pub struct TimelinePanelProps {
    /// The current or last run.
    pub recordings: Vec<Rc<Recording>>,
    /// What to show before a run: the scenario in the editor, not started.
    pub preview: Option<Rc<Recording>>,
    /// The run clock.
    pub clock: Duration,
    /// Whether a run goes on.
    pub running: bool,
    /// How fast runs go.
    pub scale: Scale,
    /// Cancels a task of a run, while it runs.
    pub on_cancel: Callback<(Mode, usize)>,
    /// Whether the preview is kept hidden until the learner has guessed.
    pub hidden: bool,
    /// The page's language.
    pub lang: Lang,
}

/// The timelines of the current or last run, or of the scenario in the
/// editor before it has run. A part of the page's view rather than a
/// component of its own: each component type costs the page's download
/// kilobytes, and each run's timeline is a component that draws only when
/// its own props change.
pub fn timeline_panel(props: &TimelinePanelProps) -> Html {
    let TimelinePanelProps {
        recordings,
        preview,
        clock,
        running,
        scale,
        on_cancel,
        hidden,
        lang,
    } = props;
    let (clock, running, scale, lang) = (*clock, *running, *scale, *lang);
    let shown: &[Rc<Recording>] = match preview {
        Some(preview) if recordings.is_empty() => std::slice::from_ref(preview),
        _ => recordings,
    };
    let axis = timeline::axis_length(shown.iter().map(Rc::as_ref), clock);
    let in_turn = view::in_turn(recordings);
    // A task is cancelled from its lane's name: said where the lanes are.
    let lanes = view::cancellable(shown);
    let legend = [
        (Text::LegendPending, "pending"),
        (Text::LegendQueued, "queued"),
        (Text::LegendWaiting, "waiting"),
        (Text::LegendRunning, "running"),
        (Text::LegendOffloaded, "offloaded"),
        (Text::LegendReceiving, "receiving"),
        (Text::LegendWriting, "writing"),
        (Text::LegendBlocked, "blocked"),
        (Text::LegendDelayed, "delayed"),
        (Text::LegendDone, "done"),
        (Text::LegendTimedOut, "timed-out"),
        (Text::LegendCancelled, "cancelled"),
        (Text::LegendStall, "stall"),
        (Text::LegendBrowserStall, "stall browser"),
    ]
    .into_iter()
    .map(|(text, class)| html! { <li><span class={classes!("swatch", class)}></span>{ text.get(lang) }</li> });

    html! {
        <section class="timeline" data-testid="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ Text::Timeline.get(lang) }</h2>
            <ul class="legend">{ for legend }</ul>
            if in_turn {
                <p class="note" data-testid="in-turn">{ Text::InTurn.get(lang) }</p>
            }
            if lanes {
                <p class="note" data-testid="cancel-hint">{ Text::CancelHint.get(lang) }</p>
            }
            if shown.is_empty() {
                <p class="note" data-testid="timeline-note">
                    { if *hidden { Text::GuessHidden } else { Text::TimelineEmpty }.get(lang) }
                </p>
            }
            <div class="runs">
                { for shown.iter().map(|recording| html! {
                    <RunTimeline
                        key={recording.mode.id()}
                        recording={recording.clone()}
                        {axis}
                        now={recording.clock(clock)}
                        running={running && !recording.is_finished()}
                        {scale}
                        on_cancel={(running && !recording.is_finished()).then(|| on_cancel.clone())}
                        {lang}
                    />
                }) }
            </div>
        </section>
    }
}

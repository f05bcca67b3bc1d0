//! The live timeline: a lane per task, or for many tasks a chart of how
//! many wait and how many are done, with runs side by side on one axis.

use std::time::Duration;

use yew::prelude::*;

use crate::i18n::{self, Lang, Text};
use crate::recording::Recording;
use crate::scenario::{Mode, Scenario};
use crate::timeline::{self, Timeline};
use crate::ui::use_playground;

fn mode_title(mode: Mode) -> Text {
    match mode {
        Mode::Sequential => Text::ModeSequential,
        Mode::Concurrent => Text::ModeConcurrent,
    }
}

fn percent_style(left: f64, width: f64) -> String {
    format!("left:{left:.3}%;width:{width:.3}%")
}

fn run_view(recording: &Recording, axis: Duration, lang: Lang) -> Html {
    let now = (recording.now.as_secs_f64() / axis.as_secs_f64() * 100.0).min(100.0);
    let body = match timeline::layout(recording, axis) {
        Timeline::Lanes(lanes) => {
            let lanes = lanes.into_iter().map(|lane| {
                html! {
                    <li class="lane" data-testid="lane" data-state={lane.state.id()}>
                        <span class="lane-label">{ lane.label }</span>
                        <span class="lane-track">
                            <span class={classes!("bar", lane.state.id())} style={percent_style(lane.left, lane.width)}></span>
                        </span>
                    </li>
                }
            });
            html! { <ol class="lanes">{ for lanes }</ol> }
        }
        Timeline::Aggregate(columns) => {
            let width = 100.0 / timeline::COLUMNS as f64;
            let bars = columns.iter().enumerate().map(|(index, column)| {
                let x = format!("{:.3}", index as f64 * width);
                let w = format!("{:.3}", width);
                html! {
                    <>
                        <rect class="done" x={x.clone()} width={w.clone()} y={format!("{:.3}", 100.0 - column.done)} height={format!("{:.3}", column.done)} />
                        <rect class="waiting" x={x} width={w} y={format!("{:.3}", 100.0 - column.waiting)} height={format!("{:.3}", column.waiting)} />
                    </>
                }
            });
            html! {
                <div class="aggregate" data-testid="aggregate">
                    <p class="note">{ i18n::timeline_aggregate(lang, recording.scenario.tasks.len()) }</p>
                    <svg viewBox="0 0 100 100" preserveAspectRatio="none" role="img"
                        aria-label={i18n::timeline_aggregate(lang, recording.scenario.tasks.len())}>
                        { for bars }
                    </svg>
                </div>
            }
        }
    };
    html! {
        <figure class="run-timeline" data-mode={recording.mode.id()}>
            <figcaption>{ mode_title(recording.mode).get(lang) }</figcaption>
            <div class="plot">
                { body }
                <div class="overlay">
                    <span class="now" style={format!("left:{now:.3}%")}></span>
                </div>
            </div>
        </figure>
    }
}

fn axis_view(axis: Duration, lang: Lang) -> Html {
    let ticks = timeline::ticks(axis).into_iter().map(|tick| {
        html! {
            <span class="tick" style={format!("left:{:.3}%", tick.left)}>
                { format!("{} {}", tick.label, Text::Seconds.get(lang)) }
            </span>
        }
    });
    html! { <div class="axis" aria-hidden="true">{ for ticks }</div> }
}

/// The timelines of the current or last run, or a preview of the
/// predicted ones before the first run.
#[function_component(TimelinePanel)]
pub fn timeline_panel() -> Html {
    let state = use_playground();
    let lang = state.lang;
    let preview;
    let recordings: Vec<&Recording> = if state.recordings.is_empty() {
        let scenario = state.scenario().unwrap_or_else(|_| Scenario::default());
        let scenario = std::rc::Rc::new(scenario);
        preview = [Recording::new(Mode::Concurrent, scenario)];
        preview.iter().collect()
    } else {
        state.recordings.iter().map(|r| r.as_ref()).collect()
    };
    let axis = timeline::axis_length(recordings.iter().copied());
    let legend = [
        (Text::LegendPending, "pending"),
        (Text::LegendWaiting, "waiting"),
        (Text::LegendDone, "done"),
    ]
    .into_iter()
    .map(|(text, class)| html! { <li><span class={classes!("swatch", class)}></span>{ text.get(lang) }</li> });

    html! {
        <section class="timeline" data-testid="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{ Text::Timeline.get(lang) }</h2>
            <ul class="legend">{ for legend }</ul>
            <div class="runs">
                { for recordings.iter().map(|r| run_view(r, axis, lang)) }
            </div>
            { axis_view(axis, lang) }
        </section>
    }
}

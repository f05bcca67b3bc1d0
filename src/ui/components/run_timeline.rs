//! One run's timeline: its lanes, or the waiting/done chart for many tasks.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use super::lane_row::LaneRow;
use crate::i18n::{self, Lang, Text};
use crate::recording::Recording;
use crate::scenario::Mode;
use crate::timeline::{self, Timeline};

/// What [`RunTimeline`] shows.
#[derive(Properties, PartialEq)]
pub struct RunTimelineProps {
    /// The run.
    pub recording: Rc<Recording>,
    /// The length of the shared time axis.
    pub axis: Duration,
    /// The page's language.
    pub lang: Lang,
}

/// A run drawn against the shared axis, with a line at its current time.
#[function_component(RunTimeline)]
pub fn run_timeline(props: &RunTimelineProps) -> Html {
    let RunTimelineProps {
        recording,
        axis,
        lang,
    } = props;
    let (axis, lang) = (*axis, *lang);
    let count = recording.scenario.tasks.len();
    let body = match timeline::layout(recording, axis) {
        Timeline::Lanes(lanes) => html! {
            <ol class="lanes">
                { for lanes.into_iter().map(|lane| { let key = lane.number; html! { <LaneRow {key} {lane} /> } }) }
            </ol>
        },
        Timeline::Aggregate(columns) => {
            let width = 100.0 / timeline::COLUMNS as f64;
            let bars = columns.iter().enumerate().map(|(index, column)| {
                let x = format!("{:.3}", index as f64 * width);
                let w = format!("{width:.3}");
                html! {
                    <>
                        <rect class="done" x={x.clone()} width={w.clone()} y={format!("{:.3}", 100.0 - column.done)} height={format!("{:.3}", column.done)} />
                        <rect class="waiting" x={x} width={w} y={format!("{:.3}", 100.0 - column.waiting)} height={format!("{:.3}", column.waiting)} />
                    </>
                }
            });
            html! {
                <div class="aggregate" data-testid="aggregate">
                    <p class="note">{ i18n::timeline_aggregate(lang, count) }</p>
                    <svg viewBox="0 0 100 100" preserveAspectRatio="none" role="img"
                        aria-label={i18n::timeline_aggregate(lang, count)}>
                        { for bars }
                    </svg>
                </div>
            }
        }
    };
    let title = match recording.mode {
        Mode::Sequential => Text::ModeSequential,
        Mode::Concurrent => Text::ModeConcurrent,
    };
    let now = timeline::percent(recording.now, axis);
    html! {
        <figure class="run-timeline" data-mode={recording.mode.id()}>
            <figcaption>{ title.get(lang) }</figcaption>
            <div class="plot" style={format!("--now:{now:.3}%")}>
                { body }
                <div class="overlay"><span class="now"></span></div>
            </div>
            <div class="axis" aria-hidden="true">
                { for timeline::ticks(axis).into_iter().map(|tick| html! {
                    <span class="tick" style={format!("left:{:.3}%", tick.left)}>
                        { format!("{} {}", tick.label, Text::Seconds.get(lang)) }
                    </span>
                }) }
            </div>
        </figure>
    }
}

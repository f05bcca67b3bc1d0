//! One run's timeline: its lanes, or the waiting/done chart for many tasks.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use super::timeline_chart::TimelineChart;
use model::fixed::Fixed;
use model::lang::Lang;
use model::recording::Recording;
use model::scenario::{Mode, Scale};
use model::timeline;
use presentation::i18n::{self, Text};

/// What [`RunTimeline`] shows.
#[derive(Properties, PartialEq)]
pub struct RunTimelineProps {
    /// The run.
    pub recording: Rc<Recording>,
    /// The length of the shared time axis.
    pub axis: Duration,
    /// The run's time when the page last heard from it.
    pub now: Duration,
    /// Whether the run goes on: then its time moves on by itself, at
    /// `scale`, until the next event says where it really is.
    pub running: bool,
    /// How fast the run goes.
    pub scale: Scale,
    /// Cancels one of the run's tasks (by its index), while it runs.
    pub on_cancel: Option<Callback<(Mode, usize)>>,
    /// The page's language.
    pub lang: Lang,
}

/// A run drawn against the shared axis. What lies after its current time
/// is covered by a curtain that moves with the clock; the lanes and chart
/// under it are laid out again only when an event arrives.
#[function_component(RunTimeline)]
pub fn run_timeline(props: &RunTimelineProps) -> Html {
    let RunTimelineProps {
        recording,
        axis,
        now,
        running,
        scale,
        on_cancel,
        lang,
    } = props;
    let (axis, lang) = (*axis, *lang);
    let count = recording.scenario.tasks.len();
    let layout = use_memo((recording.clone(), axis), |(recording, axis)| {
        timeline::layout(recording, *axis)
    });
    let stalls = use_memo((recording.clone(), axis), |(recording, axis)| {
        timeline::stalls(recording, *axis)
    });
    let memory = use_memo((recording.clone(), axis), |(recording, axis)| {
        timeline::memory_lane(recording, *axis)
    });
    let mode = recording.mode;
    let on_cancel = on_cancel
        .as_ref()
        .map(|on_cancel| on_cancel.reform(move |task| (mode, task)));
    let label = use_memo((lang, count), |&(lang, count)| {
        AttrValue::from(i18n::summaries::timeline_aggregate(lang, count))
    });
    let title = match recording.mode {
        Mode::Sequential => Text::ModeSequential,
        Mode::Concurrent => Text::ModeConcurrent,
    };
    let from = timeline::percent(*now, axis);
    let curtain = if *running && recording.has_begun() {
        // Towards the predicted end, at the run's own pace; the next event
        // puts it where the run really is.
        let until = recording.prediction.total.max(*now);
        let seconds = scale.to_real(until - *now).as_secs_f64();
        let to = timeline::percent(until, axis);
        html! {
            <div key={Fixed(from, 4).to_string()} class="future advancing" data-testid="now"
                ~style={format!("--from:{}%;--to:{}%;--duration:{}s", Fixed(from, 3), Fixed(to, 3), Fixed(seconds, 4))}></div>
        }
    } else {
        html! {
            <div key="still" class="future" data-testid="now" ~style={format!("--from:{}%", Fixed(from, 3))}></div>
        }
    };
    html! {
        <figure class="run-timeline" data-mode={recording.mode.id()}>
            <figcaption>{ title.get(lang) }</figcaption>
            if count > model::limits::LANES {
                <p class="note">{ (*label).clone() }</p>
            }
            <div class="plot">
                <TimelineChart layout={layout.clone()} stalls={stalls.clone()} memory={memory.clone()}
                    label={(*label).clone()} {on_cancel} {mode} {lang} />
                <div class="overlay">{ curtain }</div>
            </div>
            { time_axis(axis, lang) }
        </figure>
    }
}

/// The seconds under a run's lanes, for an axis of length `axis`: also
/// under the Python panel's (crates/python-panel).
pub fn time_axis(axis: Duration, lang: Lang) -> Html {
    html! {
        <div class="axis" aria-hidden="true">
            { for timeline::ticks(axis).into_iter().map(|tick| html! {
                <span class="tick" ~style={format!("left:{}%", Fixed(tick.left, 3))}>
                    { format!("{} {}", tick.label, Text::Seconds.get(lang)) }
                </span>
            }) }
        </div>
    }
}

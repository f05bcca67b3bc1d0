//! What lies under a run's curtain: the event loop's lane and the tasks'
//! lanes, or the waiting/done chart.

use std::rc::Rc;

use yew::prelude::*;

use super::lane_row::LaneRow;
use model::fixed::Fixed;
use model::lang::Lang;
use model::scenario::Mode;
use model::timeline::{self, LaneState, Stall, Timeline};
use presentation::i18n::{self, Text};

/// What [`TimelineChart`] shows.
#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    /// The run, laid out by the model.
    pub layout: Rc<Timeline>,
    /// When the event loop could not run.
    pub stalls: Rc<Vec<Stall>>,
    /// For a run that moves data: the most chunks held, and the memory
    /// lane's path.
    pub memory: Rc<Option<(usize, String)>>,
    /// What the chart says to a screen reader, for the aggregate.
    pub label: AttrValue,
    /// Cancels a task by its index, while the run goes on.
    pub on_cancel: Option<Callback<usize>>,
    /// The run's mode, which names its lanes' cancel buttons.
    pub mode: Mode,
    /// The page's language.
    pub lang: Lang,
}

/// Drawn again only when the layout changes, that is when an event arrives.
#[function_component(TimelineChart)]
pub fn timeline_chart(props: &TimelineChartProps) -> Html {
    let TimelineChartProps {
        layout,
        stalls,
        memory,
        label,
        on_cancel,
        mode,
        lang,
    } = props;
    let event_loop = html! {
        <div class="lane event-loop" data-testid="event-loop">
            <span class="lane-label">{ Text::EventLoop.get(*lang) }</span>
            <span class="lane-track">
                { for stalls.iter().map(|stall| html! {
                    <span class={classes!("bar", "stall", stall.cause.id())} data-testid="stall"
                        data-cause={stall.cause.id()}
                        ~style={format!("left:{}%;right:{}%", Fixed(stall.left, 3), Fixed(100.0 - stall.right, 3))}></span>
                }) }
            </span>
        </div>
    };
    let memory = match &**memory {
        Some((peak, path)) => html! {
            <>
                <div class="lane memory" data-testid="memory" data-peak={peak.to_string()}>
                    <span class="lane-label">{ Text::Memory.get(*lang) }</span>
                    <span class="lane-track">
                        <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true">
                            <path d={path.clone()} />
                        </svg>
                    </span>
                </div>
                <p class="note memory-note">{ i18n::summaries::most_held(*lang, *peak) }</p>
            </>
        },
        None => Html::default(),
    };
    match &**layout {
        Timeline::Lanes(lanes) => html! {
            <>
                { event_loop }
                { memory }
                <ol class="lanes">
                    { for lanes.iter().map(|lane| {
                        let cancellable = !matches!(lane.state, LaneState::Ended(_));
                        html! {
                            <LaneRow key={lane.number} lane={lane.clone()} mode={*mode} lang={*lang}
                                on_cancel={on_cancel.clone().filter(|_| cancellable)} />
                        }
                    }) }
                </ol>
            </>
        },
        Timeline::Aggregate(columns) => html! {
            <>
                { event_loop }
                { memory }
                <div class="aggregate" data-testid="aggregate">
                    <svg viewBox="0 0 100 100" preserveAspectRatio="none" role="img" aria-label={label.clone()}>
                        <path class="done" d={timeline::area_path(columns.iter().map(|c| c.done))} />
                        <path class="waiting" d={timeline::area_path(columns.iter().map(|c| c.waiting))} />
                    </svg>
                </div>
            </>
        },
    }
}

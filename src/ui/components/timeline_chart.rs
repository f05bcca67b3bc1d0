//! What lies under a run's curtain: its lanes, or the waiting/done chart.

use std::rc::Rc;

use yew::prelude::*;

use super::lane_row::LaneRow;
use crate::timeline::{self, Timeline};

/// What [`TimelineChart`] shows.
#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    /// The run, laid out by the core.
    pub layout: Rc<Timeline>,
    /// What the chart says to a screen reader, for the aggregate.
    pub label: AttrValue,
}

/// Drawn again only when the layout changes, that is when an event arrives.
#[function_component(TimelineChart)]
pub fn timeline_chart(TimelineChartProps { layout, label }: &TimelineChartProps) -> Html {
    match &**layout {
        Timeline::Lanes(lanes) => html! {
            <ol class="lanes">
                { for lanes.iter().map(|lane| html! { <LaneRow key={lane.number} lane={lane.clone()} /> }) }
            </ol>
        },
        Timeline::Aggregate(columns) => html! {
            <div class="aggregate" data-testid="aggregate">
                <svg viewBox="0 0 100 100" preserveAspectRatio="none" role="img" aria-label={label.clone()}>
                    <path class="done" d={timeline::area_path(columns, |c| c.done)} />
                    <path class="waiting" d={timeline::area_path(columns, |c| c.waiting)} />
                </svg>
            </div>
        },
    }
}

//! One task's lane on the timeline.

use yew::prelude::*;

use crate::timeline::Lane;

/// What [`LaneRow`] shows.
#[derive(Properties, PartialEq)]
pub struct LaneRowProps {
    /// The lane, laid out by the core.
    pub lane: Lane,
}

/// A label and a bar; redrawn only when its task starts or ends.
#[function_component(LaneRow)]
pub fn lane_row(LaneRowProps { lane }: &LaneRowProps) -> Html {
    let style = format!("left:{:.3}%;right:{:.3}%", lane.left, 100.0 - lane.right);
    html! {
        <li class="lane" data-testid="lane" data-state={lane.state.id()}>
            <span class="lane-label">{ lane.label.clone() }</span>
            <span class="lane-track">
                <span class={classes!("bar", lane.state.id())} {style}></span>
            </span>
        </li>
    }
}

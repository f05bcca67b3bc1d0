//! One task's lane on the timeline.

use yew::prelude::*;

use crate::ui::keep_focus;
use model::fixed::Fixed;
use model::lang::Lang;
use model::scenario::Mode;
use model::timeline::Lane;
use presentation::i18n::Text;

/// What [`LaneRow`] shows.
#[derive(Properties, PartialEq)]
pub struct LaneRowProps {
    /// The lane, laid out by the model.
    pub lane: Lane,
    /// Cancels the task, while it can be cancelled.
    pub on_cancel: Option<Callback<usize>>,
    /// The run's mode, which names the cancel button.
    pub mode: Mode,
    /// The page's language.
    pub lang: Lang,
}

/// A label and the task's stretches; redrawn only when its task starts,
/// steps or ends.
#[function_component(LaneRow)]
pub fn lane_row(
    LaneRowProps {
        lane,
        on_cancel,
        mode,
        lang,
    }: &LaneRowProps,
) -> Html {
    let segments = lane.segments.iter().map(|segment| {
        let style = format!(
            "left:{}%;right:{}%",
            Fixed(segment.left, 3),
            Fixed(100.0 - segment.right, 3)
        );
        // `~style` sets the element's style *property* (its CSS text, through
        // the CSSOM), not the `style` attribute: a Content-Security-Policy of
        // `style-src 'self'`, which a careful course platform sends, blocks
        // inline style attributes and would leave every bar at the left
        // edge. Every position on the timeline is set this way.
        html! { <span class={classes!("bar", segment.state.id())} ~style={style}></span> }
    });
    let label = match on_cancel {
        Some(on_cancel) => {
            let number = lane.number;
            let onclick = on_cancel.reform(move |_| number - 1);
            html! {
                <button type="button" class="lane-label cancel" {onclick}
                    id={keep_focus::cancel_id(*mode, number - 1)}
                    title={Text::CancelTask.get(*lang)}
                    aria-label={format!("{} {}", Text::CancelTask.get(*lang), lane.label)}
                    data-testid="cancel-task">
                    { lane.label.clone() }
                </button>
            }
        }
        None => html! { <span class="lane-label">{ lane.label.clone() }</span> },
    };
    html! {
        <li class="lane" data-testid="lane" data-state={lane.state.id()}>
            { label }
            <span class="lane-track">{ for segments }</span>
        </li>
    }
}

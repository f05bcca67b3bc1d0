//! Replaying the last run: a scrubber over its run clock, and play at a
//! chosen speed. The timeline, the log and the event-loop panel show the
//! run as it stood at the moment chosen.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use gloo_timers::callback::Interval;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::runtime::now_ms;
use crate::ui::Dispatch;
use model::lang::Lang;
use model::state::{Action, RunAction};
use presentation::i18n::{self, Text};

/// Steps of the scrubber over the run.
const STEPS: u32 = 1000;

/// Replay speeds, in run seconds per real second.
const SPEEDS: [(&str, f64); 6] = [
    ("×0.1", 0.1),
    ("×0.25", 0.25),
    ("×0.5", 0.5),
    ("×1", 1.0),
    ("×2", 2.0),
    ("×5", 5.0),
];

/// How often a replay in play moves on: about every other frame.
const FRAME_MS: u32 = 33;

/// The speed a replay starts at.
const DEFAULT_SPEED: usize = 3;

/// What the bar remembers between draws: kept by the page, whose view it
/// is part of.
pub struct ReplayState {
    speed: UseStateHandle<usize>,
    playing: Rc<RefCell<Option<Interval>>>,
    is_playing: UseStateHandle<bool>,
}

impl ReplayState {
    /// Stops playing, if it plays.
    fn stopper(&self) -> impl Fn() + Clone + 'static {
        let (playing, is_playing) = (self.playing.clone(), self.is_playing.clone());
        move || {
            playing.borrow_mut().take();
            is_playing.set(false);
        }
    }
}

/// The bar's state, for a run of `length` on its run clock (`None` while
/// there is none to replay): a new run stops the replay of the last.
#[hook]
pub fn use_replay_state(length: Option<Duration>) -> ReplayState {
    let state = ReplayState {
        speed: use_state(|| DEFAULT_SPEED),
        playing: use_mut_ref(|| None),
        is_playing: use_state(|| false),
    };
    let stop = state.stopper();
    use_effect_with(length, move |_| move || stop());
    state
}

/// The scrubber and its buttons, for a run of `length` on its run clock,
/// showing the moment `at` (`None`: as it ended). A part of the page's view
/// rather than a component of its own: each component type costs the
/// page's download kilobytes.
pub fn replay_bar(
    length: Duration,
    at: Option<Duration>,
    lang: Lang,
    dispatch: &Dispatch,
    state: &ReplayState,
) -> Html {
    let ReplayState {
        speed,
        playing,
        is_playing,
    } = state;
    let shown = at.unwrap_or(length);
    let stop = state.stopper();

    let on_play = {
        let (playing, is_playing, dispatch, speed) = (
            playing.clone(),
            is_playing.clone(),
            dispatch.clone(),
            **speed,
        );
        let stop = stop.clone();
        Callback::from(move |_| {
            if playing.borrow().is_some() {
                stop();
                return;
            }
            // From the start if at the end, else from where it is.
            let from = if shown >= length {
                Duration::ZERO
            } else {
                shown
            };
            let (started, rate) = (now_ms(), SPEEDS[speed].1);
            let tick = {
                let (dispatch, stop) = (dispatch.clone(), stop.clone());
                move || {
                    let played =
                        Duration::from_secs_f64((now_ms() - started).max(0.0) / 1000.0 * rate);
                    let moment = from + played;
                    if moment < length {
                        dispatch.dispatch(Action::Run(RunAction::Replay(Some(moment))));
                    } else {
                        dispatch.dispatch(Action::Run(RunAction::Replay(None)));
                        stop();
                    }
                }
            };
            dispatch.dispatch(Action::Run(RunAction::Replay(Some(from))));
            is_playing.set(true);
            *playing.borrow_mut() = Some(Interval::new(FRAME_MS, tick));
        })
    };
    let on_slide = {
        let (dispatch, stop) = (dispatch.clone(), stop.clone());
        Callback::from(move |event: InputEvent| {
            stop();
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(step) = input.value().parse::<u32>() {
                let moment = length.mul_f64(f64::from(step.min(STEPS)) / f64::from(STEPS));
                dispatch.dispatch(Action::Run(RunAction::Replay(
                    (step < STEPS).then_some(moment),
                )));
            }
        })
    };
    let on_speed = {
        let (speed, stop) = (speed.clone(), stop.clone());
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            stop();
            speed.set((select.selected_index().max(0) as usize).min(SPEEDS.len() - 1));
        })
    };
    let position = if length.is_zero() {
        STEPS
    } else {
        ((shown.as_secs_f64() / length.as_secs_f64()) * f64::from(STEPS)).round() as u32
    };
    let unit = Text::Seconds.get(lang);
    let moment = format!("{} {unit}", i18n::numbers::seconds_3(shown));
    let speeds = SPEEDS.iter().enumerate().map(|(index, (label, _))| {
        html! { <option selected={index == **speed}>{ *label }</option> }
    });

    html! {
        <section class="replay" data-testid="replay" aria-labelledby="replay-title">
            <h2 id="replay-title">{ Text::Replay.get(lang) }</h2>
            <div class="replay-bar">
                <button type="button" data-testid="replay-play" aria-pressed={(**is_playing).to_string()} onclick={on_play}>
                    { if **is_playing { Text::ReplayPause.get(lang) } else { Text::ReplayPlay.get(lang) } }
                </button>
                <input type="range" min="0" max={STEPS.to_string()} step="1" value={position.to_string()}
                    aria-label={Text::ReplayMoment.get(lang)} aria-valuetext={moment.clone()}
                    data-testid="replay-slider" oninput={on_slide} />
                <span class="replay-at" data-testid="replay-at" data-seconds={model::scenario::format_seconds(shown)}>
                    { format!("{moment} / {} {unit}", i18n::numbers::seconds_3(length)) }
                </span>
                <label class="replay-speed">
                    { Text::Speed.get(lang) }
                    <select data-testid="replay-speed" onchange={on_speed}>{ for speeds }</select>
                </label>
            </div>
        </section>
    }
}

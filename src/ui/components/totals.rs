//! Predicted and measured totals for both modes, the speedup, and what
//! they mean in words; with "Guess first" on, the learner's guesses before
//! them, and how each guess compares after the run.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::ui::{on_text, Dispatch};
use model::events::Distortion;
use model::fixed::Fixed;
use model::guess::Guesses;
use model::lang::Lang;
use model::recording::Recording;
use model::scenario::{format_seconds, Mode};
use model::state::{Action, GuessAction, Plan};
use model::view;
use presentation::i18n::{self, Text};

/// A total in the table, in seconds, or "—" while it is unknown. A
/// measurement that is not the program's own time is flagged, and so is
/// an earlier run's.
fn figure(
    testid: String,
    value: Option<Duration>,
    distortion: Option<Distortion>,
    earlier: bool,
    lang: Lang,
) -> Html {
    let text = value.map_or_else(
        || "—".to_owned(),
        |v| {
            format!(
                "{} {}",
                i18n::numbers::total_seconds(lang, v),
                Text::Seconds.get(lang)
            )
        },
    );
    let earlier = earlier && distortion.is_none();
    html! {
        <td data-testid={testid} data-seconds={value.map(format_seconds)}
            data-distorted={distortion.map(Distortion::id)} data-earlier={earlier.then_some("true")}
            class={classes!(distortion.is_some().then_some("distorted"))}>
            { text }
            if distortion.is_some() {
                { " " }<span class="flag">{ i18n::summaries::distorted(lang) }</span>
            } else if earlier {
                <span class="flag earlier">{ Text::EarlierRun.get(lang) }</span>
            }
        </td>
    }
}

/// What [`totals`] shows.
pub struct TotalsProps<'a> {
    /// The current or last run.
    pub recordings: &'a [Rc<Recording>],
    /// Earlier runs of the same scenario, for the modes the last did not run.
    pub earlier: &'a [Rc<Recording>],
    /// The scenario in the editor and its predictions, when it is valid.
    pub plan: Option<&'a Rc<Plan>>,
    /// The learner's guesses, and whether the page asks for them.
    pub guesses: &'a Guesses,
    /// Whether the prediction is kept hidden until a run starts.
    pub hidden: bool,
    /// Whether a run goes on: guesses are fixed meanwhile.
    pub running: bool,
    /// The page's language.
    pub lang: Lang,
}

/// A guess's field: what was typed stays, whatever it means.
/// `help` is whether the prompt or the error is shown, to describe it.
fn guess_field(
    guesses: &Guesses,
    mode: Mode,
    running: bool,
    help: bool,
    lang: Lang,
    dispatch: &Dispatch,
) -> Html {
    let label = format!(
        "{}: {}",
        Text::YourGuess.get(lang),
        i18n::summaries::mode_name(lang, mode)
    );
    html! {
        <td class="guess">
            <input type="text" inputmode="decimal" autocomplete="off" size="6"
                data-testid={format!("guess-{mode}")} aria-label={label}
                aria-invalid={guesses.value(mode).is_err().to_string()}
                aria-describedby={help.then_some("guess-help")} disabled={running}
                value={guesses.text(mode).to_owned()}
                oninput={on_text(dispatch, move |text| Action::Guess(GuessAction::SetGuess(mode, text)))} />
            { " " }{ Text::Seconds.get(lang) }
        </td>
    }
}

/// The totals table: a run's own prediction and measurement where a mode
/// has run, the editor's prediction (`plan`, when the scenario is valid)
/// where it has not. A part of the page's view rather than a component of
/// its own: each component type costs the page's download kilobytes.
#[inline(always)]
pub fn totals(props: &TotalsProps, dispatch: &Dispatch) -> Html {
    let TotalsProps {
        recordings,
        earlier,
        plan,
        guesses,
        hidden,
        running,
        lang,
    } = *props;
    let table = view::totals(recordings, earlier, plan.map(Rc::as_ref), guesses);
    // The prompt while the answer is hidden, or what is wrong with a guess.
    let guess_error = Mode::ALL.iter().any(|&mode| guesses.value(mode).is_err());
    let help = guesses.on && (hidden || guess_error);
    let rows = table.rows.iter().map(|row| {
        let mode = row.mode;
        let label = match mode {
            Mode::Sequential => Text::ModeSequential,
            Mode::Concurrent => Text::ModeConcurrent,
        }
        .get(lang);
        // "All at once" and its asyncio form, which a phone puts below it.
        let (name, hint) = label.split_at(label.find(" (").unwrap_or(label.len()));
        let measured = format!("total-{mode}-measured");
        html! {
            <tr data-mode={mode.id()}>
                <th scope="row">{ name }<span class="hint">{ hint }</span></th>
                if guesses.on {
                    { guess_field(guesses, mode, running, help, lang, dispatch) }
                }
                if hidden {
                    <td data-testid={format!("total-{mode}-predicted")} data-hidden="true">{ "?" }</td>
                } else {
                    { figure(format!("total-{mode}-predicted"), row.predicted, None, false, lang) }
                }
                { figure(measured, row.measured, row.distortion, row.earlier, lang) }
            </tr>
        }
    });
    let speedup = |value: Option<f64>| match value {
        Some(value) => format!("{}×", Fixed(value, 1)),
        None => "—".to_owned(),
    };
    // How each guess went, once its run is over; then what the runs mean.
    let verdicts = recordings
        .iter()
        .filter(|_| !running)
        .filter_map(|recording| {
            let guess = table
                .rows
                .iter()
                .find(|row| row.mode == recording.mode)?
                .guess?;
            Some(i18n::summaries::guess_verdict(lang, recording, guess))
        });
    let summaries =
        verdicts.chain(
            recordings
                .iter()
                .filter_map(|recording| match recording.distortion() {
                    Some(why) => Some(i18n::summaries::distortion_summary(lang, recording, why)),
                    None => i18n::summaries::run_summary(lang, recording),
                }),
        );
    let on_guessing = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            dispatch.dispatch(Action::Guess(GuessAction::SetGuessing(input.checked())));
        })
    };

    html! {
        <section class="totals" aria-labelledby="totals-title">
            <div class="totals-head">
                <h2 id="totals-title">{ Text::Totals.get(lang) }</h2>
                <label class="guess-first">
                    <input type="checkbox" data-testid="guess-first" checked={guesses.on}
                        disabled={running} onchange={on_guessing} />
                    { Text::GuessFirst.get(lang) }
                </label>
            </div>
            if help {
                <p id="guess-help" data-testid="guess-help"
                    class={classes!("note", guess_error.then_some("field-error"))}>
                    { if guess_error { Text::GuessError } else { Text::GuessPrompt }.get(lang) }
                </p>
            }
            <table>
                <thead>
                    <tr>
                        <td></td>
                        if guesses.on {
                            <th scope="col">{ Text::YourGuess.get(lang) }</th>
                        }
                        <th scope="col">{ Text::Predicted.get(lang) }</th>
                        <th scope="col">{ Text::Measured.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows }
                    <tr class="speedup">
                        <th scope="row">{ Text::Speedup.get(lang) }</th>
                        if guesses.on {
                            <td data-testid="speedup-guess">{ speedup(table.guessed_speedup) }</td>
                        }
                        <td data-testid="speedup-predicted">
                            if hidden {
                                { "?" }
                            } else {
                                { speedup(table.predicted_speedup) }
                            }
                        </td>
                        <td data-testid="speedup-measured">{ speedup(table.measured_speedup) }</td>
                    </tr>
                </tbody>
                // The Python panel's row, which the panel draws (crates/python-panel).
                <tbody id="python-total" data-hidden={hidden.then_some("true")}></tbody>
            </table>
            <div class="summary" data-testid="summary">
                { for summaries.map(|text| html! { <p>{ text }</p> }) }
                if let Some(factor) = table.measured_speedup {
                    <p>{ i18n::summaries::speedup_summary(lang, factor) }</p>
                }
            </div>
        </section>
    }
}

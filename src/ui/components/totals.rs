//! Predicted and measured totals for both modes, the speedup, and what
//! they mean in words.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::fixed::Fixed;
use crate::i18n::{self, Lang, Text};
use crate::recording::{Distortion, Recording};
use crate::scenario::{format_seconds, Mode};
use crate::state::Plan;

fn figure(testid: String, value: Option<Duration>, unit: &str) -> Html {
    match value {
        Some(value) => html! {
            <td data-testid={testid} data-seconds={format_seconds(value)}>
                { format!("{} {unit}", i18n::seconds_3(value)) }
            </td>
        },
        None => html! { <td data-testid={testid}>{ "—" }</td> },
    }
}

/// A measurement that is not the program's own time: shown, and marked so.
fn distorted_figure(testid: String, value: Option<Duration>, why: Distortion, lang: Lang) -> Html {
    let unit = Text::Seconds.get(lang);
    let value_text = value.map_or_else(
        || "—".to_owned(),
        |v| format!("{} {unit}", i18n::seconds_3(v)),
    );
    let why = why.id();
    html! {
        <td data-testid={testid} data-seconds={value.map(format_seconds)} data-distorted={why}
            class="distorted">
            { value_text }{ " " }<span class="flag">{ i18n::distorted(lang) }</span>
        </td>
    }
}

fn ratio(slow: Option<Duration>, fast: Option<Duration>) -> Option<f64> {
    let (slow, fast) = (slow?.as_secs_f64(), fast?.as_secs_f64());
    (fast > 0.0).then(|| slow / fast)
}

/// The totals table: a run's own prediction and measurement where a mode
/// has run, the editor's prediction (`plan`, when the scenario is valid)
/// where it has not. A part of the page's view rather than a component of
/// its own: each component type costs the page's download kilobytes.
pub fn totals(recordings: &[Rc<Recording>], plan: Option<&Rc<Plan>>, lang: Lang) -> Html {
    let unit = Text::Seconds.get(lang);
    let recording = |mode: Mode| recordings.iter().find(|r| r.mode == mode);
    let predicted = |mode: Mode| {
        recording(mode)
            .map(|r| r.prediction.total)
            .or_else(|| plan.as_ref().map(|plan| plan.prediction(mode).total))
    };
    let measured = |mode: Mode| recording(mode).and_then(|r| r.total);
    let distortion = |mode: Mode| recording(mode).and_then(|r| r.distortion());

    let rows = Mode::ALL.iter().map(|&mode| {
        let label = match mode {
            Mode::Sequential => Text::ModeSequential,
            Mode::Concurrent => Text::ModeConcurrent,
        };
        html! {
            <tr data-mode={mode.id()}>
                <th scope="row">{ label.get(lang) }</th>
                { figure(format!("total-{mode}-predicted"), predicted(mode), unit) }
                if let Some(why) = distortion(mode) {
                    { distorted_figure(format!("total-{mode}-measured"), measured(mode), why, lang) }
                } else {
                    { figure(format!("total-{mode}-measured"), measured(mode), unit) }
                }
            </tr>
        }
    });
    let speedup = |value: Option<f64>| match value {
        Some(value) => format!("{}×", Fixed(value, 1)),
        None => "—".to_owned(),
    };
    // A ratio of a distorted measurement would be distorted too.
    let trusted = |mode: Mode| measured(mode).filter(|_| distortion(mode).is_none());
    let measured_speedup = ratio(trusted(Mode::Sequential), trusted(Mode::Concurrent));

    let summaries = recordings
        .iter()
        .filter_map(|recording| match recording.distortion() {
            Some(why) => Some(i18n::distortion_summary(lang, recording, why)),
            None => i18n::run_summary(lang, recording),
        });

    html! {
        <section class="totals" aria-labelledby="totals-title">
            <h2 id="totals-title">{ Text::Totals.get(lang) }</h2>
            <table>
                <thead>
                    <tr>
                        <td></td>
                        <th scope="col">{ Text::Predicted.get(lang) }</th>
                        <th scope="col">{ Text::Measured.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows }
                    <tr class="speedup">
                        <th scope="row">{ Text::Speedup.get(lang) }</th>
                        <td data-testid="speedup-predicted">
                            { speedup(ratio(predicted(Mode::Sequential), predicted(Mode::Concurrent))) }
                        </td>
                        <td data-testid="speedup-measured">{ speedup(measured_speedup) }</td>
                    </tr>
                </tbody>
            </table>
            <div class="summary" data-testid="summary">
                { for summaries.map(|text| html! { <p>{ text }</p> }) }
                if let Some(factor) = measured_speedup {
                    <p>{ i18n::speedup_summary(lang, factor) }</p>
                }
            </div>
        </section>
    }
}

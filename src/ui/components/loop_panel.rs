//! The inside of the event loop: what runs now, what is ready, the timers
//! by deadline and the work out on workers. It follows a run as it goes,
//! and its replay afterwards.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use model::lang::Lang;
use model::loop_view::{loop_view, LoopView};
use model::recording::Recording;
use model::scenario::{format_seconds, whole_micros};
use model::view::{self, LoopShown};
use presentation::i18n::{self, Text};

/// The loop of the run going on, or of the last run at the moment its
/// replay shows. `following` is whether the page follows a run's clock (it
/// runs, or is replayed); `running` whether it runs now. A part of the
/// page's view rather than a component of its own: each component type
/// costs the page's download kilobytes.
pub fn loop_panel(
    recordings: &[Rc<Recording>],
    clock: Duration,
    following: bool,
    running: bool,
    lang: Lang,
) -> Html {
    let note = match view::loop_shown(recordings, following, running) {
        LoopShown::Nothing => return Html::default(),
        LoopShown::Loop(recording) => return loop_at(recording, clock, lang),
        LoopShown::Later => Text::LoopLater,
        LoopShown::Slide => Text::LoopSlide,
    };
    html! {
        <section class="loop-panel" data-testid="loop-panel" aria-labelledby="loop-title">
            <h2 id="loop-title">{ Text::LoopPanel.get(lang) }</h2>
            <p class="note">{ note.get(lang) }</p>
        </section>
    }
}

/// The loop of `recording` at the run clock's `clock`.
fn loop_at(recording: &Recording, clock: Duration, lang: Lang) -> Html {
    let at = recording.clock(clock);
    let unit = Text::Seconds.get(lang);
    let moment = html! {
        <p class="loop-at" data-testid="loop-at">
            { format!("{}: {} {unit}", Text::LoopAt.get(lang), i18n::numbers::seconds_3(at)) }
        </p>
    };
    let view = loop_view(recording, at);
    let name = |task: usize| -> String {
        let name = &recording.scenario.tasks[task].name;
        if name.is_empty() {
            format!("№ {}", task + 1)
        } else {
            name.clone()
        }
    };
    let list = |tasks: Vec<String>, count: usize, testid: &'static str| {
        let more = count.saturating_sub(tasks.len());
        html! {
            <ol class="loop-list" data-testid={testid} data-count={count.to_string()}>
                { for tasks.into_iter().map(|task| html! { <li>{ task }</li> }) }
                if more > 0 {
                    <li class="more">{ format!("+{}", i18n::numbers::group_digits(lang, more)) }</li>
                }
            </ol>
        }
    };
    let LoopView {
        running: now_running,
        ready,
        ready_count,
        timers,
        timer_count,
        offloaded,
        offloaded_count,
        not_started,
        ended,
    } = view;
    html! {
        <section class="loop-panel" data-testid="loop-panel" aria-labelledby="loop-title">
            <h2 id="loop-title">{ Text::LoopPanel.get(lang) }</h2>
            { moment }
            <dl class="loop-view">
                <dt>{ Text::LoopRunning.get(lang) }</dt>
                <dd data-testid="loop-running" class={classes!(now_running.is_some().then_some("busy"))}>
                    { now_running.map_or_else(|| Text::LoopFree.get(lang).to_owned(), name) }
                </dd>
                <dt>{ Text::LoopReady.get(lang) }</dt>
                <dd>{ list(ready.into_iter().map(name).collect(), ready_count, "loop-ready") }</dd>
                <dt>{ Text::LoopTimers.get(lang) }</dt>
                <dd>{ list(
                    timers.into_iter().map(|(task, due)| format!("{} → {} {unit}", name(task), format_seconds(round_ms(due)))).collect(),
                    timer_count,
                    "loop-timers",
                ) }</dd>
                <dt>{ Text::LoopWorkers.get(lang) }</dt>
                <dd>{ list(offloaded.into_iter().map(name).collect(), offloaded_count, "loop-workers") }</dd>
                <dt>{ Text::LoopNotStarted.get(lang) }</dt>
                <dd>{ i18n::numbers::group_digits(lang, not_started) }</dd>
                <dt>{ Text::LoopEnded.get(lang) }</dt>
                <dd>{ i18n::numbers::group_digits(lang, ended) }</dd>
            </dl>
        </section>
    }
}

/// A measured deadline, to the millisecond: enough for a person.
fn round_ms(duration: Duration) -> Duration {
    Duration::from_millis((whole_micros(duration) + 500) / 1000)
}

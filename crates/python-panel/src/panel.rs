//! The panel: the program (the scenario's, as the page writes it, until
//! the learner writes their own), Run and Stop, what the program prints as
//! it prints it, how it ended, its total, and its tasks on a timeline drawn
//! by the page's own chart.

use std::rc::Rc;
use std::time::Duration;

use async_playground::ui::components::run_timeline::time_axis;
use async_playground::ui::components::timeline_chart::TimelineChart;
use async_playground::ui::{clipboard, location};
use yew::prelude::*;

use crate::cpython::Cpython;
use crate::host::{self, use_page, Page};
use model::fixed::Seconds;
use model::lang::Lang;
use model::link::{self, program, Shared};
use model::scenario::{format_seconds, Mode, RunChoice};
use model::simulate::predict;
use model::state::python::{How, Python, PythonAction, Runtime, Seeded};
use presentation::code::python_at;
use presentation::i18n::python::{self as words, Text as Words};
use presentation::i18n::{numbers, Text};

/// The slice as Yew's reducer holds it.
#[derive(Clone, Debug, Default, PartialEq)]
struct State(Python);

impl Reducible for State {
    type Action = PythonAction;

    fn reduce(self: Rc<Self>, action: PythonAction) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.0.apply(action);
        Rc::new(next)
    }
}

/// The program's mode, from the page's run buttons: comparing runs both,
/// and the program shows them all at once.
fn mode_of(choice: RunChoice) -> Mode {
    match choice {
        RunChoice::Sequential => Mode::Sequential,
        RunChoice::Concurrent | RunChoice::Compare => Mode::Concurrent,
    }
}

/// The scenario's program in `mode`, at the page's speed, with what the
/// simulator predicts for it.
fn seed(shared: &Shared, mode: Mode, lang: Lang) -> PythonAction {
    let seeded = Seeded {
        mode,
        predicted: predict(&shared.scenario, mode).total,
    };
    PythonAction::Seed(
        seeded,
        python_at(&shared.scenario, mode, lang, shared.scale),
    )
}

#[function_component(Panel)]
pub fn panel() -> Html {
    let page = use_page();
    let lang = page.lang;
    let state = use_reducer(State::default);
    let python = &state.0;
    let report = {
        let state = state.dispatcher();
        Callback::from(move |action| state.dispatch(action))
    };
    let cpython = use_mut_ref(|| None::<Cpython>);
    let start = {
        let (cpython, report) = (cpython.clone(), report.clone());
        move || {
            report.emit(PythonAction::Open);
            match Cpython::start(report.clone()) {
                Ok(started) => *cpython.borrow_mut() = Some(started),
                Err(why) => report.emit(PythonAction::RuntimeFailed(why)),
            }
        }
    };

    let shared = use_memo(page.link.clone(), |link| link::read_unbounded(link).shared);
    // CPython starts as the panel opens; a course author's program, from
    // the link, fills it.
    {
        let start = start.clone();
        use_effect_with((), move |_| start());
    }
    let linked = use_memo(shared.program.clone(), |value| {
        value.as_deref().map(program::decode)
    });
    {
        let report = report.clone();
        use_effect_with(linked.clone(), move |linked| {
            if let Some(Ok(program)) = &**linked {
                report.emit(PythonAction::Edit(program.clone()));
            }
        });
    }
    // The scenario's program, in the page's mode and language, while the
    // panel shows it as written.
    let mode = use_state_eq(|| None::<Mode>);
    let program_mode = mode.unwrap_or(mode_of(shared.mode));
    {
        let report = report.clone();
        let follows = python.seeded.is_some() || python.program.is_empty();
        use_effect_with(
            (shared.clone(), program_mode, lang, follows),
            move |(shared, mode, lang, follows)| {
                if *follows {
                    report.emit(seed(shared, *mode, *lang));
                }
            },
        );
    }

    // A program waiting for CPython runs as soon as it is ready.
    {
        let (cpython, report, program) = (cpython.clone(), report.clone(), python.program.clone());
        let due = python.queued && python.can_run();
        use_effect_with(due, move |due| {
            if *due
                && cpython
                    .borrow()
                    .as_ref()
                    .is_some_and(|cpython| cpython.run(&program))
            {
                report.emit(PythonAction::Started);
            }
        });
    }

    let on_run = {
        let (report, start) = (report.clone(), start.clone());
        // Cancelled, or never started: CPython is downloaded first.
        let closed = matches!(python.runtime, Runtime::Closed | Runtime::Failed(_));
        Callback::from(move |_| {
            if closed {
                start();
            }
            report.emit(PythonAction::Queue);
        })
    };
    let on_stop = {
        let (cpython, report, start) = (cpython.clone(), report.clone(), start.clone());
        Callback::from(move |_| {
            // Ends the worker (a busy loop listens to nothing else), then
            // starts CPython again for the next run, from the cache.
            cpython.borrow_mut().take();
            report.emit(PythonAction::Stop);
            start();
        })
    };
    let on_cancel = {
        let (cpython, report) = (cpython.clone(), report.clone());
        Callback::from(move |_| {
            cpython.borrow_mut().take();
            report.emit(PythonAction::Cancel);
        })
    };
    let on_edit = {
        let report = report.clone();
        Callback::from(move |event: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            report.emit(PythonAction::Edit(area.value()));
        })
    };
    let on_mode = |choice: Mode| {
        let (mode, report) = (mode.clone(), report.clone());
        // The effect above writes the scenario's program for the new mode;
        // a program the learner edited is given up for it first.
        let follows = python.seeded.is_some();
        Callback::from(move |_| {
            mode.set(Some(choice));
            if !follows {
                report.emit(PythonAction::Edit(String::new()));
            }
        })
    };
    let mode_button = |choice: Mode, text: Text| {
        let pressed = python.seeded.is_some_and(|seeded| seeded.mode == choice);
        html! {
            <button type="button" aria-pressed={pressed.to_string()} disabled={python.running}
                data-testid={format!("python-mode-{}", choice.id())} onclick={on_mode(choice)}>
                { text.get(lang) }
            </button>
        }
    };

    // What became of the last "Copy link": said, and whether it failed.
    let copied = use_state_eq(|| None::<(&'static str, bool)>);
    let on_copy_link = {
        let (copied, shared, program) = (copied.clone(), shared.clone(), python.program.clone());
        Callback::from(move |_| match program::encode(&program) {
            Err(_) => copied.set(Some((Words::LinkTooLong.get(lang), true))),
            Ok(value) => {
                let link = link::write(&Shared {
                    program: Some(Rc::from(value)),
                    ..(*shared).clone()
                });
                let copied = copied.clone();
                clipboard::copy(&location::full_url(&link), move |done| {
                    copied.set(Some(if done {
                        (Text::Copied.get(lang), false)
                    } else {
                        (Text::CopyFailed.get(lang), true)
                    }));
                });
            }
        })
    };
    // The link's program, while the panel shows it as it came.
    let from_link = match &*linked {
        Some(Ok(program)) => (**program == *python.program).then_some(Words::FromLink),
        Some(Err(_)) => Some(Words::LinkUnreadable),
        None => None,
    };

    let status = match (&python.runtime, python.running, &python.ended) {
        (_, true, _) => Words::Running.get(lang).to_owned(),
        (_, _, Some(ended)) => match ended.how {
            How::Done => Words::Done.get(lang).to_owned(),
            How::Failed => Words::Failed.get(lang).to_owned(),
            How::Deadlock => Words::Deadlock.get(lang).to_owned(),
            How::Stopped => Words::Stopped.get(lang).to_owned(),
        },
        (Runtime::Ready(version), ..) => format!("{} (Python {version})", Words::Ready.get(lang)),
        (Runtime::Failed(why), ..) => format!("{} {why}", Words::NoStart.get(lang)),
        (Runtime::Loading { .. }, ..) => Words::Loading.get(lang).to_owned(),
        (Runtime::Closed, ..) => String::new(),
    };
    let run_label = match python.runtime {
        Runtime::Closed | Runtime::Failed(_) => Words::LoadAndRun,
        _ => Words::Run,
    };
    let total = python.ended.as_ref().and_then(|ended| ended.total);
    let output = python.output.iter().map(|(err, text)| {
        // Text in the page, never markup.
        html! { <span class={classes!(err.then_some("err"))}>{ text.clone() }</span> }
    });
    let traceback = python
        .ended
        .as_ref()
        .map(|ended| ended.traceback.to_string())
        .unwrap_or_default();

    html! {
        <div class="python-body" data-testid="python-body">
            <p class="note">
                { Words::About.get(lang) }{ " " }
                <a href="python-notices.txt" target="_blank" data-testid="python-notices">{ Words::Notices.get(lang) }</a>
            </p>
            if let Runtime::Loading { loaded, total } = python.runtime {
                <div class="python-loading" data-testid="python-progress"
                    data-loaded={loaded.to_string()} data-total={total.to_string()}>
                    <progress max={total.max(1).to_string()} value={loaded.to_string()}
                        aria-label={Words::Loading.get(lang)}></progress>
                    <span>{ words::download(lang, loaded, total) }</span>
                    <button type="button" data-testid="python-cancel" onclick={on_cancel}>
                        { Words::Cancel.get(lang) }
                    </button>
                </div>
            }
            <div class="code-bar">
                <div class="code-modes">
                    { mode_button(Mode::Sequential, Text::RunSequential) }
                    { mode_button(Mode::Concurrent, Text::RunConcurrent) }
                </div>
            </div>
            if let Some(note) = from_link {
                <p class={classes!("note", (note == Words::LinkUnreadable).then_some("field-error"))}
                    data-testid="python-from-link">{ note.get(lang) }</p>
            }
            <label class="python-source">
                { Words::Program.get(lang) }
                <textarea data-testid="python-source" spellcheck="false" rows="14" lang="en"
                    autocomplete="off" autocapitalize="off" wrap="off"
                    value={python.program.to_string()} oninput={on_edit} readonly={python.running} />
            </label>
            <div class="code-bar">
                <button type="button" class="primary" data-testid="python-run"
                    disabled={!python.can_press_run()} onclick={on_run}>
                    { run_label.get(lang) }
                </button>
                <button type="button" data-testid="python-stop" disabled={!python.running} onclick={on_stop}>
                    { Words::Stop.get(lang) }
                </button>
                <span role="status" data-testid="python-state" data-state={python.state_id()}
                    data-runs={python.runs.to_string()}>{ status }</span>
            </div>
            <div class="code-bar">
                <button type="button" data-testid="python-copy-link" disabled={python.program.trim().is_empty()}
                    onclick={on_copy_link}>
                    { Words::CopyLink.get(lang) }
                </button>
                <span class={classes!("share-status", copied.is_some_and(|(_, failed)| failed).then_some("field-error"))}
                    role="status" data-testid="python-link-status">
                    { copied.map(|(said, _)| said).unwrap_or_default() }
                </span>
            </div>
            if let Some(total) = total {
                <p data-testid="python-total" data-seconds={format_seconds(total)}>
                    { format!("{} {} {}", Words::Took.get(lang), numbers::total_seconds(lang, total), Text::Seconds.get(lang)) }
                </p>
            }
            { for python.computed.iter().map(|(name, took)| html! {
                <p class="note field-error" data-testid="python-computed">
                    { format!("{name}: {} {}", Words::Computed.get(lang), Seconds(*took, 3)) }
                </p>
            }) }
            <pre class="code python-output" data-testid="python-output" aria-label={Words::Output.get(lang)}
                tabindex="0">{ for output }<span class="err">{ traceback }</span></pre>
            { lanes(python, lang) }
            { totals_row(python, &page, &shared) }
        </div>
    }
}

/// The program's row in the page's totals, once it ran to its end: in the
/// place the page keeps for it, beside the prediction and the Rust
/// futures' measurement.
fn totals_row(python: &Python, page: &Page, shared: &Shared) -> Html {
    let (Some(row), Some(place)) = (python.row(), host::totals()) else {
        return Html::default();
    };
    let lang = page.lang;
    let seconds = |took| {
        format!(
            "{} {}",
            numbers::total_seconds(lang, took),
            Text::Seconds.get(lang)
        )
    };
    let predicted = row.predicted.filter(|_| !page.hidden);
    let predicted_text = match (page.hidden, row.predicted) {
        (true, _) => "?".to_owned(),
        (false, None) => "—".to_owned(),
        (false, Some(predicted)) => seconds(predicted),
    };
    create_portal(
        html! {
            <tr data-mode="python">
                <th scope="row">{ Words::Row.get(lang) }</th>
                // The column of guesses, when the page asks for them.
                if shared.guess {
                    <td></td>
                }
                <td data-testid="total-python-predicted" data-seconds={predicted.map(format_seconds)}>
                    { predicted_text }
                </td>
                <td data-testid="total-python-measured" data-seconds={format_seconds(row.measured)}
                    data-differs={row.differs.then_some("true")} data-distorted={row.distorted.then_some("true")}
                    class={classes!(row.distorted.then_some("distorted"))}>
                    { seconds(row.measured) }
                    if row.differs {
                        { " " }<span class="flag">{ Words::Differs.get(lang) }</span>
                    } else if row.distorted {
                        { " " }<span class="flag">{ Words::Distorted.get(lang) }</span>
                    }
                </td>
            </tr>
        },
        place,
    )
}

/// The program's tasks on a timeline, to the scale of the page's: as long
/// as the program ran, or as the scenario's prediction if that is longer.
fn lanes(python: &Python, lang: Lang) -> Html {
    let trace = &python.trace;
    if trace.tasks.is_empty() {
        return Html::default();
    }
    let predicted = python
        .ran_as
        .map_or(Duration::ZERO, |seeded| seeded.predicted);
    let axis = trace.latest.max(predicted).max(Duration::from_millis(1));
    let legend = [
        (Text::LegendQueued.get(lang), "queued"),
        (Text::LegendWaiting.get(lang), "waiting"),
        (Text::LegendRunning.get(lang), "running"),
        (Text::LegendOffloaded.get(lang), "offloaded"),
        (Text::LegendDone.get(lang), "done"),
        (Text::LegendCancelled.get(lang), "cancelled"),
        (Words::Raised.get(lang), "raised"),
        (Text::LegendStall.get(lang), "stall"),
    ]
    .into_iter()
    .map(
        |(text, class)| html! { <li><span class={classes!("swatch", class)}></span>{ text }</li> },
    );
    let title = Words::Tasks.get(lang);
    html! {
        <figure class="run-timeline" data-mode="python" data-testid="python-timeline"
            data-tasks={trace.tasks.len().to_string()}>
            <figcaption>{ title }</figcaption>
            <ul class="legend">{ for legend }</ul>
            <div class="plot">
                <TimelineChart layout={Rc::new(trace.layout(axis))} stalls={Rc::new(trace.stalls(axis))}
                    memory={Rc::new(None)} label={AttrValue::from(title)}
                    on_cancel={None::<Callback<usize>>} mode={Mode::Concurrent} {lang} />
            </div>
            { time_axis(axis, lang) }
        </figure>
    }
}

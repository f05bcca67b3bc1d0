//! The scenario as a program: Python's asyncio or Rust with tokio, in
//! either mode, coloured, with a copy button. The code comes from the
//! presentation crate ([`presentation::code`]), written in the code worker
//! (see [`presentation::wire::code`]), which starts the first time the panel
//! opens, and follows every edit.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Event, MessageEvent, Worker};
use yew::prelude::*;

use crate::ui::clipboard;
use crate::ui::worker::{self, ANSWER_WITHIN_MS};
use model::lang::Lang;
use model::scenario::{Mode, RunChoice, Scenario};
use presentation::code::highlight::Token;
use presentation::code::Language;
use presentation::i18n::Text;
use presentation::wire;

/// The latest answer, with the request it answers.
#[derive(Clone, PartialEq)]
enum Shown {
    Nothing,
    Answer { request: Rc<str>, answer: Rc<str> },
    Failed,
}

/// The running worker; it stops when the panel goes.
struct CodeWorker {
    worker: Worker,
    /// The latest request: only its answer is shown.
    latest: Rc<RefCell<Latest>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
    /// A worker whose wasm fails to load reports no error to the page: if
    /// it does not listen by then, the panel says it failed.
    _deadline: Timeout,
}

/// The latest request, its number, and whether the worker listens yet.
#[derive(Default)]
struct Latest {
    id: u32,
    request: Option<Rc<str>>,
    listening: bool,
}

impl Latest {
    /// Sends the latest request, if the worker listens.
    fn send(&self, worker: &Worker) -> Result<(), JsValue> {
        match &self.request {
            Some(request) if self.listening => {
                worker.post_message(&JsValue::from_str(&wire::code::numbered(self.id, request)))
            }
            _ => Ok(()),
        }
    }
}

impl CodeWorker {
    fn start(shown: UseStateHandle<Shown>) -> Result<Self, JsValue> {
        let worker = worker::start()?;
        let latest: Rc<RefCell<Latest>> = Rc::default();
        let on_message = {
            let (latest, shown, worker) = (latest.clone(), shown.clone(), worker.clone());
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                let Some(answer) = event.data().as_string() else {
                    return;
                };
                let mut latest = latest.borrow_mut();
                if answer == wire::code::READY {
                    latest.listening = true;
                    if latest.send(&worker).is_err() {
                        shown.set(Shown::Failed);
                    }
                } else if let Some(request) = latest.request.clone() {
                    if wire::code::answer_id(&answer) == Some(latest.id) {
                        shown.set(Shown::Answer {
                            request,
                            answer: Rc::from(answer),
                        });
                    }
                }
            })
        };
        let deadline = {
            let (latest, shown) = (latest.clone(), shown.clone());
            Timeout::new(ANSWER_WITHIN_MS, move || {
                if !latest.borrow().listening {
                    shown.set(Shown::Failed);
                }
            })
        };
        let on_error = Closure::<dyn Fn(Event)>::new(move |_: Event| shown.set(Shown::Failed));
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self {
            worker,
            latest,
            _on_message: on_message,
            _on_error: on_error,
            _deadline: deadline,
        })
    }

    fn ask(&self, request: &Rc<str>) -> Result<(), JsValue> {
        let mut latest = self.latest.borrow_mut();
        latest.id = latest.id.wrapping_add(1);
        latest.request = Some(request.clone());
        latest.send(&self.worker)
    }
}

impl Drop for CodeWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// What [`CodePanel`] shows.
#[derive(Properties, PartialEq)]
pub struct CodePanelProps {
    /// The scenario in the editor, if it is valid.
    pub scenario: Option<Rc<Scenario>>,
    /// The run buttons' choice: the mode shown until one is picked here.
    pub choice: RunChoice,
    /// The page's language.
    pub lang: Lang,
}

/// The panel, closed until asked for: its program is written only then.
#[function_component(CodePanel)]
pub fn code_panel(props: &CodePanelProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let language = use_state(|| Language::Python);
    let picked_mode = use_state(|| None::<Mode>);
    let copied = use_state(|| None::<bool>);
    let mode = picked_mode.unwrap_or(match props.choice {
        RunChoice::Sequential => Mode::Sequential,
        RunChoice::Concurrent | RunChoice::Compare => Mode::Concurrent,
    });

    let shown = use_state(|| Shown::Nothing);
    let worker = use_mut_ref(|| None::<CodeWorker>);
    // What to ask the worker for, while the panel is open.
    let request = use_memo(
        (props.scenario.clone(), *open, *language, mode, lang),
        |(scenario, open, language, mode, lang)| match scenario {
            Some(scenario) if *open => Some(Rc::<str>::from(wire::code::request(
                *language, *mode, *lang, scenario,
            ))),
            _ => None,
        },
    );
    {
        let shown = shown.clone();
        use_effect_with(request.clone(), move |request| {
            if let Some(request) = request.as_ref() {
                let mut worker = worker.borrow_mut();
                if worker.is_none() {
                    *worker = CodeWorker::start(shown.clone()).ok();
                }
                let asked = worker.as_ref().map(|worker| worker.ask(request));
                if !matches!(asked, Some(Ok(()))) {
                    shown.set(Shown::Failed);
                }
            }
        });
    }
    // The answer to the request now, or the one before while it is written.
    let (answer, ready) = match (&*shown, request.as_ref()) {
        (Shown::Answer { request, answer }, Some(now)) => (Some(answer.clone()), request == now),
        _ => (None, false),
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let tab = |tab: Language, label: &'static str| {
        let (language, copied) = (language.clone(), copied.clone());
        let selected = *language == tab;
        let onclick = Callback::from(move |_| {
            language.set(tab);
            copied.set(None);
        });
        html! {
            <button type="button" role="tab" id={format!("code-tab-{}", tab.id())}
                aria-selected={selected.to_string()} aria-controls="code-view"
                data-testid={format!("code-tab-{}", tab.id())} {onclick}>
                { label }
            </button>
        }
    };
    let mode_button = |button: Mode, label: Text| {
        let (picked_mode, copied) = (picked_mode.clone(), copied.clone());
        let onclick = Callback::from(move |_| {
            picked_mode.set(Some(button));
            copied.set(None);
        });
        html! {
            <button type="button" aria-pressed={(mode == button).to_string()}
                data-testid={format!("code-mode-{}", button.id())} {onclick}>
                { label.get(lang) }
            </button>
        }
    };
    let on_copy = {
        let (answer, copied) = (answer.clone(), copied.clone());
        Callback::from(move |_| {
            let copied = copied.clone();
            let program = answer
                .as_deref()
                .map(wire::code::program)
                .unwrap_or_default();
            clipboard::copy(program, move |done| copied.set(Some(done)));
        })
    };
    let status = match *copied {
        None => "",
        Some(true) => Text::Copied.get(lang),
        Some(false) => Text::CopyFailed.get(lang),
    };
    // Each span is text in the page, never markup.
    let wire::code::Answer { help, spans, .. } = answer
        .as_deref()
        .and_then(wire::code::read_answer)
        .unwrap_or_default();
    let spans = spans.into_iter().map(|(token, text)| {
        if token == Token::Plain {
            html! { text }
        } else {
            html! { <span class={token.id()}>{ text }</span> }
        }
    });

    html! {
        <section class="code-panel" data-testid="code-panel" aria-labelledby="code-title">
            <h2 id="code-title">
                <button type="button" class="quiet" aria-expanded={open.to_string()}
                    aria-controls="code-body" data-testid="show-code" onclick={on_toggle}>
                    { Text::Code.get(lang) }
                </button>
            </h2>
            if *open {
                <div id="code-body">
                    if props.scenario.is_none() {
                        <p class="note">{ Text::CodeInvalid.get(lang) }</p>
                    } else if *shown == Shown::Failed {
                        <p class="field-error" role="alert" data-testid="code-failed">{ Text::CodeFailed.get(lang) }</p>
                    } else {
                        <div class="code-bar">
                            <div role="tablist" aria-label={Text::Code.get(lang)}>
                                { tab(Language::Python, "Python (asyncio)") }
                                { tab(Language::Rust, "Rust (tokio)") }
                            </div>
                            <div class="code-modes">
                                { mode_button(Mode::Sequential, Text::RunSequential) }
                                { mode_button(Mode::Concurrent, Text::RunConcurrent) }
                            </div>
                            <button type="button" data-testid="copy-program" disabled={!ready} onclick={on_copy}>
                                { Text::CopyCode.get(lang) }
                            </button>
                            <span class="share-status" role="status" data-testid="program-copy-status">
                                { status }
                            </span>
                        </div>
                        <p class="note" data-testid="program-help">{ help }</p>
                        <pre class="code" id="code-view" role="tabpanel" tabindex="0"
                            aria-labelledby={format!("code-tab-{}", language.id())}
                            aria-busy={(!ready).to_string()} data-ready={ready.to_string()}
                            data-testid="program" data-language={language.id()}><code>{ for spans }</code></pre>
                    }
                </div>
            }
        </section>
    }
}

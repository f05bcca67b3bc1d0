//! The page's one state and the one reducer that changes it, in slices.
//!
//! Components send an [`Action`]; [`Playground::apply`] is the only place
//! the state changes. Each slice keeps its own part with its own actions:
//! the editor ([`editor`]), the run and its replay ([`run`]), the guesses
//! ([`guesses`]) and the link ([`link_sync`]); [`plan`] derives the
//! valid scenario and its predictions from the editor. `apply` hands each
//! action to its slice, then does what one slice's change means for the
//! others: a new scenario clears the last run's results and may change the
//! link. Large parts are shared (`Rc`), so that copying the state, which
//! the UI does on every action, stays cheap with 100,000 tasks. What a
//! component shows is derived from it in [`crate::view`].

pub mod editor;
pub mod guesses;
pub mod link_sync;
pub mod plan;
pub mod python;
pub mod run;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod testing;

use std::rc::Rc;

use crate::guess::Guesses;
use crate::lang::Lang;
use crate::link::{self, Shared};
use crate::presets::Preset;
use crate::scenario::{RunChoice, Scale, Scenario};

pub use editor::{
    page_count, BulkDraft, EditAction, Editor, KnobsDraft, NotRunnable, TaskDraft, PAGE_SIZE,
};
pub use guesses::GuessAction;
pub use link_sync::{LinkAction, LinkChange, LinkSync};
pub use plan::Plan;
pub use run::{Phase, RunAction, Runs};

use editor::Edited;

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    /// The language of the page.
    pub lang: Lang,
    /// Whether the language was chosen (by the link or the switch) rather
    /// than taken from the browser; only a chosen one goes into the link.
    pub lang_chosen: bool,
    /// The run the page suggests, and the one last started.
    pub mode: RunChoice,
    /// How fast runs go.
    pub scale: Scale,
    /// Whether the page is the compact one for embedding.
    pub embed: bool,
    /// The tasks and knobs as typed.
    pub editor: Editor,
    /// The scenario in the editor and its predictions, when it is valid.
    pub plan: Option<Rc<Plan>>,
    /// The current or last run.
    pub run: Runs,
    /// The learner's guesses of the totals, when the page asks for them.
    pub guesses: Guesses,
    /// The page's link.
    pub link: LinkSync,
    /// The program for the Python panel that the link carried, as it
    /// carried it: kept in the link, and the panel opens with it.
    pub program: Option<Rc<str>>,
}

/// Everything a person or the runtime can do to the page, by slice.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the language.
    SetLang(Lang),
    /// Change the speed of runs.
    SetScale(Scale),
    /// Replace the scenario with a preset, its tasks named in the page's
    /// language: loaded as a link's scenario is, so the guesses about
    /// another scenario go with it.
    LoadPreset(Preset),
    /// Edit the tasks or the knobs.
    Edit(EditAction),
    /// Start, feed, stop or replay a run.
    Run(RunAction),
    /// Guess the totals.
    Guess(GuessAction),
    /// Open a link, or dismiss what it could not carry.
    Link(LinkAction),
}

impl Playground {
    /// The page as it opens with no link: the course's first example.
    pub fn new(browser_lang: Lang) -> Self {
        Self::open(link::read(""), browser_lang)
    }

    /// The page as it opens with a link.
    pub fn open(read: link::Read, browser_lang: Lang) -> Self {
        let mut playground = Self {
            lang: browser_lang,
            lang_chosen: false,
            mode: RunChoice::Concurrent,
            scale: Scale::X1,
            embed: false,
            editor: Editor::default(),
            plan: None,
            run: Runs::default(),
            guesses: Guesses::default(),
            link: LinkSync::default(),
            program: None,
        };
        playground.open_link(read);
        playground
            .link
            .follow(playground.shared().as_ref(), LinkChange::Replace);
        playground
    }

    /// What the link carries now, when the scenario in the editor is valid.
    pub fn shared(&self) -> Option<Shared> {
        Some(Shared {
            scenario: self.plan.as_ref()?.scenario.clone(),
            mode: self.mode,
            scale: self.scale,
            lang: self.lang_chosen.then_some(self.lang),
            embed: self.embed,
            guess: self.guesses.on,
            program: self.program.clone(),
        })
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        // Run progress comes every frame and never changes the link.
        let link_change = match &action {
            Action::Run(RunAction::Progress { .. } | RunAction::Replay(_))
            | Action::Guess(GuessAction::SetGuess(..))
            | Action::Link(LinkAction::Worded { .. }) => None,
            Action::LoadPreset(_) => Some(LinkChange::Push),
            Action::Edit(edit) if edit.is_a_new_scenario() => Some(LinkChange::Push),
            _ => Some(LinkChange::Replace),
        };
        let Some(link_change) = link_change else {
            return self.change(action);
        };
        // Writing the link reads every task; most actions leave what it
        // carries as it was (the same scenario is the same Rc).
        let before = self.shared();
        self.change(action);
        let after = self.shared();
        if after != before {
            self.link.follow(after.as_ref(), link_change);
        }
    }

    fn change(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => {
                self.lang = lang;
                self.lang_chosen = true;
                // A preset as loaded, not yet run, takes the new language's
                // task names; a run's results keep the names they ran with.
                let renamed = self
                    .plan
                    .as_ref()
                    .filter(|_| self.run.phase == Phase::Idle)
                    .and_then(|plan| Preset::renamed(&plan.scenario, lang));
                if let Some(scenario) = renamed {
                    self.editor.rename(&scenario);
                    self.scenario_changed();
                }
            }
            Action::SetScale(scale) => self.scale = scale,
            Action::LoadPreset(preset) => self.load(&preset.scenario_in(self.lang)),
            Action::Edit(edit) => {
                if self.editor.apply(edit) == Edited::Scenario {
                    self.scenario_changed();
                }
            }
            Action::Run(action) => {
                if let RunAction::Start { choice, .. } = action {
                    self.mode = choice;
                }
                self.run.apply(action, self.scale);
            }
            Action::Guess(action) => self.guesses.apply(action),
            Action::Link(LinkAction::Open(read)) => {
                if self.link.is_news(&read) {
                    // Another scenario mid-run (Back, Forward, a link
                    // opened by hand) stops the run, and its results go
                    // with it: the table never holds two scenarios.
                    if self.run.scenario() != Some(&read.shared.scenario) {
                        self.run.stop();
                    }
                    self.open_link(read);
                }
            }
            Action::Link(LinkAction::DismissNotice) => {
                self.link.notice = Rc::new([]);
                self.link.notice_source = Rc::from("");
                self.link.notice_words = None;
            }
            Action::Link(LinkAction::Worded { source, words }) => {
                if source == self.link.notice_source {
                    self.link.notice_words = Some(words);
                }
            }
        }
    }

    /// The tasks or knobs changed: the plan is worked out again, and the
    /// last run's results no longer describe the editor.
    fn scenario_changed(&mut self) {
        self.run.scenario_changed();
        self.plan = self.editor.scenario().ok().map(|s| Rc::new(Plan::new(s)));
    }

    fn open_link(&mut self, read: link::Read) {
        let shared = read.shared;
        self.load(&shared.scenario);
        self.mode = shared.mode;
        self.scale = shared.scale;
        self.embed = shared.embed;
        self.guesses.on = shared.guess;
        self.program = shared.program;
        if let Some(lang) = shared.lang {
            self.lang = lang;
            self.lang_chosen = true;
        }
        self.link.notice = read.problems.into();
        self.link.notice_source = read.source;
        self.link.notice_words = None;
    }

    fn load(&mut self, scenario: &Scenario) {
        // Guesses were about the scenario before; the same one keeps them.
        if self.plan.as_ref().map(|plan| &*plan.scenario) != Some(scenario) {
            self.guesses.clear();
        }
        self.editor.load(scenario);
        self.scenario_changed();
    }
}

impl From<EditAction> for Action {
    fn from(action: EditAction) -> Self {
        Action::Edit(action)
    }
}

impl From<RunAction> for Action {
    fn from(action: RunAction) -> Self {
        Action::Run(action)
    }
}

impl From<GuessAction> for Action {
    fn from(action: GuessAction) -> Self {
        Action::Guess(action)
    }
}

impl From<LinkAction> for Action {
    fn from(action: LinkAction) -> Self {
        Action::Link(action)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::state::testing::*;

    #[test]
    fn the_page_opens_on_the_course_example() {
        let state = Playground::new(Lang::Ru);
        assert_eq!(state.editor.drafts.len(), 30);
        assert_eq!(state.run.phase, Phase::Idle);
        let plan = state.plan.as_ref().expect("valid");
        assert_eq!(plan.sequential.total, Duration::from_secs(30));
        assert_eq!(plan.concurrent.total, Duration::from_secs(1));
    }

    #[test]
    fn editing_after_a_run_clears_its_results_but_not_during_it() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Sequential));
        state.apply(Action::Edit(EditAction::SetName(0, "boil".into())));
        assert_eq!(state.run.recordings.len(), 1, "the running run is kept");
        state.apply(Action::Run(RunAction::Stop));
        state.apply(Action::Edit(EditAction::SetName(0, "toast".into())));
        assert!(state.run.recordings.is_empty());
        assert_eq!(state.run.phase, Phase::Idle);
    }

    #[test]
    fn a_link_to_another_scenario_mid_run_stops_the_run_and_clears_it() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Compare));
        state.apply(progress(
            1,
            Duration::from_millis(1001),
            Mode::Concurrent,
            Report::Finished(Duration::from_millis(1001)),
        ));
        // The same scenario at another speed: the run goes on.
        let same = link::read(&link::write(&Shared {
            scale: Scale::X10,
            ..Shared::default()
        }));
        state.apply(Action::Link(LinkAction::Open(same)));
        assert_eq!(state.run.phase, Phase::Running);
        assert_eq!(state.run.recordings.len(), 2);

        state.apply(Action::Link(LinkAction::Open(link::read(
            "#tasks=5.5&mode=compare",
        ))));
        assert_eq!(
            state.run.phase,
            Phase::Idle,
            "stopped, and cleared by the new scenario"
        );
        assert!(state.run.recordings.is_empty() && state.run.earlier.is_empty());
        let plan = state.plan.as_ref().expect("valid");
        assert_eq!(plan.scenario.tasks.len(), 1);
        // A late report of the stopped run changes nothing.
        state.apply(progress(
            1,
            Duration::from_secs(30),
            Mode::Sequential,
            Report::Finished(Duration::from_secs(30)),
        ));
        assert!(state.run.recordings.is_empty());
    }

    #[test]
    fn a_preset_names_its_tasks_in_the_pages_language() {
        let names = |state: &Playground| -> Vec<String> {
            state.editor.drafts.iter().map(|d| d.name.clone()).collect()
        };
        let mut state = Playground::new(Lang::Ru);
        state.apply(Action::LoadPreset(Preset::CoffeeMachine));
        assert_eq!(names(&state), ["кофе", "тост", "почта"]);
        assert!(
            state.link.current.contains("tasks=%D0%BA"),
            "{}",
            state.link.current
        );
        state.apply(Action::SetLang(Lang::En));
        assert_eq!(names(&state), ["coffee", "toast", "mail"]);
        // After a run, the results keep the names they ran with.
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(Action::Run(RunAction::Stop));
        state.apply(Action::SetLang(Lang::Ru));
        assert_eq!(names(&state), ["coffee", "toast", "mail"]);
        assert_eq!(state.run.recordings.len(), 1);
        // The learner's own names are never changed.
        let mut state = Playground::new(Lang::En);
        state.apply(Action::LoadPreset(Preset::CoffeeMachine));
        state.apply(Action::Edit(EditAction::SetName(0, "espresso".into())));
        state.apply(Action::SetLang(Lang::Ru));
        assert_eq!(names(&state), ["espresso", "toast", "mail"]);
    }
}

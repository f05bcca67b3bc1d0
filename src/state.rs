//! The page's one state and the one reducer that changes it.
//!
//! Components send an [`Action`]; [`Playground::apply`] is the only place
//! the state changes. What a person typed is kept as typed, next to what it
//! means, so a wrong value is reported and never lost. Large parts are
//! shared (`Rc`), so that copying the state, which the UI does on every
//! action, stays cheap with 100,000 tasks.

use std::rc::Rc;
use std::time::Duration;

use crate::guess::Guesses;
use crate::i18n::Lang;
use crate::link::{self, Problem, Shared};
use crate::presets::Preset;
use crate::recording::{Failure, Recording, Report};
use crate::scenario::{
    clean_name, format_seconds, format_task, parse_count, parse_duration, parse_task, CountError,
    DurationError, Mode, NameChanges, RunChoice, Scale, Scenario, StepsError, Task, Traits,
};
use crate::simulate::{predict, Prediction};

/// How many tasks one page of the editor shows.
pub const PAGE_SIZE: usize = 100;

/// A task as typed in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskDraft {
    /// The name, as typed and held to the rules for names
    /// ([`crate::scenario::clean_name`]).
    pub name: String,
    /// What those rules changed in what was last typed.
    pub name_changes: NameChanges,
    /// The steps, as typed (`1+c0.5+o2`, `@0.5+1`).
    pub steps_text: String,
    /// What the typed steps mean: the task, but for its name.
    pub steps: Result<Task, StepsError>,
}

impl TaskDraft {
    /// A draft holding a valid task.
    pub fn from_task(task: &Task) -> Self {
        Self {
            name: task.name.clone(),
            name_changes: NameChanges::default(),
            steps_text: format_task(task),
            steps: Ok(Task {
                name: String::new(),
                ..task.clone()
            }),
        }
    }

    /// Takes the name as typed: the page's own link must carry it and
    /// reopen it unchanged, so the link's rules apply here.
    fn set_name(&mut self, text: &str) {
        (self.name, self.name_changes) = clean_name(text);
    }

    fn set_steps(&mut self, text: String) {
        self.steps = parse_task(&text);
        self.steps_text = text;
    }
}

/// The knobs as typed: the concurrency limit and the timeout, each empty
/// for none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnobsDraft {
    /// The limit, as typed.
    pub limit_text: String,
    /// What it means: `None` when empty.
    pub limit: Result<Option<usize>, CountError>,
    /// The timeout in seconds, as typed.
    pub timeout_text: String,
    /// What it means: `None` when empty.
    pub timeout: Result<Option<Duration>, DurationError>,
}

impl KnobsDraft {
    fn from_scenario(scenario: &Scenario) -> Self {
        Self {
            limit_text: scenario.limit.map(|l| l.to_string()).unwrap_or_default(),
            limit: Ok(scenario.limit),
            timeout_text: scenario.timeout.map(format_seconds).unwrap_or_default(),
            timeout: Ok(scenario.timeout),
        }
    }

    fn set_limit(&mut self, text: String) {
        self.limit = match text.trim() {
            "" => Ok(None),
            limit => parse_count(limit, 0).map(Some),
        };
        self.limit_text = text;
    }

    fn set_timeout(&mut self, text: String) {
        self.timeout = match text.trim() {
            "" => Ok(None),
            timeout => parse_duration(timeout).map(Some),
        };
        self.timeout_text = text;
    }
}

/// Where the page is in a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Nothing has run since the scenario last changed.
    Idle,
    /// A run is going on.
    Running,
    /// The last run finished.
    Done,
    /// The last run was stopped.
    Stopped,
}

impl Phase {
    /// A stable name for test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Phase::Idle => "idle",
            Phase::Running => "running",
            Phase::Done => "done",
            Phase::Stopped => "stopped",
        }
    }
}

/// Why a scenario cannot run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRunnable {
    /// There are no tasks.
    NoTasks,
    /// At least one field holds a value that cannot be read.
    InvalidFields,
}

/// The "add N tasks of d seconds" form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkDraft {
    /// How many, as typed.
    pub count_text: String,
    /// Each task's steps, as typed.
    pub steps_text: String,
    /// What was wrong with the count when "Add" was last pressed.
    pub count_error: Option<CountError>,
    /// What was wrong with the steps when "Add" was last pressed.
    pub steps_error: Option<StepsError>,
}

impl Default for BulkDraft {
    fn default() -> Self {
        Self {
            count_text: "1000".to_owned(),
            steps_text: "1".to_owned(),
            count_error: None,
            steps_error: None,
        }
    }
}

/// The valid scenario in the editor and both modes' predictions for it,
/// computed once per edit and shared by runs, the link and the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The scenario.
    pub scenario: Rc<Scenario>,
    /// One after another.
    pub sequential: Rc<Prediction>,
    /// All at once.
    pub concurrent: Rc<Prediction>,
    /// What the scenario is like: read once here, not by every recording
    /// of a run (a pass over 100,000 tasks each, when Run is pressed).
    pub traits: Traits,
}

impl Plan {
    fn new(scenario: Scenario) -> Self {
        Self {
            sequential: Rc::new(predict(&scenario, Mode::Sequential)),
            concurrent: Rc::new(predict(&scenario, Mode::Concurrent)),
            traits: scenario.traits(),
            scenario: Rc::new(scenario),
        }
    }

    /// An empty recording of a run of the scenario in `mode`.
    pub fn recording(&self, mode: Mode) -> Recording {
        Recording::with_traits(
            mode,
            self.scenario.clone(),
            self.prediction(mode).clone(),
            self.traits,
        )
    }

    /// The prediction for `mode`.
    pub fn prediction(&self, mode: Mode) -> &Rc<Prediction> {
        match mode {
            Mode::Sequential => &self.sequential,
            Mode::Concurrent => &self.concurrent,
        }
    }
}

/// Work that would hold the page longer than this at once is said before a
/// run: the page freezes meanwhile, and Stop waits for it.
pub const HOLD_NOTICE: Duration = Duration::from_secs(3);

/// The scenario the drafts describe, or why it cannot run.
pub fn scenario_of(drafts: &[TaskDraft], knobs: &KnobsDraft) -> Result<Scenario, NotRunnable> {
    if drafts.is_empty() {
        return Err(NotRunnable::NoTasks);
    }
    let tasks = drafts
        .iter()
        .map(|draft| {
            let task = draft.steps.clone().ok()?;
            Some(Task {
                name: draft.name.clone(),
                ..task
            })
        })
        .collect::<Option<_>>();
    match (tasks, knobs.limit, knobs.timeout) {
        (Some(tasks), Ok(limit), Ok(timeout)) => Ok(Scenario {
            tasks,
            limit,
            timeout,
        }),
        _ => Err(NotRunnable::InvalidFields),
    }
}

/// How many editor pages `task_count` tasks fill (at least one).
pub fn page_count(task_count: usize) -> usize {
    task_count.div_ceil(PAGE_SIZE).max(1)
}

/// How the address bar follows a change of the link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkChange {
    /// Replace the current history entry: typing, small changes.
    Replace,
    /// Add a history entry, so Back returns to the scenario before: a
    /// preset, adding or removing tasks.
    Push,
}

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
    /// Whether the page is the compact one for embedding.
    pub embed: bool,
    /// What could not be used in the link the page was opened with.
    pub notice: Rc<[Problem]>,
    /// The link of the scenario in the editor (without `#`); while a field
    /// is invalid, or the scenario is too big for a link, the last one.
    pub link: Rc<str>,
    /// The scenario in the editor is too big for a link: the bytes its link
    /// would take, over [`link::MAX_LINK_BYTES`]. The page says so where the
    /// link is shared, and the address keeps the last link that fit.
    pub unlinkable: Option<usize>,
    /// How the last change to the link should reach the address bar.
    pub link_change: LinkChange,
    /// The tasks as typed.
    pub drafts: Rc<Vec<TaskDraft>>,
    /// The limit and the timeout as typed.
    pub knobs: KnobsDraft,
    /// The "add many" form.
    pub bulk: BulkDraft,
    /// Which page of the editor is shown, from 0.
    pub page: usize,
    /// How fast runs go.
    pub scale: Scale,
    /// Where the page is in a run.
    pub phase: Phase,
    /// Counts runs, so reports from a stopped run are never mixed into the next.
    pub run_id: u64,
    /// The current or last run, one recording per mode it ran.
    pub recordings: Vec<Rc<Recording>>,
    /// Each mode's last finished run of this scenario that the current or
    /// last run did not repeat, newest first: run all at once, then one
    /// after another, and the table still shows both totals.
    pub earlier: Vec<Rc<Recording>>,
    /// The current or last run's clock, in scenario time. Kept apart from
    /// the recordings, so that they change only when something happens.
    pub clock: Duration,
    /// The speed the last run ran at (the speed may change after it).
    pub run_scale: Scale,
    /// The moment of the last run being replayed, on its run clock; `None`
    /// shows the run as it ended.
    pub replay: Option<Duration>,
    /// The scenario in the editor and its predictions, when it is valid.
    pub plan: Option<Rc<Plan>>,
    /// The learner's guesses of the totals, when the page asks for them.
    pub guesses: Guesses,
}

/// Everything a person or the runtime can do to the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the language.
    SetLang(Lang),
    /// Type into a task's name.
    SetName(usize, String),
    /// Type into a task's steps.
    SetSteps(usize, String),
    /// Type into the concurrency limit.
    SetLimit(String),
    /// Type into the timeout.
    SetTimeout(String),
    /// Add one task at the end, as long as the last one.
    AddTask,
    /// Remove a task.
    RemoveTask(usize),
    /// Remove every task.
    RemoveAll,
    /// Type into the "add many" count.
    SetBulkCount(String),
    /// Type into the "add many" steps.
    SetBulkSteps(String),
    /// Add many tasks at once.
    AddBulk,
    /// Replace the scenario with a preset.
    LoadPreset(Preset),
    /// Open what a link carries (the address changed: Back, Forward, or
    /// an edit by hand).
    OpenLink(link::Read),
    /// Hide the notice about the link.
    DismissNotice,
    /// Show another page of the editor.
    ShowPage(usize),
    /// Change the speed of runs.
    SetScale(Scale),
    /// A run of the plan has started as run number `run_id`.
    Start {
        /// The run's number: one more than the state's.
        run_id: u64,
        /// What the run does.
        choice: RunChoice,
        /// What it runs, as [`Playground::plan`] held it.
        plan: Rc<Plan>,
    },
    /// What the runtime reported since the last frame, and each mode's clock.
    Progress {
        /// Which run reported.
        run_id: u64,
        /// Each running mode's clock, in scenario time.
        now: Duration,
        /// The reports, in order.
        reports: Vec<(Mode, Report)>,
    },
    /// The learner stopped the run.
    Stop,
    /// Show the finished or stopped run as it stood at this moment of its
    /// run clock, or as it ended.
    Replay(Option<Duration>),
    /// Ask for a guess before each run, hiding the prediction until then,
    /// or stop asking.
    SetGuessing(bool),
    /// Type into the guess of a mode's total.
    SetGuess(Mode, String),
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
            embed: false,
            notice: Rc::new([]),
            link: Rc::from(""),
            unlinkable: None,
            link_change: LinkChange::Replace,
            drafts: Rc::default(),
            knobs: KnobsDraft::from_scenario(&Scenario::default()),
            bulk: BulkDraft::default(),
            page: 0,
            scale: Scale::X1,
            phase: Phase::Idle,
            run_id: 0,
            recordings: Vec::new(),
            earlier: Vec::new(),
            clock: Duration::ZERO,
            replay: None,
            run_scale: Scale::X1,
            plan: None,
            guesses: Guesses::default(),
        };
        playground.open_link(read);
        playground.refresh_link(LinkChange::Replace);
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
        })
    }

    /// Whether the page keeps its prediction to itself: it asks for
    /// guesses, and no run of this scenario has started yet.
    pub fn prediction_hidden(&self) -> bool {
        self.guesses.on && self.phase == Phase::Idle
    }

    /// How long the last run took on its run clock, once it has finished
    /// or stopped: what a replay moves through.
    pub fn replay_length(&self) -> Option<Duration> {
        if matches!(self.phase, Phase::Idle | Phase::Running) {
            return None;
        }
        self.recordings
            .iter()
            .map(|recording| recording.ended_at().unwrap_or(self.clock))
            .max()
    }

    /// How long, at most, the run the page suggests (its mode, at its
    /// speed) would hold the page at once with work, in real time, when
    /// that is longer than [`HOLD_NOTICE`]: said before the run.
    pub fn page_hold(&self) -> Option<Duration> {
        let plan = self.plan.as_ref()?;
        let modes = self.mode.modes().iter();
        let hold = modes.map(|&m| plan.prediction(m).longest_hold).max()?;
        Some(self.scale.to_real(hold)).filter(|&hold| hold > HOLD_NOTICE)
    }

    /// Why the scenario cannot run, if it cannot.
    pub fn not_runnable(&self) -> Option<NotRunnable> {
        if self.drafts.is_empty() {
            Some(NotRunnable::NoTasks)
        } else if self.plan.is_none() {
            Some(NotRunnable::InvalidFields)
        } else {
            None
        }
    }

    /// The run whose measured total the table shows for `mode`: the
    /// current or last run's, or else an earlier run's of the same
    /// scenario (see [`Playground::earlier`]).
    pub fn measured(&self, mode: Mode) -> Option<Measured<'_>> {
        measured(&self.recordings, &self.earlier, mode)
    }

    /// Why the current or last run could not go on, if it could not.
    pub fn failure(&self) -> Option<Failure> {
        self.recordings.iter().find_map(|r| r.failure())
    }

    /// The recording of `mode` in the current or last run.
    pub fn recording(&self, mode: Mode) -> Option<&Recording> {
        self.recordings
            .iter()
            .map(Rc::as_ref)
            .find(|r| r.mode == mode)
    }

    /// How many editor pages there are.
    pub fn page_count(&self) -> usize {
        page_count(self.drafts.len())
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        // Run progress comes every frame and never changes the link.
        let link_change = match action {
            Action::Progress { .. } | Action::Replay(_) | Action::SetGuess(..) => None,
            Action::LoadPreset(_)
            | Action::AddTask
            | Action::RemoveTask(_)
            | Action::RemoveAll
            | Action::AddBulk => Some(LinkChange::Push),
            _ => Some(LinkChange::Replace),
        };
        let Some(link_change) = link_change else {
            return self.change(action);
        };
        // Writing the link reads every task; most actions leave what it
        // carries as it was (the same scenario is the same Rc).
        let before = self.shared();
        self.change(action);
        if self.shared() != before {
            self.refresh_link(link_change);
        }
    }

    /// Writes the link of what the page shows, if it changed, noting how
    /// the address bar should follow. An invalid scenario keeps the last
    /// valid link; one too big for a link keeps the last that fit.
    fn refresh_link(&mut self, change: LinkChange) {
        if let Some(shared) = self.shared() {
            let link = link::write(&shared);
            self.unlinkable = (link.len() > link::MAX_LINK_BYTES).then_some(link.len());
            if self.unlinkable.is_none() && *self.link != *link {
                self.link = link.into();
                self.link_change = change;
            }
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
                    .filter(|_| self.phase == Phase::Idle)
                    .and_then(|plan| Preset::renamed(&plan.scenario, lang));
                if let Some(scenario) = renamed {
                    self.edit(|drafts| {
                        for (draft, task) in drafts.iter_mut().zip(&scenario.tasks) {
                            draft.name.clone_from(&task.name);
                        }
                    });
                }
            }
            Action::SetName(index, text) => self.edit(|drafts| {
                if let Some(draft) = drafts.get_mut(index) {
                    draft.set_name(&text);
                }
            }),
            Action::SetSteps(index, text) => self.edit(|drafts| {
                if let Some(draft) = drafts.get_mut(index) {
                    draft.set_steps(text);
                }
            }),
            Action::SetLimit(text) => {
                self.knobs.set_limit(text);
                self.edit(|_| {});
            }
            Action::SetTimeout(text) => {
                self.knobs.set_timeout(text);
                self.edit(|_| {});
            }
            Action::AddTask => {
                if self.drafts.len() < crate::scenario::MAX_TASKS {
                    self.edit(|drafts| {
                        let last = drafts.last().cloned();
                        drafts.push(TaskDraft {
                            name: String::new(),
                            ..last.unwrap_or_else(|| {
                                TaskDraft::from_task(&Task::unnamed(Duration::from_secs(1)))
                            })
                        });
                    });
                    self.page = self.page_count() - 1;
                }
            }
            Action::RemoveTask(index) => {
                self.edit(|drafts| {
                    if index < drafts.len() {
                        drafts.remove(index);
                    }
                });
                self.page = self.page.min(self.page_count() - 1);
            }
            Action::RemoveAll => {
                self.edit(Vec::clear);
                self.page = 0;
            }
            Action::SetBulkCount(text) => {
                self.bulk.count_text = text;
                self.bulk.count_error = None;
            }
            Action::SetBulkSteps(text) => {
                self.bulk.steps_text = text;
                self.bulk.steps_error = None;
            }
            Action::AddBulk => self.add_bulk(),
            Action::LoadPreset(preset) => self.load(&preset.scenario_in(self.lang)),
            Action::OpenLink(read) => {
                if *self.link != *link::write(&read.shared) || !read.problems.is_empty() {
                    // Another scenario mid-run (Back, Forward, a link
                    // opened by hand) stops the run, and its results go
                    // with it: the table never holds two scenarios.
                    let run = self.recordings.first().map(|r| &r.scenario);
                    if self.phase == Phase::Running && run != Some(&read.shared.scenario) {
                        self.stop_run();
                    }
                    self.open_link(read);
                }
            }
            Action::DismissNotice => self.notice = Rc::new([]),
            Action::ShowPage(page) => self.page = page.min(self.page_count() - 1),
            Action::SetScale(scale) => self.scale = scale,
            Action::Start {
                run_id,
                choice,
                plan,
            } => {
                self.run_id = run_id;
                self.mode = choice;
                self.phase = Phase::Running;
                self.clock = Duration::ZERO;
                self.replay = None;
                self.run_scale = self.scale;
                self.earlier = earlier_runs(
                    self.recordings.drain(..).chain(self.earlier.drain(..)),
                    &plan.scenario,
                    choice,
                );
                self.recordings = choice
                    .modes()
                    .iter()
                    .map(|&mode| Rc::new(plan.recording(mode)))
                    .collect();
            }
            Action::Progress {
                run_id,
                now,
                reports,
            } => {
                if run_id == self.run_id && self.phase == Phase::Running {
                    self.progress(now, reports);
                }
            }
            Action::Stop => {
                if self.phase == Phase::Running {
                    self.stop_run();
                }
            }
            Action::Replay(moment) => {
                if let Some(length) = self.replay_length() {
                    self.replay = moment.map(|moment| moment.min(length));
                }
            }
            Action::SetGuessing(on) => self.guesses.on = on,
            Action::SetGuess(mode, text) => self.guesses.set(mode, text),
        }
    }

    /// Changes the tasks (the knobs are changed before). Results of an
    /// earlier run no longer describe the scenario in the editor, so they
    /// are cleared; a running run carries on.
    fn edit(&mut self, change: impl FnOnce(&mut Vec<TaskDraft>)) {
        change(Rc::make_mut(&mut self.drafts));
        if self.phase != Phase::Running {
            self.phase = Phase::Idle;
            self.recordings.clear();
            self.earlier.clear();
        }
        self.plan = scenario_of(&self.drafts, &self.knobs)
            .ok()
            .map(|s| Rc::new(Plan::new(s)));
    }

    fn open_link(&mut self, read: link::Read) {
        let shared = read.shared;
        self.load(&shared.scenario);
        self.mode = shared.mode;
        self.scale = shared.scale;
        self.embed = shared.embed;
        self.guesses.on = shared.guess;
        if let Some(lang) = shared.lang {
            self.lang = lang;
            self.lang_chosen = true;
        }
        self.notice = read.problems.into();
    }

    fn load(&mut self, scenario: &Scenario) {
        // Guesses were about the scenario before; the same one keeps them.
        if self.plan.as_ref().map(|plan| &*plan.scenario) != Some(scenario) {
            self.guesses.clear();
        }
        let drafts = scenario.tasks.iter().map(TaskDraft::from_task).collect();
        self.knobs = KnobsDraft::from_scenario(scenario);
        self.edit(|current| *current = drafts);
        self.page = 0;
    }

    fn add_bulk(&mut self) {
        let count = parse_count(&self.bulk.count_text, self.drafts.len());
        let steps = parse_task(&self.bulk.steps_text);
        self.bulk.count_error = count.err();
        self.bulk.steps_error = steps.clone().err();
        if let (Ok(count), Ok(task)) = (count, steps) {
            let draft = TaskDraft::from_task(&task);
            self.edit(|drafts| drafts.extend(std::iter::repeat_n(draft, count)));
        }
    }

    /// Stops the run at the run clock: each recording's clock stays there.
    fn stop_run(&mut self) {
        self.phase = Phase::Stopped;
        for recording in &mut self.recordings {
            Rc::make_mut(recording).stop(self.clock);
        }
    }

    fn progress(&mut self, now: Duration, reports: Vec<(Mode, Report)>) {
        self.clock = self.clock.max(now);
        for recording in &mut self.recordings {
            let mode = recording.mode;
            let mut mine = reports
                .iter()
                .filter(|(m, _)| *m == mode)
                .map(|&(_, report)| report)
                .peekable();
            // Untouched recordings stay the same `Rc`: what draws them is
            // not redrawn.
            if mine.peek().is_some() {
                Rc::make_mut(recording).record(mine);
            }
        }
        if self.failure().is_some() {
            // The run cannot go on: it stops where it is, and says why.
            self.stop_run();
        } else if self.recordings.iter().all(|r| r.is_finished()) {
            self.phase = Phase::Done;
        }
    }
}

/// The run a mode's measured total comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Measured<'a> {
    /// The run.
    pub recording: &'a Recording,
    /// Whether it is an earlier run than the current or last one.
    pub earlier: bool,
}

/// The run whose total the table shows for `mode`: the one in `recordings`
/// (the current or last run) if it ran that mode, else the one in
/// `earlier`.
pub fn measured<'a>(
    recordings: &'a [Rc<Recording>],
    earlier: &'a [Rc<Recording>],
    mode: Mode,
) -> Option<Measured<'a>> {
    let find = |runs: &'a [Rc<Recording>]| runs.iter().find(|r| r.mode == mode);
    match find(recordings) {
        Some(recording) => Some(Measured {
            recording,
            earlier: false,
        }),
        None => find(earlier).map(|recording| Measured {
            recording,
            earlier: true,
        }),
    }
}

/// What stays of `runs` (newest first) when `choice` starts on `scenario`:
/// for each mode it does not run, the newest finished run of that
/// scenario.
fn earlier_runs(
    runs: impl Iterator<Item = Rc<Recording>>,
    scenario: &Scenario,
    choice: RunChoice,
) -> Vec<Rc<Recording>> {
    let mut kept: Vec<Rc<Recording>> = Vec::new();
    for run in runs {
        let keep = run.total.is_some()
            && !choice.modes().contains(&run.mode)
            && !kept.iter().any(|k| k.mode == run.mode)
            && *run.scenario == *scenario;
        if keep {
            kept.push(run);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recording::RunEvent;

    fn after(actions: impl IntoIterator<Item = Action>) -> Playground {
        let mut state = Playground::new(Lang::En);
        for action in actions {
            state.apply(action);
        }
        state
    }

    /// One frame's worth of progress with a single report.
    fn progress(run_id: u64, now: Duration, mode: Mode, report: Report) -> Action {
        Action::Progress {
            run_id,
            now,
            reports: vec![(mode, report)],
        }
    }

    fn first_started() -> Report {
        Report::Event(RunEvent::Started {
            task: 0,
            at: Duration::ZERO,
        })
    }

    fn start(state: &Playground, choice: RunChoice) -> Action {
        Action::Start {
            run_id: state.run_id + 1,
            choice,
            plan: state.plan.clone().expect("runnable"),
        }
    }

    #[test]
    fn the_page_opens_on_the_course_example() {
        let state = Playground::new(Lang::Ru);
        assert_eq!(state.drafts.len(), 30);
        assert_eq!(state.phase, Phase::Idle);
        let plan = state.plan.as_ref().expect("valid");
        assert_eq!(plan.sequential.total, Duration::from_secs(30));
        assert_eq!(plan.concurrent.total, Duration::from_secs(1));
    }

    #[test]
    fn wrong_steps_are_kept_as_typed_and_block_the_run() {
        let state = after([Action::SetSteps(3, "abc".into())]);
        assert_eq!(state.drafts[3].steps_text, "abc");
        assert_eq!(
            state.drafts[3].steps,
            Err(StepsError::Step {
                index: 0,
                reason: DurationError::NotANumber
            })
        );
        assert_eq!(state.not_runnable(), Some(NotRunnable::InvalidFields));
        assert_eq!(
            scenario_of(&state.drafts, &state.knobs),
            Err(NotRunnable::InvalidFields)
        );
        assert!(state.plan.is_none());

        let fixed = after([
            Action::SetSteps(3, "abc".into()),
            Action::SetSteps(3, "2,5".into()),
        ]);
        assert_eq!(fixed.not_runnable(), None);
        let plan = fixed.plan.as_ref().expect("valid again");
        assert_eq!(plan.concurrent.total, Duration::from_millis(2500));
    }

    #[test]
    fn tasks_are_added_removed_and_named() {
        let state = after([
            Action::LoadPreset(Preset::LongestWins),
            Action::AddTask,
            Action::SetName(3, "boil".into()),
            Action::RemoveTask(0),
        ]);
        let scenario = state.plan.as_ref().expect("valid").scenario.clone();
        let durations: Vec<_> = scenario
            .tasks
            .iter()
            .map(|t| t.duration().as_secs())
            .collect();
        assert_eq!(durations, [3, 10, 10]);
        assert_eq!(scenario.tasks[2].name, "boil");
        let empty = after([Action::RemoveAll]);
        assert_eq!(empty.not_runnable(), Some(NotRunnable::NoTasks));
    }

    #[test]
    fn many_tasks_are_added_at_once_within_the_limit() {
        let state = after([
            Action::SetBulkCount("970".into()),
            Action::SetBulkSteps("0.5".into()),
            Action::AddBulk,
        ]);
        assert_eq!(state.drafts.len(), 1000);
        assert_eq!(state.page_count(), 10);

        let refused = after([Action::SetBulkCount("99971".into()), Action::AddBulk]);
        assert_eq!(refused.drafts.len(), 30);
        assert_eq!(refused.bulk.count_error, Some(CountError::TooMany));
        assert_eq!(refused.bulk.count_text, "99971");

        let bad_steps = after([Action::SetBulkSteps("1+c-2".into()), Action::AddBulk]);
        assert_eq!(bad_steps.drafts.len(), 30);
        assert_eq!(
            bad_steps.bulk.steps_error,
            Some(StepsError::Step {
                index: 1,
                reason: DurationError::NotPositive
            })
        );
    }

    #[test]
    fn the_knobs_are_typed_checked_and_carried_by_the_link() {
        let state = after([
            Action::SetSteps(0, "1+c0.5".into()),
            Action::SetLimit("3".into()),
            Action::SetTimeout("2,5".into()),
        ]);
        let scenario = &state.plan.as_ref().expect("valid").scenario;
        assert_eq!(scenario.limit, Some(3));
        assert_eq!(scenario.timeout, Some(Duration::from_millis(2500)));
        assert!(
            state
                .link
                .contains("tasks=1+c0.5,29x1&limit=3&timeout=2.5&"),
            "{}",
            state.link
        );

        let bad = after([
            Action::SetLimit("0".into()),
            Action::SetTimeout("soon".into()),
        ]);
        assert_eq!(bad.knobs.limit, Err(CountError::BelowOne));
        assert_eq!(bad.knobs.timeout, Err(DurationError::NotANumber));
        assert_eq!(bad.knobs.timeout_text, "soon");
        assert_eq!(bad.not_runnable(), Some(NotRunnable::InvalidFields));

        let cleared = after([Action::SetLimit("3".into()), Action::SetLimit(" ".into())]);
        assert_eq!(cleared.plan.as_ref().expect("valid").scenario.limit, None);

        let opened = after([Action::OpenLink(link::read(
            "#tasks=1,2&limit=1&timeout=1.5",
        ))]);
        assert_eq!(opened.knobs.limit_text, "1");
        assert_eq!(opened.knobs.timeout_text, "1.5");
    }

    #[test]
    fn a_run_goes_from_running_to_done() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Compare));
        assert_eq!(state.phase, Phase::Running);
        assert_eq!(state.recordings.len(), 2);
        state.apply(progress(
            1,
            Duration::from_millis(1001),
            Mode::Concurrent,
            Report::Finished(Duration::from_millis(1001)),
        ));
        assert_eq!(state.phase, Phase::Running, "sequential still runs");
        state.apply(progress(
            1,
            Duration::from_secs(30),
            Mode::Sequential,
            Report::Finished(Duration::from_secs(30)),
        ));
        assert_eq!(state.phase, Phase::Done);
        let concurrent = state.recording(Mode::Concurrent).expect("recorded");
        assert_eq!(concurrent.total, Some(Duration::from_millis(1001)));
        assert_eq!(state.clock, Duration::from_secs(30));
        assert_eq!(concurrent.prediction.total, Duration::from_secs(1));
    }

    #[test]
    fn a_frame_without_reports_leaves_the_recordings_alone() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Compare));
        let before = state.recordings.clone();
        state.apply(progress(
            1,
            Duration::from_millis(16),
            Mode::Sequential,
            first_started(),
        ));
        assert_eq!(state.clock, Duration::from_millis(16));
        assert!(
            !Rc::ptr_eq(&before[0], &state.recordings[0]),
            "sequential got an event"
        );
        assert!(
            Rc::ptr_eq(&before[1], &state.recordings[1]),
            "concurrent did not"
        );
    }

    #[test]
    fn a_replay_moves_through_the_finished_run_only() {
        let mut state = Playground::new(Lang::En);
        state.apply(Action::Replay(Some(Duration::from_millis(10))));
        assert_eq!(state.replay, None, "nothing to replay yet");
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(progress(
            1,
            Duration::ZERO,
            Mode::Concurrent,
            Report::Began(Duration::ZERO),
        ));
        state.apply(Action::Replay(Some(Duration::from_millis(10))));
        assert_eq!(state.replay, None, "not while it runs");
        state.apply(progress(
            1,
            Duration::from_millis(1003),
            Mode::Concurrent,
            Report::Finished(Duration::from_millis(1003)),
        ));
        assert_eq!(state.replay_length(), Some(Duration::from_millis(1003)));
        let link = state.link.clone();
        state.apply(Action::Replay(Some(Duration::from_millis(400))));
        assert_eq!(state.replay, Some(Duration::from_millis(400)));
        state.apply(Action::Replay(Some(Duration::from_secs(9))));
        assert_eq!(
            state.replay,
            Some(Duration::from_millis(1003)),
            "at most its end"
        );
        assert!(
            Rc::ptr_eq(&link, &state.link),
            "a replay is not an edit of the link"
        );
        state.apply(start(&state, RunChoice::Concurrent));
        assert_eq!(state.replay, None, "a new run ends the replay");
    }

    #[test]
    fn reports_of_a_stopped_run_are_ignored() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(Action::Stop);
        assert_eq!(state.phase, Phase::Stopped);
        state.apply(progress(
            1,
            Duration::from_secs(1),
            Mode::Concurrent,
            first_started(),
        ));
        assert_eq!(state.recording(Mode::Concurrent).unwrap().event_count(), 0);

        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(progress(
            1,
            Duration::from_secs(1),
            Mode::Concurrent,
            Report::Finished(Duration::from_secs(1)),
        ));
        assert_eq!(state.phase, Phase::Running, "a late report of run 1");
    }

    /// Runs `choice` to its end on the state's plan, each mode taking
    /// `took`.
    fn run_to_end(state: &mut Playground, choice: RunChoice, took: Duration) {
        state.apply(start(state, choice));
        let run_id = state.run_id;
        for &mode in choice.modes() {
            state.apply(progress(run_id, took, mode, Report::Finished(took)));
        }
        assert_eq!(state.phase, Phase::Done);
    }

    #[test]
    fn each_mode_keeps_its_last_measured_total() {
        let secs = Duration::from_secs;
        let mut state = Playground::new(Lang::En);
        run_to_end(&mut state, RunChoice::Concurrent, secs(1));
        run_to_end(&mut state, RunChoice::Sequential, secs(30));
        let concurrent = state.measured(Mode::Concurrent).expect("kept");
        assert!(concurrent.earlier, "it came from the run before");
        assert_eq!(concurrent.recording.total, Some(secs(1)));
        let sequential = state.measured(Mode::Sequential).unwrap();
        assert!(!sequential.earlier);
        assert_eq!(sequential.recording.total, Some(secs(30)));

        // Running the same mode again replaces it; the other stays.
        run_to_end(&mut state, RunChoice::Sequential, secs(31));
        assert_eq!(
            state.measured(Mode::Concurrent).unwrap().recording.total,
            Some(secs(1))
        );
        run_to_end(&mut state, RunChoice::Concurrent, secs(2));
        assert_eq!(
            state.measured(Mode::Sequential).unwrap().recording.total,
            Some(secs(31))
        );
        assert!(state.measured(Mode::Sequential).unwrap().earlier);
        // Compare measures both: nothing earlier is needed.
        run_to_end(&mut state, RunChoice::Compare, secs(3));
        assert!(state.earlier.is_empty());

        // A stopped run has no total to keep; another scenario, none at all.
        state.apply(start(&state, RunChoice::Sequential));
        state.apply(Action::Stop);
        assert_eq!(
            state.measured(Mode::Concurrent).unwrap().recording.total,
            Some(secs(3))
        );
        state.apply(Action::SetSteps(0, "2".into()));
        assert_eq!(state.measured(Mode::Concurrent), None);
        assert_eq!(state.measured(Mode::Sequential), None);
    }

    #[test]
    fn a_run_that_cannot_go_on_stops_and_says_why() {
        let mut state = Playground::new(Lang::En);
        state.apply(Action::SetSteps(0, "o1".into()));
        state.apply(start(&state, RunChoice::Compare));
        let run_id = state.run_id;
        state.apply(progress(
            run_id,
            Duration::from_millis(5),
            Mode::Sequential,
            Report::Began(Duration::ZERO),
        ));
        assert_eq!(state.phase, Phase::Running);
        state.apply(progress(
            run_id,
            Duration::from_millis(6),
            Mode::Sequential,
            Report::Failed(Failure::NoWorkers),
        ));
        assert_eq!(state.phase, Phase::Stopped);
        assert_eq!(state.failure(), Some(Failure::NoWorkers));
        let stopped = state.recording(Mode::Sequential).unwrap();
        assert_eq!(stopped.stopped_at(), Some(Duration::from_millis(6)));
        // The next run starts afresh.
        state.apply(start(&state, RunChoice::Concurrent));
        assert_eq!(state.failure(), None);
    }

    #[test]
    fn a_stopped_run_keeps_the_time_it_stopped_at() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(progress(
            1,
            Duration::from_millis(400),
            Mode::Concurrent,
            Report::Began(Duration::from_millis(100)),
        ));
        state.apply(Action::Stop);
        let recording = state.recording(Mode::Concurrent).unwrap();
        assert_eq!(recording.stopped_at(), Some(Duration::from_millis(300)));
        // Whatever clock a view or the export reads it at.
        assert_eq!(recording.clock(Duration::MAX), Duration::from_millis(300));
        assert_eq!(state.replay_length(), Some(Duration::from_millis(400)));
    }

    #[test]
    fn editing_after_a_run_clears_its_results_but_not_during_it() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Sequential));
        state.apply(Action::SetName(0, "boil".into()));
        assert_eq!(state.recordings.len(), 1, "the running run is kept");
        state.apply(Action::Stop);
        state.apply(Action::SetName(0, "toast".into()));
        assert!(state.recordings.is_empty());
        assert_eq!(state.phase, Phase::Idle);
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
        state.apply(Action::OpenLink(same));
        assert_eq!(state.phase, Phase::Running);
        assert_eq!(state.recordings.len(), 2);

        state.apply(Action::OpenLink(link::read("#tasks=5.5&mode=compare")));
        assert_eq!(
            state.phase,
            Phase::Idle,
            "stopped, and cleared by the new scenario"
        );
        assert!(state.recordings.is_empty() && state.earlier.is_empty());
        let plan = state.plan.as_ref().expect("valid");
        assert_eq!(plan.scenario.tasks.len(), 1);
        // A late report of the stopped run changes nothing.
        state.apply(progress(
            1,
            Duration::from_secs(30),
            Mode::Sequential,
            Report::Finished(Duration::from_secs(30)),
        ));
        assert!(state.recordings.is_empty());
    }

    #[test]
    fn a_scenario_too_big_for_a_link_keeps_the_last_link_and_says_so() {
        let mut state = Playground::new(Lang::En);
        let before = state.link.clone();
        let name = "ж".repeat(crate::scenario::MAX_NAME_CHARS);
        let shared = Shared {
            scenario: Rc::new(Scenario::named_distinct(3000, &name)),
            ..Shared::default()
        };
        state.apply(Action::OpenLink(link::Read {
            shared,
            problems: Vec::new(),
        }));
        assert_eq!(state.drafts.len(), 3000, "the scenario is on screen");
        assert!(state
            .unlinkable
            .is_some_and(|bytes| bytes > link::MAX_LINK_BYTES));
        assert_eq!(
            state.link, before,
            "the address keeps the last link that fit"
        );
        state.apply(Action::RemoveAll);
        state.apply(Action::AddTask);
        assert_eq!(state.unlinkable, None);
        assert_ne!(state.link, before);
    }

    #[test]
    fn work_that_would_hold_the_page_for_seconds_is_said_before_the_run() {
        let mut state = Playground::new(Lang::En);
        assert_eq!(state.page_hold(), None, "the course example only waits");
        state.apply(Action::OpenLink(link::read("#tasks=c2,c2&mode=concurrent")));
        assert_eq!(state.page_hold(), Some(Duration::from_secs(4)));
        // In turn, the page has a turn between the tasks.
        state.apply(Action::OpenLink(link::read("#tasks=c2,c2&mode=sequential")));
        assert_eq!(state.page_hold(), None);
        state.apply(Action::OpenLink(link::read("#tasks=c2,c2&mode=compare")));
        assert_eq!(state.page_hold(), Some(Duration::from_secs(4)));
        state.apply(Action::SetScale(Scale::X10));
        assert_eq!(state.page_hold(), None, "0.4 s at ×10");
    }

    #[test]
    fn a_link_opens_its_scenario_and_its_settings() {
        let state = Playground::open(
            link::read("#tasks=boil:3,1&mode=compare&scale=10&lang=ru&embed=1"),
            Lang::En,
        );
        assert_eq!(state.drafts.len(), 2);
        assert_eq!(state.drafts[0].name, "boil");
        assert_eq!(state.mode, RunChoice::Compare);
        assert_eq!(state.scale, Scale::X10);
        assert_eq!((state.lang, state.lang_chosen), (Lang::Ru, true));
        assert!(state.embed);
        assert!(state.notice.is_empty());
        assert_eq!(
            &*state.link,
            "v=1&tasks=boil:3,1&limit=none&timeout=none&mode=compare&scale=10&lang=ru&embed=1"
        );
    }

    #[test]
    fn a_bad_link_opens_with_a_notice_until_dismissed() {
        let mut state = Playground::open(link::read("#tasks=abc"), Lang::En);
        assert_eq!(state.drafts.len(), 30, "the course example instead");
        assert_eq!(state.notice.len(), 2);
        state.apply(Action::DismissNotice);
        assert!(state.notice.is_empty());
    }

    #[test]
    fn the_link_follows_the_editor_and_says_how_to_record_it() {
        let mut state = Playground::new(Lang::En);
        assert_eq!(
            &*state.link,
            "v=1&tasks=30x1&limit=none&timeout=none&mode=concurrent&scale=1"
        );

        state.apply(Action::SetSteps(0, "2".into()));
        assert_eq!(
            &*state.link,
            "v=1&tasks=2,29x1&limit=none&timeout=none&mode=concurrent&scale=1"
        );
        assert_eq!(state.link_change, LinkChange::Replace);

        state.apply(Action::SetSteps(0, "".into()));
        assert_eq!(
            &*state.link, "v=1&tasks=2,29x1&limit=none&timeout=none&mode=concurrent&scale=1",
            "an invalid field keeps the last valid link"
        );

        state.apply(Action::LoadPreset(Preset::LongestWins));
        assert_eq!(
            &*state.link,
            "v=1&tasks=1,3,10&limit=none&timeout=none&mode=concurrent&scale=1"
        );
        assert_eq!(state.link_change, LinkChange::Push);

        state.apply(Action::SetLang(Lang::Ru));
        state.apply(Action::SetScale(Scale::X100));
        assert_eq!(
            &*state.link,
            "v=1&tasks=1,3,10&limit=none&timeout=none&mode=concurrent&scale=100&lang=ru"
        );
        state.apply(start(&state, RunChoice::Sequential));
        assert!(state.link.contains("mode=sequential"));
    }

    /// What the name field takes, the link carries and reopens unchanged.
    #[test]
    fn a_typed_name_is_held_to_the_links_rules() {
        let state = after([Action::SetName(0, format!("tab\there{}", "n".repeat(100)))]);
        let draft = &state.drafts[0];
        assert_eq!(draft.name.chars().count(), crate::scenario::MAX_NAME_CHARS);
        assert!(draft.name.starts_with("tabheren"));
        assert!(draft.name_changes.removed && draft.name_changes.shortened);
        let read = link::read(&state.link);
        assert_eq!(read.problems, []);
        assert_eq!(read.shared.scenario.tasks[0].name, draft.name);
        let state = after([Action::SetName(0, "кофе".into())]);
        assert!(state.drafts[0].name_changes.none());
    }

    #[test]
    fn a_preset_names_its_tasks_in_the_pages_language() {
        let names = |state: &Playground| -> Vec<String> {
            state.drafts.iter().map(|d| d.name.clone()).collect()
        };
        let mut state = Playground::new(Lang::Ru);
        state.apply(Action::LoadPreset(Preset::CoffeeMachine));
        assert_eq!(names(&state), ["кофе", "тост", "почта"]);
        assert!(state.link.contains("tasks=%D0%BA"), "{}", state.link);
        state.apply(Action::SetLang(Lang::En));
        assert_eq!(names(&state), ["coffee", "toast", "mail"]);
        // After a run, the results keep the names they ran with.
        state.apply(start(&state, RunChoice::Concurrent));
        state.apply(Action::Stop);
        state.apply(Action::SetLang(Lang::Ru));
        assert_eq!(names(&state), ["coffee", "toast", "mail"]);
        assert_eq!(state.recordings.len(), 1);
        // The learner's own names are never changed.
        let mut state = Playground::new(Lang::En);
        state.apply(Action::LoadPreset(Preset::CoffeeMachine));
        state.apply(Action::SetName(0, "espresso".into()));
        state.apply(Action::SetLang(Lang::Ru));
        assert_eq!(names(&state), ["espresso", "toast", "mail"]);
    }

    #[test]
    fn a_link_opened_from_the_address_bar_replaces_the_entry() {
        let mut state = Playground::new(Lang::En);
        state.apply(Action::LoadPreset(Preset::LongestWins));
        assert_eq!(state.link_change, LinkChange::Push);
        // Written by hand, not in the form the page writes.
        state.apply(Action::OpenLink(link::read("#tasks=4,5")));
        assert_eq!(
            &*state.link,
            "v=1&tasks=4,5&limit=none&timeout=none&mode=concurrent&scale=1"
        );
        assert_eq!(state.link_change, LinkChange::Replace);
    }

    #[test]
    fn opening_the_link_the_page_already_shows_changes_nothing() {
        let mut state = Playground::new(Lang::En);
        state.apply(start(&state, RunChoice::Concurrent));
        let link = state.link.to_string();
        state.apply(Action::OpenLink(link::read(&link)));
        assert_eq!(state.phase, Phase::Running, "the run goes on");
        assert_eq!(state.recordings.len(), 1);

        state.apply(Action::Stop);
        state.apply(Action::OpenLink(link::read("#tasks=5")));
        assert_eq!(state.drafts.len(), 1);
        assert!(state.recordings.is_empty());
    }

    #[test]
    fn pages_follow_the_tasks() {
        let state = after([
            Action::SetBulkCount("270".into()),
            Action::AddBulk,
            Action::ShowPage(99),
        ]);
        assert_eq!(state.page, 2);
        let state = after([Action::ShowPage(2), Action::AddTask]);
        assert_eq!(state.page, 0, "31 tasks fit on one page");
    }

    #[test]
    fn guessing_hides_the_prediction_until_a_run_starts() {
        let mut state = after([Action::OpenLink(link::read("#tasks=30x1&guess=1"))]);
        assert!(state.guesses.on);
        assert!(state.prediction_hidden());
        assert!(state.link.ends_with("&guess=1"), "{}", state.link);

        state.apply(Action::SetGuess(Mode::Concurrent, "30".into()));
        let link = state.link.clone();
        state.apply(Action::SetGuess(Mode::Sequential, "thirty".into()));
        assert!(Rc::ptr_eq(&link, &state.link), "a guess is not in the link");
        assert_eq!(state.guesses.text(Mode::Sequential), "thirty");

        state.apply(start(&state, RunChoice::Compare));
        assert!(!state.prediction_hidden(), "shown once the run starts");
        state.apply(Action::Stop);
        assert!(!state.prediction_hidden(), "and after it");

        state.apply(Action::SetName(0, "fetch".into()));
        assert!(state.prediction_hidden(), "an edit asks again");
        assert_eq!(
            state.guesses.value(Mode::Concurrent),
            Ok(Some(Duration::from_secs(30))),
            "keeping what was typed"
        );
    }

    #[test]
    fn a_new_scenario_forgets_the_guesses_and_the_same_one_keeps_them() {
        let mut state = after([
            Action::SetGuessing(true),
            Action::SetGuess(Mode::Concurrent, "30".into()),
        ]);
        assert!(state.link.ends_with("&guess=1"), "{}", state.link);
        assert_eq!(state.link_change, LinkChange::Replace);
        state.apply(Action::LoadPreset(Preset::CourseFirstExample));
        assert_eq!(
            state.guesses.text(Mode::Concurrent),
            "30",
            "the same scenario"
        );
        state.apply(Action::LoadPreset(Preset::LongestWins));
        assert_eq!(state.guesses.text(Mode::Concurrent), "");
        assert!(state.guesses.on, "still asking");

        state.apply(Action::SetGuessing(false));
        assert!(!state.prediction_hidden());
        assert!(!state.link.contains("guess"), "{}", state.link);
    }
}

//! The editor's slice of the state: the tasks and knobs as typed, the
//! "add many" form, and which page of tasks is shown. What a person typed
//! is kept as typed, next to what it means, so a wrong value is reported
//! and never lost.

use std::rc::Rc;
use std::time::Duration;

use crate::scenario::{
    clean_name, format_seconds, format_task, parse_count, parse_duration, parse_task, CountError,
    DurationError, NameChanges, Scenario, StepsError, Task, MAX_TASKS,
};

/// How many tasks one page of the editor shows: the course's first example
/// (30 tasks) on one page; a link with 1,000 tasks draws 50 rows, not all
/// of them, before it is usable.
pub const PAGE_SIZE: usize = 50;

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

/// Why a scenario cannot run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotRunnable {
    /// There are no tasks.
    NoTasks,
    /// At least one field holds a value that cannot be read.
    InvalidFields,
}

/// What the learner does in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditAction {
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
    /// Show another page of the editor.
    ShowPage(usize),
}

impl EditAction {
    /// Whether the address bar keeps the scenario before this action in its
    /// history (a new entry), so Back returns to it: adding or removing
    /// tasks. Typing replaces the entry.
    pub fn is_a_new_scenario(&self) -> bool {
        matches!(
            self,
            EditAction::AddTask
                | EditAction::RemoveTask(_)
                | EditAction::RemoveAll
                | EditAction::AddBulk
        )
    }
}

/// What an edit changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edited {
    /// The tasks or the knobs: the scenario may be another one.
    Scenario,
    /// Only the form or the page shown.
    Form,
}

/// The editor: every field as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Editor {
    /// The tasks as typed.
    pub drafts: Rc<Vec<TaskDraft>>,
    /// The limit and the timeout as typed.
    pub knobs: KnobsDraft,
    /// The "add many" form.
    pub bulk: BulkDraft,
    /// Which page of the editor is shown, from 0.
    pub page: usize,
}

impl Default for Editor {
    fn default() -> Self {
        Self {
            drafts: Rc::default(),
            knobs: KnobsDraft::from_scenario(&Scenario::default()),
            bulk: BulkDraft::default(),
            page: 0,
        }
    }
}

impl Editor {
    /// Applies one edit.
    pub fn apply(&mut self, action: EditAction) -> Edited {
        match action {
            EditAction::SetName(index, text) => self.edit(|drafts| {
                if let Some(draft) = drafts.get_mut(index) {
                    draft.set_name(&text);
                }
            }),
            EditAction::SetSteps(index, text) => self.edit(|drafts| {
                if let Some(draft) = drafts.get_mut(index) {
                    draft.set_steps(text);
                }
            }),
            EditAction::SetLimit(text) => {
                self.knobs.set_limit(text);
                return Edited::Scenario;
            }
            EditAction::SetTimeout(text) => {
                self.knobs.set_timeout(text);
                return Edited::Scenario;
            }
            EditAction::AddTask => {
                if self.drafts.len() >= MAX_TASKS {
                    return Edited::Form;
                }
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
            EditAction::RemoveTask(index) => {
                self.edit(|drafts| {
                    if index < drafts.len() {
                        drafts.remove(index);
                    }
                });
                self.page = self.page.min(self.page_count() - 1);
            }
            EditAction::RemoveAll => {
                self.edit(Vec::clear);
                self.page = 0;
            }
            EditAction::SetBulkCount(text) => {
                self.bulk.count_text = text;
                self.bulk.count_error = None;
                return Edited::Form;
            }
            EditAction::SetBulkSteps(text) => {
                self.bulk.steps_text = text;
                self.bulk.steps_error = None;
                return Edited::Form;
            }
            EditAction::AddBulk => return self.add_bulk(),
            EditAction::ShowPage(page) => {
                self.page = page.min(self.page_count() - 1);
                return Edited::Form;
            }
        }
        Edited::Scenario
    }

    /// Puts `scenario` in the editor, on its first page; the "add many"
    /// form stays as typed.
    pub fn load(&mut self, scenario: &Scenario) {
        self.drafts = Rc::new(scenario.tasks.iter().map(TaskDraft::from_task).collect());
        self.knobs = KnobsDraft::from_scenario(scenario);
        self.page = 0;
    }

    /// Names the tasks as `scenario` names them, task by task.
    pub fn rename(&mut self, scenario: &Scenario) {
        self.edit(|drafts| {
            for (draft, task) in drafts.iter_mut().zip(&scenario.tasks) {
                draft.name.clone_from(&task.name);
            }
        });
    }

    /// The scenario the drafts describe, or why it cannot run.
    pub fn scenario(&self) -> Result<Scenario, NotRunnable> {
        scenario_of(&self.drafts, &self.knobs)
    }

    /// How many editor pages there are.
    pub fn page_count(&self) -> usize {
        page_count(self.drafts.len())
    }

    fn edit(&mut self, change: impl FnOnce(&mut Vec<TaskDraft>)) {
        change(Rc::make_mut(&mut self.drafts));
    }

    fn add_bulk(&mut self) -> Edited {
        let count = parse_count(&self.bulk.count_text, self.drafts.len());
        let steps = parse_task(&self.bulk.steps_text);
        self.bulk.count_error = count.err();
        self.bulk.steps_error = steps.clone().err();
        let (Ok(count), Ok(task)) = (count, steps) else {
            return Edited::Form;
        };
        let draft = TaskDraft::from_task(&task);
        self.edit(|drafts| drafts.extend(std::iter::repeat_n(draft, count)));
        Edited::Scenario
    }
}

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

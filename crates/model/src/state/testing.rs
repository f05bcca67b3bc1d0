//! What the state's tests share: a page after some actions, and a run's
//! actions made as the page makes them.

pub(crate) use std::rc::Rc;
pub(crate) use std::time::Duration;

pub(crate) use super::editor::EditAction;
pub(crate) use super::link_sync::{LinkAction, LinkChange};
pub(crate) use super::run::{Phase, RunAction};
pub(crate) use super::{Action, Playground};
pub(crate) use crate::events::{Report, RunEvent};
pub(crate) use crate::lang::Lang;
pub(crate) use crate::link;
pub(crate) use crate::presets::Preset;
pub(crate) use crate::scenario::{Mode, RunChoice, Scale, Scenario};

pub(crate) fn after(actions: impl IntoIterator<Item = Action>) -> Playground {
    let mut state = Playground::new(Lang::En);
    for action in actions {
        state.apply(action);
    }
    state
}

/// One frame's worth of progress with a single report.
pub(crate) fn progress(run_id: u64, now: Duration, mode: Mode, report: Report) -> Action {
    Action::Run(RunAction::Progress {
        run_id,
        now,
        reports: vec![(mode, report)],
    })
}

pub(crate) fn first_started() -> Report {
    Report::Event(RunEvent::Started {
        task: 0,
        at: Duration::ZERO,
    })
}

pub(crate) fn start(state: &Playground, choice: RunChoice) -> Action {
    Action::Run(RunAction::Start {
        run_id: state.run.run_id + 1,
        choice,
        plan: state.plan.clone().expect("runnable"),
    })
}

/// Runs `choice` to its end on the state's plan, each mode taking
/// `took`.
pub(crate) fn run_to_end(state: &mut Playground, choice: RunChoice, took: Duration) {
    state.apply(start(state, choice));
    let run_id = state.run.run_id;
    for &mode in choice.modes() {
        state.apply(progress(run_id, took, mode, Report::Finished(took)));
    }
    assert_eq!(state.run.phase, Phase::Done);
}

use super::*;
use crate::state::testing::*;

#[test]
fn wrong_steps_are_kept_as_typed_and_block_the_run() {
    let state = after([Action::Edit(EditAction::SetSteps(3, "abc".into()))]);
    assert_eq!(state.editor.drafts[3].steps_text, "abc");
    assert_eq!(
        state.editor.drafts[3].steps,
        Err(StepsError::Step {
            index: 0,
            reason: DurationError::NotANumber
        })
    );
    assert_eq!(
        state.editor.scenario().err(),
        Some(NotRunnable::InvalidFields)
    );
    assert_eq!(
        scenario_of(&state.editor.drafts, &state.editor.knobs),
        Err(NotRunnable::InvalidFields)
    );
    assert!(state.plan.is_none());

    let fixed = after([
        Action::Edit(EditAction::SetSteps(3, "abc".into())),
        Action::Edit(EditAction::SetSteps(3, "2,5".into())),
    ]);
    assert_eq!(fixed.editor.scenario().err(), None);
    let plan = fixed.plan.as_ref().expect("valid again");
    assert_eq!(plan.concurrent.total, Duration::from_millis(2500));
}

#[test]
fn tasks_are_added_removed_and_named() {
    let state = after([
        Action::LoadPreset(Preset::LongestWins),
        Action::Edit(EditAction::AddTask),
        Action::Edit(EditAction::SetName(3, "boil".into())),
        Action::Edit(EditAction::RemoveTask(0)),
    ]);
    let scenario = state.plan.as_ref().expect("valid").scenario.clone();
    let durations: Vec<_> = scenario
        .tasks
        .iter()
        .map(|t| t.duration().as_secs())
        .collect();
    assert_eq!(durations, [3, 10, 10]);
    assert_eq!(scenario.tasks[2].name, "boil");
    let empty = after([Action::Edit(EditAction::RemoveAll)]);
    assert_eq!(empty.editor.scenario().err(), Some(NotRunnable::NoTasks));
}

#[test]
fn many_tasks_are_added_at_once_within_the_limit() {
    let state = after([
        Action::Edit(EditAction::SetBulkCount("970".into())),
        Action::Edit(EditAction::SetBulkSteps("0.5".into())),
        Action::Edit(EditAction::AddBulk),
    ]);
    assert_eq!(state.editor.drafts.len(), 1000);
    assert_eq!(state.editor.page_count(), 20, "50 tasks a page");

    let refused = after([
        Action::Edit(EditAction::SetBulkCount("99971".into())),
        Action::Edit(EditAction::AddBulk),
    ]);
    assert_eq!(refused.editor.drafts.len(), 30);
    assert_eq!(refused.editor.bulk.count_error, Some(CountError::TooMany));
    assert_eq!(refused.editor.bulk.count_text, "99971");

    let bad_steps = after([
        Action::Edit(EditAction::SetBulkSteps("1+c-2".into())),
        Action::Edit(EditAction::AddBulk),
    ]);
    assert_eq!(bad_steps.editor.drafts.len(), 30);
    assert_eq!(
        bad_steps.editor.bulk.steps_error,
        Some(StepsError::Step {
            index: 1,
            reason: DurationError::NotPositive
        })
    );
}

#[test]
fn the_knobs_are_typed_checked_and_carried_by_the_link() {
    let state = after([
        Action::Edit(EditAction::SetSteps(0, "1+c0.5".into())),
        Action::Edit(EditAction::SetLimit("3".into())),
        Action::Edit(EditAction::SetTimeout("2,5".into())),
    ]);
    let scenario = &state.plan.as_ref().expect("valid").scenario;
    assert_eq!(scenario.limit, Some(3));
    assert_eq!(scenario.timeout, Some(Duration::from_millis(2500)));
    assert!(
        state
            .link
            .current
            .contains("tasks=1+c0.5,29x1&limit=3&timeout=2.5&"),
        "{}",
        state.link.current
    );

    let bad = after([
        Action::Edit(EditAction::SetLimit("0".into())),
        Action::Edit(EditAction::SetTimeout("soon".into())),
    ]);
    assert_eq!(bad.editor.knobs.limit, Err(CountError::BelowOne));
    assert_eq!(bad.editor.knobs.timeout, Err(DurationError::NotANumber));
    assert_eq!(bad.editor.knobs.timeout_text, "soon");
    assert_eq!(
        bad.editor.scenario().err(),
        Some(NotRunnable::InvalidFields)
    );

    let cleared = after([
        Action::Edit(EditAction::SetLimit("3".into())),
        Action::Edit(EditAction::SetLimit(" ".into())),
    ]);
    assert_eq!(cleared.plan.as_ref().expect("valid").scenario.limit, None);

    let opened = after([Action::Link(LinkAction::Open(link::read(
        "#tasks=1,2&limit=1&timeout=1.5",
    )))]);
    assert_eq!(opened.editor.knobs.limit_text, "1");
    assert_eq!(opened.editor.knobs.timeout_text, "1.5");
}

/// What the name field takes, the link carries and reopens unchanged.
#[test]
fn a_typed_name_is_held_to_the_links_rules() {
    let state = after([Action::Edit(EditAction::SetName(
        0,
        format!("tab\there{}", "n".repeat(100)),
    ))]);
    let draft = &state.editor.drafts[0];
    assert_eq!(draft.name.chars().count(), crate::scenario::MAX_NAME_CHARS);
    assert!(draft.name.starts_with("tabheren"));
    assert!(draft.name_changes.removed && draft.name_changes.shortened);
    let read = link::read(&state.link.current);
    assert_eq!(read.problems, []);
    assert_eq!(read.shared.scenario.tasks[0].name, draft.name);
    let state = after([Action::Edit(EditAction::SetName(0, "кофе".into()))]);
    assert!(state.editor.drafts[0].name_changes.none());
}

#[test]
fn pages_follow_the_tasks() {
    let state = after([
        Action::Edit(EditAction::SetBulkCount("270".into())),
        Action::Edit(EditAction::AddBulk),
        Action::Edit(EditAction::ShowPage(99)),
    ]);
    assert_eq!(state.editor.page, 5, "300 tasks: the last of 6 pages");
    let state = after([
        Action::Edit(EditAction::ShowPage(2)),
        Action::Edit(EditAction::AddTask),
    ]);
    assert_eq!(state.editor.page, 0, "31 tasks fit on one page");
}

#[test]
fn the_editor_says_which_edits_change_the_scenario() {
    let mut editor = Editor::default();
    editor.load(&Scenario::uniform(2, Duration::from_secs(1)));
    let edit = |editor: &mut Editor, action| editor.apply(action);
    assert_eq!(
        edit(&mut editor, EditAction::SetBulkCount("x".into())),
        Edited::Form
    );
    assert_eq!(
        edit(&mut editor, EditAction::AddBulk),
        Edited::Form,
        "refused: nothing added"
    );
    assert_eq!(editor.bulk.count_error, Some(CountError::NotAWholeNumber));
    assert_eq!(edit(&mut editor, EditAction::ShowPage(3)), Edited::Form);
    assert_eq!(editor.page, 0, "there is one page");
    assert_eq!(
        edit(&mut editor, EditAction::SetLimit("2".into())),
        Edited::Scenario
    );
    assert_eq!(
        edit(&mut editor, EditAction::SetSteps(1, "c".into())),
        Edited::Scenario
    );
    assert_eq!(editor.scenario(), Err(NotRunnable::InvalidFields));
    assert_eq!(editor.drafts[1].steps_text, "c", "kept as typed");
    editor.load(&Preset::ApiLimit.scenario());
    assert_eq!(editor.scenario(), Ok(Preset::ApiLimit.scenario()));
    assert_eq!(editor.bulk.count_text, "x", "the form stays as typed");
    assert!(EditAction::AddTask.is_a_new_scenario());
    assert!(!EditAction::SetName(0, String::new()).is_a_new_scenario());
}

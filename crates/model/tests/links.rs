//! A corpus of bad links (tests/links/bad.txt): each one opens a valid
//! scenario within the limits, with its problems listed, and never panics.

#![cfg(not(target_arch = "wasm32"))]

use model::link::{self, MAX_NAME_CHARS};
use model::scenario::{MAX_DURATION, MAX_STEPS, MAX_TASKS, MIN_DURATION};

fn corpus() -> Vec<&'static str> {
    include_str!("links/bad.txt")
        .lines()
        .filter(|line| line.starts_with(['#', '?']) && !line.starts_with("# "))
        .collect()
}

#[test]
fn every_bad_link_opens_within_the_limits_and_says_what_was_wrong() {
    let links = corpus();
    assert!(links.len() > 40, "the corpus is read");
    for link in links {
        let read = link::read(link);
        assert!(!read.problems.is_empty(), "{link}: a problem to report");
        let tasks = &read.shared.scenario.tasks;
        assert!(!tasks.is_empty() && tasks.len() <= MAX_TASKS, "{link}");
        for task in tasks {
            assert!(
                !task.steps.is_empty() && task.steps.len() <= MAX_STEPS,
                "{link}"
            );
            for step in &task.steps {
                assert!(
                    (MIN_DURATION..=MAX_DURATION).contains(&step.duration),
                    "{link}"
                );
            }
            assert!(!task.name.chars().any(char::is_control), "{link}");
            assert!(task.name.chars().count() <= MAX_NAME_CHARS, "{link}");
        }
        // What the page writes back for it is a clean link.
        let rewritten = link::write(&read.shared);
        assert_eq!(link::read(&rewritten).problems, [], "{link} -> {rewritten}");
    }
}

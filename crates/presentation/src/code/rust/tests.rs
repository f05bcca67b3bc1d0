use super::*;
use model::presets::Preset;

#[test]
fn the_course_example_is_short_and_says_what_it_needs() {
    let code = rust(
        &Preset::CourseFirstExample.scenario(),
        Mode::Concurrent,
        Lang::En,
    );
    assert!(code.contains(&format!("// {TOKIO_DEPENDENCY}\n")));
    assert!(code.contains("    (30, \"\", &[Wait(1.0)]),\n"), "{code}");
    assert!(code.contains("enum Step {\n    Wait(f64),\n}"), "{code}");
    assert!(code.contains("tokio::spawn(run(n, name, steps))"));
    assert!(
        code.contains("println!(\"Start of long operation {}: {:.4}\", label(n, name), now());")
    );
    for absent in [
        "Semaphore",
        "timeout",
        "JoinSet",
        "Work(",
        "AtomicUsize",
        "fn work",
        "cancel",
        "AbortHandle",
    ] {
        assert!(!code.contains(absent), "{absent} in\n{code}");
    }
}

#[test]
fn knobs_offloads_and_memory_appear_when_used() {
    let mut scenario = Preset::FileHosting.scenario();
    scenario.limit = Some(3);
    scenario.timeout = Some(std::time::Duration::from_millis(2500));
    scenario.tasks[0].steps[0].kind = StepKind::Offload;
    let code = rust(&scenario, Mode::Sequential, Lang::Ru);
    assert!(code.contains("const LIMIT: usize = 3; //"));
    assert!(code.contains("const TIMEOUT: f64 = 2.5; //"));
    assert!(code.contains("match timeout(seconds(TIMEOUT), operation_task.join_next()).await"));
    assert!(code.contains(".max_blocking_threads(WORKERS)"));
    assert!(code.contains("job.spawn_blocking(move || work(s));"));
    assert!(code.contains("chunks.receive();") && code.contains("impl Drop for Chunks"));
    assert!(code.contains("for (n, (name, steps)) in (1..).zip(tasks)"));
    assert!(code.contains("    match form(completed) {\n        0 => println!(\"Выполнена {completed} операция.\"),\n        1 => println!(\"Выполнено {completed} операции.\"),\n        _ => println!(\"Выполнено {completed} операций.\"),\n    }\n"), "{code}");
    assert!(code.contains("    match form(PEAK.load(Relaxed)) {\n        0 => println!(\"Больше всего в памяти: {} чанк по 64 МБ\", PEAK.load(Relaxed)),\n"), "{code}");
}

#[test]
fn a_cancel_is_an_abort_timed_from_when_the_task_is_spawned() {
    let mut scenario = Preset::LongestWins.scenario();
    scenario.tasks[2].cancel = Some(std::time::Duration::from_millis(1500));
    for (mode, spawned) in [
        (Mode::Concurrent, "            let handle = tokio::spawn(run(n, name, steps));\n            if let Some(after) = cancel {\n                cancel_later(n, name, handle.abort_handle(), after);"),
        (Mode::Sequential, "        let handle = tokio::spawn(run(n, name, steps));\n        if let Some(after) = cancel {\n            cancel_later(n, name, handle.abort_handle(), after);"),
    ] {
        let code = rust(&scenario, mode, Lang::En);
        assert!(code.contains("use tokio::task::AbortHandle;\n"), "{code}");
        assert!(code.contains("const TASKS: &[(usize, &str, &[Step], Option<f64>)] = &["));
        assert!(code.contains("(1, \"\", &[Wait(1.0)], None),"));
        assert!(code.contains("(1, \"\", &[Wait(10.0)], Some(1.5)),"));
        assert!(code.contains(spawned), "{code}");
        assert!(code.contains("    let timer = sleep(seconds(after));"));
        assert!(code.contains("            task.abort();\n            println!(\"Long operation {} cancelled\", label(n, name));"));
        assert!(code.contains("results.push(handle.await.unwrap_or(false));"));
    }
}

#[test]
fn names_stay_string_literals() {
    assert_eq!(rust_string(r#"a"b\c{d}"#), r#""a\"b\\c{d}""#);
    assert_eq!(rust_string("\u{7}"), "\"\\u{7}\"");
    assert_eq!(float("1"), "1.0");
    assert_eq!(float("0.25"), "0.25");
}

//! The scenario as a Python program: asyncio, in the style of the course's
//! first example.

use std::fmt::Write as _;

use super::{comment, form_note, quoted, Counted, Note};
use crate::log::{pieces, Line, Slot};
use model::lang::Lang;
use model::scenario::{format_seconds, Mode, Scale, Scenario, StepKind, WORKERS};

/// The Python program that runs `scenario` in `mode`, printing its log in
/// `lang`.
pub fn python(scenario: &Scenario, mode: Mode, lang: Lang) -> String {
    python_at(scenario, mode, lang, Scale::X1)
}

/// The same program at the page's speed `scale`: its `SCALE` is
/// `1 / scale`, so every duration in it passes `scale` times faster, as in
/// the page's runs, and what it prints stays in the scenario's seconds. The
/// Python panel runs this one.
pub fn python_at(scenario: &Scenario, mode: Mode, lang: Lang, scale: Scale) -> String {
    let ru = lang == Lang::Ru;
    let offloads = scenario.uses(StepKind::Offload);
    let data = scenario.uses(StepKind::Receive);
    let mut code = String::new();
    code.push_str("import asyncio\nimport time\n");
    if offloads {
        code.push_str("from concurrent.futures import ThreadPoolExecutor\n");
    }
    code.push('\n');
    let factor = match scale {
        Scale::X1 => "1",
        Scale::X10 => "0.1",
        Scale::X100 => "0.01",
    };
    let _ = writeln!(code, "SCALE = {factor}  # {}", Note::Scale.get(lang));
    if let Some(limit) = scenario.limit {
        let _ = writeln!(code, "LIMIT = {limit}  # {}", Note::Limit.get(lang));
    }
    if let Some(timeout) = scenario.timeout {
        let _ = writeln!(
            code,
            "TIMEOUT = {}  # {}",
            format_seconds(timeout),
            Note::Timeout.get(lang)
        );
    }
    code.push('\n');
    // With arrivals each task also says when it arrives, with cancels when
    // it is cancelled; without, the rows stay as short as the course's
    // example.
    let arrivals = scenario.has_arrivals();
    let cancels = scenario.has_cancels();
    let fields = if arrivals {
        "name, arrival, steps"
    } else {
        "name, steps"
    };
    let row = if cancels {
        format!("{fields}, cancel")
    } else {
        fields.to_owned()
    };
    if arrivals {
        comment(&mut code, "", "#", Note::Arrival.get(lang));
    }
    if cancels {
        comment(&mut code, "", "#", Note::Cancel.get(lang));
    }
    code.push_str(if ru {
        "# Задачи: (сколько, название, шаги). Шаг: (\"wait\", с) — ожидание ввода-вывода,\n\
         # (\"work\", с) — работа процессора в потоке цикла событий,\n\
         # (\"offload\", с) — та же работа в отдельном потоке (run_in_executor).\n"
    } else {
        "# Tasks: (how many, name, steps). A step: (\"wait\", s) waits for I/O,\n\
         # (\"work\", s) computes in the event loop's thread,\n\
         # (\"offload\", s) computes in another thread (run_in_executor).\n"
    });
    code.push_str("TASKS = [\n");
    for (task, count) in scenario.runs() {
        let steps: Vec<String> = task
            .steps
            .iter()
            .map(|step| {
                format!(
                    "(\"{}\", {})",
                    step.kind.id(),
                    format_seconds(step.duration)
                )
            })
            .collect();
        let arrival = if arrivals {
            format!("{}, ", format_seconds(task.arrival))
        } else {
            String::new()
        };
        let cancel = match (cancels, task.cancel) {
            (false, _) => String::new(),
            (true, None) => ", None".to_owned(),
            (true, Some(cancel)) => format!(", {}", format_seconds(cancel)),
        };
        let _ = writeln!(
            code,
            "    ({count}, {}, {arrival}[{}]{cancel}),",
            python_string(&task.name),
            steps.join(", ")
        );
    }
    code.push_str("]\n\n");
    if offloads {
        let _ = writeln!(code, "pool = ThreadPoolExecutor(max_workers={WORKERS})");
    }
    if data {
        let _ = writeln!(code, "held = peak = 0  # {}", Note::Held.get(lang));
    }
    code.push_str("start = time.time()\n\n\n");
    code.push_str("def work(seconds):\n");
    comment(&mut code, "    ", "#", Note::Work.get(lang));
    code.push_str("    time.sleep(seconds * SCALE)\n\n\n");
    code.push_str("def now():\n    return (time.time() - start) / SCALE\n\n\n");
    code.push_str(
        "def label(n, name):\n    return f\"№ {n} ({name})\" if name else f\"№ {n}\"\n\n\n",
    );
    code.push_str("def form(n):\n");
    comment(&mut code, "    ", "#", form_note(lang));
    code.push_str(match lang {
        Lang::Ru => "    if n % 10 == 1 and n % 100 != 11:\n        return 0\n    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:\n        return 1\n    return 2\n\n\n",
        Lang::En => "    return 0 if n == 1 else 1\n\n\n",
    });

    let started = fill(Line::Started.template(lang));
    let finished = fill(Line::Finished.template(lang));
    let timed_out = fill(Line::TimedOut.template(lang));
    code.push_str("async def operation(n, name, steps):\n");
    if data {
        code.push_str("    global held, peak\n");
    }
    let _ = writeln!(code, "    print(f\"{started}\")");
    if offloads {
        code.push_str("    loop = asyncio.get_running_loop()\n");
    }
    // The steps; inside `try` when chunks are held, so that a task that
    // ends (or is cancelled) lets go of them.
    let pad = if data { "        " } else { "    " };
    if data {
        code.push_str("    buffered = 0  # chunks this task holds\n    try:\n");
    }
    // Every kind of step that waits on a timer, as the scenario uses them.
    let waiting: Vec<String> = [StepKind::Wait, StepKind::Receive, StepKind::Write]
        .into_iter()
        .filter(|&kind| kind == StepKind::Wait || scenario.uses(kind))
        .map(|kind| format!("\"{}\"", kind.id()))
        .collect();
    let waits = match waiting.as_slice() {
        [wait] => format!("kind == {wait}"),
        kinds => format!("kind in ({})", kinds.join(", ")),
    };
    let _ = writeln!(code, "{pad}for kind, seconds in steps:");
    let _ = writeln!(code, "{pad}    if {waits}:");
    let _ = writeln!(
        code,
        "{pad}        await asyncio.sleep(seconds * SCALE)  # {}",
        Note::Waits.get(lang)
    );
    if data {
        let _ = writeln!(
            code,
            "{pad}        if kind == \"receive\":  # {}",
            Note::Received.get(lang)
        );
        let _ = writeln!(code, "{pad}            buffered += 1");
        let _ = writeln!(code, "{pad}            held += 1");
        let _ = writeln!(code, "{pad}            peak = max(peak, held)");
        let _ = writeln!(
            code,
            "{pad}        elif kind == \"write\" and buffered:  # {}",
            Note::Written.get(lang)
        );
        let _ = writeln!(code, "{pad}            buffered -= 1");
        let _ = writeln!(code, "{pad}            held -= 1");
    }
    let _ = writeln!(code, "{pad}    elif kind == \"work\":");
    let _ = writeln!(
        code,
        "{pad}        work(seconds)  # {}",
        Note::Blocked.get(lang)
    );
    if offloads {
        let _ = writeln!(code, "{pad}    else:");
        let _ = writeln!(
            code,
            "{pad}        await loop.run_in_executor(pool, work, seconds)  # {}",
            Note::Offloaded.get(lang)
        );
    }
    if data {
        code.push_str("    finally:\n        held -= buffered\n");
    }
    let _ = writeln!(code, "    print(f\"{finished}\")");
    code.push_str("\n\n");

    let _ = writeln!(code, "async def run(n, {fields}):");
    // With cancels, the task's whole life is inside `try`: wherever the
    // cancel finds it, it says so and goes on being cancelled.
    let mut indent = if cancels {
        code.push_str("    try:\n");
        "        ".to_owned()
    } else {
        "    ".to_owned()
    };
    if arrivals {
        let _ = writeln!(code, "{indent}if arrival > now():");
        let _ = writeln!(
            code,
            "{indent}    await asyncio.sleep((arrival - now()) * SCALE)  # {}",
            Note::NotArrived.get(lang)
        );
    }
    if scenario.limit.is_some() {
        let _ = writeln!(code, "{indent}async with limit:");
        indent.push_str("    ");
    }
    match scenario.timeout {
        Some(_) => {
            let _ = writeln!(code, "{indent}try:");
            let _ = writeln!(
                code,
                "{indent}    await asyncio.wait_for(operation(n, name, steps), TIMEOUT * SCALE)"
            );
            let _ = writeln!(code, "{indent}    return True");
            let _ = writeln!(code, "{indent}except asyncio.TimeoutError:");
            let _ = writeln!(code, "{indent}    print(f\"{timed_out}\")");
            let _ = writeln!(code, "{indent}    return False");
        }
        None => {
            let _ = writeln!(code, "{indent}await operation(n, name, steps)");
            let _ = writeln!(code, "{indent}return True");
        }
    }
    if cancels {
        code.push_str("    except asyncio.CancelledError:\n");
        let _ = writeln!(
            code,
            "        print(f\"{}\")",
            fill(Line::Cancelled.template(lang))
        );
        code.push_str("        raise\n");
    }
    code.push_str("\n\n");

    code.push_str("async def main():\n");
    if scenario.limit.is_some() {
        code.push_str("    global limit\n    limit = asyncio.Semaphore(LIMIT)\n");
    }
    let _ = writeln!(
        code,
        "    tasks = [({row}) for count, {row} in TASKS for _ in range(count)]"
    );
    let _ = match (mode, cancels) {
        (Mode::Concurrent, false) => writeln!(
            code,
            "    results = await asyncio.gather(\n        *(run(n, {fields}) for n, ({fields}) in enumerate(tasks, 1))\n    )"
        ),
        (Mode::Sequential, false) => writeln!(
            code,
            "    results = []\n    for n, ({fields}) in enumerate(tasks, 1):\n        results.append(await run(n, {fields}))"
        ),
        // Cancelling takes the task itself: each is created, and its
        // cancel set on the loop's clock, before it is awaited.
        (mode, true) => {
            let (concurrent, sequential) = match lang {
                Lang::En => (
                    "A cancelled task's result is its CancelledError.",
                    "a cancelled task raises CancelledError",
                ),
                Lang::Ru => (
                    "Результат отменённой задачи — её CancelledError.",
                    "отменённая задача выбрасывает CancelledError",
                ),
            };
            code.push_str("    loop = asyncio.get_running_loop()\n");
            if mode == Mode::Concurrent {
                code.push_str("    running = []\n");
            } else {
                code.push_str("    results = []\n");
            }
            let _ = writeln!(code, "    for n, ({row}) in enumerate(tasks, 1):");
            let _ = writeln!(code, "        task = asyncio.create_task(run(n, {fields}))");
            code.push_str("        if cancel is not None:\n");
            code.push_str("            loop.call_later(cancel * SCALE, task.cancel)\n");
            if mode == Mode::Concurrent {
                code.push_str("        running.append(task)\n");
                let _ = writeln!(code, "    # {concurrent}");
                writeln!(
                    code,
                    "    results = await asyncio.gather(*running, return_exceptions=True)"
                )
            } else {
                let _ = writeln!(code, "        try:\n            results.append(await task)\n        except asyncio.CancelledError:  # {sequential}");
                writeln!(code, "            results.append(False)")
            }
        }
    };
    code.push_str("    completed = results.count(True)\n");
    print_counted(&mut code, Counted::Completed, "completed", lang);
    if data {
        print_counted(&mut code, Counted::MostHeld, "peak", lang);
    }
    let _ = writeln!(code, "    print(f\"{}\")", fill(Line::Total.template(lang)));
    code.push_str("\n\nasyncio.run(main())\n");
    code
}

/// Prints the line `counted` in the form that agrees with `number`.
fn print_counted(code: &mut String, counted: Counted, number: &str, lang: Lang) {
    code.push_str("    print((\n");
    for template in counted.templates(lang) {
        let _ = writeln!(code, "        f\"{}\",", fill(template));
    }
    let _ = writeln!(code, "    )[form({number})])");
}

/// A line's template as the inside of a Python f-string.
fn fill(template: &str) -> String {
    pieces(template)
        .into_iter()
        .map(|piece| match piece {
            Ok(text) => text,
            Err(Slot::Label) => "{label(n, name)}",
            Err(Slot::Now) => "{now():.4f}",
            Err(Slot::Count) => "{completed}",
            Err(Slot::Peak) => "{peak}",
        })
        .collect()
}

/// `text` as a Python string literal.
fn python_string(text: &str) -> String {
    quoted(text, |c| format!("\\U{c:08x}"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use model::presets::Preset;

    #[test]
    fn at_the_pages_speed_only_scale_differs() {
        let scenario = Preset::CourseFirstExample.scenario();
        let real = python(&scenario, Mode::Concurrent, Lang::En);
        assert!(real.contains("\nSCALE = 1  #"));
        for (scale, factor) in [(Scale::X10, "0.1"), (Scale::X100, "0.01")] {
            let fast = python_at(&scenario, Mode::Concurrent, Lang::En, scale);
            assert_eq!(
                fast,
                real.replacen("\nSCALE = 1  #", &format!("\nSCALE = {factor}  #"), 1)
            );
        }
    }

    #[test]
    fn the_course_example_reads_like_the_course() {
        let code = python(
            &Preset::CourseFirstExample.scenario(),
            Mode::Concurrent,
            Lang::Ru,
        );
        assert!(
            code.contains("    (30, \"\", [(\"wait\", 1)]),\n"),
            "{code}"
        );
        assert!(code.contains("await asyncio.gather("));
        assert!(code.contains(
            "print(f\"Начало выполнения длительной операции {label(n, name)}: {now():.4f}\")"
        ));
        assert!(code.contains("asyncio.run(main())"));
        assert!(
            !code.contains("ThreadPoolExecutor"),
            "no pool without offloads"
        );
        assert!(!code.contains("Semaphore") && !code.contains("wait_for"));
        assert!(!code.contains("cancel") && !code.contains("create_task"));
    }

    #[test]
    fn a_cancel_is_task_cancel_on_the_loops_clock() {
        let mut scenario = Preset::LongestWins.scenario();
        scenario.tasks[2].cancel = Some(std::time::Duration::from_millis(1500));
        scenario.limit = Some(2);
        for mode in Mode::ALL {
            let code = python(&scenario, mode, Lang::En);
            assert!(
                code.contains("    (1, \"\", [(\"wait\", 10)], 1.5),\n"),
                "{code}"
            );
            assert!(code.contains("    (1, \"\", [(\"wait\", 1)], None),\n"));
            assert!(code.contains(
                "    tasks = [(name, steps, cancel) for count, name, steps, cancel in TASKS for _ in range(count)]"
            ));
            assert!(code.contains("        task = asyncio.create_task(run(n, name, steps))\n        if cancel is not None:\n            loop.call_later(cancel * SCALE, task.cancel)\n"));
            // The task's whole life, its place in line included, is in `try`.
            assert!(
                code.contains("    try:\n        async with limit:\n"),
                "{code}"
            );
            assert!(code.contains("    except asyncio.CancelledError:\n        print(f\"Long operation {label(n, name)} cancelled\")\n        raise\n"));
            assert!(code.contains("    completed = results.count(True)\n    print((\n        f\"Completed {completed} operation.\",\n        f\"Completed {completed} operations.\",\n    )[form(completed)])\n"), "{code}");
        }
        let together = python(&scenario, Mode::Concurrent, Lang::En);
        assert!(together.contains("await asyncio.gather(*running, return_exceptions=True)"));
        let in_turn = python(&scenario, Mode::Sequential, Lang::En);
        assert!(in_turn.contains("        try:\n            results.append(await task)\n        except asyncio.CancelledError:"));
    }

    #[test]
    fn knobs_and_offloads_appear_only_when_used() {
        let mut scenario = Preset::CpuOffloaded.scenario();
        scenario.limit = Some(3);
        scenario.timeout = Some(std::time::Duration::from_millis(2500));
        let code = python(&scenario, Mode::Sequential, Lang::En);
        assert!(code.contains("LIMIT = 3  #"));
        assert!(code.contains("TIMEOUT = 2.5  #"));
        assert!(code.contains("asyncio.Semaphore(LIMIT)"));
        assert!(code.contains("await asyncio.wait_for(operation(n, name, steps), TIMEOUT * SCALE)"));
        assert!(code.contains("ThreadPoolExecutor(max_workers=4)"));
        assert!(code.contains("for n, (name, steps) in enumerate(tasks, 1):"));
    }

    #[test]
    fn names_stay_string_literals() {
        assert_eq!(python_string(r#"a"b\c{d}"#), r#""a\"b\\c{d}""#);
        assert_eq!(python_string("\u{7}"), "\"\\U00000007\"");
    }
}

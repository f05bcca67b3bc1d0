//! The scenario as a program a learner can run at home: Python's asyncio,
//! in the style of the course's first example.
//!
//! The program prints the same lines as the page's log and its total, so
//! its output can be set beside a run. A `SCALE` constant at its top
//! multiplies every duration (tests run it ten or twenty times faster) and
//! the times it prints are divided by it, so they stay in scenario seconds.
//! tests/asyncio.rs runs it under python3 and checks it against the
//! simulator.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::scenario::{format_seconds, Mode, Scenario, StepKind, WORKERS};

/// The Python program that runs `scenario` in `mode`, printing its log in
/// `lang`.
pub fn python(scenario: &Scenario, mode: Mode, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let offloads = scenario.uses(StepKind::Offload);
    let data = scenario.uses(StepKind::Receive);
    let mut code = String::new();
    code.push_str("import asyncio\nimport time\n");
    if offloads {
        code.push_str("from concurrent.futures import ThreadPoolExecutor\n");
    }
    code.push('\n');
    let _ = writeln!(
        code,
        "SCALE = 1  # {}",
        if ru {
            "каждая длительность умножается на SCALE: при 0.1 всё идёт в 10 раз быстрее"
        } else {
            "every duration is multiplied by SCALE: 0.1 runs ten times faster"
        }
    );
    if let Some(limit) = scenario.limit {
        let _ = writeln!(
            code,
            "LIMIT = {limit}  # {}",
            if ru {
                "не больше LIMIT задач одновременно"
            } else {
                "at most LIMIT tasks at once"
            }
        );
    }
    if let Some(timeout) = scenario.timeout {
        let _ = writeln!(
            code,
            "TIMEOUT = {}  # {}",
            format_seconds(timeout),
            if ru {
                "через столько секунд задача отменяется"
            } else {
                "a task is cancelled after this many seconds"
            }
        );
    }
    code.push('\n');
    // With arrivals each task also says when it arrives; without, the rows
    // stay as short as the course's example.
    let arrivals = scenario.has_arrivals();
    let fields = if arrivals {
        "name, arrival, steps"
    } else {
        "name, steps"
    };
    if arrivals {
        code.push_str(if ru {
            "# arrival — через сколько секунд после старта задача поступает (запрос приходит на сервер).\n"
        } else {
            "# arrival: how many seconds after the start the task arrives (a request reaches the server).\n"
        });
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
        let _ = writeln!(
            code,
            "    ({count}, {}, {arrival}[{}]),",
            python_string(&task.name),
            steps.join(", ")
        );
    }
    code.push_str("]\n\n");
    if offloads {
        let _ = writeln!(code, "pool = ThreadPoolExecutor(max_workers={WORKERS})");
    }
    if data {
        let _ = writeln!(
            code,
            "held = peak = 0  # {}",
            if ru {
                "чанков в памяти сейчас и больше всего сразу"
            } else {
                "chunks in memory now, and the most at once"
            }
        );
    }
    code.push_str("start = time.time()\n\n\n");
    code.push_str("def work(seconds):\n");
    code.push_str(if ru {
        "    # Вместо вычислений: занимает свой поток на seconds секунд, как занял бы\n\
         \x20   # код, нагружающий процессор.\n"
    } else {
        "    # Stands in for computing: it holds its thread for `seconds`, as\n\
         \x20   # CPU-bound code would.\n"
    });
    code.push_str("    time.sleep(seconds * SCALE)\n\n\n");
    code.push_str("def now():\n    return (time.time() - start) / SCALE\n\n\n");
    code.push_str(
        "def label(n, name):\n    return f\"№ {n} ({name})\" if name else f\"№ {n}\"\n\n\n",
    );

    let (started, finished, timed_out, completed, total) = if ru {
        (
            "Начало выполнения длительной операции {label(n, name)}: {now():.4f}",
            "Длительная операция {label(n, name)} завершена",
            "Длительная операция {label(n, name)} отменена: истекло время ожидания",
            "Выполнено {sum(results)} операций.",
            "Программа завершена за {now():.4f}",
        )
    } else {
        (
            "Start of long operation {label(n, name)}: {now():.4f}",
            "Long operation {label(n, name)} finished",
            "Long operation {label(n, name)} cancelled: timed out",
            "Completed {sum(results)} operations.",
            "Program finished in {now():.4f}",
        )
    };
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
    let waits = if data {
        "kind in (\"wait\", \"receive\", \"write\")"
    } else {
        "kind == \"wait\""
    };
    let _ = writeln!(code, "{pad}for kind, seconds in steps:");
    let _ = writeln!(code, "{pad}    if {waits}:");
    let _ = writeln!(
        code,
        "{pad}        await asyncio.sleep(seconds * SCALE)  # {}",
        if ru {
            "пока ждём, работают другие задачи"
        } else {
            "others run while this one waits"
        }
    );
    if data {
        let _ = writeln!(
            code,
            "{pad}        if kind == \"receive\":  # {}",
            if ru {
                "чанк пришёл и лежит в памяти"
            } else {
                "a chunk arrived and is held in memory"
            }
        );
        let _ = writeln!(code, "{pad}            buffered += 1");
        let _ = writeln!(code, "{pad}            held += 1");
        let _ = writeln!(code, "{pad}            peak = max(peak, held)");
        let _ = writeln!(
            code,
            "{pad}        elif kind == \"write\" and buffered:  # {}",
            if ru {
                "чанк записан, память освобождена"
            } else {
                "a chunk is written and let go"
            }
        );
        let _ = writeln!(code, "{pad}            buffered -= 1");
        let _ = writeln!(code, "{pad}            held -= 1");
    }
    let _ = writeln!(code, "{pad}    elif kind == \"work\":");
    let _ = writeln!(
        code,
        "{pad}        work(seconds)  # {}",
        if ru {
            "цикл событий стоит: все ждут"
        } else {
            "the event loop is blocked: everyone waits"
        }
    );
    if offloads {
        let _ = writeln!(code, "{pad}    else:");
        let _ = writeln!(
            code,
            "{pad}        await loop.run_in_executor(pool, work, seconds)  # {}",
            if ru {
                "работа в другом потоке, цикл свободен"
            } else {
                "work in another thread, the loop runs on"
            }
        );
    }
    if data {
        code.push_str("    finally:\n        held -= buffered\n");
    }
    let _ = writeln!(code, "    print(f\"{finished}\")");
    code.push_str("\n\n");

    let _ = writeln!(code, "async def run(n, {fields}):");
    if arrivals {
        code.push_str("    if arrival > now():\n");
        let _ = writeln!(
            code,
            "        await asyncio.sleep((arrival - now()) * SCALE)  # {}",
            if ru {
                "задача ещё не поступила"
            } else {
                "the task has not arrived yet"
            }
        );
    }
    let mut indent = "    ".to_owned();
    if scenario.limit.is_some() {
        code.push_str("    async with limit:\n");
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
    code.push_str("\n\n");

    code.push_str("async def main():\n");
    if scenario.limit.is_some() {
        code.push_str("    global limit\n    limit = asyncio.Semaphore(LIMIT)\n");
    }
    let _ = writeln!(
        code,
        "    tasks = [({fields}) for count, {fields} in TASKS for _ in range(count)]"
    );
    let _ = match mode {
        Mode::Concurrent => writeln!(
            code,
            "    results = await asyncio.gather(\n        *(run(n, {fields}) for n, ({fields}) in enumerate(tasks, 1))\n    )"
        ),
        Mode::Sequential => writeln!(
            code,
            "    results = []\n    for n, ({fields}) in enumerate(tasks, 1):\n        results.append(await run(n, {fields}))"
        ),
    };
    let _ = writeln!(code, "    print(f\"{completed}\")");
    if data {
        // The page's own line, with the count left to Python.
        let line = crate::i18n::log_most_held(lang, 0).replacen('0', "{peak}", 1);
        let _ = writeln!(code, "    print(f\"{line}\")");
    }
    let _ = writeln!(code, "    print(f\"{total}\")");
    code.push_str("\n\nasyncio.run(main())\n");
    code
}

/// `text` as a Python string literal.
fn python_string(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    for c in text.chars() {
        match c {
            '\\' => literal.push_str("\\\\"),
            '"' => literal.push_str("\\\""),
            '{' | '}' => literal.push(c),
            c if c.is_control() => {
                let _ = write!(literal, "\\U{:08x}", u32::from(c));
            }
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::presets::Preset;

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

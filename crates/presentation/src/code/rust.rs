//! The scenario as a Rust program for a learner's computer: tokio's
//! single-threaded runtime stands in for the browser's event loop, as
//! asyncio's loop does in Python. Each task is a future; a wait is a timer,
//! work holds the one thread, offloaded work goes to a pool of threads.
//!
//! The program declares only what its scenario uses (step kinds, the
//! limit, the timeout, memory), so it compiles without a warning.

use std::fmt::Write as _;

use super::{comment, form_note, quoted, Counted, Note};
use crate::log::{pieces, Line, Slot};
use model::lang::Lang;
use model::scenario::{format_seconds, Mode, Scenario, StepKind, WORKERS};

/// The line a learner adds to Cargo.toml's `[dependencies]`: the program
/// says so at its top, and the tests build it with exactly this.
pub const TOKIO_DEPENDENCY: &str =
    r#"tokio = { version = "1", features = ["rt", "time", "sync"] }"#;

/// The Rust program that runs `scenario` in `mode`, printing its log in
/// `lang`.
pub fn rust(scenario: &Scenario, mode: Mode, lang: Lang) -> String {
    let ru = lang == Lang::Ru;
    let used = |kind| scenario.uses(kind);
    let kinds: Vec<StepKind> = StepKind::ALL.into_iter().filter(|&k| used(k)).collect();
    let offloads = used(StepKind::Offload);
    let data = used(StepKind::Receive);
    let arrivals = scenario.has_arrivals();
    let cancels = scenario.has_cancels();
    let mut code = String::new();

    comment(
        &mut code,
        "",
        "//",
        if ru {
            "Сценарий как программа на Rust для вашего компьютера. Страница выполняет эти задачи как футуры Rust в цикле событий браузера; здесь вместо него однопоточная среда tokio, как цикл событий asyncio в Python. В Cargo.toml, в [dependencies]:"
        } else {
            "The scenario as a Rust program for your computer. The page runs these tasks as Rust futures on the browser's event loop; here tokio's single-threaded runtime stands in for it, as asyncio's event loop does in Python. In Cargo.toml, under [dependencies]:"
        },
    );
    let _ = writeln!(code, "// {TOKIO_DEPENDENCY}\n");

    if data {
        code.push_str("use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};\n");
    }
    code.push_str("use std::sync::LazyLock;\nuse std::time::{Duration, Instant};\n\n");
    if scenario.limit.is_some() {
        code.push_str("use tokio::sync::Semaphore;\n");
    }
    // A join set runs offloaded work, and the operation under a timeout:
    // dropping it cancels what it holds, as cancelling in asyncio does.
    match (offloads || scenario.timeout.is_some(), cancels) {
        (true, true) => code.push_str("use tokio::task::{AbortHandle, JoinSet};\n"),
        (true, false) => code.push_str("use tokio::task::JoinSet;\n"),
        (false, true) => code.push_str("use tokio::task::AbortHandle;\n"),
        (false, false) => {}
    }
    code.push_str(if scenario.timeout.is_some() {
        "use tokio::time::{sleep, timeout};\n\n"
    } else {
        "use tokio::time::sleep;\n\n"
    });

    let _ = writeln!(code, "const SCALE: f64 = 1.0; // {}", Note::Scale.get(lang));
    if let Some(limit) = scenario.limit {
        let _ = writeln!(
            code,
            "const LIMIT: usize = {limit}; // {}",
            Note::Limit.get(lang)
        );
    }
    if let Some(timeout) = scenario.timeout {
        let _ = writeln!(
            code,
            "const TIMEOUT: f64 = {}; // {}",
            float(&format_seconds(timeout)),
            Note::Timeout.get(lang)
        );
    }
    if offloads {
        let _ = writeln!(
            code,
            "const WORKERS: usize = {WORKERS}; // {}",
            if ru {
                "потоков для вынесенной работы, как в ThreadPoolExecutor(4) в Python"
            } else {
                "threads for offloaded work, as Python's ThreadPoolExecutor(4) has"
            }
        );
    }
    code.push('\n');

    // The step kinds, only those the tasks take.
    let meaning = |kind| match (kind, ru) {
        (StepKind::Wait, false) => "waits for I/O",
        (StepKind::Wait, true) => "ожидание ввода-вывода",
        (StepKind::Work, false) => "computes in the event loop's thread",
        (StepKind::Work, true) => "работа процессора в потоке цикла событий",
        (StepKind::Offload, false) => "computes in another thread (spawn_blocking)",
        (StepKind::Offload, true) => "та же работа в отдельном потоке (spawn_blocking)",
        (StepKind::Receive, false) => "receives a chunk and holds it in memory",
        (StepKind::Receive, true) => "получение чанка, он остаётся в памяти",
        (StepKind::Write, false) => "writes a chunk and lets it go",
        (StepKind::Write, true) => "запись чанка, память освобождается",
    };
    let explained: Vec<String> = kinds
        .iter()
        .map(|&kind| format!("{}(s) {}", variant(kind), meaning(kind)))
        .collect();
    comment(
        &mut code,
        "",
        "///",
        &format!(
            "{} {}.",
            if ru { "Шаг:" } else { "A step:" },
            explained.join("; ")
        ),
    );
    let variants: Vec<String> = kinds
        .iter()
        .map(|&k| format!("{}(f64)", variant(k)))
        .collect();
    let _ = writeln!(
        code,
        "#[derive(Clone, Copy)]\nenum Step {{\n    {},\n}}\nuse Step::*;\n",
        variants.join(",\n    ")
    );

    if arrivals {
        comment(&mut code, "", "//", Note::Arrival.get(lang));
    }
    if cancels {
        comment(&mut code, "", "//", Note::Cancel.get(lang));
    }
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
    comment(
        &mut code,
        "",
        "///",
        &if ru {
            format!(
                "Задачи: (сколько, {}{}).",
                fields_ru(arrivals),
                if cancels { ", отмена" } else { "" }
            )
        } else {
            format!("Tasks: (how many, {row}).")
        },
    );
    let _ = writeln!(
        code,
        "const TASKS: &[(usize, &str, {}&[Step]{})] = &[",
        if arrivals { "f64, " } else { "" },
        if cancels { ", Option<f64>" } else { "" }
    );
    for (task, count) in scenario.runs() {
        let steps: Vec<String> = task
            .steps
            .iter()
            .map(|step| {
                format!(
                    "{}({})",
                    variant(step.kind),
                    float(&format_seconds(step.duration))
                )
            })
            .collect();
        let arrival = if arrivals {
            format!("{}, ", float(&format_seconds(task.arrival)))
        } else {
            String::new()
        };
        let cancel = match (cancels, task.cancel) {
            (false, _) => String::new(),
            (true, None) => ", None".to_owned(),
            (true, Some(cancel)) => format!(", Some({})", float(&format_seconds(cancel))),
        };
        let _ = writeln!(
            code,
            "    ({count}, {}, {arrival}&[{}]{cancel}),",
            rust_string(&task.name),
            steps.join(", ")
        );
    }
    code.push_str("];\n\n");

    code.push_str("static START: LazyLock<Instant> = LazyLock::new(Instant::now);\n");
    if scenario.limit.is_some() {
        code.push_str("static SEMAPHORE: Semaphore = Semaphore::const_new(LIMIT);\n");
    }
    if data {
        comment(&mut code, "", "//", Note::Held.get(lang));
        code.push_str("static HELD: AtomicUsize = AtomicUsize::new(0);\n");
        code.push_str("static PEAK: AtomicUsize = AtomicUsize::new(0);\n");
    }
    code.push('\n');

    code.push_str(
        "fn seconds(s: f64) -> Duration {\n    Duration::from_secs_f64(s * SCALE)\n}\n\n",
    );
    if used(StepKind::Work) || offloads {
        comment(&mut code, "", "///", Note::Work.get(lang));
        code.push_str("fn work(s: f64) {\n    std::thread::sleep(seconds(s));\n}\n\n");
    }
    code.push_str("fn now() -> f64 {\n    START.elapsed().as_secs_f64() / SCALE\n}\n\n");
    comment(&mut code, "", "///", form_note(lang));
    code.push_str(match lang {
        Lang::Ru => "fn form(n: usize) -> usize {\n    if n % 10 == 1 && n % 100 != 11 {\n        0\n    } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {\n        1\n    } else {\n        2\n    }\n}\n\n",
        Lang::En => "fn form(n: usize) -> usize {\n    usize::from(n != 1)\n}\n\n",
    });
    code.push_str(
        "fn label(n: usize, name: &str) -> String {\n    if name.is_empty() {\n        format!(\"№ {n}\")\n    } else {\n        format!(\"№ {n} ({name})\")\n    }\n}\n\n",
    );

    if data {
        comment(
            &mut code,
            "",
            "///",
            if ru {
                "Чанки, которые держит задача. Когда его отбрасывают (задача закончилась или отменена), память освобождается."
            } else {
                "The chunks a task holds. Dropping it lets go of them: when the task ends, or is cancelled."
            },
        );
        code.push_str("struct Chunks(usize);\n\nimpl Chunks {\n");
        code.push_str("    fn receive(&mut self) {\n        self.0 += 1;\n        let held = HELD.fetch_add(1, Relaxed) + 1;\n        PEAK.fetch_max(held, Relaxed);\n    }\n");
        if used(StepKind::Write) {
            code.push_str("\n    fn write(&mut self) {\n        if self.0 > 0 {\n            self.0 -= 1;\n            HELD.fetch_sub(1, Relaxed);\n        }\n    }\n");
        }
        code.push_str("}\n\nimpl Drop for Chunks {\n    fn drop(&mut self) {\n        HELD.fetch_sub(self.0, Relaxed);\n    }\n}\n\n");
    }

    code.push_str("async fn operation(n: usize, name: &str, steps: &[Step]) {\n");
    let _ = writeln!(code, "    {}", println(Line::Started.template(lang)));
    if data {
        code.push_str("    let mut chunks = Chunks(0);\n");
    }
    code.push_str("    for &step in steps {\n        match step {\n");
    // Each arm under its comment (a comment after an arm would be moved
    // about by rustfmt).
    let arm = "            ";
    for &kind in &kinds {
        match kind {
            StepKind::Wait => {
                comment(&mut code, arm, "//", Note::Waits.get(lang));
                code.push_str("            Wait(s) => sleep(seconds(s)).await,\n");
            }
            StepKind::Work => {
                comment(&mut code, arm, "//", Note::Blocked.get(lang));
                code.push_str("            Work(s) => work(s),\n");
            }
            StepKind::Offload => {
                let withdrawn = if ru {
                    "если задачу отменят раньше, чем работа началась, работа снимается"
                } else {
                    "if the task is cancelled before the work starts, the work is withdrawn"
                };
                let note = format!("{}; {withdrawn}", Note::Offloaded.get(lang));
                comment(&mut code, arm, "//", &note);
                code.push_str("            Offload(s) => {\n                let mut job = JoinSet::new();\n                job.spawn_blocking(move || work(s));\n                job.join_next().await;\n            }\n");
            }
            StepKind::Receive | StepKind::Write if !data => {
                comment(&mut code, arm, "//", Note::Waits.get(lang));
                let _ = writeln!(
                    code,
                    "{arm}{}(s) => sleep(seconds(s)).await,",
                    variant(kind)
                );
            }
            StepKind::Receive | StepKind::Write => {
                let (method, note) = if kind == StepKind::Receive {
                    ("receive", Note::Received)
                } else {
                    ("write", Note::Written)
                };
                comment(&mut code, arm, "//", note.get(lang));
                let _ = writeln!(
                    code,
                    "{arm}{}(s) => {{\n                sleep(seconds(s)).await;\n                chunks.{method}();\n            }}",
                    variant(kind),
                );
            }
        }
    }
    code.push_str("        }\n    }\n");
    let _ = writeln!(code, "    {}", println(Line::Finished.template(lang)));
    code.push_str("}\n\n");

    let _ = writeln!(
        code,
        "async fn run(n: usize, name: &'static str, {}steps: &'static [Step]) -> bool {{",
        if arrivals { "arrival: f64, " } else { "" }
    );
    if arrivals {
        let _ = writeln!(
            code,
            "    if arrival > now() {{\n        sleep(seconds(arrival - now())).await; // {}\n    }}",
            Note::NotArrived.get(lang)
        );
    }
    if scenario.limit.is_some() {
        code.push_str("    let _slot = SEMAPHORE.acquire().await.unwrap();\n");
    }
    if scenario.timeout.is_some() {
        comment(
            &mut code,
            "    ",
            "//",
            if ru {
                "Как в asyncio.wait_for: операция идёт отдельной задачей, время отсчитывается с этого момента, а по его истечении задача отменяется."
            } else {
                "As asyncio.wait_for does: the operation runs as a task of its own, timed from now, and is cancelled when time is up."
            },
        );
        code.push_str(
            "    let mut operation_task = JoinSet::new();\n    operation_task.spawn(operation(n, name, steps));\n    match timeout(seconds(TIMEOUT), operation_task.join_next()).await {\n        Ok(_) => true,\n        Err(_) => {\n",
        );
        let _ = writeln!(
            code,
            "            {}",
            println(Line::TimedOut.template(lang))
        );
        code.push_str("            false\n        }\n    }\n");
    } else {
        code.push_str("    operation(n, name, steps).await;\n    true\n");
    }
    code.push_str("}\n\n");

    if cancels {
        comment(
            &mut code,
            "",
            "///",
            if ru {
                "Отменяет задачу через after секунд, как loop.call_later(after, task.cancel) в Python: она заканчивается на ближайшем await."
            } else {
                "Cancels the task after `after` seconds, as Python's loop.call_later(after, task.cancel) does: it ends at its next await."
            },
        );
        let timed = if ru {
            "отсчёт с этого момента, как у call_later"
        } else {
            "timed from now, as call_later is"
        };
        let _ = writeln!(
            code,
            "fn cancel_later(n: usize, name: &'static str, task: AbortHandle, after: f64) {{\n    let timer = sleep(seconds(after)); // {timed}\n    tokio::spawn(async move {{\n        timer.await;\n        if !task.is_finished() {{\n            task.abort();"
        );
        let _ = writeln!(
            code,
            "            {}",
            println(Line::Cancelled.template(lang))
        );
        code.push_str("        }\n    });\n}\n\n");
    }

    code.push_str("async fn run_all() {\n");
    let _ = writeln!(
        code,
        "    let tasks = TASKS\n        .iter()\n        .flat_map(|&(count, {row})| std::iter::repeat_n(({row}), count));"
    );
    let cancelled = if ru {
        "Отменённая задача вместо результата даёт ошибку."
    } else {
        "A cancelled task gives an error instead of its result."
    };
    let _ = match mode {
        Mode::Concurrent if cancels => writeln!(
            code,
            "    let handles: Vec<_> = (1..)\n        .zip(tasks)\n        .map(|(n, ({row}))| {{\n            let handle = tokio::spawn(run(n, {fields}));\n            if let Some(after) = cancel {{\n                cancel_later(n, name, handle.abort_handle(), after);\n            }}\n            handle\n        }})\n        .collect();\n    let mut results = Vec::new();\n    for handle in handles {{\n        // {cancelled}\n        results.push(handle.await.unwrap_or(false));\n    }}"
        ),
        Mode::Sequential if cancels => writeln!(
            code,
            "    let mut results = Vec::new();\n    for (n, ({row})) in (1..).zip(tasks) {{\n        let handle = tokio::spawn(run(n, {fields}));\n        if let Some(after) = cancel {{\n            cancel_later(n, name, handle.abort_handle(), after);\n        }}\n        // {cancelled}\n        results.push(handle.await.unwrap_or(false));\n    }}"
        ),
        Mode::Concurrent => writeln!(
            code,
            "    let handles: Vec<_> = (1..)\n        .zip(tasks)\n        .map(|(n, ({fields}))| tokio::spawn(run(n, {fields})))\n        .collect();\n    let mut results = Vec::new();\n    for handle in handles {{\n        results.push(handle.await.unwrap());\n    }}"
        ),
        Mode::Sequential => writeln!(
            code,
            "    let mut results = Vec::new();\n    for (n, ({fields})) in (1..).zip(tasks) {{\n        results.push(run(n, {fields}).await);\n    }}"
        ),
    };
    code.push_str("    let completed = results.iter().filter(|&&done| done).count();\n");
    print_counted(&mut code, Counted::Completed, "completed", lang);
    if data {
        print_counted(&mut code, Counted::MostHeld, "PEAK.load(Relaxed)", lang);
    }
    let _ = writeln!(code, "    {}", println(Line::Total.template(lang)));
    code.push_str("}\n\n");

    code.push_str("fn main() {\n    LazyLock::force(&START);\n");
    comment(
        &mut code,
        "    ",
        "//",
        match (ru, offloads) {
            (false, false) => "One thread runs every task, as asyncio's event loop does.",
            (false, true) => "One thread runs every task, as asyncio's event loop does; offloaded work runs on up to WORKERS more.",
            (true, false) => "Все задачи выполняет один поток, как цикл событий asyncio.",
            (true, true) => "Все задачи выполняет один поток, как цикл событий asyncio; вынесенная работа — ещё на WORKERS потоках.",
        },
    );
    code.push_str("    tokio::runtime::Builder::new_current_thread()\n        .enable_time()\n");
    if offloads {
        code.push_str("        .max_blocking_threads(WORKERS)\n");
    }
    code.push_str("        .build()\n        .unwrap()\n        .block_on(run_all());\n}\n");
    code
}

/// The enum variant for a step kind.
fn variant(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Wait => "Wait",
        StepKind::Work => "Work",
        StepKind::Offload => "Offload",
        StepKind::Receive => "Receive",
        StepKind::Write => "Write",
    }
}

/// The task fields, as the Russian comment names them.
fn fields_ru(arrivals: bool) -> &'static str {
    if arrivals {
        "название, arrival, шаги"
    } else {
        "название, шаги"
    }
}

/// Seconds as written by `format_seconds`, as a Rust `f64` literal.
fn float(seconds: &str) -> String {
    if seconds.contains('.') {
        seconds.to_owned()
    } else {
        format!("{seconds}.0")
    }
}

/// Prints the line `counted` in the form that agrees with `number`.
fn print_counted(code: &mut String, counted: Counted, number: &str, lang: Lang) {
    let templates: Vec<&str> = counted.templates(lang).collect();
    let last = templates.len() - 1;
    let _ = writeln!(code, "    match form({number}) {{");
    for (index, template) in templates.into_iter().enumerate() {
        let arm = if index == last {
            "_".to_owned()
        } else {
            index.to_string()
        };
        let call = println(template);
        let call = call.strip_suffix(';').unwrap_or(&call);
        let _ = writeln!(code, "        {arm} => {call},");
    }
    code.push_str("    }\n");
}

/// A line's template as a `println!` of it.
fn println(template: &str) -> String {
    let mut format = String::new();
    let mut args = String::new();
    for piece in pieces(template) {
        match piece {
            Ok(text) => format.push_str(text),
            Err(Slot::Label) => {
                format.push_str("{}");
                args.push_str(", label(n, name)");
            }
            Err(Slot::Now) => {
                format.push_str("{:.4}");
                args.push_str(", now()");
            }
            Err(Slot::Count) => format.push_str("{completed}"),
            Err(Slot::Peak) => {
                format.push_str("{}");
                args.push_str(", PEAK.load(Relaxed)");
            }
        }
    }
    format!("println!(\"{format}\"{args});")
}

/// `text` as a Rust string literal.
fn rust_string(text: &str) -> String {
    quoted(text, |c| format!("\\u{{{c:x}}}"))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

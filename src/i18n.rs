//! Every word the page shows, in Russian and English.
//!
//! Each entry holds both languages in one place, so the compiler refuses a
//! string that exists in only one. The log lines repeat the course's first
//! example word for word ("Начало выполнения длительной операции № 1: …").

use std::fmt::Write as _;
use std::time::Duration;

use crate::fixed::{Fixed, Seconds};
use crate::guess::{self, Verdict};
use crate::link::{Problem, TaskProblem, ValueProblem, MAX_NAME_CHARS};
use crate::memory::CHUNK_MB;
use crate::recording::{Distortion, Outcome, Recording, RunEvent};
use crate::scenario::{
    format_seconds, CountError, DurationError, Mode, StepsError, MAX_STEPS, MAX_TASKS,
};

/// A language the page speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// Russian, the course's own language.
    Ru,
    /// English.
    En,
}

impl Lang {
    /// Both languages, as the switch lists them.
    pub const ALL: [Lang; 2] = [Lang::Ru, Lang::En];

    /// The language for a browser's language tag (`navigator.language`):
    /// Russian for `ru`, `ru-RU` and the like, English otherwise.
    pub fn from_tag(tag: &str) -> Self {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The BCP 47 tag, for the page's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Ru => "Русский",
            Lang::En => "English",
        }
    }
}

/// A fixed piece of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    Title,
    Intro,
    Tasks,
    TaskName,
    TaskSteps,
    Seconds,
    AddTask,
    RemoveTask,
    RemoveAll,
    AddMany,
    AddManyCount,
    AddManyDuration,
    Presets,
    Previous,
    Next,
    RunSequential,
    RunConcurrent,
    RunCompare,
    Stop,
    Speed,
    RealTime,
    StateIdle,
    StateRunning,
    StateDone,
    StateStopped,
    FixToRun,
    NoTasks,
    Totals,
    Predicted,
    Measured,
    Speedup,
    ModeSequential,
    ModeConcurrent,
    Timeline,
    LegendPending,
    LegendWaiting,
    LegendDone,
    StepsHelp,
    Knobs,
    Limit,
    LimitHelp,
    Timeout,
    TimeoutHelp,
    LegendQueued,
    LegendRunning,
    LegendOffloaded,
    LegendBlocked,
    LegendTimedOut,
    LegendCancelled,
    LegendStall,
    /// A task ready while the browser, not a task, held the loop.
    LegendDelayed,
    /// A stall of the loop that no work step explains.
    LegendBrowserStall,
    EventLoop,
    Memory,
    LegendReceiving,
    LegendWriting,
    CancelTask,
    LoopPanel,
    LoopRunning,
    LoopFree,
    LoopReady,
    LoopTimers,
    LoopWorkers,
    LoopNotStarted,
    LoopEnded,
    LoopAt,
    LoopLater,
    /// How a learner cancels a task, beside the timeline.
    CancelHint,
    LoopSlide,
    InTurn,
    TimelineEmpty,
    Log,
    LogEmpty,
    Language,
    /// Replaying the last run.
    Replay,
    ReplayPlay,
    ReplayPause,
    ReplayMoment,
    /// The run as data: saving it, and its table.
    RunData,
    Save,
    SaveFailed,
    TimelineTable,
    TableTask,
    TableStart,
    TableEnd,
    TableOutcome,
    OutcomeUnfinished,
    /// Beside a total measured by an earlier run than the last.
    EarlierRun,
    /// The theme switch, and its choices.
    Theme,
    ThemeSystem,
    ThemeLight,
    ThemeDark,
    LinkNoticeTitle,
    Dismiss,
    CopyLink,
    Copied,
    CopyFailed,
    LinkTooBig,
    Embed,
    EmbedHelp,
    CopyCode,
    OpenFull,
    Code,
    CodeInvalid,
    CodeFailed,
    GuessFirst,
    GuessPrompt,
    YourGuess,
    GuessHidden,
    GuessError,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (en, ru) = match self {
            Text::Title => ("Async Playground", "Асинхронная песочница"),
            Text::Intro => (
                "Edit the tasks, then run them one after another and all at once. \
                 Each task is a real future waiting on the browser's event loop, \
                 like await asyncio.sleep() in the course.",
                "Измените задачи и запустите их по очереди и все сразу. \
                 Каждая задача — настоящий future, который ждёт в цикле событий браузера, \
                 как await asyncio.sleep() в курсе.",
            ),
            Text::Tasks => ("Tasks", "Задачи"),
            Text::TaskName => ("Name", "Название"),
            Text::TaskSteps => ("Steps", "Шаги"),
            Text::Seconds => ("s", "с"),
            Text::AddTask => ("Add a task", "Добавить задачу"),
            Text::RemoveTask => ("Remove", "Удалить"),
            Text::RemoveAll => ("Remove all", "Удалить все"),
            Text::AddMany => ("Add", "Добавить"),
            Text::AddManyCount => ("tasks of", "задач по"),
            Text::AddManyDuration => ("s", "с"),
            Text::Presets => ("Examples", "Примеры"),
            Text::Previous => ("Previous", "Назад"),
            Text::Next => ("Next", "Вперёд"),
            Text::RunSequential => ("Sequential", "По очереди"),
            Text::RunConcurrent => ("Concurrent", "Все сразу"),
            Text::RunCompare => ("Compare", "Сравнить"),
            Text::Stop => ("Stop", "Стоп"),
            Text::Speed => ("Speed", "Скорость"),
            Text::RealTime => ("real time", "реальное время"),
            Text::StateIdle => ("Ready to run", "Готово к запуску"),
            Text::StateRunning => ("Running…", "Выполняется…"),
            Text::StateDone => ("Done", "Завершено"),
            Text::StateStopped => ("Stopped", "Остановлено"),
            Text::FixToRun => (
                "Fix the marked fields to run.",
                "Исправьте отмеченные поля, чтобы запустить.",
            ),
            Text::NoTasks => ("Add at least one task.", "Добавьте хотя бы одну задачу."),
            Text::Totals => ("Totals", "Итоги"),
            Text::Predicted => ("Predicted", "Прогноз"),
            Text::Measured => ("Measured", "Измерено"),
            Text::Speedup => ("Speedup", "Ускорение"),
            Text::ModeSequential => (
                "One after another (await each task in turn)",
                "По очереди (await каждой задачи по порядку)",
            ),
            Text::ModeConcurrent => ("All at once (asyncio.gather)", "Все сразу (asyncio.gather)"),
            Text::Timeline => ("Timeline", "Временная шкала"),
            Text::LegendPending => ("not started", "не начата"),
            Text::LegendWaiting => ("waiting", "ожидает"),
            Text::LegendDone => ("done", "завершена"),
            Text::StepsHelp => (
                "Steps in seconds, joined by +: 1 waits for I/O (others run meanwhile), \
                 c0.5 computes on the event loop's thread (everything waits), \
                 o2 sends 2 s of computing to a worker (run_in_executor). Example: 1+c0.5+o2. \
                 r0.5 receives a chunk of data into memory, w0.1 writes one and lets it go. \
                 A leading @0.5 makes the task arrive 0.5 s after the start; \
                 a final !1.5 cancels it 1.5 s after it is created (task.cancel()).",
                "Шаги в секундах через +: 1 — ожидание ввода-вывода (остальные тем временем \
                 работают), c0.5 — вычисления в потоке цикла событий (ждут все), o2 — 2 с \
                 вычислений в отдельном потоке (run_in_executor). Пример: 1+c0.5+o2. \
                 r0.5 — получить чанк данных в память, w0.1 — записать чанк и освободить память. \
                 @0.5 в начале: задача поступает через 0,5 с после старта; \
                 !1.5 в конце: задача отменяется через 1,5 с после создания (task.cancel()).",
            ),
            Text::Knobs => ("How tasks run", "Как выполняются задачи"),
            Text::Limit => ("At most at once", "Не больше одновременно"),
            Text::LimitHelp => (
                "asyncio.Semaphore: the rest queue. Empty: no limit.",
                "asyncio.Semaphore: остальные ждут в очереди. Пусто — без ограничения.",
            ),
            Text::Timeout => ("Timeout, s", "Тайм-аут, с"),
            Text::TimeoutHelp => (
                "asyncio.wait_for: a task still running after this long is cancelled at its next await. Empty: none.",
                "asyncio.wait_for: задача, которая работает дольше, отменяется на ближайшем await. Пусто — без тайм-аута.",
            ),
            Text::LegendQueued => ("queued", "в очереди"),
            Text::LegendRunning => ("computing: loop blocked", "вычисляет: цикл занят"),
            Text::LegendOffloaded => ("computing on a worker", "вычисляет в потоке"),
            Text::LegendBlocked => ("ready, loop busy", "готова, цикл занят"),
            Text::LegendTimedOut => ("timed out", "отменена по тайм-ауту"),
            Text::LegendCancelled => ("cancelled", "отменена"),
            Text::LegendStall => ("event loop blocked", "цикл событий заблокирован"),
            Text::LegendDelayed => ("ready, browser busy", "готова, браузер занят"),
            Text::LegendBrowserStall => (
                "browser busy: not your code",
                "браузер занят — не ваш код",
            ),
            Text::EventLoop => ("event loop", "цикл событий"),
            Text::Memory => ("memory", "память"),
            Text::LegendReceiving => ("receiving a chunk", "получает чанк"),
            Text::LegendWriting => ("writing a chunk", "пишет чанк"),
            Text::CancelTask => ("Cancel", "Отменить"),
            Text::LoopPanel => ("Inside the event loop", "Внутри цикла событий"),
            Text::LoopRunning => ("Running now", "Выполняется сейчас"),
            Text::LoopFree => ("nothing: the loop is free", "ничего: цикл свободен"),
            Text::LoopReady => ("Ready to run", "Готовы к запуску"),
            Text::LoopTimers => ("Timers, by deadline", "Таймеры по сроку"),
            Text::LoopWorkers => ("On workers", "В потоках"),
            Text::LoopNotStarted => ("Not started", "Не начаты"),
            Text::LoopEnded => ("Ended", "Завершены"),
            Text::LoopAt => ("Moment", "Момент"),
            Text::LoopSlide => (
                "Move the Replay slider above the timeline, or press Play there, to look inside the loop at any moment of the run.",
                "Передвиньте ползунок «Повтор» над временной шкалой или нажмите там «Воспроизвести», чтобы заглянуть в цикл в любой момент запуска.",
            ),
            Text::LoopLater => (
                "A run of more than 100 tasks is shown here once it ends: then move the Replay slider above the timeline.",
                "Запуск больше чем из 100 задач показан здесь, когда он завершится: тогда передвиньте ползунок «Повтор» над временной шкалой.",
            ),
            Text::CancelHint => (
                "During a run, press a task's name beside its lane to cancel it, as task.cancel() does.",
                "Во время запуска нажмите на название задачи у её полосы, чтобы отменить её, как task.cancel().",
            ),
            Text::InTurn => (
                "Work and offloads would disturb the other mode's timings, so Compare runs the two one after the other.",
                "Вычисления и потоки мешали бы замерам другого режима, поэтому «Сравнить» запускает режимы по очереди.",
            ),
            Text::Log => ("Program output", "Вывод программы"),
            Text::TimelineEmpty => (
                "The timeline appears when every task has a valid duration.",
                "Шкала появится, когда у всех задач будет правильная длительность.",
            ),
            Text::LogEmpty => (
                "Press a run button: the program's output appears here.",
                "Нажмите кнопку запуска: здесь появится вывод программы.",
            ),
            Text::Language => ("Language", "Язык"),
            Text::Replay => ("Replay", "Повтор"),
            Text::ReplayPlay => ("Play", "Воспроизвести"),
            Text::ReplayPause => ("Pause", "Пауза"),
            Text::ReplayMoment => ("Moment of the run", "Момент запуска"),
            Text::RunData => ("Run data", "Данные запуска"),
            Text::Save => ("Save:", "Сохранить:"),
            Text::SaveFailed => (
                "This browser did not let the page save the file.",
                "Браузер не дал странице сохранить файл.",
            ),
            Text::TimelineTable => ("Timeline as a table", "Временная шкала таблицей"),
            Text::TableTask => ("Task", "Задача"),
            Text::TableStart => ("Start, s", "Начало, с"),
            Text::TableEnd => ("End, s", "Конец, с"),
            Text::TableOutcome => ("Outcome", "Итог"),
            Text::OutcomeUnfinished => ("not finished", "не завершена"),
            Text::EarlierRun => ("the run before", "прошлый запуск"),
            Text::Theme => ("Theme", "Оформление"),
            Text::ThemeSystem => ("Auto", "Как в системе"),
            Text::ThemeLight => ("Light", "Светлое"),
            Text::ThemeDark => ("Dark", "Тёмное"),
            Text::LinkNoticeTitle => (
                "Some of this link could not be used:",
                "Часть ссылки не удалось использовать:",
            ),
            Text::Dismiss => ("Dismiss", "Скрыть"),
            Text::CopyLink => ("Copy link", "Копировать ссылку"),
            Text::Copied => ("Copied.", "Скопировано."),
            Text::CopyFailed => (
                "Could not copy: select the text and copy it by hand.",
                "Не удалось скопировать: выделите текст и скопируйте вручную.",
            ),
            Text::LinkTooBig => (
                "Too big for a link (over 1 MB): the address keeps the last scenario that fit. Save a run as JSON to keep this one.",
                "Слишком велик для ссылки (больше 1 МБ): в адресе остался прежний сценарий. Сохраните запуск в JSON.",
            ),
            Text::Embed => ("Embed", "Встроить"),
            Text::EmbedHelp => (
                "Paste this into a lesson page. The script makes the frame as tall as its content; without it the frame keeps the height set here.",
                "Вставьте это в страницу урока. Скрипт подгоняет высоту рамки под содержимое; без него рамка остаётся указанной высоты.",
            ),
            Text::CopyCode => ("Copy code", "Копировать код"),
            Text::OpenFull => ("Open in the playground", "Открыть в песочнице"),
            Text::Code => ("Code: Python and Rust", "Код: Python и Rust"),
            Text::CodeInvalid => (
                "The code appears when every task is valid.",
                "Код появится, когда все задачи будут записаны правильно.",
            ),
            Text::CodeFailed => (
                "The code view could not be loaded. Reload the page to try again.",
                "Не удалось загрузить код. Перезагрузите страницу, чтобы попробовать снова.",
            ),
            Text::GuessFirst => ("Guess first", "Сначала угадать"),
            Text::GuessPrompt => (
                "How long will each take? Write your guesses in seconds and run: \
                 the page shows its prediction once the run starts.",
                "Сколько займёт каждый запуск? Впишите догадки в секундах и запустите: \
                 страница покажет свой прогноз, когда запуск начнётся.",
            ),
            Text::YourGuess => ("Your guess", "Ваша догадка"),
            Text::GuessHidden => (
                "The timeline appears when you run: guess first.",
                "Шкала появится при запуске: сначала угадайте.",
            ),
            Text::GuessError => (
                "Write seconds, like 30 or 1.5.",
                "Укажите секунды, например 30 или 1,5.",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// Seconds with four decimals, as the course's program prints them.
fn four_places(at: Duration) -> String {
    Seconds(at, 4).to_string()
}

/// Seconds with three decimals, for totals.
pub fn seconds_3(duration: Duration) -> String {
    Seconds(duration, 3).to_string()
}

/// What the page says before a run whose work would hold it for `hold`
/// (real time) at once.
pub fn hold_note(lang: Lang, hold: Duration) -> String {
    let seconds = Fixed(hold.as_secs_f64(), 1);
    match lang {
        Lang::Ru => format!("Работа здесь займёт страницу до {seconds} с подряд: пока она идёт, страница не обновляется, а «Стоп» ждёт её конца."),
        Lang::En => format!("Work here will hold the page for up to {seconds} s at once: meanwhile nothing is drawn, and Stop waits for it to end."),
    }
}

/// A total as the totals table shows it: [`seconds_3`] up to 10,000 s;
/// beyond, whole seconds with their digits grouped (`11 520 000 000`, a
/// scenario of 365 years): milliseconds mean nothing there, and a row of
/// eleven digits is hard to read.
pub fn total_seconds(lang: Lang, duration: Duration) -> String {
    match duration.as_secs() {
        whole @ 10_000.. => group_digits(lang, whole as usize),
        _ => seconds_3(duration),
    }
}

/// How a task is called in the log: its number, and its name if it has one.
fn operation(number: usize, name: &str) -> String {
    if name.is_empty() {
        format!("№ {number}")
    } else {
        format!("№ {number} ({name})")
    }
}

/// The line printed when task `number` (counted from 1) starts.
pub fn log_started(lang: Lang, number: usize, name: &str, at: Duration) -> String {
    let operation = operation(number, name);
    let at = four_places(at);
    match lang {
        Lang::Ru => format!("Начало выполнения длительной операции {operation}: {at}"),
        Lang::En => format!("Start of long operation {operation}: {at}"),
    }
}

/// The line printed when task `number` ends, the way it ended.
pub fn log_finished(lang: Lang, number: usize, name: &str, outcome: Outcome) -> String {
    let operation = operation(number, name);
    match (lang, outcome) {
        (Lang::Ru, Outcome::Done) => format!("Длительная операция {operation} завершена"),
        (Lang::En, Outcome::Done) => format!("Long operation {operation} finished"),
        (Lang::Ru, Outcome::TimedOut) => {
            format!("Длительная операция {operation} отменена: истекло время ожидания")
        }
        (Lang::En, Outcome::TimedOut) => format!("Long operation {operation} cancelled: timed out"),
        (Lang::Ru, Outcome::Cancelled) => format!("Длительная операция {operation} отменена"),
        (Lang::En, Outcome::Cancelled) => format!("Long operation {operation} cancelled"),
    }
}

/// The form a noun takes after a number: Russian has three (1 операция,
/// 3 операции, 5 операций), English two (1 operation, 5 operations; its
/// [`Form::Few`] is never used).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// After 1, 21, 101… in Russian; after 1 in English.
    One,
    /// After 2–4, 22–24… in Russian (but 12–14).
    Few,
    /// Every other number.
    Many,
}

impl Form {
    /// The forms `lang` has, in the order programs list them.
    pub fn all(lang: Lang) -> &'static [Form] {
        match lang {
            Lang::Ru => &[Form::One, Form::Few, Form::Many],
            Lang::En => &[Form::One, Form::Many],
        }
    }

    /// The form a noun takes after `n` in `lang`.
    pub fn of(lang: Lang, n: usize) -> Form {
        match lang {
            Lang::Ru => match (n % 10, n % 100) {
                (1, rest) if rest != 11 => Form::One,
                (2..=4, rest) if !(12..=14).contains(&rest) => Form::Few,
                _ => Form::Many,
            },
            Lang::En if n == 1 => Form::One,
            Lang::En => Form::Many,
        }
    }
}

/// The line printed when every task has ended, in `form`: the words
/// before and after the count of operations completed. The page's log and
/// both generated programs print from it, so they print the same words.
pub fn completed_line(lang: Lang, form: Form) -> (&'static str, &'static str) {
    match (lang, form) {
        (Lang::Ru, Form::One) => ("Выполнена ", " операция."),
        (Lang::Ru, Form::Few) => ("Выполнено ", " операции."),
        (Lang::Ru, Form::Many) => ("Выполнено ", " операций."),
        (Lang::En, Form::One) => ("Completed ", " operation."),
        (Lang::En, _) => ("Completed ", " operations."),
    }
}

/// The line a program that moves data prints after its count, in `form`:
/// the words before and after the most chunks it held in memory at once.
pub fn most_held_line(lang: Lang, form: Form) -> (&'static str, &'static str) {
    match (lang, form) {
        (Lang::Ru, Form::One) => ("Больше всего в памяти: ", " чанк по 64 МБ"),
        (Lang::Ru, Form::Few) => ("Больше всего в памяти: ", " чанка по 64 МБ"),
        (Lang::Ru, Form::Many) => ("Больше всего в памяти: ", " чанков по 64 МБ"),
        (Lang::En, Form::One) => ("Most held in memory: ", " chunk of 64 MB"),
        (Lang::En, _) => ("Most held in memory: ", " chunks of 64 MB"),
    }
}

/// The line printed when every task has ended: how many completed. As the
/// program prints it, the number is not grouped.
pub fn log_completed(lang: Lang, count: usize) -> String {
    let (before, after) = completed_line(lang, Form::of(lang, count));
    format!("{before}{count}{after}")
}

/// Under the memory lane: the most held at once, in chunks and megabytes.
pub fn most_held(lang: Lang, chunks: usize) -> String {
    let mb = group_digits(lang, chunks * CHUNK_MB);
    match lang {
        Lang::Ru => format!("Больше всего в памяти сразу: {chunks} × {CHUNK_MB} МБ = {mb} МБ"),
        Lang::En => format!("Most held in memory at once: {chunks} × {CHUNK_MB} MB = {mb} MB"),
    }
}

/// The line a program that moves data prints after its count: the most
/// chunks it held in memory at once.
pub fn log_most_held(lang: Lang, chunks: usize) -> String {
    let (before, after) = most_held_line(lang, Form::of(lang, chunks));
    format!("{before}{chunks}{after}")
}

/// The program's last line, with its total.
pub fn log_total(lang: Lang, total: Duration) -> String {
    let total = four_places(total);
    match lang {
        Lang::Ru => format!("Программа завершена за {total}"),
        Lang::En => format!("Program finished in {total}"),
    }
}

/// A whole number with its digits grouped as the language writes them:
/// `100,000` in English, `100 000` in Russian (with a no-break space).
pub fn group_digits(lang: Lang, n: usize) -> String {
    let separator = match lang {
        Lang::Ru => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 2);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// "30 tasks" in the language's own grammar.
pub fn task_count(lang: Lang, n: usize) -> String {
    let count = group_digits(lang, n);
    match (lang, Form::of(lang, n)) {
        (Lang::Ru, Form::One) => format!("{count} задача"),
        (Lang::Ru, Form::Few) => format!("{count} задачи"),
        (Lang::Ru, Form::Many) => format!("{count} задач"),
        (Lang::En, Form::One) => format!("{count} task"),
        (Lang::En, _) => format!("{count} tasks"),
    }
}

/// The scenario in one line: "3 tasks: 1 s, 3 s, 10 s", "30 tasks: 30 × 1 s".
/// Runs of equal tasks are counted; after six groups the rest is elided.
pub fn scenario_summary(lang: Lang, scenario: &crate::scenario::Scenario) -> String {
    const GROUPS: usize = 6;
    let unit = Text::Seconds.get(lang);
    let mut runs = scenario.runs();
    let groups: Vec<String> = runs
        .by_ref()
        .take(GROUPS)
        .map(|(task, run)| {
            let seconds = crate::scenario::format_task(task);
            let count = if run > 1 {
                format!("{} × ", group_digits(lang, run))
            } else {
                String::new()
            };
            let name = if task.name.is_empty() {
                String::new()
            } else {
                format!("{} ", task.name)
            };
            format!("{name}{count}{seconds} {unit}")
        })
        .collect();
    let more = if runs.next().is_some() { ", …" } else { "" };
    format!(
        "{}: {}{more}",
        task_count(lang, scenario.tasks.len()),
        groups.join(", ")
    )
}

/// What the learner should take from a finished concurrent run.
pub fn concurrent_summary(lang: Lang, count: usize, longest: Duration, took: Duration) -> String {
    let tasks = task_count(lang, count);
    let longest = format_seconds(longest);
    let took = seconds_3(took);
    match lang {
        Lang::Ru => format!(
            "{tasks} все сразу заняли {took} с — немногим больше самой долгой задачи ({longest} с): \
             пока одна ждёт, цикл событий запускает остальные."
        ),
        Lang::En => format!(
            "{tasks} all at once took {took} s, a little over the longest task ({longest} s): \
             while one waits, the event loop starts the others."
        ),
    }
}

/// What the learner should take from a finished sequential run.
pub fn sequential_summary(lang: Lang, count: usize, sum: Duration, took: Duration) -> String {
    let tasks = task_count(lang, count);
    let sum = format_seconds(sum);
    let took = seconds_3(took);
    match lang {
        Lang::Ru => format!(
            "{tasks} по очереди заняли {took} с — сумму всех длительностей ({sum} с): \
             каждая ждала, пока закончится предыдущая."
        ),
        Lang::En => format!(
            "{tasks} one after another took {took} s, the sum of all durations ({sum} s): \
             each waited for the one before it."
        ),
    }
}

/// What the learner should take from a finished run, in words.
pub fn run_summary(lang: Lang, recording: &Recording) -> Option<String> {
    let took = recording.total?;
    let scenario = &recording.scenario;
    let count = scenario.tasks.len();
    let timed_out = recording.ended(Outcome::TimedOut);
    let cancelled = recording.ended(Outcome::Cancelled);
    // Read once per recording: a pass over 100,000 tasks costs milliseconds.
    let traits = recording.traits();
    let plain = traits.only_waits && scenario.limit.is_none() && timed_out == 0 && cancelled == 0;
    // "A little over the longest task", "the sum of all durations": said
    // only of a total that is so, whatever marked the run or did not.
    let expected = match recording.mode {
        Mode::Concurrent => traits.longest,
        Mode::Sequential => traits.sum,
    };
    if plain && crate::recording::is_faithful(took, expected) {
        return Some(match recording.mode {
            Mode::Concurrent => concurrent_summary(lang, count, traits.longest, took),
            Mode::Sequential => sequential_summary(lang, count, traits.sum, took),
        });
    }
    let tasks = task_count(lang, count);
    let took_s = seconds_3(took);
    let predicted = seconds_3(recording.prediction.total);
    let mut text = match (lang, recording.mode) {
        (Lang::Ru, Mode::Concurrent) => {
            format!("{tasks} все сразу заняли {took_s} с, прогноз — {predicted} с.")
        }
        (Lang::Ru, Mode::Sequential) => {
            format!("{tasks} по очереди заняли {took_s} с, прогноз — {predicted} с.")
        }
        (Lang::En, Mode::Concurrent) => {
            format!("{tasks} all at once took {took_s} s; predicted {predicted} s.")
        }
        (Lang::En, Mode::Sequential) => {
            format!("{tasks} one after another took {took_s} s; predicted {predicted} s.")
        }
    };
    let works = traits.works;
    if works && recording.mode == Mode::Concurrent {
        text.push(' ');
        text.push_str(match lang {
            Lang::Ru => {
                "Пока задача вычисляла в потоке цикла событий, ничего другого не выполнялось — \
                         ни другие задачи, ни сама страница."
            }
            Lang::En => {
                "While a task computed on the event loop's thread nothing else ran, \
                         not the other tasks, not even the page."
            }
        });
    }
    if traits.has_arrivals {
        let latencies: Vec<Duration> = recording
            .events()
            .filter_map(|event| match event {
                RunEvent::Finished { task, at, .. } => {
                    Some(at.saturating_sub(scenario.tasks[task].arrival))
                }
                _ => None,
            })
            .collect();
        if let Some(&longest) = latencies.iter().max() {
            let mean = seconds_3(latencies.iter().sum::<Duration>() / latencies.len() as u32);
            let longest = seconds_3(longest);
            let _ = match lang {
                Lang::Ru => write!(
                    text,
                    " От поступления до ответа: в среднем {mean} с, самое долгое {longest} с."
                ),
                Lang::En => write!(
                    text,
                    " From arrival to answer: {mean} s on average, {longest} s at most."
                ),
            };
        }
    }
    text.push_str(&outcome_counts(lang, recording));
    Some(text)
}

/// How many tasks timed out and how many were cancelled, as sentences to
/// follow a summary (` Timed out: 2. Cancelled: 1.`); empty when none.
/// Facts of the run, said whatever its timing.
fn outcome_counts(lang: Lang, recording: &Recording) -> String {
    let mut text = String::new();
    for (outcome, ru, en) in [
        (Outcome::TimedOut, "Отменено по тайм-ауту", "Timed out"),
        (Outcome::Cancelled, "Отменено", "Cancelled"),
    ] {
        let n = recording.ended(outcome);
        if n > 0 {
            let label = if lang == Lang::Ru { ru } else { en };
            let _ = write!(text, " {label}: {}.", group_digits(lang, n));
        }
    }
    text
}

/// What a finished run measured, in one sentence: each mode's total, its
/// prediction, and whether the browser distorted it.
pub fn run_outcome(lang: Lang, recordings: &[std::rc::Rc<Recording>]) -> String {
    let parts: Vec<String> = recordings
        .iter()
        .filter_map(|recording| {
            let took = seconds_3(recording.total?);
            let predicted = seconds_3(recording.prediction.total);
            let distorted = match recording.distortion() {
                Some(_) => format!(", {}", distorted(lang)),
                None => String::new(),
            };
            Some(match (lang, recording.mode) {
                (Lang::Ru, Mode::Sequential) => {
                    format!("по очереди {took} с{distorted} (прогноз {predicted} с)")
                }
                (Lang::Ru, Mode::Concurrent) => {
                    format!("все сразу {took} с{distorted} (прогноз {predicted} с)")
                }
                (Lang::En, Mode::Sequential) => {
                    format!("one after another {took} s{distorted} (predicted {predicted} s)")
                }
                (Lang::En, Mode::Concurrent) => {
                    format!("all at once {took} s{distorted} (predicted {predicted} s)")
                }
            })
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("— {}.", parts.join("; "))
    }
}

/// Under a task table that shows only the first `shown` of `total` tasks.
pub fn table_rows_note(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ru => format!(
            "Показаны первые {shown} из {}; в JSON и CSV — все.",
            group_digits(lang, total)
        ),
        Lang::En => format!(
            "The first {shown} of {} tasks; JSON and CSV hold them all.",
            group_digits(lang, total)
        ),
    }
}

/// The word a distorted measurement is marked with.
pub fn distorted(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "искажено",
        Lang::En => "distorted",
    }
}

/// Why a run's measurement is not the program's own time, in place of
/// what [`run_summary`] would make of it.
pub fn distortion_summary(lang: Lang, recording: &Recording, why: Distortion) -> String {
    let predicted = seconds_3(recording.prediction.total);
    let took = recording.total.map(seconds_3);
    let mode = mode_name(lang, recording.mode);
    let cause = match (lang, why) {
        (Lang::Ru, Distortion::Hidden) => {
            "Во время запуска страница была скрыта, а браузеры замедляют таймеры скрытых страниц"
        }
        (Lang::Ru, Distortion::Throttled) => {
            "Во время запуска браузер придерживал таймеры страницы, как делает с фреймами вне \
             видимой области и со страницами, на которых экономит энергию"
        }
        (Lang::En, Distortion::Hidden) => {
            "The page was hidden during the run, and browsers slow the timers of hidden pages"
        }
        (Lang::En, Distortion::Throttled) => {
            "The browser held the page's timers back during the run, as it does in frames \
             scrolled out of view and in pages it saves power on"
        }
        (Lang::Ru, Distortion::Late) => {
            "Таймеры браузера опаздывали (на ×10 и ×100 миллисекунда опоздания весит в 10 и 100 раз больше)"
        }
        (Lang::En, Distortion::Late) => {
            "The browser's timers fired late (at ×10 and ×100 a late millisecond weighs ten and a hundred times more)"
        }
    };
    let measured = match (lang, took) {
        (Lang::Ru, Some(took)) => format!("измеренные {took} с — не время самой программы"),
        (Lang::En, Some(took)) => format!("the measured {took} s is not the program's own time"),
        (Lang::Ru, None) => "измерения этого запуска — не время самой программы".to_owned(),
        (Lang::En, None) => "this run's measurements are not the program's own time".to_owned(),
    };
    let again = match (lang, why) {
        (Lang::Ru, Distortion::Late) => "запустите ещё раз в реальном времени (×1)",
        (Lang::Ru, _) => "запустите ещё раз, не уходя со страницы",
        (Lang::En, Distortion::Late) => "run again in real time (×1)",
        (Lang::En, _) => "run again with the page in view",
    };
    let counts = outcome_counts(lang, recording);
    match lang {
        Lang::Ru => format!(
            "{mode}: искажено. {cause}, поэтому {measured}. Прогноз, {predicted} с, в силе; {again}.{counts}"
        ),
        Lang::En => format!(
            "{mode}: distorted. {cause}, so {measured}. The prediction, {predicted} s, stands; {again}.{counts}"
        ),
    }
}

/// A mode's short name, to begin a sentence with.
pub fn mode_name(lang: Lang, mode: Mode) -> &'static str {
    match (lang, mode) {
        (Lang::Ru, Mode::Sequential) => "По очереди",
        (Lang::Ru, Mode::Concurrent) => "Все сразу",
        (Lang::En, Mode::Sequential) => "One after another",
        (Lang::En, Mode::Concurrent) => "All at once",
    }
}

/// How the learner's guess of a run's total compares with the result:
/// the measured total, or the prediction when the run was stopped or
/// distorted (see [`guess::result_of`]).
pub fn guess_verdict(lang: Lang, recording: &Recording, guess: Duration) -> String {
    let (result, measured) = guess::result_of(recording);
    let mode = mode_name(lang, recording.mode);
    let guessed = format_seconds(guess);
    let result_text = seconds_3(result);
    let took = match (lang, measured) {
        (Lang::Ru, true) => format!("заняло {result_text} с"),
        (Lang::Ru, false) => format!("прогноз страницы {result_text} с"),
        (Lang::En, true) => format!("it took {result_text} s"),
        (Lang::En, false) => format!("the page predicts {result_text} s"),
    };
    let verdict = match (lang, guess::compare(guess, result)) {
        (Lang::Ru, Verdict::Close) => "в точку.".to_owned(),
        (Lang::Ru, Verdict::Less(factor)) => format!("в {} раза меньше.", Fixed(factor, 1)),
        (Lang::Ru, Verdict::More(Some(factor))) => {
            format!("в {} раза больше.", Fixed(factor, 1))
        }
        (Lang::Ru, Verdict::More(None)) => "больше.".to_owned(),
        (Lang::En, Verdict::Close) => "spot on.".to_owned(),
        (Lang::En, Verdict::Less(factor)) => {
            format!("{}× less than you thought.", Fixed(factor, 1))
        }
        (Lang::En, Verdict::More(Some(factor))) => {
            format!("{}× more than you thought.", Fixed(factor, 1))
        }
        (Lang::En, Verdict::More(None)) => "more than you thought.".to_owned(),
    };
    match lang {
        Lang::Ru => format!("{mode}: вы предполагали {guessed} с, {took} — {verdict}"),
        Lang::En => format!("{mode}: you guessed {guessed} s; {took}, {verdict}"),
    }
}

/// How many times faster running all at once was.
pub fn speedup_summary(lang: Lang, factor: f64) -> String {
    match lang {
        Lang::Ru => format!(
            "Все сразу — в {} раза быстрее, чем по очереди.",
            Fixed(factor, 1)
        ),
        Lang::En => format!(
            "All at once was {}× faster than one after another.",
            Fixed(factor, 1)
        ),
    }
}

/// Why a faster run measures a little more than its prediction.
pub fn scale_note(lang: Lang, factor: u32) -> String {
    let ms = format_seconds(std::time::Duration::from_millis(u64::from(factor)));
    match lang {
        Lang::Ru => format!(
            "При ×{factor} каждая миллисекунда, которую браузер тратит на себя (например, на отрисовку), \
             превращается в {ms} с времени сценария: измеренные итоги растут, прогноз — нет."
        ),
        Lang::En => format!(
            "At ×{factor}, every millisecond the browser spends on itself (drawing the page, say) \
             counts as {ms} s of scenario time: measured totals grow, predictions do not."
        ),
    }
}

/// The message shown next to a duration field.
pub fn duration_error(lang: Lang, error: DurationError) -> &'static str {
    let (en, ru) = match error {
        DurationError::Empty => (
            "Enter a duration in seconds.",
            "Введите длительность в секундах.",
        ),
        DurationError::NotANumber => (
            "Not a number: write seconds like 1 or 0.5.",
            "Это не число: укажите секунды, например 1 или 0,5.",
        ),
        DurationError::NotPositive => (
            "The duration must be more than zero.",
            "Длительность должна быть больше нуля.",
        ),
        DurationError::TooShort => (
            "The shortest duration is 0.001 s.",
            "Самая короткая длительность — 0,001 с.",
        ),
        DurationError::TooLong => (
            "The longest duration is one hour (3600 s).",
            "Самая большая длительность — один час (3600 с).",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// The message shown next to a task's steps.
pub fn steps_error(lang: Lang, error: StepsError) -> String {
    match (lang, error) {
        (Lang::En, StepsError::Empty) => {
            "Enter the task's steps: seconds joined by +, like 1+c0.5+o2.".to_owned()
        }
        (Lang::Ru, StepsError::Empty) => {
            "Укажите шаги задачи: секунды через +, например 1+c0,5+o2.".to_owned()
        }
        (Lang::En, StepsError::TooMany) => format!("A task has at most {MAX_STEPS} steps."),
        (Lang::Ru, StepsError::TooMany) => {
            format!("В задаче может быть не больше {MAX_STEPS} шагов.")
        }
        (Lang::En, StepsError::Arrival(reason)) => {
            format!("The arrival after @ — {}", duration_error(lang, reason))
        }
        (Lang::Ru, StepsError::Arrival(reason)) => {
            format!("Время прибытия после @ — {}", duration_error(lang, reason))
        }
        (Lang::En, StepsError::NothingAfterArrival) => {
            "After the arrival (@0.5+…) come the task's steps.".to_owned()
        }
        (Lang::Ru, StepsError::NothingAfterArrival) => {
            "После времени прибытия (@0.5+…) укажите шаги задачи.".to_owned()
        }
        (Lang::En, StepsError::Cancel(reason)) => {
            format!("The cancel after ! — {}", duration_error(lang, reason))
        }
        (Lang::Ru, StepsError::Cancel(reason)) => {
            format!("Время отмены после ! — {}", duration_error(lang, reason))
        }
        (Lang::En, StepsError::NothingBeforeCancel) => {
            "Before the cancel (…+!1.5) come the task's steps.".to_owned()
        }
        (Lang::Ru, StepsError::NothingBeforeCancel) => {
            "Перед временем отмены (…+!1,5) укажите шаги задачи.".to_owned()
        }
        (Lang::En, StepsError::CancelNotLast) => {
            "The cancel (!1.5) comes last, after the steps.".to_owned()
        }
        (Lang::Ru, StepsError::CancelNotLast) => {
            "Отмена (!1,5) пишется последней, после шагов.".to_owned()
        }
        // A dash, not a colon: the message after it is a sentence of its own.
        (Lang::En, StepsError::Step { index, reason }) => {
            format!("Step {} — {}", index + 1, duration_error(lang, reason))
        }
        (Lang::Ru, StepsError::Step { index, reason }) => {
            format!("Шаг {} — {}", index + 1, duration_error(lang, reason))
        }
    }
}

/// The message shown next to the task count field.
pub fn count_error(lang: Lang, error: CountError) -> &'static str {
    let (en, ru) = match error {
        CountError::Empty => (
            "Enter how many tasks to add.",
            "Укажите, сколько задач добавить.",
        ),
        CountError::NotAWholeNumber => (
            "Enter a whole number, like 30.",
            "Укажите целое число, например 30.",
        ),
        CountError::BelowOne => (
            "Add at least one task: a whole number from 1.",
            "Добавьте хотя бы одну задачу: целое число от 1.",
        ),
        CountError::TooMany => (
            "A scenario holds at most 100,000 tasks.",
            "В сценарии может быть не больше 100 000 задач.",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// The message shown next to the concurrency limit.
pub fn limit_error(lang: Lang, error: CountError) -> &'static str {
    let (en, ru) = match error {
        CountError::Empty | CountError::NotAWholeNumber => (
            "Enter a whole number, like 3, or leave it empty for no limit.",
            "Укажите целое число, например 3, или оставьте пустым — без ограничения.",
        ),
        CountError::BelowOne => (
            "The limit is a whole number of at least 1, or empty for no limit.",
            "Ограничение — целое число не меньше 1 или пусто, если ограничения нет.",
        ),
        CountError::TooMany => (
            "The limit can be at most 100,000.",
            "Ограничение может быть не больше 100 000.",
        ),
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

/// The range of tasks a page of the editor shows: "Tasks 101–200 of 1000".
pub fn page_range(lang: Lang, first: usize, last: usize, total: usize) -> String {
    match lang {
        Lang::Ru => format!("Задачи {first}–{last} из {total}"),
        Lang::En => format!("Tasks {first}–{last} of {total}"),
    }
}

/// The note above the log when earlier lines are not shown.
pub fn log_hidden(lang: Lang, hidden: usize) -> String {
    let count = group_digits(lang, hidden);
    match (lang, Form::of(lang, hidden)) {
        (Lang::Ru, Form::One) => format!("… ещё {count} строка выше не показана"),
        (Lang::Ru, Form::Few) => format!("… ещё {count} строки выше не показаны"),
        (Lang::Ru, Form::Many) => format!("… ещё {count} строк выше не показаны"),
        (Lang::En, Form::One) => format!("… {count} earlier line not shown"),
        (Lang::En, _) => format!("… {count} earlier lines not shown"),
    }
}

/// The note on a timeline too large for a lane per task.
pub fn timeline_aggregate(lang: Lang, count: usize) -> String {
    let tasks = task_count(lang, count);
    match lang {
        Lang::Ru => format!("{tasks} — слишком много для отдельных полос: график показывает, сколько задач ждёт и сколько завершено."),
        Lang::En => format!("{tasks}: too many for a lane each, so the chart shows how many are waiting and how many are done."),
    }
}

/// What the page says about something in a link it could not use, and
/// what it used instead.
pub fn link_problem(lang: Lang, problem: &Problem) -> String {
    let ru = lang == Lang::Ru;
    match problem {
        Problem::TooLong { bytes } => {
            let bytes = group_digits(lang, *bytes);
            if ru {
                format!("Ссылка слишком длинная ({bytes} байт, а можно не больше 1 МБ), и она не прочитана: показан первый пример курса.")
            } else {
                format!("The link is too long ({bytes} bytes; at most 1 MB), so none of it was read: showing the course's first example.")
            }
        }
        Problem::UnknownKey(key) if ru => format!("Неизвестный параметр «{key}» пропущен."),
        Problem::UnknownKey(key) => format!("The unknown parameter “{key}” was ignored."),
        Problem::Repeated(key) if ru => {
            format!("Параметр «{key}» указан несколько раз; использовано последнее значение.")
        }
        Problem::Repeated(key) => {
            format!("“{key}” is given more than once; the last one is used.")
        }
        Problem::NewerVersion(version) if ru => format!(
            "Версия ссылки «{version}» этой странице неизвестна; ссылка прочитана как версия 1."
        ),
        Problem::NewerVersion(version) => format!(
            "This page does not know link version “{version}”; the link was read as version 1."
        ),
        Problem::BadEncoding(text) if ru => format!(
            "«{text}» закодировано неверно: испорченные %-последовательности оставлены как есть, байты не из UTF-8 показаны как �."
        ),
        Problem::BadEncoding(text) => format!(
            "“{text}” is not encoded right: broken %-escapes were kept as written, bytes that are not UTF-8 are shown as �."
        ),
        Problem::BadTask { item, text, reason } => {
            let reason = match reason {
                TaskProblem::Empty if ru => "Пустой элемент.",
                TaskProblem::Empty => "The item is empty.",
                TaskProblem::BadCount if ru => "Число перед x должно быть целым, от 1.",
                TaskProblem::BadCount => "The count before x must be a whole number from 1.",
                TaskProblem::Steps(error) => &steps_error(lang, *error),
            };
            if ru {
                format!("Задача {item} «{text}» пропущена. {reason}")
            } else {
                format!("Task item {item} “{text}” was left out. {reason}")
            }
        }
        Problem::TooManyTasks => {
            let limit = group_digits(lang, MAX_TASKS);
            if ru {
                format!("В ссылке больше {limit} задач; взяты первые {limit}.")
            } else {
                format!("The link has more than {limit} tasks; the first {limit} are used.")
            }
        }
        Problem::NoTasks if ru => {
            "Ни одну задачу из ссылки прочитать не удалось: показан первый пример курса.".to_owned()
        }
        Problem::NoTasks => {
            "No task in the link could be read: showing the course's first example.".to_owned()
        }
        Problem::More(count) if ru => format!("…и ещё {}.", group_digits(lang, *count)),
        Problem::More(count) => format!("…and {} more.", group_digits(lang, *count)),
        Problem::BadCharacters { item } if ru => {
            format!("Из названия задачи {item} убраны управляющие знаки и знаки направления текста.")
        }
        Problem::BadCharacters { item } => {
            format!("Control and text-direction characters were removed from the name of task item {item}.")
        }
        Problem::LongName { item } if ru => {
            format!("Название задачи {item} сокращено до {MAX_NAME_CHARS} символов.")
        }
        Problem::LongName { item } => {
            format!("The name of task item {item} was shortened to {MAX_NAME_CHARS} characters.")
        }
        Problem::BadValue { key, value, reason } => match (reason, ru) {
            (ValueProblem::Limit(error), true) => format!(
                "«{value}» не подходит для limit. {} Использовано: без ограничения.",
                limit_error(lang, *error)
            ),
            (ValueProblem::Limit(error), false) => format!(
                "“{value}” is not a valid limit. {} No limit is used.",
                limit_error(lang, *error)
            ),
            (ValueProblem::Timeout(error), true) => format!(
                "«{value}» не подходит для timeout. {} Использовано: без тайм-аута.",
                duration_error(lang, *error)
            ),
            (ValueProblem::Timeout(error), false) => format!(
                "“{value}” is not a valid timeout. {} No timeout is used.",
                duration_error(lang, *error)
            ),
            (ValueProblem::NotOneOf(values), true) => format!(
                "«{value}» — недопустимое значение {key} (можно: {}); использовано значение по умолчанию.",
                values.join(", ")
            ),
            (ValueProblem::NotOneOf(values), false) => format!(
                "“{value}” is not a valid {key} (one of {}); the default is used.",
                values.join(", ")
            ),
        },
    }
}

/// Why a run stopped by itself, next to the run buttons.
pub fn failure(lang: Lang, failure: crate::recording::Failure) -> &'static str {
    match (lang, failure) {
        (Lang::Ru, crate::recording::Failure::NoWorkers) => {
            "Запуск остановлен: шагам o нужен Web Worker, а его не удалось запустить \
             (политика сайта запрещает воркеры, worker-src?). Уберите шаги o."
        }
        (Lang::En, crate::recording::Failure::NoWorkers) => {
            "The run stopped: offloaded steps (o) need a Web Worker, and none could start \
             (does the site's policy forbid workers, worker-src?). Remove the o steps."
        }
    }
}

/// Under a name field, what the rules for names changed in what was
/// typed; `None` when nothing.
pub fn name_changes(lang: Lang, changes: crate::scenario::NameChanges) -> Option<String> {
    let removed = match lang {
        Lang::Ru => "Табуляция, переводы строк и знаки направления текста убраны.",
        Lang::En => "Tabs, line breaks and text-direction marks were taken out.",
    };
    let shortened = match lang {
        Lang::Ru => format!("Название — не больше {MAX_NAME_CHARS} символов."),
        Lang::En => format!("A name holds at most {MAX_NAME_CHARS} characters."),
    };
    match (changes.removed, changes.shortened) {
        (false, false) => None,
        (true, false) => Some(removed.to_owned()),
        (false, true) => Some(shortened),
        (true, true) => Some(format!("{removed} {shortened}")),
    }
}

/// The text of the banner shown when the page has failed.
pub fn crash_banner(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Ru => (
            "Что-то пошло не так, и страница остановилась. Перезагрузите её, чтобы начать заново.",
            "Перезагрузить",
        ),
        Lang::En => (
            "Something went wrong and the page stopped. Reload it to start again.",
            "Reload",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    #[test]
    fn long_totals_are_whole_seconds_in_groups() {
        let en = |d| total_seconds(Lang::En, d);
        assert_eq!(en(Duration::from_millis(1_001)), "1.001");
        assert_eq!(en(Duration::from_millis(9_999_999)), "9999.999");
        assert_eq!(en(Duration::from_secs(10_000)), "10,000");
        // 365 years (of 365.3 days).
        assert_eq!(en(Duration::from_secs(11_520_000_000)), "11,520,000,000");
        assert_eq!(
            total_seconds(Lang::Ru, Duration::from_secs(11_520_000_000)),
            "11\u{a0}520\u{a0}000\u{a0}000"
        );
    }

    #[test]
    fn log_lines_match_the_course() {
        let at = Duration::from_micros(1_200);
        assert_eq!(
            log_started(Lang::Ru, 1, "", at),
            "Начало выполнения длительной операции № 1: 0.0012"
        );
        assert_eq!(
            log_finished(Lang::Ru, 1, "", Outcome::Done),
            "Длительная операция № 1 завершена"
        );
        assert_eq!(log_completed(Lang::Ru, 30), "Выполнено 30 операций.");
        assert_eq!(
            log_total(Lang::Ru, Duration::from_micros(1_002_300)),
            "Программа завершена за 1.0023"
        );
    }

    #[test]
    fn a_finished_run_is_said_in_one_sentence() {
        let scenario = Rc::new(crate::scenario::Scenario::uniform(
            2,
            Duration::from_secs(1),
        ));
        let finished = |mode: Mode, total_ms: u64, hidden: bool| {
            let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
            let mut recording = Recording::new(mode, scenario.clone(), prediction);
            if hidden {
                recording.record([crate::recording::Report::Distorted(Distortion::Hidden)]);
            }
            recording.record([crate::recording::Report::Finished(Duration::from_millis(
                total_ms,
            ))]);
            Rc::new(recording)
        };
        let both = [
            finished(Mode::Sequential, 2004, false),
            finished(Mode::Concurrent, 1500, true),
        ];
        assert_eq!(
            run_outcome(Lang::En, &both),
            "— one after another 2.004 s (predicted 2.000 s); \
             all at once 1.500 s, distorted (predicted 1.000 s)."
        );
        assert_eq!(
            run_outcome(Lang::Ru, &both[..1]),
            "— по очереди 2.004 с (прогноз 2.000 с)."
        );
        assert_eq!(run_outcome(Lang::En, &[]), "");
    }

    #[test]
    fn a_guess_is_compared_with_the_run_or_else_the_prediction() {
        let scenario = Rc::new(crate::scenario::Scenario::uniform(
            30,
            Duration::from_secs(1),
        ));
        let run = |mode: Mode, report: crate::recording::Report| {
            let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
            let mut recording = Recording::new(mode, scenario.clone(), prediction);
            recording.record([report]);
            recording
        };
        let finished = |mode, ms| {
            run(
                mode,
                crate::recording::Report::Finished(Duration::from_millis(ms)),
            )
        };
        let concurrent = finished(Mode::Concurrent, 1002);
        let sequential = finished(Mode::Sequential, 30_010);
        let secs = Duration::from_secs;
        assert_eq!(
            guess_verdict(Lang::En, &concurrent, secs(30)),
            "All at once: you guessed 30 s; it took 1.002 s, 29.9× less than you thought."
        );
        assert_eq!(
            guess_verdict(Lang::Ru, &concurrent, secs(30)),
            "Все сразу: вы предполагали 30 с, заняло 1.002 с — в 29.9 раза меньше."
        );
        assert_eq!(
            guess_verdict(Lang::En, &concurrent, Duration::from_millis(1050)),
            "All at once: you guessed 1.05 s; it took 1.002 s, spot on."
        );
        assert_eq!(
            guess_verdict(Lang::En, &sequential, secs(10)),
            "One after another: you guessed 10 s; it took 30.010 s, 3.0× more than you thought."
        );
        assert_eq!(
            guess_verdict(Lang::Ru, &sequential, Duration::ZERO),
            "По очереди: вы предполагали 0 с, заняло 30.010 с — больше."
        );

        // Stopped, or hidden while it ran: the prediction is what counts.
        let stopped = run(
            Mode::Concurrent,
            crate::recording::Report::Began(Duration::ZERO),
        );
        assert_eq!(
            guess_verdict(Lang::En, &stopped, secs(1)),
            "All at once: you guessed 1 s; the page predicts 1.000 s, spot on."
        );
        let mut hidden = finished(Mode::Concurrent, 9000);
        hidden.record([crate::recording::Report::Distorted(Distortion::Hidden)]);
        assert_eq!(
            guess_verdict(Lang::Ru, &hidden, secs(2)),
            "Все сразу: вы предполагали 2 с, прогноз страницы 1.000 с — в 2.0 раза меньше."
        );
    }

    #[test]
    fn a_distorted_run_is_explained_with_its_prediction_in_both_languages() {
        let scenario = Rc::new(crate::scenario::Scenario::uniform(
            3,
            Duration::from_secs(1),
        ));
        let prediction = Rc::new(crate::simulate::predict(&scenario, Mode::Concurrent));
        let mut recording = Recording::new(Mode::Concurrent, scenario, prediction);
        recording.record([crate::recording::Report::Finished(Duration::from_millis(
            2500,
        ))]);
        assert_eq!(
            distortion_summary(Lang::En, &recording, Distortion::Hidden),
            "All at once: distorted. The page was hidden during the run, and browsers slow the \
             timers of hidden pages, so the measured 2.500 s is not the program's own time. The \
             prediction, 1.000 s, stands; run again with the page in view."
        );
        let ru = distortion_summary(Lang::Ru, &recording, Distortion::Throttled);
        assert!(
            ru.starts_with("Все сразу: искажено. Во время запуска браузер"),
            "{ru}"
        );
        assert!(
            ru.contains("измеренные 2.500 с") && ru.contains("Прогноз, 1.000 с"),
            "{ru}"
        );
    }

    #[test]
    fn named_tasks_keep_their_number() {
        assert_eq!(
            log_finished(Lang::En, 2, "boil", Outcome::Done),
            "Long operation № 2 (boil) finished"
        );
    }

    #[test]
    fn russian_numbers_agree_with_their_noun() {
        assert_eq!(log_completed(Lang::Ru, 1), "Выполнена 1 операция.");
        assert_eq!(log_completed(Lang::Ru, 3), "Выполнено 3 операции.");
        assert_eq!(log_completed(Lang::Ru, 11), "Выполнено 11 операций.");
        assert_eq!(log_completed(Lang::Ru, 21), "Выполнена 21 операция.");
        assert_eq!(log_completed(Lang::Ru, 112), "Выполнено 112 операций.");
        assert_eq!(task_count(Lang::Ru, 30), "30 задач");
        assert_eq!(task_count(Lang::Ru, 2), "2 задачи");
        assert_eq!(task_count(Lang::En, 1), "1 task");
        for (n, chunks) in [
            (1, "чанк"),
            (3, "чанка"),
            (4, "чанка"),
            (5, "чанков"),
            (11, "чанков"),
            (21, "чанк"),
            (22, "чанка"),
            (112, "чанков"),
        ] {
            assert_eq!(
                log_most_held(Lang::Ru, n),
                format!("Больше всего в памяти: {n} {chunks} по 64 МБ")
            );
        }
        assert_eq!(
            log_most_held(Lang::En, 1),
            "Most held in memory: 1 chunk of 64 MB"
        );
        assert_eq!(log_completed(Lang::En, 1), "Completed 1 operation.");
        assert_eq!(log_completed(Lang::En, 0), "Completed 0 operations.");
        assert_eq!(log_hidden(Lang::Ru, 21), "… ещё 21 строка выше не показана");
        assert_eq!(log_hidden(Lang::Ru, 2), "… ещё 2 строки выше не показаны");
        assert_eq!(log_hidden(Lang::En, 1), "… 1 earlier line not shown");
    }

    #[test]
    fn counts_group_their_digits_as_each_language_does() {
        assert_eq!(task_count(Lang::En, 100_000), "100,000 tasks");
        assert_eq!(task_count(Lang::Ru, 100_000), "100\u{a0}000 задач");
        assert_eq!(task_count(Lang::Ru, 1_021), "1\u{a0}021 задача");
        assert_eq!(group_digits(Lang::En, 999), "999");
        assert_eq!(group_digits(Lang::En, 1_000_000), "1,000,000");
        // The log repeats the program's own output, which does not group.
        assert_eq!(
            log_completed(Lang::En, 100_000),
            "Completed 100000 operations."
        );
    }

    #[test]
    fn a_scenario_fits_on_one_line() {
        let read = |link| crate::link::read(link).shared.scenario;
        assert_eq!(
            scenario_summary(Lang::En, &read("tasks=1,3,10")),
            "3 tasks: 1 s, 3 s, 10 s"
        );
        assert_eq!(
            scenario_summary(Lang::Ru, &read("tasks=30x1")),
            "30 задач: 30 × 1 с"
        );
        assert_eq!(
            scenario_summary(Lang::En, &read("tasks=boil:3,1,2,3,4,5,6,7")),
            "8 tasks: boil 3 s, 1 s, 2 s, 3 s, 4 s, 5 s, …"
        );
    }

    #[test]
    fn link_problems_say_what_was_used_instead() {
        let text = link_problem(Lang::En, &Problem::NoTasks);
        assert!(
            text.contains("showing the course's first example"),
            "{text}"
        );
        let text = link_problem(
            Lang::Ru,
            &Problem::BadTask {
                item: 2,
                text: "abc".into(),
                reason: TaskProblem::Steps(StepsError::Step {
                    index: 0,
                    reason: DurationError::NotANumber,
                }),
            },
        );
        assert_eq!(
            text,
            "Задача 2 «abc» пропущена. Шаг 1 — Это не число: укажите секунды, например 1 или 0,5."
        );
        let text = link_problem(Lang::En, &Problem::TooManyTasks);
        assert_eq!(
            text,
            "The link has more than 100,000 tasks; the first 100,000 are used."
        );
    }

    #[test]
    fn a_summary_says_what_the_run_shows() {
        use crate::recording::Report;
        use crate::scenario::{parse_steps, Scenario, Task};
        use std::rc::Rc;
        let finished = |scenario: Scenario, mode: Mode, extra: &[Report]| {
            let prediction = Rc::new(crate::simulate::predict(&scenario, mode));
            let mut recording = Recording::new(mode, Rc::new(scenario), prediction.clone());
            recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
            recording.record(extra.iter().copied());
            recording.record([Report::Finished(prediction.total)]);
            recording
        };
        let plain = finished(
            Scenario::uniform(30, Duration::from_secs(1)),
            Mode::Concurrent,
            &[],
        );
        assert_eq!(
            run_summary(Lang::En, &plain).unwrap(),
            "30 tasks all at once took 1.000 s, a little over the longest task (1 s): \
             while one waits, the event loop starts the others."
        );
        let task = |steps: &str| Task::named("", parse_steps(steps).unwrap());
        let blocking = Scenario::of(vec![task("1"), task("c2")]);
        let text = run_summary(Lang::En, &finished(blocking, Mode::Concurrent, &[])).unwrap();
        assert_eq!(
            text,
            "2 tasks all at once took 2.000 s; predicted 2.000 s. While a task computed on the \
             event loop's thread nothing else ran, not the other tasks, not even the page."
        );
        let timing_out = Scenario {
            timeout: Some(Duration::from_millis(500)),
            ..Scenario::of(vec![task("1"), task("0.2")])
        };
        let text = run_summary(Lang::Ru, &finished(timing_out, Mode::Sequential, &[])).unwrap();
        assert_eq!(
            text,
            "2 задачи по очереди заняли 0.700 с, прогноз — 0.700 с. Отменено по тайм-ауту: 1."
        );
        let cancelled = finished(
            Scenario::uniform(2, Duration::from_secs(1)),
            Mode::Concurrent,
            &[Report::Event(RunEvent::Finished {
                task: 0,
                at: Duration::from_millis(300),
                outcome: Outcome::Cancelled,
            })],
        );
        assert!(run_summary(Lang::En, &cancelled)
            .unwrap()
            .ends_with("Cancelled: 1."));
    }

    #[test]
    fn the_browser_language_picks_russian_or_english() {
        assert_eq!(Lang::from_tag("ru"), Lang::Ru);
        assert_eq!(Lang::from_tag("ru-RU"), Lang::Ru);
        assert_eq!(Lang::from_tag("RU_ru"), Lang::Ru);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("rus"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn the_scale_note_converts_a_millisecond() {
        assert!(scale_note(Lang::En, 100).contains("counts as 0.1 s of scenario time"));
        assert!(scale_note(Lang::Ru, 10).contains("в 0.01 с времени сценария"));
    }

    #[test]
    fn summaries_state_the_measured_figure() {
        let text = concurrent_summary(
            Lang::En,
            30,
            Duration::from_secs(1),
            Duration::from_millis(1002),
        );
        assert!(
            text.starts_with("30 tasks all at once took 1.002 s"),
            "{text}"
        );
    }

    /// A finished run of the course's example, measured at `took`.
    fn course_run(mode: Mode, took: Duration) -> Recording {
        let scenario = std::rc::Rc::new(crate::presets::Preset::CourseFirstExample.scenario());
        let prediction = std::rc::Rc::new(crate::simulate::predict(&scenario, mode));
        let mut recording = Recording::new(mode, scenario, prediction.clone());
        let events = prediction
            .events
            .iter()
            .map(|&e| crate::recording::Report::Event(e));
        recording.record(events.chain([crate::recording::Report::Finished(took)]));
        recording
    }

    /// What happened to the tasks is a fact of the run, said even when its
    /// timing is not to be trusted.
    #[test]
    fn a_distorted_run_still_counts_its_cancels() {
        use crate::recording::{Report, RunEvent};
        let scenario = std::rc::Rc::new(
            crate::link::read("#tasks=3+!1,2x0.5")
                .shared
                .scenario
                .as_ref()
                .clone(),
        );
        let prediction = std::rc::Rc::new(crate::simulate::predict(&scenario, Mode::Concurrent));
        let mut recording = Recording::new(Mode::Concurrent, scenario, prediction.clone());
        recording.record(prediction.events.iter().map(|&e| Report::Event(e)));
        recording.record([Report::Finished(Duration::from_millis(1169))]);
        assert!(prediction.events.iter().any(|e| matches!(
            e,
            RunEvent::Finished {
                outcome: Outcome::Cancelled,
                ..
            }
        )));
        assert_eq!(recording.distortion(), Some(Distortion::Late));
        let text = distortion_summary(Lang::En, &recording, Distortion::Late);
        assert!(text.ends_with("(×1). Cancelled: 1."), "{text}");
    }

    /// Measured at ×100 on a busy machine: 2.87 s for 1 s all at once,
    /// 34.9 s for 30 s one after another. Nothing says "a little over the
    /// longest task" of them: they are marked, and the words follow the
    /// figures.
    #[test]
    fn no_sentence_contradicts_its_figures() {
        let ms = Duration::from_millis;
        for (mode, took) in [(Mode::Concurrent, ms(2870)), (Mode::Sequential, ms(34_900))] {
            let recording = course_run(mode, took);
            assert_eq!(recording.distortion(), Some(Distortion::Late), "{mode}");
            let summary = run_summary(Lang::Ru, &recording).unwrap();
            assert!(
                !summary.contains("немногим больше") && !summary.contains("сумму всех"),
                "{summary}"
            );
            assert!(summary.contains(&seconds_3(took)), "{summary}");
            let why = distortion_summary(Lang::Ru, &recording, Distortion::Late);
            assert!(
                why.contains("Таймеры браузера опаздывали") && why.contains("(×1)"),
                "{why}"
            );
        }
        for (mode, took, words) in [
            (
                Mode::Concurrent,
                ms(1_090),
                "немногим больше самой долгой задачи",
            ),
            (Mode::Sequential, ms(30_400), "сумму всех длительностей"),
        ] {
            let recording = course_run(mode, took);
            assert_eq!(recording.distortion(), None, "{mode}");
            assert!(run_summary(Lang::Ru, &recording).unwrap().contains(words));
        }
    }
}

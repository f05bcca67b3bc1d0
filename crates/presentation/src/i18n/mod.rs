//! Every word the page shows, in Russian and English, by what it words:
//! the page's fixed texts ([`Text`], here); numbers, durations and the
//! forms nouns take after them ([`numbers`]); what a run or a scenario
//! comes to ([`summaries`]); what cannot be read or run ([`errors`]); what a
//! link carried that could not be used ([`link_problems`]); the course's
//! presets ([`presets`]). A run's log is [`crate::log`].
//!
//! Each entry holds both languages in one place, so the compiler refuses a
//! string that exists in only one.

pub mod errors;
pub mod link_problems;
pub mod numbers;
pub mod presets;
pub mod python;
pub mod summaries;

use model::lang::Lang;

/// A language's own name, for the switch.
pub fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Русский",
        Lang::En => "English",
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
    Python,
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
            Text::Python => ("Run it in Python: CPython in the page", "Запустить в Python: CPython в странице"),
        };
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

//! The Python panel's words (the crate `python-panel`, loaded when the
//! panel opens): kept apart from [`super::Text`] so the page's first load
//! carries none of them. The page's own, the panel's button, is
//! [`super::Text::Python`].

use model::fixed::Fixed;
use model::lang::Lang;

/// A fixed piece of the panel's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    About,
    Notices,
    Loading,
    Cancel,
    Program,
    Run,
    LoadAndRun,
    Stop,
    Ready,
    Running,
    Done,
    Failed,
    Stopped,
    Deadlock,
    NoStart,
    Output,
    Took,
    Computed,
    Tasks,
    Raised,
    CopyLink,
    LinkTooLong,
    FromLink,
    LinkUnreadable,
    Row,
    Differs,
    Distorted,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (en, ru) = match self {
            Text::About => (
                "Your asyncio program, run by CPython's own event loop in this page, offline once loaded. \
                 There are no threads here: run_in_executor and to_thread count the time.sleep in their work \
                 without sleeping it, and the panel says when their work computes on the loop's thread.",
                "Ваша программа на asyncio — в собственном цикле событий CPython, прямо в странице, после загрузки без сети. \
                 Потоков здесь нет: в run_in_executor и to_thread time.sleep засчитывается без ожидания, \
                 а если работа в них вычисляет в потоке цикла событий, панель об этом скажет.",
            ),
            Text::Notices => ("Licences", "Лицензии"),
            Text::Loading => ("Downloading CPython", "Загружается CPython"),
            Text::Cancel => ("Cancel", "Отменить"),
            Text::Program => ("Program", "Программа"),
            Text::Run => ("Run in Python", "Запустить в Python"),
            Text::LoadAndRun => ("Download CPython (6 MB) and run", "Загрузить CPython (6 МБ) и запустить"),
            Text::Stop => ("Stop", "Остановить"),
            Text::Ready => ("Ready", "Готово к запуску"),
            Text::Running => ("Running…", "Выполняется…"),
            Text::Done => ("Finished.", "Завершена."),
            Text::Failed => ("It raised an exception:", "Программа выбросила исключение:"),
            Text::Stopped => ("Stopped.", "Остановлена."),
            Text::Deadlock => (
                "Stopped: every task waits for something nothing will ever set. CPython at home would hang here for ever.",
                "Остановлена: каждая задача ждёт того, чего уже никто не сделает. Дома CPython завис бы здесь навсегда.",
            ),
            Text::NoStart => ("CPython could not start:", "CPython не запустился:"),
            Text::Output => ("Output", "Вывод"),
            Text::Took => ("Took", "Заняла"),
            Text::Computed => (
                "computed on the loop's thread and blocked it (CPython would compute it on a thread of its pool), s:",
                "вычислялась в потоке цикла событий и блокировала его (в CPython — в потоке пула), с:",
            ),
            Text::Tasks => ("The program's tasks", "Задачи программы"),
            Text::Raised => ("raised", "исключение"),
            Text::CopyLink => ("Copy a link with this program", "Скопировать ссылку с этой программой"),
            Text::LinkTooLong => (
                "This program is too long for a link; nothing was copied. Shorten it, or share it as a file.",
                "Программа слишком длинная для ссылки, ничего не скопировано. Сократите её или поделитесь файлом.",
            ),
            Text::FromLink => ("This program came with the link.", "Эта программа пришла со ссылкой."),
            Text::LinkUnreadable => (
                "The program in the link could not be read; here is the scenario's program instead.",
                "Программу из ссылки не удалось прочитать; вместо неё — программа сценария.",
            ),

            Text::Row => ("CPython in the page", "CPython в странице"),
            Text::Differs => ("differs from the prediction", "расходится с прогнозом"),
            Text::Distorted => (
                "late at this speed, where CPython's own milliseconds weigh more: compare at SCALE = 1",
                "опоздала на этой скорости, где собственные миллисекунды CPython весят больше: сравнивайте при SCALE = 1",
            ),
        };
        match lang {
            Lang::En => en,
            Lang::Ru => ru,
        }
    }
}

/// How much of a download has arrived: "3.2 of 13.5 MB (24 %)".
pub fn download(lang: Lang, loaded: u64, total: u64) -> String {
    let megabytes = |bytes: u64| {
        let text = Fixed(bytes as f64 / 1e6, 1).to_string();
        match lang {
            Lang::Ru => text.replace('.', ","),
            Lang::En => text,
        }
    };
    let percent = (loaded.min(total) * 100).checked_div(total).unwrap_or(0);
    match lang {
        Lang::Ru => format!(
            "{} из {} МБ ({percent} %)",
            megabytes(loaded),
            megabytes(total)
        ),
        Lang::En => format!(
            "{} of {} MB ({percent} %)",
            megabytes(loaded),
            megabytes(total)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_download_is_said_in_megabytes_and_percent() {
        assert_eq!(
            download(Lang::En, 3_240_000, 13_513_276),
            "3.2 of 13.5 MB (23 %)"
        );
        assert_eq!(
            download(Lang::Ru, 3_240_000, 13_513_276),
            "3,2 из 13,5 МБ (23 %)"
        );
        // Before the size is known, and past it.
        assert_eq!(download(Lang::En, 0, 0), "0.0 of 0.0 MB (0 %)");
        assert_eq!(download(Lang::En, 20, 10), "0.0 of 0.0 MB (100 %)");
    }
}

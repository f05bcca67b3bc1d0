//! The course's presets, said: each one's title, and what it shows in a
//! few sentences drawn from the lesson it illustrates.

use model::lang::Lang;
use model::presets::Preset;

/// Its title on the page.
pub fn title(preset: Preset, lang: Lang) -> &'static str {
    texts(preset, lang).0
}

/// What it shows, in a few sentences.
pub fn about(preset: Preset, lang: Lang) -> &'static str {
    texts(preset, lang).1
}

fn texts(preset: Preset, lang: Lang) -> (&'static str, &'static str) {
    let [en, ru] = match preset {
        Preset::CourseFirstExample => [
            (
                "30 tasks of 1 s (the course's first example)",
                "Thirty tasks each await asyncio.sleep(1). One after another they take 30 s; \
                 with asyncio.gather they take a little over 1 s: while one waits, the event \
                 loop starts the others.",
            ),
            (
                "30 задач по 1 с (первый пример курса)",
                "Тридцать задач, каждая ждёт asyncio.sleep(1). По очереди — 30 с, через \
                 asyncio.gather — чуть больше 1 с: пока одна ждёт, цикл событий запускает \
                 остальные.",
            ),
        ],
        Preset::LongestWins => [
            (
                "1 s, 3 s, 10 s: the longest task decides",
                "Run together, tasks take as long as the longest of them: 10 s, not 14 s. \
                 Async shortens the total, not each operation.",
            ),
            (
                "1 с, 3 с, 10 с: решает самая долгая задача",
                "Вместе задачи занимают столько, сколько самая долгая из них: 10 с, а не 14 с. \
                 Асинхронность сокращает общее время, а не каждую операцию.",
            ),
        ],
        Preset::CoffeeMachine => [
            (
                "The coffee machine: one step at a time",
                "Read one step of the manual (a little work), do it, and while the machine \
                 heats or brews (a wait) switch to the toast or the mail. Synchronously you \
                 would finish the coffee before anything else.",
            ),
            (
                "Кофемашина: по одному пункту",
                "Прочитали один пункт инструкции (немного работы), выполнили его — и пока \
                 машина греет или варит (ожидание), переключились на тосты или почту. \
                 Синхронно вы сначала доделали бы кофе и только потом взялись за остальное.",
            ),
        ],
        Preset::Party => [
            (
                "The party: switch while the water boils",
                "Cooking, drinks, music and greeting guests. Start the cooking, and while the \
                 water boils make the drinks, put the music on and greet the guests as they \
                 come. Only the hands-on parts (work) cannot overlap.",
            ),
            (
                "Вечеринка: переключаемся, пока закипает вода",
                "Готовка, напитки, музыка и гости. Поставили воду — и пока она закипает, \
                 готовим напитки, включаем музыку и встречаем гостей. Не пересекаются только \
                 дела, которые требуют рук (работа).",
            ),
        ],
        Preset::FileHosting => [
            (
                "File hosting: a 40 GB film and small files",
                "Uploads arrive in chunks; each chunk is written to disk as it comes, so the \
                 memory lane never holds more than a chunk per upload, whatever the size. \
                 Served one at a time, everyone waits for the film; served concurrently, the \
                 small files are done in about a second.",
            ),
            (
                "Файловый хостинг: фильм на 40 ГБ и маленькие файлы",
                "Файлы приходят по кусочкам (чанкам), и каждый чанк сразу пишется на диск — \
                 в памяти не больше чанка на загрузку, каков бы ни был файл. По очереди все \
                 ждут, пока загрузится фильм; конкурентно маленькие файлы готовы примерно за \
                 секунду.",
            ),
        ],
        Preset::FileHostingBuffered => [
            (
                "File hosting that buffers whole files",
                "The same uploads, but the server keeps each file in memory until all of it \
                 has arrived, and only then writes it. The memory lane climbs to the whole \
                 film, 16 chunks; the streaming server never held more than one per upload.",
            ),
            (
                "Файловый хостинг, который копит файлы целиком",
                "Те же загрузки, но сервер держит каждый файл в памяти, пока тот не придёт \
                 целиком, и только потом пишет его на диск. Память растёт до всего фильма — \
                 16 чанков; потоковый сервер держал не больше одного на загрузку.",
            ),
        ],
        Preset::WebServer => [
            (
                "A web server: requests keep arriving",
                "Ten requests arrive 0.3 s apart. Each is parsed (work), waits for the \
                 database (a wait) and is rendered (work). Handled one at a time, they queue \
                 up and the last waits 3.3 s for its answer; handled concurrently, every \
                 answer takes about 0.6 s.",
            ),
            (
                "Веб-сервер: запросы идут один за другим",
                "Десять запросов приходят с интервалом 0,3 с. Каждый разбирается (работа), \
                 ждёт ответа базы данных (ожидание) и формирует ответ (работа). По очереди \
                 запросы копятся, и последний ждёт ответа 3,3 с; конкурентно каждый ответ \
                 занимает около 0,6 с.",
            ),
        ],
        Preset::ApiLimit => [
            (
                "API requests under a limit of 5",
                "Twenty requests of 1 s to a service that allows five connections at once \
                 (asyncio.Semaphore(5)): they go in four waves and take 4 s, not 1 s or 20 s.",
            ),
            (
                "Запросы к API с ограничением 5",
                "Двадцать запросов по 1 с к сервису, который разрешает пять соединений \
                 одновременно (asyncio.Semaphore(5)): они идут четырьмя волнами и занимают \
                 4 с — не 1 с и не 20 с.",
            ),
        ],
        Preset::CpuHeavy => [
            (
                "A CPU-heavy task blocks everyone",
                "One task computes for 3 s in the event loop's own thread. Until it is done no \
                 other task runs, and the page itself freezes: every call must be async, or \
                 it blocks the loop.",
            ),
            (
                "Тяжёлая задача блокирует всех",
                "Одна задача 3 с считает в потоке цикла событий. Пока она не закончит, \
                 остальные задачи стоят, и сама страница замирает: весь код должен быть \
                 асинхронным, иначе он блокирует цикл.",
            ),
        ],
        Preset::CpuOffloaded => [
            (
                "…fixed with run_in_executor",
                "The same 3 s of computing, sent to a worker with loop.run_in_executor and \
                 awaited. The loop stays free: the requests finish on time and the page keeps \
                 moving.",
            ),
            (
                "…исправлено через run_in_executor",
                "Те же 3 с вычислений отправлены в отдельный поток через \
                 loop.run_in_executor и ожидаются. Цикл свободен: запросы завершаются вовремя, \
                 а страница не замирает.",
            ),
        ],
    };
    match lang {
        Lang::En => en,
        Lang::Ru => ru,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_said_in_both_languages() {
        for preset in Preset::ALL {
            for lang in Lang::ALL {
                assert!(!title(preset, lang).is_empty() && about(preset, lang).len() > 40);
            }
            assert_ne!(about(preset, Lang::Ru), about(preset, Lang::En));
        }
    }
}

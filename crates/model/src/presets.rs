//! Ready scenarios taken from the course. Their titles and explanations
//! are the presentation's (`presentation::i18n::presets`).

use std::time::Duration;

use crate::lang::Lang;
use crate::scenario::{format_seconds, parse_task, Scenario, Task};

/// A scenario the page offers ready-made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The course's first example: 30 tasks that each sleep 1 s, which
    /// `asyncio.gather` finishes in a little over 1 s.
    CourseFirstExample,
    /// Tasks of 1 s, 3 s and 10 s: together they take as long as the
    /// longest, 10 s.
    LongestWins,
    /// The coffee machine: read one step of the manual, do it, and switch
    /// to something else while the machine works.
    CoffeeMachine,
    /// The party: cooking, drinks, music and guests, switching while the
    /// water boils.
    Party,
    /// A file-hosting service: uploads arrive in chunks, each written as
    /// it comes, and a 40 GB film does not hold up the small files.
    FileHosting,
    /// The same uploads, each held in memory until all of it has arrived.
    FileHostingBuffered,
    /// A web server answering ten requests that arrive 0.3 s apart.
    WebServer,
    /// Twenty API requests through a service that allows five at once.
    ApiLimit,
    /// One CPU-heavy task among waiting ones blocks the loop.
    CpuHeavy,
    /// The same CPU-heavy work sent to a worker: the loop runs on.
    CpuOffloaded,
}

impl Preset {
    /// Every preset, in the order the page lists them.
    pub const ALL: [Preset; 10] = [
        Preset::CourseFirstExample,
        Preset::LongestWins,
        Preset::CoffeeMachine,
        Preset::Party,
        Preset::FileHosting,
        Preset::FileHostingBuffered,
        Preset::WebServer,
        Preset::ApiLimit,
        Preset::CpuHeavy,
        Preset::CpuOffloaded,
    ];

    /// The preset's scenario, its tasks named in English.
    pub fn scenario(self) -> Scenario {
        self.scenario_in(Lang::En)
    }

    /// The preset's scenario, its tasks named in `lang` (file names, web
    /// addresses and API names are the same in both).
    pub fn scenario_in(self, lang: Lang) -> Scenario {
        let task = |name: &str, text: &str| {
            let name = match lang {
                Lang::En => name.to_owned(),
                Lang::Ru => russian_name(name),
            };
            // Not `expect`: its message would print the error with `Debug`,
            // which costs the page's download more than it could ever say.
            let Ok(task) = parse_task(text) else {
                unreachable!("a preset's steps are valid")
            };
            Task { name, ..task }
        };
        match self {
            Preset::CourseFirstExample => Scenario::uniform(30, Duration::from_secs(1)),
            Preset::LongestWins => Scenario::of(
                [1, 3, 10]
                    .into_iter()
                    .map(|s| Task::unnamed(Duration::from_secs(s)))
                    .collect(),
            ),
            Preset::CoffeeMachine => Scenario::of(vec![
                task("coffee", "c0.2+2+c0.2+3+c0.2+1"),
                task("toast", "c0.2+2+c0.2+1"),
                task("mail", "c0.3+1.5+c0.3"),
            ]),
            Preset::Party => Scenario::of(vec![
                task("cooking", "c0.5+4+c1"),
                task("drinks", "c0.5+1+c0.5"),
                task("music", "c0.3+0.5"),
                task("guests", "1+c0.2+1+c0.2+1+c0.2"),
            ]),
            Preset::FileHosting | Preset::FileHostingBuffered => {
                // A chunk arrives (0.5 s of network) and is written (0.1 s of
                // disk): sixteen chunks for the film, one or two for the rest.
                // Streaming writes each as it comes; buffering receives them
                // all, then writes them all.
                let upload = |chunks: usize, receive: &str| {
                    let (received, written) = (format!("r{receive}"), "w0.1");
                    if self == Preset::FileHosting {
                        vec![format!("{received}+{written}"); chunks].join("+")
                    } else {
                        let mut steps = vec![received; chunks];
                        steps.extend(vec![written.to_owned(); chunks]);
                        steps.join("+")
                    }
                };
                Scenario::of(vec![
                    task("film-4k-40GB.mkv", &upload(16, "0.5")),
                    task("report.pdf", &upload(1, "0.5")),
                    task("photo.jpg", &upload(2, "0.5")),
                    task("notes.txt", &upload(1, "0.3")),
                    task("song.mp3", &upload(2, "0.5")),
                ])
            }
            Preset::WebServer => Scenario::of(
                (0..10)
                    .map(|n| {
                        let arrival = format_seconds(Duration::from_millis(300 * n));
                        let steps = if n == 0 {
                            "c0.05+0.5+c0.05".to_owned()
                        } else {
                            format!("@{arrival}+c0.05+0.5+c0.05")
                        };
                        task(&format!("GET /page/{}", n + 1), &steps)
                    })
                    .collect(),
            ),
            Preset::ApiLimit => Scenario {
                limit: Some(5),
                ..Scenario::of((1..=20).map(|n| task(&format!("api-{n}"), "1")).collect())
            },
            Preset::CpuHeavy | Preset::CpuOffloaded => {
                let heavy = if self == Preset::CpuHeavy { "c3" } else { "o3" };
                let mut tasks: Vec<Task> = (1..=5)
                    .map(|n| task(&format!("request-{n}"), "0.5+0.5"))
                    .collect();
                tasks.insert(1, task("report", heavy));
                Scenario::of(tasks)
            }
        }
    }

    /// The preset whose scenario this is, if any: a link to a preset
    /// shows its explanation too. Only a preset with as many tasks is
    /// built to be compared: a link's scenario of 1,000 tasks is told from
    /// every preset without building one, which cut the page's first render
    /// of `#tasks=1000x1` from 71 ms to 55 ms (median of 15 loads each).
    pub fn matching(scenario: &Scenario) -> Option<Preset> {
        Preset::ALL.into_iter().find(|preset| {
            preset.task_count() == scenario.tasks.len()
                && Lang::ALL
                    .iter()
                    .any(|&lang| preset.scenario_in(lang) == *scenario)
        })
    }

    /// How many tasks the preset's scenario has, in either language,
    /// without building it.
    fn task_count(self) -> usize {
        match self {
            Preset::CourseFirstExample => 30,
            Preset::LongestWins | Preset::CoffeeMachine => 3,
            Preset::Party => 4,
            Preset::FileHosting | Preset::FileHostingBuffered => 5,
            Preset::WebServer => 10,
            Preset::ApiLimit => 20,
            Preset::CpuHeavy | Preset::CpuOffloaded => 6,
        }
    }

    /// The same scenario with its tasks named in `lang`, if `scenario` is
    /// this preset as loaded in another language; `None` otherwise.
    pub fn renamed(scenario: &Scenario, lang: Lang) -> Option<Scenario> {
        let preset = Preset::matching(scenario)?;
        let renamed = preset.scenario_in(lang);
        (renamed != *scenario).then_some(renamed)
    }

    /// A stable name for test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Preset::CourseFirstExample => "course",
            Preset::LongestWins => "longest",
            Preset::CoffeeMachine => "coffee",
            Preset::Party => "party",
            Preset::FileHosting => "file-hosting",
            Preset::FileHostingBuffered => "file-hosting-buffered",
            Preset::WebServer => "web-server",
            Preset::ApiLimit => "api-limit",
            Preset::CpuHeavy => "cpu-heavy",
            Preset::CpuOffloaded => "cpu-offloaded",
        }
    }
}

/// A preset task's English name in Russian: the course's words for the
/// coffee machine, the party and the requests; file names and addresses
/// stay as they are.
fn russian_name(name: &str) -> String {
    let word = match name {
        "coffee" => "кофе",
        "toast" => "тост",
        "mail" => "почта",
        "cooking" => "готовка",
        "drinks" => "напитки",
        "music" => "музыка",
        "guests" => "гости",
        "report" => "отчёт",
        _ => match name.strip_prefix("request-") {
            Some(number) => return format!("запрос-{number}"),
            None => name,
        },
    };
    word.to_owned()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::events::{Outcome, RunEvent};
    use crate::scenario::Mode;
    use crate::simulate::predict;

    fn totals(preset: Preset) -> (f64, f64) {
        let scenario = preset.scenario();
        (
            predict(&scenario, Mode::Sequential).total.as_secs_f64(),
            predict(&scenario, Mode::Concurrent).total.as_secs_f64(),
        )
    }

    #[test]
    fn a_preset_says_how_many_tasks_it_has_in_either_language() {
        for preset in Preset::ALL {
            for lang in Lang::ALL {
                assert_eq!(
                    preset.task_count(),
                    preset.scenario_in(lang).tasks.len(),
                    "{preset:?} in {lang:?}"
                );
            }
        }
    }

    #[test]
    fn every_preset_is_found_by_its_scenario_in_either_language() {
        for preset in Preset::ALL {
            assert_eq!(Preset::matching(&preset.scenario()), Some(preset));
            let russian = preset.scenario_in(Lang::Ru);
            assert_eq!(Preset::matching(&russian), Some(preset));
            assert_eq!(
                Preset::renamed(&russian, Lang::En).unwrap_or_else(|| russian.clone()),
                preset.scenario()
            );
        }
        assert_eq!(
            Preset::matching(&Scenario::uniform(2, Duration::from_secs(1))),
            None
        );
    }

    /// The explanations state figures; the simulator must agree with them.
    #[test]
    fn the_explanations_tell_the_truth() {
        assert_eq!(totals(Preset::CourseFirstExample), (30.0, 1.0));
        assert_eq!(totals(Preset::LongestWins), (14.0, 10.0));
        assert_eq!(totals(Preset::ApiLimit), (20.0, 4.0));
        // The web server's latencies: from arrival to answer.
        let scenario = Preset::WebServer.scenario();
        let latencies = |mode: Mode| -> Vec<f64> {
            predict(&scenario, mode)
                .events
                .iter()
                .filter_map(|e| match *e {
                    RunEvent::Finished { task, at, .. } => {
                        Some((at - scenario.tasks[task].arrival).as_secs_f64())
                    }
                    _ => None,
                })
                .collect()
        };
        let one_at_a_time = latencies(Mode::Sequential);
        assert!((one_at_a_time[9] - 3.3).abs() < 1e-9, "{one_at_a_time:?}");
        assert!(latencies(Mode::Concurrent)
            .iter()
            .all(|l| (0.6..0.7).contains(l)));

        // The small files finish within about a second only concurrently.
        let scenario = Preset::FileHosting.scenario();
        for (mode, small_files_by) in [(Mode::Concurrent, 1.2), (Mode::Sequential, 9.6)] {
            let prediction = predict(&scenario, mode);
            let last_small = prediction
                .events
                .iter()
                .filter_map(|e| match *e {
                    RunEvent::Finished { task, at, .. } if task > 0 => Some(at.as_secs_f64()),
                    _ => None,
                })
                .fold(0.0, f64::max);
            if mode == Mode::Concurrent {
                assert!(last_small <= small_files_by, "{last_small}");
            } else {
                assert!(last_small > small_files_by, "{last_small}");
            }
        }

        // Streaming holds a chunk per upload at most; buffering, the film.
        let most_held = |preset: Preset| {
            let scenario = preset.scenario();
            let events = predict(&scenario, Mode::Concurrent).events;
            crate::memory::peak(&crate::memory::held(&scenario, events))
        };
        assert!(most_held(Preset::FileHosting) <= 5);
        assert!(most_held(Preset::FileHostingBuffered) >= 16);

        // Work blocks: the requests wait for the report; offloaded, they do not.
        let (_, heavy) = totals(Preset::CpuHeavy);
        let (_, offloaded) = totals(Preset::CpuOffloaded);
        assert_eq!(offloaded, 3.0);
        let request_end = |preset: Preset| {
            predict(&preset.scenario(), Mode::Concurrent)
                .events
                .iter()
                .filter_map(|e| match *e {
                    RunEvent::Finished {
                        task: 0,
                        at,
                        outcome,
                    } => {
                        assert_eq!(outcome, Outcome::Done);
                        Some(at.as_secs_f64())
                    }
                    _ => None,
                })
                .next()
                .expect("the first request finishes")
        };
        assert_eq!(request_end(Preset::CpuOffloaded), 1.0);
        assert!(request_end(Preset::CpuHeavy) >= 3.5, "{heavy}");
    }

    #[test]
    fn task_names_follow_the_language() {
        let names = |preset: Preset, lang| -> Vec<String> {
            preset
                .scenario_in(lang)
                .tasks
                .into_iter()
                .map(|t| t.name)
                .collect()
        };
        assert_eq!(
            names(Preset::CoffeeMachine, Lang::Ru),
            ["кофе", "тост", "почта"]
        );
        assert_eq!(
            names(Preset::Party, Lang::Ru),
            ["готовка", "напитки", "музыка", "гости"]
        );
        assert_eq!(
            names(Preset::CpuHeavy, Lang::Ru)[..3],
            ["запрос-1", "отчёт", "запрос-2"]
        );
        assert_eq!(names(Preset::FileHosting, Lang::Ru)[0], "film-4k-40GB.mkv");
        // An edited preset is the learner's own: it is not renamed.
        let mut edited = Preset::CoffeeMachine.scenario();
        edited.tasks[0].name = "espresso".into();
        assert_eq!(Preset::renamed(&edited, Lang::Ru), None);
        assert_eq!(
            Preset::renamed(&Preset::CoffeeMachine.scenario(), Lang::En),
            None
        );
    }
}

use super::read::QUOTE_CHARS;
use super::*;
use crate::scenario::DurationError;
use crate::scenario::{Task, MAX_TASKS};
use proptest::prelude::*;
use std::time::Duration;

fn names(read: &Read) -> Vec<&str> {
    read.shared
        .scenario
        .tasks
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn durations(read: &Read) -> Vec<f64> {
    read.shared
        .scenario
        .tasks
        .iter()
        .map(|t| t.duration().as_secs_f64())
        .collect()
}

#[test]
fn reads_the_forms_a_course_author_writes() {
    let read = read("#tasks=1,3,10");
    assert_eq!(read.problems, []);
    assert_eq!(durations(&read), [1.0, 3.0, 10.0]);

    let read = super::read("#tasks=30x1");
    assert_eq!(
        *read.shared.scenario,
        Scenario::uniform(30, Duration::from_secs(1))
    );

    let read = super::read("#tasks=10x0.5,3,2x1.5");
    let mut expected = vec![0.5; 10];
    expected.extend([3.0, 1.5, 1.5]);
    assert_eq!(durations(&read), expected);

    let read = super::read("#tasks=boil:3,toast:2");
    assert_eq!(names(&read), ["boil", "toast"]);

    let read = super::read("?tasks=%D1%87%D0%B0%D0%B9:2&mode=sequential&scale=10&lang=ru&embed=1");
    assert_eq!(read.problems, []);
    assert!(!read.shared.guess, "no guess unless asked for");
    assert_eq!(read.shared.scenario.tasks[0].name, "чай");
    assert_eq!(read.shared.mode, RunChoice::Sequential);
    assert_eq!(read.shared.scale, Scale::X10);
    assert_eq!(read.shared.lang, Some(Lang::Ru));
    assert!(read.shared.embed);

    let read = super::read("#tasks=30x1&guess=1");
    assert_eq!(read.problems, []);
    assert!(read.shared.guess);
    assert!(!read.shared.embed);
}

fn one_of(key: &'static str, value: &str, values: &'static [&'static str]) -> Problem {
    Problem::BadValue {
        key,
        value: value.into(),
        reason: ValueProblem::NotOneOf(values),
    }
}

#[test]
fn reads_what_an_author_reasonably_types() {
    let thirty = Scenario::uniform(30, Duration::from_secs(1));
    // Spaces, typed or encoded by the browser, and every way of
    // writing "times": Latin x in either case, Cyrillic х, ×, *.
    for link in [
        "#tasks=30x1",
        "#tasks=30X1",
        "#tasks=30х1",
        "#tasks=30Х1",
        "#tasks=30×1",
        "#tasks=30%C3%971",
        "#tasks=30*1",
        "#tasks=30 x 1",
        "#tasks=30%20x%201",
        "#tasks=%2030x1%20",
        "#TASKS=30x1",
    ] {
        let read = read(link);
        assert_eq!(read.problems, [], "{link}");
        assert_eq!(*read.shared.scenario, thirty, "{link}");
    }
    for link in [
        "#tasks=1, 3, 10",
        "#tasks=1,%203,%2010",
        "#tasks= 1 ,3 ,10 ",
    ] {
        let read = read(link);
        assert_eq!(read.problems, [], "{link}");
        assert_eq!(durations(&read), [1.0, 3.0, 10.0], "{link}");
    }
    let read = super::read("#tasks=1+с0.5+о2,2с&lang=RU&mode=Compare&scale=%2010&limit= 3 ");
    assert_eq!(read.problems, []);
    assert_eq!(
        read.shared.scenario.tasks[0].steps,
        crate::scenario::parse_steps("1+c0.5+o2").unwrap()
    );
    assert_eq!(durations(&read)[1], 2.0);
    assert_eq!(read.shared.lang, Some(Lang::Ru));
    assert_eq!(read.shared.mode, RunChoice::Compare);
    assert_eq!(read.shared.scale, Scale::X10);
    assert_eq!(read.shared.scenario.limit, Some(3));
    // A name keeps its own x, colon and spaces.
    let read = super::read("#tasks=Box%20x:2x1");
    assert_eq!(names(&read), ["Box x", "Box x"]);
}

#[test]
fn what_cannot_be_read_is_said_with_the_rule() {
    let read = read("#tasks=1e9,2.5x1,30x&limit=-1&timeout=1e9&scale=fast");
    assert_eq!(
        read.problems,
        [
            Problem::BadTask {
                item: 1,
                text: "1e9".into(),
                reason: TaskProblem::Steps(StepsError::Step {
                    index: 0,
                    reason: DurationError::TooLong
                }),
            },
            Problem::BadTask {
                item: 2,
                text: "2.5x1".into(),
                reason: TaskProblem::BadCount,
            },
            Problem::BadTask {
                item: 3,
                text: "30x".into(),
                reason: TaskProblem::Steps(StepsError::Empty),
            },
            Problem::NoTasks,
            Problem::BadValue {
                key: "limit",
                value: "-1".into(),
                reason: ValueProblem::Limit(CountError::BelowOne)
            },
            Problem::BadValue {
                key: "timeout",
                value: "1e9".into(),
                reason: ValueProblem::Timeout(DurationError::TooLong)
            },
            one_of("scale", "fast", &["1", "10", "100"]),
        ]
    );
}

#[test]
fn a_program_travels_as_written_for_the_panel_to_read() {
    let value = program::encode("import asyncio\nprint('Привет')\n").unwrap();
    let read = super::read(&format!("#tasks=1&py={value}"));
    assert_eq!(read.problems, []);
    assert_eq!(read.shared.program.as_deref(), Some(value.as_str()));
    assert_eq!(
        write(&read.shared),
        format!("v=1&tasks=1&limit=none&timeout=none&mode=concurrent&scale=1&py={value}")
    );
    // The page keeps what it cannot read too, as it came: the panel says
    // so where the program would be (program::decode).
    let bad = super::read("#tasks=1&py=print(1)");
    assert_eq!(bad.problems, []);
    assert_eq!(bad.shared.program.as_deref(), Some("print(1)"));
    assert!(program::decode("print(1)").is_err());
}

#[test]
fn writes_every_parameter_compactly() {
    let shared = Shared {
        scenario: super::read("#tasks=30x1,boil:2x3,1.5").shared.scenario,
        mode: RunChoice::Compare,
        scale: Scale::X100,
        lang: Some(Lang::En),
        embed: true,
        guess: true,
        program: Some(Rc::from("1.AwA")),
    };
    assert_eq!(
        write(&shared),
        "v=1&tasks=30x1,boil:2x3,1.5&limit=none&timeout=none&mode=compare&scale=100&lang=en&embed=1&guess=1&py=1.AwA"
    );
    assert_eq!(
        write(&Shared::default()),
        "v=1&tasks=30x1&limit=none&timeout=none&mode=concurrent&scale=1"
    );
}

#[test]
fn steps_limit_and_timeout_travel_in_the_link() {
    let read = read("#tasks=1+c0.5+o2,3x0.1&limit=2&timeout=1.5");
    assert_eq!(read.problems, []);
    let scenario = &read.shared.scenario;
    assert_eq!(
        scenario.tasks[0].steps,
        crate::scenario::parse_steps("1+c0.5+o2").unwrap()
    );
    assert_eq!(scenario.tasks.len(), 4);
    assert_eq!(scenario.limit, Some(2));
    assert_eq!(scenario.timeout, Some(Duration::from_millis(1500)));
    assert_eq!(
        write(&read.shared),
        "v=1&tasks=1+c0.5+o2,3x0.1&limit=2&timeout=1.5&mode=concurrent&scale=1"
    );
    // A limit or timeout alone applies to the default tasks.
    let read = super::read("#limit=3");
    assert_eq!(read.shared.scenario.tasks.len(), 30);
    assert_eq!(read.shared.scenario.limit, Some(3));
    let read = super::read("#tasks=1+q&limit=0&timeout=-1");
    assert_eq!(
        read.problems,
        [
            Problem::BadTask {
                item: 1,
                text: "1+q".into(),
                reason: TaskProblem::Steps(StepsError::Step {
                    index: 1,
                    reason: DurationError::NotANumber
                }),
            },
            Problem::NoTasks,
            Problem::BadValue {
                key: "limit",
                value: "0".into(),
                reason: ValueProblem::Limit(CountError::BelowOne)
            },
            Problem::BadValue {
                key: "timeout",
                value: "-1".into(),
                reason: ValueProblem::Timeout(DurationError::NotPositive)
            },
        ]
    );
    assert_eq!(read.shared.scenario.limit, None);
    assert_eq!(read.shared.scenario.timeout, None);
}

#[test]
fn the_full_page_link_drops_only_embed() {
    assert_eq!(
        without_embed("v=1&tasks=1,3&limit=2&timeout=none&mode=compare&scale=10&lang=ru&embed=1"),
        "v=1&tasks=1,3&limit=2&timeout=none&mode=compare&scale=10&lang=ru"
    );
}

#[test]
fn names_are_encoded_so_they_cannot_break_the_grammar() {
    let shared = one_named("a:b,c&d=e x%");
    let link = write(&shared);
    assert!(link.contains("tasks=a%3Ab%2Cc%26d%3De%20x%25:1&"), "{link}");
    assert_eq!(read(&link).shared, shared);
}

/// One task of 1 s named `name`, as a link carries it.
fn one_named(name: &str) -> Shared {
    let task = Task::named(
        name,
        vec![crate::scenario::Step::wait(Duration::from_secs(1))],
    );
    Shared {
        scenario: Rc::new(Scenario::of(vec![task])),
        ..Shared::default()
    }
}

#[test]
fn names_are_encoded_only_where_they_must_be() {
    let link = write(&one_named("(boil) [1]/2! кофе"));
    assert!(
        link.contains("tasks=(boil)%20[1]/2!%20%D0%BA%D0%BE%D1%84%D0%B5:1&"),
        "{link}"
    );
    // 5,000 tasks, each named with 80 `(`: a link of 434 KB, not 1.2 MB.
    let big = Shared {
        scenario: Rc::new(Scenario::named_distinct(5000, &"(".repeat(80))),
        ..Shared::default()
    };
    let link = write(&big);
    assert!(link.len() < 450_000, "{} bytes", link.len());
    let read = read(&link);
    assert_eq!(read.problems, []);
    assert_eq!(read.shared, big);
}

#[test]
fn a_link_of_any_length_is_read_unbounded_the_same_way() {
    let big = Shared {
        scenario: Rc::new(Scenario::named_distinct(3000, &"ж".repeat(MAX_NAME_CHARS))),
        ..Shared::default()
    };
    let link = write(&big);
    assert!(link.len() > MAX_LINK_BYTES);
    assert_eq!(
        read(&link).problems,
        [Problem::TooLong { bytes: link.len() }]
    );
    let unbounded = read_unbounded(&link);
    assert_eq!(unbounded.problems, []);
    assert_eq!(unbounded.shared, big);
}

#[test]
fn bad_items_are_left_out_and_named() {
    let read = read("#tasks=1,abc,-2,0x3,,2");
    assert_eq!(durations(&read), [1.0, 2.0]);
    let items: Vec<_> = read
        .problems
        .iter()
        .map(|p| match p {
            Problem::BadTask { item, reason, .. } => (*item, *reason),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                2,
                TaskProblem::Steps(StepsError::Step {
                    index: 0,
                    reason: DurationError::NotANumber
                })
            ),
            (
                3,
                TaskProblem::Steps(StepsError::Step {
                    index: 0,
                    reason: DurationError::NotPositive
                })
            ),
            (4, TaskProblem::BadCount),
            (5, TaskProblem::Empty),
        ]
    );
}

#[test]
fn nothing_readable_gives_the_course_example() {
    for link in [
        "#tasks=",
        "#tasks=abc",
        "#garbage",
        "#",
        "",
        "#tasks=NaN,inf,1e4",
    ] {
        let read = read(link);
        assert_eq!(read.shared.scenario, Shared::default().scenario, "{link}");
    }
    assert!(read("#tasks=abc").problems.contains(&Problem::NoTasks));
    assert_eq!(
        read("#garbage").problems,
        [Problem::UnknownKey("garbage".into())]
    );
}

#[test]
fn task_counts_stop_at_the_limit() {
    let read = read("#tasks=99999999999999999999999x1");
    assert_eq!(read.shared.scenario.tasks.len(), MAX_TASKS);
    assert_eq!(read.problems, [Problem::TooManyTasks]);

    let read = super::read("#tasks=60000x1,60000x2,3");
    assert_eq!(read.shared.scenario.tasks.len(), MAX_TASKS);
    assert_eq!(
        read.shared.scenario.tasks[MAX_TASKS - 1].duration(),
        Duration::from_secs(2)
    );
}

#[test]
fn hostile_names_are_kept_as_text() {
    let read = read("#tasks=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E:1,%07bell%0A:2");
    assert_eq!(
        read.shared.scenario.tasks[0].name,
        "<img src=x onerror=alert(1)>"
    );
    assert_eq!(read.shared.scenario.tasks[1].name, "bell");
    assert_eq!(read.problems, [Problem::BadCharacters { item: 2 }]);

    let long = "n".repeat(500);
    let read = super::read(&format!("#tasks={long}:1"));
    assert_eq!(
        read.shared.scenario.tasks[0].name.chars().count(),
        MAX_NAME_CHARS
    );
    assert_eq!(read.problems, [Problem::LongName { item: 1 }]);
}

#[test]
fn malformed_encoding_is_reported_and_read_as_it_stands() {
    let read = read("#tasks=100%zz:1,%FF%FE:2");
    assert_eq!(names(&read), ["100%zz", "\u{fffd}\u{fffd}"]);
    assert_eq!(
        read.problems,
        [
            Problem::BadEncoding("100%zz".into()),
            Problem::BadEncoding("%FF%FE".into())
        ]
    );
}

#[test]
fn other_parameters_fall_back_to_their_defaults() {
    let read = read("#tasks=1&mode=parallel&scale=7&lang=de&embed=yes&guess=please&v=9&tasks=2");
    assert_eq!(read.shared.mode, RunChoice::Concurrent);
    assert_eq!(read.shared.scale, Scale::X1);
    assert_eq!(read.shared.lang, None);
    assert!(!read.shared.embed);
    assert!(!read.shared.guess);
    assert_eq!(durations(&read), [2.0], "the last tasks win");
    assert_eq!(
        read.problems,
        [
            // Keys first; then the values, in the order `write` writes them.
            Problem::Repeated("tasks".into()),
            Problem::NewerVersion("9".into()),
            one_of("mode", "parallel", &["sequential", "concurrent", "compare"]),
            one_of("scale", "7", &["1", "10", "100"]),
            one_of("lang", "de", &["ru", "en"]),
            one_of("embed", "yes", &["1", "0"]),
            one_of("guess", "please", &["1", "0"]),
        ]
    );
}

#[test]
fn a_link_of_megabytes_is_refused_at_once() {
    let huge = format!("#tasks={}", "1,".repeat(MAX_LINK_BYTES));
    let read = read(&huge);
    assert_eq!(read.shared, Shared::default());
    assert!(matches!(read.problems[..], [Problem::TooLong { .. }]));
}

/// How long `read` takes on `link`, against a linear pass over the same
/// text that allocates as reading does (a copy of every pair and item),
/// measured together: the ratio, not a time, so a busy machine does not
/// move it much; a read that grew with the square of the link's length
/// would be thousands of times the pass.
fn reading_cost(link: &str) -> f64 {
    let best = |f: &dyn Fn()| {
        (0..3)
            .map(|_| {
                let began = std::time::Instant::now();
                f();
                began.elapsed().as_secs_f64()
            })
            .fold(f64::INFINITY, f64::min)
    };
    let baseline = best(&|| {
        let pairs: Vec<String> = link
            .split(['&', ','])
            .map(|piece| piece.to_ascii_lowercase())
            .collect();
        assert!(!pairs.is_empty());
    });
    best(&|| assert!(!read(link).shared.scenario.tasks.is_empty())) / baseline.max(1e-6)
}

#[test]
fn a_megabyte_of_repeated_keys_is_read_in_one_pass_and_each_problem_said_once() {
    let link = format!("#{}{}", "v&".repeat(250_000), "mode&".repeat(100_000));
    assert!(link.len() <= MAX_LINK_BYTES);
    let read = read(&link);
    let mode = Problem::BadValue {
        key: "mode",
        value: String::new(),
        reason: ValueProblem::NotOneOf(&["sequential", "concurrent", "compare"]),
    };
    assert_eq!(
        read.problems,
        [
            Problem::Repeated("v".into()),
            Problem::Repeated("mode".into()),
            Problem::NewerVersion(String::new()),
            mode,
        ]
    );
    let cost = reading_cost(&link);
    println!("reading a 1 MB link of repeated keys: {cost:.1}× a linear pass");
    assert!(cost < 100.0, "{cost:.0}× a linear pass over the link");
}

#[test]
fn only_the_last_of_many_tasks_is_read() {
    // Each `tasks` of 100,000 tasks: read every time, a megabyte of them
    // would make five billion.
    let link = format!("#{}", "tasks=99999999999x1&".repeat(50_000));
    let read = read(&link);
    assert_eq!(read.shared.scenario.tasks.len(), MAX_TASKS);
    assert_eq!(
        read.problems,
        [Problem::Repeated("tasks".into()), Problem::TooManyTasks]
    );
    let cost = reading_cost(&link);
    assert!(cost < 100.0, "{cost:.0}× a linear pass over the link");
}

#[test]
fn many_problems_are_listed_once_each_a_dozen_at_most_then_counted() {
    let items: Vec<String> = (1..=500).map(|n| format!("bad{n}")).collect();
    let read = read(&format!(
        "#tasks={}&x=1&x=1&mode=zz&mode=zz",
        items.join(",")
    ));
    assert_eq!(read.problems.len(), MAX_PROBLEMS + 1);
    // Each problem once (`x` is listed, so its second time is not
    // counted; the first `mode` is not read), and after the first dozen
    // every one met is counted: `x`, the repeated `mode`, 500 bad items,
    // no task, the bad mode.
    let met = 1 + 1 + 500 + 1 + 1;
    assert_eq!(
        read.problems.last(),
        Some(&Problem::More(met - MAX_PROBLEMS))
    );
}

#[test]
fn quoted_values_are_short_and_printable() {
    let read = read(&format!("#mode={}", "\u{1b}[31m".repeat(50)));
    let Problem::BadValue { value, .. } = &read.problems[0] else {
        panic!("{:?}", read.problems);
    };
    assert!(value.chars().count() <= QUOTE_CHARS + 1);
    assert!(!value.chars().any(char::is_control));
}

/// Every link README.md shows opens with no problem.
#[test]
fn the_readme_examples_open_cleanly() {
    let readme = include_str!("../../../../README.md");
    let links: Vec<&str> = readme
        .split('`')
        .filter(|s| s.starts_with("#tasks=") || s.starts_with("#v="))
        .collect();
    assert!(links.len() >= 5, "README shows its link examples");
    for link in links {
        assert_eq!(read(link).problems, [], "{link}");
    }
}

fn task() -> impl Strategy<Value = Task> {
    (
        "\\PC{0,12}",
        prop::option::of(1_000u64..=3_600_000_000),
        prop::collection::vec((0usize..5, 1_000u64..=3_600_000_000), 1..4),
        prop::option::of(1_000u64..=3_600_000_000),
    )
        .prop_map(|(name, arrival, steps, cancel)| Task {
            name,
            arrival: Duration::from_micros(arrival.unwrap_or(0)),
            cancel: cancel.map(Duration::from_micros),
            steps: steps
                .into_iter()
                .map(|(kind, micros)| crate::scenario::Step {
                    kind: crate::scenario::StepKind::ALL[kind],
                    duration: Duration::from_micros(micros),
                })
                .collect(),
        })
}

fn shared() -> impl Strategy<Value = Shared> {
    (
        prop::collection::vec(task(), 1..40),
        prop::sample::select(vec![
            RunChoice::Sequential,
            RunChoice::Concurrent,
            RunChoice::Compare,
        ]),
        prop::sample::select(Scale::ALL.to_vec()),
        prop::option::of(prop::sample::select(Lang::ALL.to_vec())),
        (any::<bool>(), any::<bool>()),
        prop::option::of(1usize..=MAX_TASKS),
        prop::option::of(1_000u64..=3_600_000_000),
        prop::option::of("\\PC{0,80}"),
    )
        .prop_map(
            |(tasks, mode, scale, lang, (embed, guess), limit, timeout, program)| Shared {
                scenario: Rc::new(Scenario {
                    tasks,
                    limit,
                    timeout: timeout.map(Duration::from_micros),
                }),
                mode,
                scale,
                lang,
                embed,
                guess,
                program: program.map(|program| Rc::from(program::encode(&program).unwrap())),
            },
        )
}

proptest! {
    #[test]
    fn every_scenario_round_trips_through_its_link(shared in shared()) {
        let link = write(&shared);
        let read = read(&link);
        prop_assert_eq!(read.problems, []);
        prop_assert_eq!(read.shared, shared);
    }

    #[test]
    fn any_text_opens_within_the_limits(text in ".{0,200}") {
        let read = read(&text);
        let tasks = &read.shared.scenario.tasks;
        prop_assert!(!tasks.is_empty() && tasks.len() <= MAX_TASKS);
        for task in tasks {
            prop_assert!(!task.name.chars().any(char::is_control));
            prop_assert!(task.name.chars().count() <= MAX_NAME_CHARS);
        }
    }

    #[test]
    fn links_built_from_the_grammar_never_panic(
        items in prop::collection::vec("[a-z%:x0-9.,+-]{0,12}", 0..20),
        extra in "[a-z=&%0-9]{0,20}",
    ) {
        let link = format!("#tasks={}&{}", items.join(","), extra);
        let read = read(&link);
        prop_assert!(read.shared.scenario.tasks.len() <= MAX_TASKS);
    }
}

proptest! {
    // Each case reads a link of up to 200 KB several times.
    #![proptest_config(ProptestConfig {
        cases: 24,
        max_shrink_iters: 32,
        ..ProptestConfig::default()
    })]

    /// Links a hostile author builds from the grammar's pieces, up to
    /// 200 KB: each is read in time linear in its length (within a
    /// ratio of a linear pass over it, measured together), and its
    /// notice lists each problem once.
    #[test]
    fn hostile_links_are_read_in_linear_time_and_said_once(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "v&", "v=2&", "mode&", "mode=zz&", "x&", "tasks=1,", "bad,", "%zz,",
                "a:1,", "\u{202e}:1,", "limit=-1&", "1x1,", "99999999999x1,", ",,", "&&", "=",
            ]),
            1..12,
        ),
        repeat in 1usize..4_000,
    ) {
        let link = format!("#{}", pieces.concat().repeat(repeat));
        let read = read(&link);
        let problems = &read.problems;
        prop_assert!(problems.len() <= MAX_PROBLEMS + 1);
        for (at, problem) in problems.iter().enumerate() {
            prop_assert!(!problems[..at].contains(problem), "{:?} twice", problem);
            prop_assert!(!matches!(problem, Problem::More(_)) || at == problems.len() - 1);
        }
        if link.len() > 50_000 {
            let cost = reading_cost(&link);
            prop_assert!(cost < 200.0, "{:.0}× a linear pass over {} bytes", cost, link.len());
        }
    }

}

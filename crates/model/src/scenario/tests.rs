use super::*;
use proptest::prelude::*;

#[test]
fn reads_durations_as_people_type_them() {
    assert_eq!(parse_duration("1"), Ok(Duration::from_secs(1)));
    assert_eq!(parse_duration(" 0.5 "), Ok(Duration::from_millis(500)));
    assert_eq!(parse_duration("0,25"), Ok(Duration::from_millis(250)));
    assert_eq!(parse_duration(".1"), Ok(Duration::from_millis(100)));
    assert_eq!(parse_duration("3600"), Ok(MAX_DURATION));
    assert_eq!(parse_duration("0.001"), Ok(MIN_DURATION));
    assert_eq!(parse_duration("+2."), Ok(Duration::from_secs(2)));
    assert_eq!(parse_duration("007"), Ok(Duration::from_secs(7)));
    assert_eq!(
        parse_duration("1.0000015"),
        Ok(Duration::from_micros(1_000_002))
    );
    assert_eq!(parse_duration("1.0000004999"), Ok(Duration::from_secs(1)));
    assert_eq!(parse_duration("3600.0000000"), Ok(MAX_DURATION));
}

#[test]
fn names_what_is_wrong_with_a_duration() {
    assert_eq!(parse_duration(""), Err(DurationError::Empty));
    assert_eq!(parse_duration("   "), Err(DurationError::Empty));
    assert_eq!(parse_duration("abc"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("1c"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("s"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("1ee3"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("1e"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("e3"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("NaN"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("inf"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("1.2.3"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("1,2.3"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("."), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("+-1"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("- 1"), Err(DurationError::NotANumber));
    assert_eq!(parse_duration("-0"), Err(DurationError::NotPositive));
    assert_eq!(parse_duration("0.000"), Err(DurationError::NotPositive));
    assert_eq!(parse_duration("0.0000001"), Err(DurationError::TooShort));
    assert_eq!(parse_duration("3600.0000001"), Err(DurationError::TooLong));
    assert_eq!(parse_duration("0"), Err(DurationError::NotPositive));
    assert_eq!(parse_duration("-1"), Err(DurationError::NotPositive));
    assert_eq!(parse_duration("0.0004"), Err(DurationError::TooShort));
    assert_eq!(parse_duration("3600.5"), Err(DurationError::TooLong));
    let huge = "9".repeat(5000);
    assert_eq!(parse_duration(&huge), Err(DurationError::TooLong));
}

#[test]
fn reads_units_and_exponents_for_the_rule_they_break() {
    let ms = Duration::from_millis;
    for text in [
        "2s",
        "2 s",
        "2с",
        "2 с",
        "2 сек",
        "2sec",
        "2000ms",
        "2000 мс",
        "2С",
    ] {
        assert_eq!(parse_duration(text), Ok(ms(2000)), "{text}");
    }
    assert_eq!(parse_duration("0,5 с"), Ok(ms(500)));
    assert_eq!(parse_duration("1e-3"), Ok(MIN_DURATION));
    assert_eq!(parse_duration("2.5E2"), Ok(ms(250_000)));
    assert_eq!(parse_duration("1е2"), Ok(ms(100_000)), "a Cyrillic е");
    assert_eq!(parse_duration("1e9"), Err(DurationError::TooLong));
    assert_eq!(
        parse_duration("1e99999999999999999999"),
        Err(DurationError::TooLong)
    );
    assert_eq!(parse_duration("1e-7"), Err(DurationError::TooShort));
    assert_eq!(parse_duration("5e-99999"), Err(DurationError::TooShort));
    assert_eq!(parse_duration("0e5"), Err(DurationError::NotPositive));
    assert_eq!(parse_duration("-1e2"), Err(DurationError::NotPositive));
    assert_eq!(parse_duration("0.5 ms"), Err(DurationError::TooShort));
    assert_eq!(parse_duration("3601 s"), Err(DurationError::TooLong));
}

#[test]
fn formats_seconds_without_trailing_zeros() {
    assert_eq!(format_seconds(Duration::from_secs(30)), "30");
    assert_eq!(format_seconds(Duration::from_millis(500)), "0.5");
    assert_eq!(format_seconds(Duration::from_micros(1_250_000)), "1.25");
    assert_eq!(format_seconds(Duration::from_micros(1)), "0.000001");
}

#[test]
fn equal_neighbours_form_runs() {
    let one = Task::unnamed(Duration::from_secs(1));
    let boil = Task::named("boil", vec![Step::wait(Duration::from_secs(1))]);
    let scenario = Scenario::of(vec![one.clone(), one.clone(), boil.clone(), one.clone()]);
    let runs: Vec<_> = scenario.runs().collect();
    assert_eq!(runs, [(&one, 2), (&boil, 1), (&one, 1)]);
    assert_eq!(Scenario::default().runs().count(), 0);
}

#[test]
fn counts_are_limited_by_the_total() {
    assert_eq!(parse_count("30", 0), Ok(30));
    assert_eq!(parse_count("100000", 0), Ok(MAX_TASKS));
    assert_eq!(parse_count("100000", 1), Err(CountError::TooMany));
    assert_eq!(parse_count("100001", 0), Err(CountError::TooMany));
    assert_eq!(
        parse_count("99999999999999999999999", 0),
        Err(CountError::TooMany)
    );
    assert_eq!(parse_count("0", 0), Err(CountError::BelowOne));
    assert_eq!(parse_count("-3", 0), Err(CountError::BelowOne));
    assert_eq!(parse_count("-", 0), Err(CountError::NotAWholeNumber));
    assert_eq!(parse_count("", 0), Err(CountError::Empty));
    assert_eq!(parse_count("2.5", 0), Err(CountError::NotAWholeNumber));
}

#[test]
fn scale_converts_both_ways() {
    let scenario = Duration::from_secs(10);
    assert_eq!(Scale::X100.to_real(scenario), Duration::from_millis(100));
    assert_eq!(Scale::X10.to_scenario(Duration::from_secs(1)), scenario);
    assert_eq!(Scale::X1.to_real(scenario), scenario);
}

#[test]
fn reads_steps_of_every_kind() {
    let ms = Duration::from_millis;
    assert_eq!(
        parse_steps("1+c0.5 + o2"),
        Ok(vec![
            Step::wait(ms(1000)),
            Step::work(ms(500)),
            Step::offload(ms(2000))
        ])
    );
    assert_eq!(parse_steps("C0,25"), Ok(vec![Step::work(ms(250))]));
    let data = parse_steps("r0.5+w0.1").unwrap();
    assert_eq!(
        data.iter().map(|s| s.kind).collect::<Vec<_>>(),
        [StepKind::Receive, StepKind::Write]
    );
    assert_eq!(format_steps(&data), "r0.5+w0.1");
    assert_eq!(
        format_steps(&parse_steps("1+c0.5+o2").unwrap()),
        "1+c0.5+o2"
    );
}

#[test]
fn reads_letters_typed_on_a_russian_layout_or_in_capitals() {
    let ms = Duration::from_millis;
    // с, о and х are Cyrillic: the keys a Russian layout types for the
    // letters the hint shows.
    assert_eq!(parse_steps("с0.5"), Ok(vec![Step::work(ms(500))]));
    assert_eq!(parse_steps("С0,5"), Ok(vec![Step::work(ms(500))]));
    assert_eq!(
        parse_steps("1+с0.5+о2"),
        Ok(vec![
            Step::wait(ms(1000)),
            Step::work(ms(500)),
            Step::offload(ms(2000))
        ])
    );
    assert_eq!(parse_steps("O2+R1+W1"), parse_steps("o2+r1+w1"));
    assert_eq!(
        parse_steps("2с"),
        Ok(vec![Step::wait(ms(2000))]),
        "2 seconds"
    );
    assert_eq!(parse_steps("с2с"), Ok(vec![Step::work(ms(2000))]));
    assert_eq!(
        parse_task("@0,5 + с1 + !2 с"),
        Ok(task(ms(500), vec![Step::work(ms(1000))], Some(ms(2000))))
    );
    assert_eq!(latin('х'), 'x');
    assert_eq!(latin('Х'), 'x');
    assert_eq!(latin('ж'), 'ж');
}

#[test]
fn names_keep_to_one_set_of_rules() {
    assert_eq!(
        clean_name("boil water"),
        ("boil water".into(), NameChanges::default())
    );
    let (name, changes) = clean_name("tab\there\u{202e}gnp.exe\u{fffe}\u{ffff}\u{fdd0}");
    assert_eq!(name, "tabheregnp.exe");
    assert!(changes.removed && !changes.shortened);
    let (name, changes) = clean_name(&"щ".repeat(100));
    assert_eq!(name.chars().count(), MAX_NAME_CHARS);
    assert!(changes.shortened && !changes.removed);
    assert!(name_char('ё') && name_char('🫖') && name_char(' '));
    assert!(!name_char('\u{1fffe}') && !name_char('\u{2066}') && !name_char('\n'));
}

#[test]
fn names_the_bad_step() {
    assert_eq!(parse_steps(" "), Err(StepsError::Empty));
    assert_eq!(
        parse_steps("1+x2"),
        Err(StepsError::Step {
            index: 1,
            reason: DurationError::NotANumber
        })
    );
    assert_eq!(
        parse_steps("1++2"),
        Err(StepsError::Step {
            index: 1,
            reason: DurationError::Empty
        })
    );
    assert_eq!(
        parse_steps("c0"),
        Err(StepsError::Step {
            index: 0,
            reason: DurationError::NotPositive
        })
    );
    let many = vec!["1"; MAX_STEPS + 1].join("+");
    assert_eq!(parse_steps(&many), Err(StepsError::TooMany));
    assert!(parse_steps(&vec!["1"; MAX_STEPS].join("+")).is_ok());
}

/// A task read from text, as a test writes it: arrival, steps, cancel.
fn task(arrival: Duration, steps: Vec<Step>, cancel: Option<Duration>) -> Task {
    Task {
        arrival,
        cancel,
        ..Task::named("", steps)
    }
}

#[test]
fn a_task_may_arrive_later() {
    let ms = Duration::from_millis;
    assert_eq!(
        parse_task("@0.5 + c0.05+0.5"),
        Ok(task(
            ms(500),
            vec![Step::work(ms(50)), Step::wait(ms(500))],
            None
        ))
    );
    assert_eq!(
        parse_task("1"),
        Ok(task(Duration::ZERO, vec![Step::wait(ms(1000))], None))
    );
    assert_eq!(parse_task("@1"), Err(StepsError::NothingAfterArrival));
    assert_eq!(parse_task("@1+"), Err(StepsError::NothingAfterArrival));
    assert_eq!(
        parse_task("@x+1"),
        Err(StepsError::Arrival(DurationError::NotANumber))
    );
    assert_eq!(
        parse_task("@1+2+q"),
        Err(StepsError::Step {
            index: 2,
            reason: DurationError::NotANumber
        })
    );
    assert_eq!(
        parse_task("1+@2"),
        Err(StepsError::Step {
            index: 1,
            reason: DurationError::NotANumber
        })
    );
    let later = task(ms(250), vec![Step::work(ms(50))], None);
    assert_eq!(format_task(&later), "@0.25+c0.05");
    assert_eq!(parse_task(&format_task(&later)), Ok(later));
}

#[test]
fn a_task_may_be_cancelled() {
    let ms = Duration::from_millis;
    assert_eq!(
        parse_task("3 + !1,5"),
        Ok(task(
            Duration::ZERO,
            vec![Step::wait(ms(3000))],
            Some(ms(1500))
        ))
    );
    let both = task(
        ms(200),
        vec![Step::wait(ms(1000)), Step::work(ms(100))],
        Some(ms(700)),
    );
    assert_eq!(format_task(&both), "@0.2+1+c0.1+!0.7");
    assert_eq!(parse_task(&format_task(&both)), Ok(both));
    assert_eq!(parse_task("!1"), Err(StepsError::NothingBeforeCancel));
    assert_eq!(parse_task(" + !1"), Err(StepsError::NothingBeforeCancel));
    assert_eq!(
        parse_task("1+!0"),
        Err(StepsError::Cancel(DurationError::NotPositive))
    );
    assert_eq!(
        parse_task("1+!"),
        Err(StepsError::Cancel(DurationError::Empty))
    );
    assert_eq!(parse_task("1+!1+2"), Err(StepsError::CancelNotLast));
    assert_eq!(parse_task("@1+!2"), Err(StepsError::NothingAfterArrival));
}

#[test]
fn a_task_takes_all_its_steps_alone() {
    let task = Task::named("t", parse_steps("1+c0.5+o2").unwrap());
    assert_eq!(task.duration(), Duration::from_millis(3500));
    let scenario = Scenario::of(vec![task, Task::unnamed(Duration::from_secs(1))]);
    assert_eq!(scenario.sum(), Duration::from_millis(4500));
    assert_eq!(scenario.longest(), Duration::from_millis(3500));
    assert!(!scenario.only_waits());
    assert!(Scenario::uniform(3, Duration::from_secs(1)).only_waits());
}

proptest! {
    #[test]
    fn formatted_steps_read_back_unchanged(
        steps in prop::collection::vec((0usize..5, 1_000u64..=3_600_000_000), 1..=MAX_STEPS)
    ) {
        let steps: Vec<Step> = steps
            .into_iter()
            .map(|(kind, micros)| Step { kind: StepKind::ALL[kind], duration: Duration::from_micros(micros) })
            .collect();
        prop_assert_eq!(parse_steps(&format_steps(&steps)), Ok(steps));
    }

    #[test]
    fn formatted_tasks_read_back_unchanged(
        arrival in prop::option::of(1_000u64..=3_600_000_000),
        steps in prop::collection::vec((0usize..5, 1_000u64..=3_600_000_000), 1..=MAX_STEPS),
        cancel in prop::option::of(1_000u64..=3_600_000_000),
    ) {
        let task = task(
            Duration::from_micros(arrival.unwrap_or(0)),
            steps
                .into_iter()
                .map(|(kind, micros)| Step { kind: StepKind::ALL[kind], duration: Duration::from_micros(micros) })
                .collect(),
            cancel.map(Duration::from_micros),
        );
        prop_assert_eq!(parse_task(&format_task(&task)), Ok(task));
    }

    /// The same as reading the text as a float and rounding it to
    /// microseconds, but for ties, where the float is off by a hair.
    #[test]
    fn reads_decimals_as_a_float_would(whole in 0u64..5000, fraction in "[0-9]{0,9}", comma in any::<bool>()) {
        let text = format!("{whole}{}{fraction}", if comma { ',' } else { '.' });
        let float: f64 = format!("{whole}.{fraction}0").parse().unwrap();
        prop_assume!(((float * 1e6).fract() - 0.5).abs() > 1e-3);
        let expected = if float == 0.0 {
            Err(DurationError::NotPositive)
        } else if float > MAX_DURATION.as_secs_f64() {
            Err(DurationError::TooLong)
        } else {
            let duration = Duration::from_micros((float * 1e6).round() as u64);
            if duration < MIN_DURATION { Err(DurationError::TooShort) } else { Ok(duration) }
        };
        prop_assert_eq!(parse_duration(&text), expected);
    }

    /// The one pass says what each question asked on its own says.
    #[test]
    fn traits_agree_with_each_question(
        tasks in prop::collection::vec(
            (0u64..3, prop::collection::vec((0usize..5, 1_000u64..=5_000_000), 1..4)),
            0..12,
        )
    ) {
        let scenario = Scenario::of(
            tasks
                .into_iter()
                .map(|(arrival, steps)| Task {
                    arrival: Duration::from_secs(arrival),
                    ..Task::named("", steps
                        .into_iter()
                        .map(|(kind, micros)| Step { kind: StepKind::ALL[kind], duration: Duration::from_micros(micros) })
                        .collect())
                })
                .collect(),
        );
        prop_assert_eq!(scenario.traits(), Traits {
            works: scenario.uses(StepKind::Work),
            moves_data: scenario.uses(StepKind::Receive),
            only_waits: scenario.only_waits(),
            has_arrivals: scenario.has_arrivals(),
            longest: scenario.longest(),
            sum: scenario.sum(),
        });
    }

    #[test]
    fn formatted_durations_read_back_unchanged(micros in 1_000u64..=3_600_000_000) {
        let duration = Duration::from_micros(micros);
        prop_assert_eq!(parse_duration(&format_seconds(duration)), Ok(duration));
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in ".{0,64}") {
        if let Ok(duration) = parse_duration(&text) {
            prop_assert!((MIN_DURATION..=MAX_DURATION).contains(&duration));
        }
        if let Ok(steps) = parse_steps(&text) {
            prop_assert!((1..=MAX_STEPS).contains(&steps.len()));
        }
        if let Ok(count) = parse_count(&text, 0) {
            prop_assert!((1..=MAX_TASKS).contains(&count));
        }
    }
}

use std::time::Instant;

use super::*;

const WORDS: NewPlanWords = NewPlanWords {
    plan_id: "ke-hoach",
    plan_name: "Chỉ tiêu CCHC năm",
    bloc: "Khối",
    unit: "Đơn vị",
    target: "Chỉ tiêu",
    numerator: "Số đạt",
    denominator: "Tổng số",
    one_more: "hồ sơ",
    question: "Đã đạt chuẩn?",
    before: "Đầu năm",
    after: "Cuối năm",
};

const VI: NumberStyle = NumberStyle::Vietnamese;

fn unit(id: &str, name: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
    }
}

fn bloc_id(key: &str) -> BlocId {
    BlocId::new(key).unwrap()
}

/// The example plan: wards and communes, three targets.
fn sample() -> Plan {
    let rule = |bloc: &str, threshold: Option<u32>| BlocRule {
        bloc: bloc_id(bloc),
        threshold: threshold.map(Percent::from_whole),
        applies_to: DefaultUnits::All,
    };
    Plan {
        id: "can-tho-2021".into(),
        name: Text::both("Chỉ tiêu CCHC năm 2021", "Reform targets 2021"),
        year: 2021,
        issuer: Text::vi("UBND thành phố"),
        place: Text::default(),
        example: true,
        blocs: vec![
            Bloc {
                id: bloc_id("phuong"),
                name: Text::vi("Khối phường"),
                award_places: 1,
                units: vec![
                    unit("p-cai-khe", "Phường Cái Khế"),
                    unit("p-an-hoa", "Phường An Hòa"),
                ],
            },
            Bloc {
                id: bloc_id("xa"),
                name: Text::vi("Khối xã"),
                award_places: 1,
                units: vec![unit("x-phong-dien", "Xã Phong Điền")],
            },
        ],
        targets: vec![
            Target {
                id: TargetId::new("toan_trinh").unwrap(),
                label: Text::vi("Thủ tục trực tuyến toàn trình"),
                help: Text::default(),
                measure: Measure::Ratio {
                    numerator: Text::vi("Số thủ tục toàn trình"),
                    denominator: Text::vi("Tổng số thủ tục"),
                    one_more: Text::vi("thủ tục"),
                },
                blocs: vec![rule("phuong", Some(87)), rule("xa", Some(60))],
                weight: Weight::new(2).unwrap(),
            },
            Target {
                id: TargetId::new("mot_cua").unwrap(),
                label: Text::vi("Bộ phận một cửa đạt chuẩn"),
                help: Text::default(),
                measure: Measure::YesNo {
                    question: Text::vi("Đã được công nhận đạt chuẩn?"),
                    overall_threshold: None,
                },
                blocs: vec![rule("phuong", None)],
                weight: Weight::DEFAULT,
            },
        ],
        scoring: Default::default(),
    }
}

fn draft() -> PlanDraft {
    PlanDraft::new(sample(), WORDS)
}

fn paths(draft: &PlanDraft) -> Vec<String> {
    draft.problems().into_iter().map(|p| p.path).collect()
}

#[test]
fn a_number_that_does_not_read_keeps_the_last_good_value_and_its_text() {
    let mut d = draft();
    d.apply(PlanEdit::SetThreshold {
        target: 0,
        bloc: 1,
        text: "65,5".into(),
    });
    assert_eq!(
        d.plan().targets[0].threshold(bloc_id("xa")),
        Some(Percent::from_scaled(655_000))
    );
    assert!(d.problems().is_empty());
    d.apply(PlanEdit::SetThreshold {
        target: 0,
        bloc: 1,
        text: "65,5x".into(),
    });
    let field = TypedField::Threshold { target: 0, bloc: 1 };
    assert_eq!(d.text(field, VI), "65,5x");
    assert_eq!(
        d.plan().targets[0].threshold(bloc_id("xa")),
        Some(Percent::from_scaled(655_000))
    );
    assert_eq!(
        d.problems(),
        vec![EditProblem {
            path: "plan.targets[0].applies.xa".into(),
            kind: EditProblemKind::Number(NumberError::NotANumber),
        }]
    );
    // Four decimals: the plan file allows two ("65,125" would read as 65 125, above 100).
    d.apply(PlanEdit::SetThreshold {
        target: 0,
        bloc: 1,
        text: "65,1234".into(),
    });
    assert_eq!(d.problems()[0].kind, EditProblemKind::TooManyDecimals(2));
    for (text, kind) in [
        ("", EditProblemKind::Required),
        ("101", EditProblemKind::Number(NumberError::PercentAbove100)),
    ] {
        d.apply(PlanEdit::SetThreshold {
            target: 0,
            bloc: 1,
            text: text.into(),
        });
        assert_eq!(d.problems()[0].kind, kind, "{text:?}");
    }
    // An untouched field shows the plan's value the Vietnamese way.
    assert_eq!(
        d.text(TypedField::Threshold { target: 0, bloc: 0 }, VI),
        "87"
    );
}

#[test]
fn year_places_weight_and_bands_read_as_typed() {
    let mut d = draft();
    d.apply(PlanEdit::SetAwardPlaces(0, "0".into()));
    d.apply(PlanEdit::SetWeight(0, "11".into()));
    d.apply(PlanEdit::SetYear("1999".into()));
    d.apply(PlanEdit::SetBand(Band::Good, "85,5".into()));
    d.apply(PlanEdit::SetBand(Band::Fair, "abc".into()));
    let problems = d.problems();
    let kind = |path: &str| {
        problems
            .iter()
            .find(|p| p.path == path)
            .map(|p| p.kind.clone())
    };
    assert_eq!(
        kind("plan.blocs[0].award_places"),
        Some(EditProblemKind::ZeroPlaces)
    );
    assert_eq!(
        kind("plan.targets[0].weight"),
        Some(EditProblemKind::WeightTooLarge(10))
    );
    assert_eq!(
        kind("plan.year"),
        Some(EditProblemKind::YearOutOfRange {
            min: 2000,
            max: 2100
        })
    );
    assert_eq!(
        kind("plan.scoring.bands.fair"),
        Some(EditProblemKind::Number(NumberError::NotANumber))
    );
    assert_eq!(problems.len(), 4);
    assert_eq!(d.plan().scoring.bands.good, 85.5);
    assert_eq!(d.plan().blocs[0].award_places, 1);
    assert_eq!(d.plan().year, 2021);
    d.apply(PlanEdit::SetWeight(0, "3".into()));
    assert_eq!(d.plan().targets[0].weight.get(), 3);
}

#[test]
fn the_year_moves_through_the_id_and_the_name() {
    let mut d = draft();
    d.apply(PlanEdit::SetYear("2026".into()));
    assert_eq!(d.plan().year, 2026);
    assert_eq!(d.plan().id, "can-tho-2026");
    assert_eq!(d.plan().name.vi, "Chỉ tiêu CCHC năm 2026");
    assert_eq!(d.plan().name.en.as_deref(), Some("Reform targets 2026"));
    // Keystrokes on the way ("2", "20", "202") are not years: nothing moves.
    d.apply(PlanEdit::SetYear("20".into()));
    assert_eq!(d.plan().id, "can-tho-2026");
}

#[test]
fn a_copy_for_next_year_moves_the_year_and_is_no_example() {
    let copy = next_year_copy(&sample());
    assert_eq!(copy.year, 2022);
    assert_eq!(copy.id, "can-tho-2022");
    assert_eq!(copy.name.vi, "Chỉ tiêu CCHC năm 2022");
    assert!(!copy.example);
    assert_eq!(copy.targets, sample().targets);
    let mut plain = sample();
    plain.id = "an-hoa".into();
    plain.name = Text::vi("Kế hoạch");
    assert_eq!(next_year_copy(&plain).id, "an-hoa-2022");
    // "2021 → 2026": copy, then type the year.
    let mut d = draft();
    d.apply(PlanEdit::SetThreshold {
        target: 0,
        bloc: 0,
        text: "x".into(),
    });
    d.apply(PlanEdit::StartCopy(Box::new(sample())));
    // A new start forgets what was typed.
    assert!(d.problems().is_empty());
    d.apply(PlanEdit::SetYear("2026".into()));
    assert_eq!(
        (d.plan().id.as_str(), d.plan().year),
        ("can-tho-2026", 2026)
    );
    d.apply(PlanEdit::CopyForNextYear);
    assert_eq!(
        (d.plan().id.as_str(), d.plan().year),
        ("can-tho-2027", 2027)
    );
}

#[test]
fn an_empty_plan_has_one_bloc_one_unit_one_target() {
    let mut d = draft();
    d.apply(PlanEdit::StartEmpty);
    let plan = d.plan();
    assert_eq!(plan.year, 2021);
    assert_eq!(plan.id, "ke-hoach-2021");
    assert_eq!(plan.blocs.len(), 1);
    assert_eq!(plan.blocs[0].id.key(), "khoi-1");
    assert_eq!(plan.blocs[0].units, vec![unit("don-vi-1", "Đơn vị 1")]);
    assert_eq!(plan.targets.len(), 1);
    assert_eq!(plan.targets[0].id.key(), "chi-tieu-1");
    assert_eq!(
        plan.targets[0].threshold(plan.blocs[0].id),
        Some(Percent::HUNDRED)
    );
    assert!(d.problems().is_empty());
}

#[test]
fn bloc_ids_are_checked_and_renaming_one_moves_its_rules() {
    let mut d = draft();
    d.apply(PlanEdit::SetBlocId(1, "phuong".into()));
    assert_eq!(paths(&d), ["plan.blocs[1].id"]);
    assert_eq!(d.problems()[0].kind, EditProblemKind::DuplicateId);
    assert_eq!(d.plan().blocs[1].id.key(), "xa");
    d.apply(PlanEdit::SetBlocId(1, "xã".into()));
    assert_eq!(d.problems()[0].kind, EditProblemKind::BadId);
    d.apply(PlanEdit::SetBlocId(1, "xa-moi".into()));
    assert!(d.problems().is_empty());
    assert_eq!(
        d.plan().targets[0].threshold(bloc_id("xa-moi")),
        Some(Percent::from_whole(60))
    );
    // The path of a threshold follows the bloc's id.
    d.apply(PlanEdit::SetThreshold {
        target: 0,
        bloc: 1,
        text: "x".into(),
    });
    assert_eq!(paths(&d), ["plan.targets[0].applies.xa-moi"]);
    d.apply(PlanEdit::SetTargetId(1, "toan_trinh".into()));
    // In the form's order: the target's id comes before the first target's threshold.
    let problems = d.problems();
    assert_eq!(problems[0].path, "plan.targets[0].applies.xa-moi");
    assert_eq!(problems[1].path, "plan.targets[1].id");
    assert_eq!(problems[1].kind, EditProblemKind::DuplicateId);
}

#[test]
fn typed_texts_stay_with_their_bloc_when_blocs_move_or_go() {
    let mut d = draft();
    d.apply(PlanEdit::SetAwardPlaces(1, "abc".into()));
    d.apply(PlanEdit::MoveBloc { from: 1, to: 0 });
    assert_eq!(d.plan().blocs[0].id.key(), "xa");
    assert_eq!(d.text(TypedField::AwardPlaces(0), VI), "abc");
    assert_eq!(d.text(TypedField::AwardPlaces(1), VI), "1");
    assert_eq!(paths(&d), ["plan.blocs[0].award_places"]);
    // Rules follow the plan's bloc order.
    assert_eq!(d.plan().targets[0].blocs[0].bloc.key(), "xa");
    d.apply(PlanEdit::RemoveBloc(0));
    assert!(d.problems().is_empty());
    assert_eq!(d.plan().targets[0].blocs.len(), 1);
    // The last bloc stays.
    d.apply(PlanEdit::RemoveBloc(0));
    assert_eq!(d.plan().blocs.len(), 1);
}

#[test]
fn new_blocs_and_targets_get_fresh_ids() {
    let mut d = draft();
    d.apply(PlanEdit::AddBloc);
    d.apply(PlanEdit::AddBloc);
    let keys: Vec<&str> = d.plan().blocs.iter().map(|b| b.id.key()).collect();
    assert_eq!(keys, ["phuong", "xa", "khoi-1", "khoi-2"]);
    assert_eq!(d.plan().blocs[3].name.vi, "Khối 4");
    assert_ne!(d.plan().blocs[2].units[0].id, d.plan().blocs[3].units[0].id);
    d.apply(PlanEdit::AddTarget);
    let target = &d.plan().targets[2];
    assert_eq!(target.id.key(), "chi-tieu-1");
    assert_eq!(target.blocs.len(), 4);
    d.apply(PlanEdit::MoveTarget { from: 2, to: 0 });
    assert_eq!(d.plan().targets[0].id.key(), "chi-tieu-1");
    d.apply(PlanEdit::RemoveTarget(0));
    assert_eq!(d.plan().targets[0].id.key(), "toan_trinh");
}

#[test]
fn kinds_switch_and_come_back_with_their_texts_and_thresholds() {
    let mut d = draft();
    d.apply(PlanEdit::SetMeasureText(
        0,
        MeasureText::Numerator,
        "Số TTHC".into(),
    ));
    d.apply(PlanEdit::SetKind(0, Kind::YesNo));
    let target = &d.plan().targets[0];
    assert_eq!(Kind::of(&target.measure), Kind::YesNo);
    assert!(target.blocs.iter().all(|rule| rule.threshold.is_none()));
    // A hidden threshold has no problem.
    assert!(d.problems().is_empty());
    d.apply(PlanEdit::SetKind(0, Kind::Increase));
    assert_eq!(
        d.plan().targets[0].one_more().map(|t| t.vi.as_str()),
        Some("thủ tục")
    );
    d.apply(PlanEdit::SetKind(0, Kind::Ratio));
    let target = &d.plan().targets[0];
    assert_eq!(
        MeasureText::Numerator
            .get(&target.measure)
            .map(|t| t.vi.as_str()),
        Some("Số TTHC")
    );
    assert_eq!(
        target.threshold(bloc_id("phuong")),
        Some(Percent::from_whole(87))
    );
    assert_eq!(
        target.threshold(bloc_id("xa")),
        Some(Percent::from_whole(60))
    );
}

#[test]
fn offering_withdrawing_and_default_units() {
    let mut d = draft();
    d.apply(PlanEdit::SetOffered {
        target: 0,
        bloc: 0,
        offered: false,
    });
    assert!(!d.plan().targets[0].is_offered(bloc_id("phuong")));
    d.apply(PlanEdit::SetOffered {
        target: 0,
        bloc: 0,
        offered: true,
    });
    let target = &d.plan().targets[0];
    assert_eq!(
        target.threshold(bloc_id("phuong")),
        Some(Percent::from_whole(87))
    );
    assert_eq!(target.blocs[0].bloc.key(), "phuong");
    // A yes/no target offered to a new bloc has no threshold.
    d.apply(PlanEdit::SetOffered {
        target: 1,
        bloc: 1,
        offered: true,
    });
    assert_eq!(d.plan().targets[1].blocs[1].threshold, None);
    d.apply(PlanEdit::SetDefaultUnits {
        target: 0,
        bloc: 0,
        units: DefaultUnits::Only(vec!["p-an-hoa".into()]),
    });
    d.apply(PlanEdit::SetUnitId {
        bloc: 0,
        unit: 1,
        id: "26734".into(),
    });
    assert!(d.plan().targets[0].applies_by_default(bloc_id("phuong"), "26734"));
    d.apply(PlanEdit::RemoveUnit { bloc: 0, unit: 1 });
    assert_eq!(
        d.plan().targets[0].blocs[0].applies_to,
        DefaultUnits::Only(vec![])
    );
    // A bloc keeps one unit.
    d.apply(PlanEdit::RemoveUnit { bloc: 0, unit: 0 });
    assert_eq!(d.plan().blocs[0].units.len(), 1);
}

#[test]
fn an_edited_text_drops_its_english() {
    let mut d = draft();
    d.apply(PlanEdit::SetName("Chỉ tiêu mới".into()));
    assert_eq!(d.plan().name, Text::vi("Chỉ tiêu mới"));
}

#[test]
fn pasted_codes_and_names_from_excel() {
    let text = "Mã\tTên\r\n26734\tPhường Cái Khế\r\n\r\n26737;Phường An Hòa\r\nXã Phong Điền\t31120\r\n   \r\nXã Nhơn Ái\r\n";
    let (units, problems) = parse_unit_list(text, &[]);
    assert_eq!(problems, []);
    assert_eq!(
        units,
        [
            unit("26734", "Phường Cái Khế"),
            unit("26737", "Phường An Hòa"),
            unit("31120", "Xã Phong Điền"),
            unit("xa-nhon-ai", "Xã Nhơn Ái"),
        ]
    );
}

#[test]
fn pasted_names_get_stable_slugs() {
    let existing = [unit("p1", "Phường 1"), unit("xa-a", "Xã Khác")];
    let text = "Phường 1\nXã A\nXã A\nXã  Á\u{a0}\nPhường 2";
    let (units, problems) = parse_unit_list(text, &existing);
    assert_eq!(problems, []);
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    // "Phường 1" keeps its id; "xa-a" is taken by another unit; spaces are made single.
    assert_eq!(ids, ["p1", "xa-a-2", "xa-a-3", "xa-a-4", "phuong-2"]);
    assert_eq!(units[3].name, "Xã Á");
    // Pasting the same list again gives the same ids.
    let (again, _) = parse_unit_list(text, &units);
    assert_eq!(again, units);
}

#[test]
fn several_spaces_do_not_split_a_line() {
    // Names have spaces (and a double one is a typo): only tabs and `;` make columns.
    let (units, problems) = parse_unit_list("26734   Phường Cái Khế", &[]);
    assert_eq!(problems, []);
    assert_eq!(units[0].name, "26734 Phường Cái Khế");
    assert_eq!(units[0].id, "26734-phuong-cai-khe");
}

#[test]
fn paste_problems_are_reported_by_line() {
    let text = "1\tPhường A\n2\tPhường B\n1\tPhường C\nPhường D\tXã E\n1\t2\t3\nother\tKhác\n7\t\n";
    let (units, problems) = parse_unit_list(text, &[]);
    assert_eq!(
        problems,
        [
            LineProblem {
                line: 3,
                kind: LineProblemKind::DuplicateCode {
                    code: "1".into(),
                    first_line: 1
                }
            },
            LineProblem {
                line: 4,
                kind: LineProblemKind::BadCode("Phường D".into())
            },
            LineProblem {
                line: 5,
                kind: LineProblemKind::TooManyColumns(3)
            },
            LineProblem {
                line: 6,
                kind: LineProblemKind::ReservedCode
            },
        ]
    );
    // "7<TAB>" is a name alone (its empty cell dropped).
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "7"]);
    let long = format!("1\t{}", "a".repeat(151));
    assert!(matches!(
        parse_unit_list(&long, &[]).1[0].kind,
        LineProblemKind::NameTooLong { chars: 151, .. }
    ));
}

#[test]
fn pasting_replaces_or_appends_and_keeps_ids_of_names_pasted_again() {
    let mut d = draft();
    d.apply(PlanEdit::SetPasteText(
        0,
        "Phường An Hòa\nPhường Mới".into(),
    ));
    let (preview, problems) = d.paste_preview(0, PasteMode::Replace);
    assert!(problems.is_empty());
    assert_eq!(preview.len(), 2);
    d.apply(PlanEdit::PasteUnits {
        bloc: 0,
        mode: PasteMode::Replace,
    });
    assert_eq!(
        d.plan().blocs[0].units,
        [
            unit("p-an-hoa", "Phường An Hòa"),
            unit("phuong-moi", "Phường Mới")
        ]
    );
    assert_eq!(d.paste_text(0), "");
    // Appending: a new unit never takes an id of the plan, even of the other bloc.
    d.apply(PlanEdit::SetPasteText(0, "X Phong Điền".into()));
    d.apply(PlanEdit::PasteUnits {
        bloc: 0,
        mode: PasteMode::Append,
    });
    assert_eq!(d.plan().blocs[0].units.len(), 3);
    assert_eq!(d.plan().blocs[0].units[2].id, "x-phong-dien-2");
    // A code of a unit that stays (another bloc's) is refused by line.
    d.apply(PlanEdit::SetPasteText(
        0,
        "Phường A\nx-phong-dien\tXã Phong Điền".into(),
    ));
    assert_eq!(
        d.paste_preview(0, PasteMode::Replace).1,
        [LineProblem {
            line: 2,
            kind: LineProblemKind::CodeTaken("x-phong-dien".into())
        }]
    );
    // Replacing, a bloc's own codes are fine; appending, they are taken.
    d.apply(PlanEdit::SetPasteText(0, "p-an-hoa\tPhường An Hòa".into()));
    assert!(d.paste_preview(0, PasteMode::Replace).1.is_empty());
    assert_eq!(d.paste_preview(0, PasteMode::Append).1.len(), 1);
    // A list with a problem is not pasted.
    d.apply(PlanEdit::SetPasteText(0, "1\tA\n1\tB".into()));
    d.apply(PlanEdit::PasteUnits {
        bloc: 0,
        mode: PasteMode::Replace,
    });
    assert_eq!(d.plan().blocs[0].units.len(), 3);
}

#[test]
fn pasting_170_units_is_instant() {
    let mut text = String::from("Mã\tTên đơn vị\r\n");
    for n in 0..170 {
        text.push_str(&format!("{}\tPhường Hòa Bình Số {n}\r\n", 26_000 + n));
    }
    for n in 0..170 {
        text.push_str(&format!("Xã Thạnh Quới Mới {}\r\n", n % 150));
    }
    let start = Instant::now();
    let (units, problems) = parse_unit_list(&text, &[]);
    let elapsed = start.elapsed();
    assert_eq!(problems, []);
    assert_eq!(units.len(), 340);
    let mut d = draft();
    d.apply(PlanEdit::SetPasteText(0, text));
    d.apply(PlanEdit::PasteUnits {
        bloc: 0,
        mode: PasteMode::Replace,
    });
    assert_eq!(d.plan().blocs[0].units.len(), 340);
    assert!(elapsed.as_millis() < 200, "{elapsed:?}");
}

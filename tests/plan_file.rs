//! Plan files: the issue's example reads to the plan it describes, every refused fixture is
//! refused with its problem at its field, the one plan check catches each rule, export reads
//! back exactly (cases and properties), and the fingerprint follows the scoring rules only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use cchc_2021::domain::number::Percent;
use cchc_2021::domain::plan::{
    Bloc, BlocId, BlocRule, DefaultUnits, Measure, Plan, ScoringDefaults, Target, TargetId, Text,
    Unit,
};
use cchc_2021::domain::plan_check::{check_plan, PlanProblem, PlanProblemKind};
use cchc_2021::domain::score::{RatingBands, ScoringMode, Weight};
use cchc_2021::formats::json_read::{DocumentProblem, Expected, JsonKind, ShapeProblem};
use cchc_2021::formats::plan_file::{
    export_plan_file, import_plan_file, PlanFileError, PlanFileProblem, MAX_PLAN_FILE_BYTES,
};
use cchc_2021::i18n::{plan_file_error, Lang};
use proptest::prelude::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plans");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(FIXTURES).join(name)).unwrap()
}

fn bloc_id(key: &str) -> BlocId {
    BlocId::new(key).unwrap()
}

fn unit(id: &str, name: &str) -> Unit {
    Unit {
        id: id.into(),
        name: name.into(),
    }
}

fn rule(bloc: &str, threshold: Option<u32>, applies_to: DefaultUnits) -> BlocRule {
    BlocRule {
        bloc: bloc_id(bloc),
        threshold: threshold.map(Percent::from_whole),
        applies_to,
    }
}

/// The plan the issue's example describes, as the app holds it.
fn can_tho() -> Plan {
    Plan {
        id: "can-tho-2026".into(),
        name: Text::vi("Chỉ tiêu CCHC năm 2026"),
        year: 2026,
        issuer: Text::default(),
        place: Text::default(),
        example: false,
        blocs: vec![
            Bloc {
                id: bloc_id("phuong"),
                name: Text::vi("Khối phường"),
                award_places: 5,
                units: vec![unit("p-cai-khe", "Phường Cái Khế")],
            },
            Bloc {
                id: bloc_id("xa"),
                name: Text::vi("Khối xã"),
                award_places: 3,
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
                    one_more: Text::vi("Số thủ tục toàn trình"),
                },
                blocs: vec![
                    BlocRule {
                        bloc: bloc_id("phuong"),
                        threshold: Some(Percent::from_scaled(875_000)),
                        applies_to: DefaultUnits::All,
                    },
                    rule("xa", Some(60), DefaultUnits::All),
                ],
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
                blocs: vec![rule("phuong", None, DefaultUnits::All)],
                weight: Weight::DEFAULT,
            },
            Target {
                id: TargetId::new("dvc").unwrap(),
                label: Text::vi("Tăng số dịch vụ công trực tuyến"),
                help: Text::default(),
                measure: Measure::Increase {
                    before: Text::vi("Đầu năm"),
                    after: Text::vi("Cuối năm"),
                    one_more: Text::vi("Cuối năm"),
                },
                blocs: vec![rule("xa", None, DefaultUnits::All)],
                weight: Weight::DEFAULT,
            },
        ],
        scoring: ScoringDefaults::default(),
    }
}

/// The example with as many units as award places, so that the plan check accepts it.
fn can_tho_valid() -> Plan {
    let mut plan = can_tho();
    plan.blocs[0].units = (1..=5)
        .map(|i| unit(&format!("p-{i}"), &format!("Phường {i}")))
        .collect();
    plan.blocs[1].units = (1..=3)
        .map(|i| unit(&format!("x-{i}"), &format!("Xã {i}")))
        .collect();
    plan
}

fn problems(result: Result<Plan, PlanFileError>) -> Vec<PlanProblem> {
    match result {
        Err(PlanFileError {
            problem: PlanFileProblem::Invalid(problems),
            ..
        }) => problems,
        other => panic!("expected a refused plan, got {other:?}"),
    }
}

fn problem(path: &str, kind: PlanProblemKind) -> PlanProblem {
    PlanProblem {
        path: path.into(),
        kind,
    }
}

// ---------------------------------------------------------------------------------------
// The issue's example
// ---------------------------------------------------------------------------------------

/// The example of the issue, verbatim: its shape is read in full (every field to the plan
/// above), and the plan check then refuses only its award places, 5 and 3 for blocs that list
/// one unit each (the issue refuses "award places larger than the bloc").
#[test]
fn the_issues_example_reads_field_by_field_and_only_its_award_places_are_refused() {
    let bytes = fixture("can-tho-2026.json");
    assert_eq!(
        problems(import_plan_file("can-tho-2026.json", &bytes)),
        vec![
            problem(
                "plan.blocs[0].award_places",
                PlanProblemKind::AwardPlaces { units: 1 }
            ),
            problem(
                "plan.blocs[1].award_places",
                PlanProblemKind::AwardPlaces { units: 1 }
            ),
        ]
    );
    // Everything else of the example is the plan above: with one award place in each bloc
    // (tests/fixtures/plans/can-tho-2026-one-place.json, the example otherwise verbatim), it
    // reads.
    let one_place = fixture("can-tho-2026-one-place.json");
    assert_eq!(
        String::from_utf8(bytes)
            .unwrap()
            .replace("\"award_places\": 5", "\"award_places\": 1")
            .replace("\"award_places\": 3", "\"award_places\": 1")
            .into_bytes(),
        one_place
    );
    let mut expected = can_tho();
    expected.blocs[0].award_places = 1;
    expected.blocs[1].award_places = 1;
    assert_eq!(
        import_plan_file("can-tho-2026-one-place.json", &one_place),
        Ok(expected)
    );
}

#[test]
fn the_example_exports_and_reads_back() {
    let plan = can_tho_valid();
    assert_eq!(check_plan(&plan), vec![]);
    let text = export_plan_file(&plan);
    assert_eq!(import_plan_file("x.json", text.as_bytes()), Ok(plan));
    // Defaults are left out: no weight 1, no one_more equal to the numerator, no scoring.
    assert!(!text.contains("one_more"));
    assert!(!text.contains("scoring"));
    assert_eq!(text.matches("\"weight\"").count(), 1);
    assert!(text.contains("\"phuong\": 87.5"));
}

// ---------------------------------------------------------------------------------------
// Refused fixtures: one per rule
// ---------------------------------------------------------------------------------------

#[test]
fn each_refused_fixture_is_refused_with_its_problem_at_its_field() {
    // Each fixture is can-tho-2026-one-place.json (accepted) with one rule broken.
    let invalid = |name: &str, expected: Vec<PlanProblem>| {
        let problems = problems(import_plan_file(name, &fixture(&format!("refused/{name}"))));
        assert_eq!(problems, expected, "{name}");
    };
    invalid(
        "duplicate-target-id.json",
        vec![problem(
            "plan.targets[2].id",
            PlanProblemKind::DuplicateId {
                first: "plan.targets[0].id".into(),
            },
        )],
    );
    invalid(
        "duplicate-unit-id.json",
        vec![problem(
            "plan.blocs[1].units[0].id",
            PlanProblemKind::DuplicateId {
                first: "plan.blocs[0].units[0].id".into(),
            },
        )],
    );
    invalid(
        "threshold-100.5.json",
        vec![problem(
            "plan.targets[0].applies.phuong",
            PlanProblemKind::PercentOutOfRange,
        )],
    );
    invalid(
        "threshold-87.125.json",
        vec![problem(
            "plan.targets[0].applies.phuong",
            PlanProblemKind::PercentTooPrecise,
        )],
    );
    invalid(
        "bloc-without-units.json",
        vec![problem("plan.blocs[1].units", PlanProblemKind::NoUnits)],
    );
    invalid(
        "applies-unknown-bloc.json",
        vec![problem(
            "plan.targets[1].applies.thi-tran",
            PlanProblemKind::UnknownBloc,
        )],
    );
    invalid(
        "award-places-larger-than-bloc.json",
        vec![problem(
            "plan.blocs[0].award_places",
            PlanProblemKind::AwardPlaces { units: 1 },
        )],
    );

    let refused = |name: &str| {
        import_plan_file(name, &fixture(&format!("refused/{name}")))
            .unwrap_err()
            .problem
    };
    assert_eq!(
        refused("unknown-kind.json"),
        PlanFileProblem::UnknownKind {
            field: "plan.targets[2].kind".into(),
            kind: "checkbox".into()
        }
    );
    assert_eq!(
        refused("not-json.json"),
        PlanFileProblem::Document(DocumentProblem::NotJson { line: 3, column: 4 })
    );
    assert_eq!(
        refused("duplicate-key.json"),
        PlanFileProblem::Document(DocumentProblem::DuplicateKey {
            key: "xa".into(),
            line: 10,
            column: 48
        })
    );
    assert_eq!(
        refused("newer-version.json"),
        PlanFileProblem::NewerVersion {
            version: 2,
            supported: 1
        }
    );
}

#[test]
fn every_refused_fixture_is_tested_and_its_message_names_the_file() {
    let mut names: Vec<String> = std::fs::read_dir(Path::new(FIXTURES).join("refused"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 11, "{names:?}");
    for name in names {
        let error = import_plan_file(&name, &fixture(&format!("refused/{name}"))).unwrap_err();
        for lang in [Lang::Vi, Lang::En] {
            let message = plan_file_error(lang, &error);
            assert!(message.contains(&name), "{message}");
        }
    }
}

#[test]
fn messages_name_the_file_and_the_field_in_both_languages() {
    let error =
        import_plan_file("ke-hoach.json", &fixture("refused/threshold-100.5.json")).unwrap_err();
    let vi = plan_file_error(Lang::Vi, &error);
    let en = plan_file_error(Lang::En, &error);
    for message in [&vi, &en] {
        assert!(message.contains("ke-hoach.json"), "{message}");
        assert!(
            message.contains("plan.targets[0].applies.phuong"),
            "{message}"
        );
    }
    assert!(vi.contains("0–100") && vi.contains("1 lỗi"), "{vi}");
    assert!(en.contains("0–100") && en.contains("1 problem "), "{en}");
    // Every problem is in the message, not only the first.
    let example = import_plan_file("can-tho-2026.json", &fixture("can-tho-2026.json")).unwrap_err();
    for lang in [Lang::Vi, Lang::En] {
        let message = plan_file_error(lang, &example);
        assert!(message.contains("plan.blocs[0].award_places"), "{message}");
        assert!(message.contains("plan.blocs[1].award_places"), "{message}");
    }
    let error = import_plan_file("k.json", &fixture("refused/unknown-kind.json")).unwrap_err();
    assert!(plan_file_error(Lang::Vi, &error).contains("checkbox"));
    assert!(plan_file_error(Lang::En, &error).contains("plan.targets[2].kind"));
}

// ---------------------------------------------------------------------------------------
// Strict reading
// ---------------------------------------------------------------------------------------

fn read_text(text: &str) -> Result<Plan, PlanFileProblem> {
    import_plan_file("p.json", text.as_bytes()).map_err(|e| e.problem)
}

fn valid_text() -> String {
    export_plan_file(&can_tho_valid())
}

#[test]
fn the_file_level_refusals() {
    let document = |problem| Err(PlanFileProblem::Document(problem));
    assert_eq!(read_text(""), document(DocumentProblem::Empty));
    assert_eq!(read_text(" \n"), document(DocumentProblem::Empty));
    assert_eq!(
        import_plan_file("p.json", b"{\"a\": \"\xff\"}")
            .unwrap_err()
            .problem,
        PlanFileProblem::Document(DocumentProblem::NotUtf8 { valid_up_to: 7 })
    );
    let big = vec![b' '; MAX_PLAN_FILE_BYTES + 1];
    assert_eq!(
        import_plan_file("p.json", &big).unwrap_err().problem,
        PlanFileProblem::Document(DocumentProblem::TooBig {
            size: MAX_PLAN_FILE_BYTES + 1,
            limit: MAX_PLAN_FILE_BYTES
        })
    );
    assert_eq!(
        read_text("[1]"),
        document(DocumentProblem::OtherFormat { format: None })
    );
    assert_eq!(
        read_text(r#"{"format": "cchc-2021-unit", "version": 1}"#),
        document(DocumentProblem::OtherFormat {
            format: Some("cchc-2021-unit".into())
        })
    );
    assert_eq!(
        read_text(r#"{"format": "cchc-plan", "version": "1"}"#),
        document(DocumentProblem::Version(ShapeProblem::WrongShape {
            field: "version".into(),
            expected: Expected::VersionNumber,
            found: JsonKind::Text
        }))
    );
    assert_eq!(
        read_text(r#"{"format": "cchc-plan"}"#),
        document(DocumentProblem::Version(ShapeProblem::MissingField {
            field: "version".into()
        }))
    );
    // A byte-order mark (as Windows editors write) is fine.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(valid_text().bytes());
    assert_eq!(import_plan_file("p.json", &bom), Ok(can_tho_valid()));
}

#[test]
fn shape_problems_name_their_field() {
    let valid = valid_text();
    let case = |from: &str, to: &str| {
        assert!(valid.contains(from), "{from}");
        read_text(&valid.replacen(from, to, 1)).unwrap_err()
    };
    assert_eq!(
        case("\"year\": 2026", "\"year\": 2026, \"budget\": 1"),
        PlanFileProblem::Shape(ShapeProblem::UnknownField {
            field: "plan.budget".into()
        })
    );
    assert_eq!(
        case("\"award_places\": 5", "\"award_places\": \"5\""),
        PlanFileProblem::Shape(ShapeProblem::WrongShape {
            field: "plan.blocs[0].award_places".into(),
            expected: Expected::WholeNumber,
            found: JsonKind::Text
        })
    );
    assert_eq!(
        case("\"id\": \"p-1\"", "\"code\": \"p-1\""),
        PlanFileProblem::Shape(ShapeProblem::UnknownField {
            field: "plan.blocs[0].units[0].code".into()
        })
    );
    assert_eq!(
        case("\"id\": \"toan_trinh\"", "\"id\": \"toàn trình\""),
        PlanFileProblem::Shape(ShapeProblem::WrongShape {
            field: "plan.targets[0].id".into(),
            expected: Expected::Id,
            found: JsonKind::Text
        })
    );
    assert_eq!(
        case("\"question\"", "\"numerator\""),
        PlanFileProblem::Shape(ShapeProblem::UnknownField {
            field: "plan.targets[1].numerator".into()
        })
    );
    assert_eq!(
        case("\"phuong\": true", "\"phuong\": \"yes\""),
        PlanFileProblem::Shape(ShapeProblem::WrongShape {
            field: "plan.targets[1].applies.phuong".into(),
            expected: Expected::Rule,
            found: JsonKind::Text
        })
    );
    assert_eq!(
        case("\"name\": \"Khối xã\"", "\"name\": {\"en\": \"Communes\"}"),
        PlanFileProblem::Shape(ShapeProblem::MissingField {
            field: "plan.blocs[1].name.vi".into()
        })
    );
    assert_eq!(
        case("\"kind\": \"yes_no\"", "\"kind\": 2"),
        PlanFileProblem::Shape(ShapeProblem::WrongShape {
            field: "plan.targets[1].kind".into(),
            expected: Expected::OneOf(&["ratio", "yes_no", "increase"]),
            found: JsonKind::Number
        })
    );
    assert_eq!(
        case(
            "\"phuong\": true",
            "\"phuong\": {\"units\": [\"p-1\"], \"default\": false}"
        ),
        PlanFileProblem::Shape(ShapeProblem::WrongShape {
            field: "plan.targets[1].applies.phuong.default".into(),
            expected: Expected::Absent,
            found: JsonKind::Boolean
        })
    );
}

#[test]
fn values_a_plan_cannot_hold_are_listed_with_the_other_problems() {
    let valid = valid_text();
    let with = |pairs: &[(&str, &str)]| {
        let mut text = valid.clone();
        for (from, to) in pairs {
            assert!(text.contains(from), "{from}");
            text = text.replacen(from, to, 1);
        }
        problems(import_plan_file("p.json", text.as_bytes()))
    };
    assert_eq!(
        with(&[
            ("\"weight\": 2", "\"weight\": 2.5"),
            ("\"phuong\": 87.5", "\"phuong\": -5"),
            ("\"xa\": 60", "\"xa\": 60.00001"),
            ("\"year\": 2026", "\"year\": 1999"),
            ("\"name\": \"Khối xã\"", "\"name\": \" \""),
        ]),
        // In the order of the fields in the file, whoever found them.
        vec![
            problem("plan.year", PlanProblemKind::YearOutOfRange),
            problem("plan.blocs[1].name", PlanProblemKind::EmptyText),
            problem(
                "plan.targets[0].applies.phuong",
                PlanProblemKind::PercentOutOfRange
            ),
            problem(
                "plan.targets[0].applies.xa",
                PlanProblemKind::PercentTooPrecise
            ),
            problem("plan.targets[0].weight", PlanProblemKind::WeightOutOfRange),
        ]
    );
    // Whole numbers written as a spreadsheet may write them are whole numbers.
    let text = valid
        .replacen("\"weight\": 2", "\"weight\": 2.0", 1)
        .replacen("\"year\": 2026", "\"year\": 2026.0", 1)
        .replacen("\"award_places\": 5", "\"award_places\": 5e0", 1);
    assert_eq!(read_text(&text), Ok(can_tho_valid()));
    assert_eq!(
        with(&[("\"year\": 2026", "\"year\": 70000")]),
        vec![problem("plan.year", PlanProblemKind::YearOutOfRange)]
    );
}

#[test]
fn every_form_of_applies_reads_to_its_rule() {
    let valid = valid_text();
    let rules = |applies: &str| {
        let text = valid.replacen("\"phuong\": 87.5", &format!("\"phuong\": {applies}"), 1);
        let plan = read_text(&text).unwrap();
        plan.targets[0].blocs[0].clone()
    };
    let p = |threshold, applies_to| BlocRule {
        bloc: bloc_id("phuong"),
        threshold: Some(Percent::from_whole(threshold)),
        applies_to,
    };
    assert_eq!(rules("90"), p(90, DefaultUnits::All));
    assert_eq!(
        rules("87.12").threshold,
        Some(Percent::from_scaled(871_200))
    );
    assert_eq!(rules("{\"threshold\": 90}"), p(90, DefaultUnits::All));
    assert_eq!(
        rules("{\"threshold\": 90, \"default\": false}"),
        p(90, DefaultUnits::None)
    );
    assert_eq!(
        rules("{\"threshold\": 90, \"units\": [\"p-2\", \"p-4\"]}"),
        p(90, DefaultUnits::Only(vec!["p-2".into(), "p-4".into()]))
    );
    // A ratio target offered without a threshold is a problem of the plan.
    let text = valid.replacen("\"phuong\": 87.5", "\"phuong\": false", 1);
    assert_eq!(
        problems(import_plan_file("p.json", text.as_bytes())),
        vec![problem(
            "plan.targets[0].applies.phuong",
            PlanProblemKind::MissingThreshold
        )]
    );
    // The rules follow the plan's bloc order, whatever the order in the file.
    let text = valid.replacen(
        "\"phuong\": 87.5,\n        \"xa\": 60",
        "\"xa\": 60, \"phuong\": 87.5",
        1,
    );
    assert_eq!(read_text(&text), Ok(can_tho_valid()));
}

#[test]
fn texts_may_carry_english() {
    let valid = valid_text();
    let text = valid.replacen(
        "\"name\": \"Khối xã\"",
        "\"name\": {\"vi\": \"Khối xã\", \"en\": \"Communes\"}",
        1,
    );
    let plan = read_text(&text).unwrap();
    assert_eq!(plan.blocs[1].name, Text::both("Khối xã", "Communes"));
    let again = export_plan_file(&plan);
    assert!(again.contains("\"vi\": \"Khối xã\",\n          \"en\": \"Communes\""));
    assert_eq!(read_text(&again), Ok(plan));
}

// ---------------------------------------------------------------------------------------
// The one plan check
// ---------------------------------------------------------------------------------------

fn check_after(change: impl FnOnce(&mut Plan)) -> Vec<PlanProblem> {
    let mut plan = can_tho_valid();
    change(&mut plan);
    check_plan(&plan)
}

#[test]
fn the_plan_check_names_each_problem_at_its_field() {
    use PlanProblemKind::*;
    let one = |path: &str, kind| vec![problem(path, kind)];
    assert_eq!(
        check_after(|p| p.id = "can tho".into()),
        one("plan.id", NotAnId)
    );
    assert_eq!(
        check_after(|p| p.id = String::new()),
        one("plan.id", NotAnId)
    );
    assert_eq!(
        check_after(|p| p.name = Text::vi(" ")),
        one("plan.name", EmptyText)
    );
    assert_eq!(
        check_after(|p| p.name = Text::both("Tên", "")),
        one("plan.name.en", EmptyText)
    );
    assert_eq!(
        check_after(|p| p.year = 2101),
        one("plan.year", YearOutOfRange)
    );
    assert_eq!(check_after(|p| p.year = 2000), vec![]);
    assert_eq!(
        check_after(|p| {
            p.blocs.clear();
            p.targets.clear();
        }),
        vec![
            problem("plan.blocs", NoBlocs),
            problem("plan.targets", NoTargets)
        ]
    );
    assert_eq!(
        check_after(|p| p.blocs[1].id = bloc_id("phuong")),
        vec![
            problem(
                "plan.blocs[1].id",
                DuplicateId {
                    first: "plan.blocs[0].id".into()
                }
            ),
            // No bloc is called `xa` any more.
            problem("plan.targets[0].applies.xa", UnknownBloc),
            problem("plan.targets[2].applies.xa", UnknownBloc),
        ]
    );
    assert_eq!(
        check_after(|p| p.blocs[1].units[2].id = "p-3".into()),
        one(
            "plan.blocs[1].units[2].id",
            DuplicateId {
                first: "plan.blocs[0].units[2].id".into()
            }
        )
    );
    assert_eq!(
        check_after(|p| p.blocs[0].units[1].id = "other".into()),
        one("plan.blocs[0].units[1].id", ReservedId)
    );
    assert_eq!(
        check_after(|p| p.blocs[0].units[1].id = "p 2".into()),
        one("plan.blocs[0].units[1].id", NotAnId)
    );
    assert_eq!(
        check_after(|p| p.blocs[0].units[1].name = String::new()),
        one("plan.blocs[0].units[1].name", EmptyText)
    );
    assert_eq!(
        check_after(|p| p.targets[2].id = TargetId::new("mot_cua").unwrap()),
        one(
            "plan.targets[2].id",
            DuplicateId {
                first: "plan.targets[1].id".into()
            }
        )
    );
    assert_eq!(
        check_after(|p| p.blocs[0].name = Text::vi("")),
        one("plan.blocs[0].name", EmptyText)
    );
    assert_eq!(
        check_after(|p| p.targets[0].label = Text::vi("")),
        one("plan.targets[0].name", EmptyText)
    );
    for (field, change) in [("numerator", 0), ("denominator", 1), ("one_more", 2)] {
        assert_eq!(
            check_after(|p| {
                if let Measure::Ratio {
                    numerator,
                    denominator,
                    one_more,
                } = &mut p.targets[0].measure
                {
                    *[numerator, denominator, one_more][change] = Text::vi("");
                }
            }),
            one(&format!("plan.targets[0].{field}"), EmptyText)
        );
    }
    assert_eq!(
        check_after(|p| p.targets[1].measure = Measure::YesNo {
            question: Text::vi(""),
            overall_threshold: Some(Percent::from_scaled(905_000)),
        }),
        one("plan.targets[1].question", EmptyText)
    );
    for (field, change) in [("before", 0), ("after", 1)] {
        assert_eq!(
            check_after(|p| {
                if let Measure::Increase { before, after, .. } = &mut p.targets[2].measure {
                    *[before, after][change] = Text::vi("");
                }
            }),
            one(&format!("plan.targets[2].{field}"), EmptyText)
        );
    }
    assert_eq!(
        check_after(|p| p.blocs[1].units.clear()),
        one("plan.blocs[1].units", NoUnits)
    );
    assert_eq!(
        check_after(|p| p.blocs[1].award_places = 0),
        one("plan.blocs[1].award_places", AwardPlaces { units: 3 })
    );
    assert_eq!(
        check_after(|p| p.blocs[1].award_places = 4),
        one("plan.blocs[1].award_places", AwardPlaces { units: 3 })
    );
    assert_eq!(
        check_after(|p| p.targets[1].blocs[0].bloc = bloc_id("thi-tran")),
        one("plan.targets[1].applies.thi-tran", UnknownBloc)
    );
    assert_eq!(
        check_after(|p| p.targets[0].blocs[1].bloc = bloc_id("phuong")),
        one("plan.targets[0].applies.phuong", DuplicateRule)
    );
    assert_eq!(
        check_after(|p| p.targets[0].blocs[1].threshold = None),
        one("plan.targets[0].applies.xa", MissingThreshold)
    );
    assert_eq!(
        check_after(|p| p.targets[0].blocs[1].threshold = Some(Percent::from_scaled(1_000_100))),
        one("plan.targets[0].applies.xa", PercentOutOfRange)
    );
    assert_eq!(
        check_after(|p| p.targets[0].blocs[1].threshold = Some(Percent::from_scaled(871_250))),
        one("plan.targets[0].applies.xa", PercentTooPrecise)
    );
    // Two decimals, 0 and 100 are fine.
    for scaled in [871_200, 0, 1_000_000] {
        assert_eq!(
            check_after(|p| p.targets[0].blocs[1].threshold = Some(Percent::from_scaled(scaled))),
            vec![]
        );
    }
    assert_eq!(
        check_after(|p| p.targets[1].blocs[0].threshold = Some(Percent::from_whole(50))),
        one("plan.targets[1].applies.phuong", ThresholdNotRatio)
    );
    assert_eq!(
        check_after(|p| p.targets[0].blocs[1].applies_to =
            DefaultUnits::Only(vec!["x-1".into(), "p-1".into()])),
        vec![problem(
            "plan.targets[0].applies.xa.units[1]",
            UnknownUnit { unit: "p-1".into() }
        )]
    );
    for (threshold, kind) in [(1_000_001, PercentOutOfRange), (900_001, PercentTooPrecise)] {
        assert_eq!(
            check_after(|p| p.targets[1].measure = Measure::YesNo {
                question: Text::vi("?"),
                overall_threshold: Some(Percent::from_scaled(threshold)),
            }),
            one("plan.targets[1].overall_threshold", kind)
        );
    }
    let bands = |good, fair, average| {
        check_after(|p| {
            p.scoring.bands = RatingBands {
                good,
                fair,
                average,
            }
        })
    };
    assert_eq!(bands(100.0, 50.5, 0.0), vec![]);
    assert_eq!(
        bands(70.0, 90.0, 50.0),
        one("plan.scoring.bands", BandsNotDescending)
    );
    assert_eq!(
        bands(90.0, 70.0, 70.0),
        one("plan.scoring.bands", BandsNotDescending)
    );
    assert_eq!(
        bands(101.0, 70.0, f64::NAN),
        vec![
            problem("plan.scoring.bands.good", BandOutOfRange),
            problem("plan.scoring.bands.average", BandOutOfRange),
        ]
    );
}

#[test]
fn every_problem_is_listed_not_only_the_first() {
    let problems = check_after(|p| {
        p.name = Text::vi("");
        p.blocs[1].units.clear();
        p.targets[0].blocs[0].threshold = Some(Percent::from_whole(101));
    });
    assert_eq!(problems.len(), 3, "{problems:?}");
}

// ---------------------------------------------------------------------------------------
// Fingerprint
// ---------------------------------------------------------------------------------------

#[test]
fn the_fingerprint_follows_the_scoring_rules_only() {
    let plan = can_tho_valid();
    let print = plan.fingerprint();
    assert_eq!(print.len(), 8);
    assert!(print.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(print, can_tho_valid().fingerprint(), "stable");

    let same = |change: fn(&mut Plan)| {
        let mut other = plan.clone();
        change(&mut other);
        assert_eq!(other.fingerprint(), print);
    };
    same(|p| p.name = Text::both("Khác", "Other"));
    same(|p| p.id = "renamed".into());
    same(|p| p.year = 2027);
    same(|p| p.blocs[0].name = Text::vi("Phường"));
    same(|p| p.blocs[0].units[0].name = "Phường Một".into());
    same(|p| p.targets[0].label = Text::vi("Khác"));
    same(|p| p.targets[0].help = Text::vi("Giải thích"));
    same(|p| {
        p.targets[0].measure = Measure::Ratio {
            numerator: Text::vi("a"),
            denominator: Text::vi("b"),
            one_more: Text::vi("c"),
        }
    });

    let differs = |change: fn(&mut Plan)| {
        let mut other = plan.clone();
        change(&mut other);
        assert_ne!(other.fingerprint(), print, "{}", other.rules_text());
    };
    differs(|p| p.targets[0].blocs[0].threshold = Some(Percent::from_scaled(875_100)));
    differs(|p| p.targets[0].blocs[1].applies_to = DefaultUnits::None);
    differs(|p| p.targets[0].blocs[1].applies_to = DefaultUnits::Only(vec!["x-1".into()]));
    differs(|p| {
        p.targets[0].blocs.pop();
    });
    differs(|p| p.targets[0].weight = Weight::new(3).unwrap());
    differs(|p| p.targets[0].id = TargetId::new("toan_trinh_2").unwrap());
    differs(|p| {
        p.targets[1].measure = Measure::YesNo {
            question: Text::vi("?"),
            overall_threshold: Some(Percent::from_whole(90)),
        }
    });
    differs(|p| p.blocs[0].award_places = 4);
    differs(|p| p.blocs[0].units[0].id = "p-0".into());
    differs(|p| p.blocs[0].id = bloc_id("phuong-2"));
    differs(|p| p.scoring.mode = ScoringMode::AllOrNothing);
    differs(|p| p.scoring.bands.good = 85.0);
}

// ---------------------------------------------------------------------------------------
// Round trip, as properties
// ---------------------------------------------------------------------------------------

fn text_strategy() -> impl Strategy<Value = Text> {
    (
        "[a-zA-Zàáạđêệôơưữ \"\\\\/{}0-9]{0,12}[a-zđ]",
        proptest::option::of("[a-zA-Z \"{}]{0,8}[a-z]"),
    )
        .prop_map(|(vi, en)| Text { vi, en })
}

fn optional_text_strategy() -> impl Strategy<Value = Text> {
    prop_oneof![Just(Text::default()), text_strategy()]
}

prop_compose! {
    fn bloc_strategy(index: usize)(
        name in text_strategy(),
        size in 1usize..5,
        places in 1usize..5,
        names in proptest::collection::vec("[A-Za-zđ ]{0,6}[a-z]", 5),
    ) -> Bloc {
        Bloc {
            id: bloc_id(&format!("b{index}")),
            name,
            award_places: places.min(size),
            units: (0..size).map(|u| unit(&format!("u{index}-{u}"), &names[u])).collect(),
        }
    }
}

#[derive(Debug, Clone)]
enum RuleChoice {
    Absent,
    All,
    None,
    First,
}

fn measure_strategy() -> impl Strategy<Value = Measure> {
    prop_oneof![
        (
            text_strategy(),
            text_strategy(),
            proptest::option::of(text_strategy())
        )
            .prop_map(|(numerator, denominator, one_more)| Measure::Ratio {
                one_more: one_more.unwrap_or_else(|| numerator.clone()),
                numerator,
                denominator,
            }),
        (text_strategy(), proptest::option::of(0u64..=10_000)).prop_map(|(question, t)| {
            Measure::YesNo {
                question,
                overall_threshold: t.map(|t| Percent::from_scaled(t * 100)),
            }
        }),
        (
            text_strategy(),
            text_strategy(),
            proptest::option::of(text_strategy())
        )
            .prop_map(|(before, after, one_more)| Measure::Increase {
                one_more: one_more.unwrap_or_else(|| after.clone()),
                before,
                after,
            }),
    ]
}

prop_compose! {
    fn target_strategy(blocs: Vec<Bloc>, index: usize)(
        label in text_strategy(),
        help in optional_text_strategy(),
        measure in measure_strategy(),
        choices in proptest::collection::vec(
            prop_oneof![Just(RuleChoice::Absent), Just(RuleChoice::All), Just(RuleChoice::None), Just(RuleChoice::First)],
            3,
        ),
        thresholds in proptest::collection::vec(0u64..=10_000, 3),
        weight in 0u8..=10,
    ) -> Target {
        let is_ratio = matches!(measure, Measure::Ratio { .. });
        let rules = blocs.iter().zip(&choices).zip(&thresholds).filter_map(|((bloc, choice), t)| {
            let applies_to = match choice {
                RuleChoice::Absent => return None,
                RuleChoice::All => DefaultUnits::All,
                RuleChoice::None => DefaultUnits::None,
                RuleChoice::First => DefaultUnits::Only(vec![bloc.units[0].id.clone()]),
            };
            Some(BlocRule {
                bloc: bloc.id,
                threshold: is_ratio.then(|| Percent::from_scaled(t * 100)),
                applies_to,
            })
        }).collect();
        Target {
            id: TargetId::new(&format!("t{index}")).unwrap(),
            label,
            help,
            measure,
            blocs: rules,
            weight: Weight::new(weight).unwrap(),
        }
    }
}

/// Hundredths as the double a JSON reader makes of the decimal written (`3025` → 30.25).
fn decimal(hundredths: u32) -> f64 {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
        .parse()
        .unwrap()
}

fn plan_strategy() -> impl Strategy<Value = Plan> {
    (1usize..4)
        .prop_flat_map(|n| (0..n).map(bloc_strategy).collect::<Vec<_>>())
        .prop_flat_map(|blocs| {
            let targets: Vec<_> = (0..4).map(|i| target_strategy(blocs.clone(), i)).collect();
            (
                Just(blocs),
                proptest::collection::vec(0usize..4, 1..4),
                targets,
                text_strategy(),
                optional_text_strategy(),
                2000u16..=2100,
                any::<bool>(),
                any::<bool>(),
                (0u32..=3000, 0u32..=3000, 0u32..=3000),
            )
        })
        .prop_map(
            |(blocs, picks, targets, name, issuer, year, example, all_or_nothing, bands)| {
                let mut bands = [bands.0, bands.1, bands.2];
                bands.sort_unstable();
                let targets: Vec<Target> = picks
                    .iter()
                    .enumerate()
                    .map(|(i, pick)| {
                        let mut target = targets[*pick].clone();
                        target.id = TargetId::new(&format!("t{i}")).unwrap();
                        target
                    })
                    .collect();
                Plan {
                    id: "p-1".into(),
                    name,
                    year,
                    issuer,
                    place: Text::default(),
                    example,
                    blocs,
                    targets,
                    scoring: ScoringDefaults {
                        mode: if all_or_nothing {
                            ScoringMode::AllOrNothing
                        } else {
                            ScoringMode::Proportional
                        },
                        // Strictly descending decimals as people write them (30.25).
                        bands: RatingBands {
                            good: decimal(bands[2] + 2),
                            fair: decimal(bands[1] + 1),
                            average: decimal(bands[0]),
                        },
                    },
                }
            },
        )
}

proptest! {
    /// Any plan the check accepts reads back from its file exactly, and writing it again
    /// gives the same text (the canonical form is stable).
    #[test]
    fn export_then_import_is_the_same_plan(plan in plan_strategy()) {
        prop_assert_eq!(check_plan(&plan), vec![]);
        let text = export_plan_file(&plan);
        let read = import_plan_file("p.json", text.as_bytes());
        prop_assert_eq!(read.as_ref(), Ok(&plan));
        prop_assert_eq!(export_plan_file(&read.unwrap()), text);
    }

    /// Arbitrary bytes and mutated plan files never make the reader panic, and whatever it
    /// accepts passes the plan check.
    #[test]
    fn the_reader_never_panics(plan in plan_strategy(), cut in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = export_plan_file(&plan).into_bytes();
        if cut < bytes.len() {
            bytes[cut] = byte;
        }
        if let Ok(read) = import_plan_file("p.json", &bytes) {
            prop_assert_eq!(check_plan(&read), vec![]);
        }
    }
}

/// The extensions as `docs/formats.md` shows them, added to the example.
#[test]
fn the_documented_extensions_read() {
    let target = r#"{"id": "thanh_toan", "name": {"vi": "Hồ sơ thanh toán trực tuyến", "en": "Applications paid online"},
 "help": "Tính trên hồ sơ có phí, lệ phí.", "kind": "ratio",
 "numerator": "Số hồ sơ thanh toán trực tuyến", "denominator": "Số hồ sơ có phí",
 "one_more": "hồ sơ thanh toán trực tuyến",
 "applies": {"phuong": {"threshold": 50, "units": ["p-cai-khe"]}, "xa": {"threshold": 30, "default": false}},
 "weight": 0},
     {"id": "mot_cua""#;
    let text = String::from_utf8(fixture("can-tho-2026-one-place.json"))
        .unwrap()
        .replacen(r#"{"id": "mot_cua""#, target, 1)
        .replacen(
            r#""year": 2026,"#,
            r#""year": 2026, "issuer": "UBND thành phố Cần Thơ", "example": true,
             "scoring": {"mode": "all_or_nothing", "bands": {"good": 85, "fair": 65.5, "average": 40}},"#,
            1,
        );
    let plan = read_text(&text).unwrap();
    assert_eq!(plan.issuer, Text::vi("UBND thành phố Cần Thơ"));
    assert!(plan.example);
    assert_eq!(plan.scoring.mode, ScoringMode::AllOrNothing);
    assert_eq!(plan.scoring.bands.fair, 65.5);
    let added = plan.target_by_key("thanh_toan").unwrap();
    assert_eq!(
        added.label,
        Text::both("Hồ sơ thanh toán trực tuyến", "Applications paid online")
    );
    assert_eq!(added.help, Text::vi("Tính trên hồ sơ có phí, lệ phí."));
    assert_eq!(
        added.one_more(),
        Some(&Text::vi("hồ sơ thanh toán trực tuyến"))
    );
    assert_eq!(added.weight, Weight::new(0).unwrap());
    assert_eq!(
        added.blocs,
        vec![
            rule(
                "phuong",
                Some(50),
                DefaultUnits::Only(vec!["p-cai-khe".into()])
            ),
            rule("xa", Some(30), DefaultUnits::None),
        ]
    );
    assert!(added.applies_by_default(bloc_id("phuong"), "p-cai-khe"));
    assert!(!added.applies_by_default(bloc_id("xa"), "x-phong-dien"));
    assert_eq!(
        import_plan_file("p.json", export_plan_file(&plan).as_bytes()),
        Ok(plan)
    );
}

#[test]
fn every_plan_problem_has_its_own_message_in_both_languages() {
    use cchc_2021::i18n::plan_problem_text;
    use PlanProblemKind::*;
    let kinds = [
        NotAnId,
        ReservedId,
        DuplicateId {
            first: "plan.blocs[0].id".into(),
        },
        EmptyText,
        NoBlocs,
        NoTargets,
        NoUnits,
        AwardPlaces { units: 1234 },
        UnknownBloc,
        DuplicateRule,
        MissingThreshold,
        ThresholdNotRatio,
        PercentOutOfRange,
        PercentTooPrecise,
        UnknownUnit {
            unit: "y-te".into(),
        },
        BandOutOfRange,
        BandsNotDescending,
        YearOutOfRange,
        WeightOutOfRange,
    ];
    for lang in [Lang::Vi, Lang::En] {
        let texts: Vec<String> = kinds.iter().map(|k| plan_problem_text(lang, k)).collect();
        for (i, text) in texts.iter().enumerate() {
            assert!(!text.trim().is_empty());
            assert!(
                texts[..i].iter().all(|other| other != text),
                "{lang:?}: {text} twice"
            );
        }
        assert!(texts[2].contains("plan.blocs[0].id"));
        assert!(texts[14].contains("y-te"));
        assert!(texts[17].contains("2000") && texts[17].contains("2100"));
    }
    // Numbers in each language's format.
    assert!(plan_problem_text(Lang::Vi, &kinds[7]).contains("1.234"));
    assert!(plan_problem_text(Lang::En, &kinds[7]).contains("1,234"));
}

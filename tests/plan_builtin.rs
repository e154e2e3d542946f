//! The built-in plan file `plans/vinh-thanh-2021.json` is today's 2021 tables exactly: read
//! with the plan-file reader, it equals the plan built here from `TARGETS`, `COMMUNES` and
//! `AGENCIES` field by field (ids, texts in both languages, thresholds per bloc, default
//! applicability, award places, units in order, scoring defaults).

use cchc_2021::domain::number::Percent;
use cchc_2021::domain::plan::{
    Bloc, BlocId, BlocRule, DefaultUnits, Measure, Plan, ScoringDefaults, Target, TargetId, Text,
    Unit,
};
use cchc_2021::domain::score::Weight;
use cchc_2021::domain::targets::{self, Applicability, TARGETS};
use cchc_2021::domain::units::{self, AGENCIES, COMMUNES};
use cchc_2021::formats::plan_file::{export_plan_file, import_plan_file};
use cchc_2021::i18n::Lang;

const BUILTIN: &str = include_str!("../plans/vinh-thanh-2021.json");

fn text(t: targets::Text) -> Text {
    Text::both(t.vi, t.en)
}

fn bloc_id(bloc: units::Bloc) -> BlocId {
    BlocId::new(bloc.id()).unwrap()
}

/// The 2021 plan as today's tables define it.
fn plan_from_tables() -> Plan {
    let bloc = |bloc: units::Bloc, name_of: fn(&cchc_2021::i18n::Texts) -> &'static str| Bloc {
        id: bloc_id(bloc),
        name: Text::both(name_of(Lang::Vi.texts()), name_of(Lang::En.texts())),
        award_places: bloc.award_places(),
        units: bloc
            .units()
            .iter()
            .map(|unit| Unit {
                id: unit.id.to_string(),
                name: unit.name.to_string(),
            })
            .collect(),
    };
    let blocs = vec![
        bloc(units::Bloc::Commune, |t| t.bloc_commune),
        bloc(units::Bloc::Agency, |t| t.bloc_agency),
    ];
    let targets = TARGETS
        .iter()
        .map(|t| {
            let measure = match t.measure {
                targets::Measure::Ratio {
                    numerator,
                    denominator,
                    gap_noun,
                    ..
                } => Measure::Ratio {
                    numerator: text(numerator),
                    denominator: text(denominator),
                    one_more: text(gap_noun),
                },
                targets::Measure::YesNo {
                    question,
                    district_threshold,
                } => Measure::YesNo {
                    question: text(question),
                    overall_threshold: Some(Percent::from_whole(district_threshold)),
                },
                targets::Measure::Increase {
                    before,
                    after,
                    gap_noun,
                } => Measure::Increase {
                    before: text(before),
                    after: text(after),
                    one_more: text(gap_noun),
                },
            };
            // Every target is offered to both blocs: today any unit can switch any on.
            let rules = [units::Bloc::Commune, units::Bloc::Agency]
                .into_iter()
                .map(|bloc| {
                    let applies_to = match t.applicability {
                        Applicability::AllUnits => DefaultUnits::All,
                        Applicability::AllAgencies if bloc == units::Bloc::Agency => {
                            DefaultUnits::All
                        }
                        Applicability::Agencies(ids) if bloc == units::Bloc::Agency => {
                            DefaultUnits::Only(ids.iter().map(|id| id.to_string()).collect())
                        }
                        _ => DefaultUnits::None,
                    };
                    BlocRule {
                        bloc: bloc_id(bloc),
                        threshold: t.threshold(bloc),
                        applies_to,
                    }
                })
                .collect();
            Target {
                id: TargetId::new(t.key).unwrap(),
                label: text(t.label),
                help: text(t.help),
                measure,
                blocs: rules,
                weight: Weight::DEFAULT,
            }
        })
        .collect();
    Plan {
        id: "vinh-thanh-2021".into(),
        name: Text::both(Lang::Vi.texts().app_title, Lang::En.texts().app_title),
        year: 2021,
        issuer: Text::both(
            "UBND huyện Vĩnh Thạnh, thành phố Cần Thơ",
            "People's Committee of Vĩnh Thạnh district, Cần Thơ",
        ),
        example: false,
        blocs,
        targets,
        scoring: ScoringDefaults::default(),
    }
}

fn builtin() -> Plan {
    import_plan_file("vinh-thanh-2021.json", BUILTIN.as_bytes()).expect("the built-in plan reads")
}

#[test]
fn the_builtin_plan_file_is_todays_tables_exactly() {
    let plan = builtin();
    let expected = plan_from_tables();
    // Field by field first, so that a difference names its place.
    assert_eq!(plan.blocs, expected.blocs);
    for (read, table) in plan.targets.iter().zip(&expected.targets) {
        assert_eq!(read, table, "target {}", table.id);
    }
    assert_eq!(plan, expected);
}

#[test]
fn the_builtin_plan_answers_like_the_tables() {
    let plan = builtin();
    for t in TARGETS {
        let target = plan.target_by_key(t.key).unwrap();
        for bloc in units::Bloc::ALL {
            let id = bloc_id(bloc);
            assert_eq!(
                target.threshold(id),
                t.threshold(bloc),
                "{} {bloc:?}",
                t.key
            );
            for unit in COMMUNES
                .iter()
                .chain(AGENCIES)
                .map(|u| u.id)
                .chain(["other"])
            {
                assert_eq!(
                    target.applies_by_default(id, unit),
                    t.applies_by_default(bloc, unit),
                    "{} {bloc:?} {unit}",
                    t.key
                );
            }
        }
    }
    assert_eq!(plan.targets.len(), TARGETS.len());
}

#[test]
fn the_builtin_plan_gives_both_languages_for_every_text() {
    let plan = builtin();
    let mut texts = vec![&plan.name, &plan.issuer];
    texts.extend(plan.blocs.iter().map(|b| &b.name));
    for t in &plan.targets {
        texts.push(&t.label);
        texts.push(&t.help);
        match &t.measure {
            Measure::Ratio {
                numerator,
                denominator,
                one_more,
            } => texts.extend([numerator, denominator, one_more]),
            Measure::YesNo { question, .. } => texts.push(question),
            Measure::Increase {
                before,
                after,
                one_more,
            } => texts.extend([before, after, one_more]),
        }
    }
    for text in texts {
        assert!(!text.vi.is_empty(), "{text:?}");
        assert!(
            text.en.as_deref().is_some_and(|en| !en.is_empty()),
            "{text:?}"
        );
    }
}

#[test]
fn the_builtin_plan_exports_and_reads_back_the_same() {
    let plan = builtin();
    let again = import_plan_file("again.json", export_plan_file(&plan).as_bytes()).unwrap();
    assert_eq!(again, plan);
    assert_eq!(again.fingerprint(), plan.fingerprint());
}

/// Unit files carry the fingerprint of their plan's scoring rules: the built-in plan's is
/// pinned, so that a change to its rules (which would flag every unit file written before as
/// scored by another version of the plan) is a decision, not an accident.
#[test]
fn the_builtin_plans_fingerprint_is_pinned() {
    let plan = builtin();
    assert_eq!(plan.fingerprint(), "eab652e1");
}

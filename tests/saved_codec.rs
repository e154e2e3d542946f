//! The saved data's hand-written codec (issue 14: `formats::json`, `formats::saved`) held to
//! what serde's derives did before it: the same bytes written for any workspace, profile
//! and settings, and the same decisions (and values) read from any JSON, well formed or
//! not. serde's derives on the domain types stay as this oracle (the app no longer calls
//! them); the head's writer before the codec is kept here verbatim for the same reason.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use cchc_2021::domain::builtin;
use cchc_2021::domain::figures::{EntryMode, TargetEntry};
use cchc_2021::domain::language::Lang;
use cchc_2021::domain::plan::{BlocId, TargetId};
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::score::{ApplicabilityOverride, ScoringMode, ScoringModel, Weight};
use cchc_2021::domain::small_map::SmallMap;
use cchc_2021::domain::workspace::{ProfileRecord, Workspace};
use cchc_2021::formats::envelope::{self, Stamp};
use cchc_2021::formats::saved::{self, PartOut};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json, Map, Value};

// ---------------------------------------------------------------------------------------
// Values to write
// ---------------------------------------------------------------------------------------

/// Any text, with the characters JSON escapes often.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => Just(String::new()),
        3 => "[0-9., %-]{1,10}",
        2 => ".{0,20}",
        2 => "[\"\\\\\u{0}-\u{1f}\u{7f}a-zà-ỹ😀]{0,12}",
    ]
}

fn any_id() -> impl Strategy<Value = String> {
    "[a-z0-9_.-]{1,12}"
}

fn any_float() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..=10_000).prop_map(|n| f64::from(n) / 100.0),
        any::<f64>(),
        Just(f64::NAN),
        Just(1e16),
        Just(1.5e-7),
    ]
}

fn any_entry() -> impl Strategy<Value = TargetEntry> {
    (
        proptest::option::of(any::<bool>()),
        any::<bool>(),
        proptest::collection::vec(any_text(), 5),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(not_applicable, percent, texts, answer)| TargetEntry {
            not_applicable,
            mode: if percent {
                EntryMode::Percent
            } else {
                EntryMode::Counts
            },
            numerator: texts[0].clone(),
            denominator: texts[1].clone(),
            percent: texts[2].clone(),
            answer,
            before: texts[3].clone(),
            after: texts[4].clone(),
        })
}

/// Any profile: of the built-in plan or another, with entries of known and unknown targets.
fn any_profile() -> impl Strategy<Value = Profile> {
    let target = prop_oneof![
        (0usize..13).prop_map(|i| builtin::plan_ref().targets[i].id),
        any_id().prop_map(|id| TargetId::new(&id).unwrap()),
    ];
    (
        prop_oneof![Just(builtin::PLAN_ID.to_string()), any_id()],
        any_text(),
        any_id(),
        any_text(),
        any_text(),
        proptest::collection::vec((target, any_entry()), 0..6),
    )
        .prop_map(
            |(plan, label, bloc, unit_id, other_name, entries)| Profile {
                plan,
                label,
                bloc: BlocId::new(&bloc).unwrap(),
                unit_id,
                other_name,
                entries: entries.into_iter().collect(),
            },
        )
}

fn any_model() -> impl Strategy<Value = ScoringModel> {
    (
        any::<bool>(),
        proptest::collection::vec((any_id(), 0u8..=10), 0..4),
        proptest::collection::vec((any_id(), any::<bool>()), 0..3),
        (any_float(), any_float(), any_float()),
        proptest::collection::vec((any_id(), any::<usize>()), 0..3),
    )
        .prop_map(|(strict, weights, applicability, bands, places)| {
            let mut model = ScoringModel::default();
            if strict {
                model.mode = ScoringMode::AllOrNothing;
            }
            for (id, weight) in weights {
                model.set_weight(TargetId::new(&id).unwrap(), Weight::new(weight).unwrap());
            }
            for (id, all) in applicability {
                model.applicability.insert(
                    TargetId::new(&id).unwrap(),
                    if all {
                        ApplicabilityOverride::AllUnits
                    } else {
                        ApplicabilityOverride::NoUnit
                    },
                );
            }
            (model.bands.good, model.bands.fair, model.bands.average) = bands;
            for (bloc, count) in places {
                model.award_places.set(BlocId::new(&bloc).unwrap(), count);
            }
            model
        })
}

fn any_workspace() -> impl Strategy<Value = Workspace> {
    (
        proptest::collection::vec((any_profile(), proptest::option::of("[0-9-]{10}")), 1..4),
        any_text(),
        proptest::collection::vec((any_text(), any_text()), 0..3),
        any_model(),
        any::<bool>(),
        proptest::collection::vec((any_id(), any_id()), 0..3),
        proptest::collection::vec((any_id(), any_model()), 0..2),
    )
        .prop_map(
            |(profiles, active, peers, model, english, choices, models)| Workspace {
                profiles: profiles
                    .into_iter()
                    .enumerate()
                    .map(|(i, (profile, exported_at))| {
                        Rc::new(ProfileRecord {
                            id: format!("p{i}"),
                            profile: Rc::new(profile),
                            exported_at,
                        })
                    })
                    .collect(),
                active,
                peer_scores: peers.into_iter().collect(),
                model,
                language: if english { Lang::En } else { Lang::Vi },
                district_choices: choices.into_iter().collect(),
                models: models.into_iter().collect(),
                ..Workspace::default()
            },
        )
}

// ---------------------------------------------------------------------------------------
// The head's writer before the codec (serde's derives), verbatim
// ---------------------------------------------------------------------------------------

mod before {
    use super::*;

    pub enum PartOut<'a> {
        Body(&'a str),
        Inline(&'a RawValue),
    }

    #[derive(Serialize)]
    struct RecordOut<'a> {
        id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        exported_at: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        body: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        profile: Option<&'a RawValue>,
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum PlanOut<'a> {
        Body { id: &'a str, body: &'a str },
        Inline(&'a RawValue),
    }

    #[derive(Serialize)]
    struct DataOut<'a> {
        profiles: Vec<RecordOut<'a>>,
        active: &'a str,
        peer_scores: &'a SmallMap<String, String>,
        model: &'a ScoringModel,
        language: Lang,
        #[serde(skip_serializing_if = "SmallMap::is_empty")]
        district_choices: &'a SmallMap<String, String>,
        #[serde(skip_serializing_if = "SmallMap::is_empty")]
        models: &'a SmallMap<String, ScoringModel>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        plans: Vec<PlanOut<'a>>,
    }

    #[derive(Serialize)]
    struct HeadOut<'a> {
        format: &'a str,
        version: u64,
        revision: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        parents: Option<&'a [String]>,
        data: DataOut<'a>,
    }

    pub fn encode_head(
        data: &Workspace,
        stamp: &Stamp,
        profiles: &[PartOut<'_>],
        plan_ids: &[String],
        plans: &[PartOut<'_>],
    ) -> String {
        let records = data
            .profiles
            .iter()
            .zip(profiles)
            .map(|(record, part)| {
                let (body, profile) = match *part {
                    PartOut::Body(hash) => (Some(hash), None),
                    PartOut::Inline(text) => (None, Some(text)),
                };
                RecordOut {
                    id: &record.id,
                    exported_at: record.exported_at.as_deref(),
                    body,
                    profile,
                }
            })
            .collect();
        let plans = plan_ids
            .iter()
            .zip(plans)
            .map(|(id, part)| match part {
                PartOut::Body(hash) => PlanOut::Body { id, body: hash },
                PartOut::Inline(text) => PlanOut::Inline(text),
            })
            .collect();
        let head = HeadOut {
            format: envelope::FORMAT,
            version: saved::PAGED_VERSION,
            revision: stamp.revision,
            id: stamp.id.as_deref(),
            parents: stamp.id.as_ref().map(|_| stamp.parents.as_slice()),
            data: DataOut {
                profiles: records,
                active: &data.active,
                peer_scores: &data.peer_scores,
                model: &data.model,
                language: data.language,
                district_choices: &data.district_choices,
                models: &data.models,
                plans,
            },
        };
        serde_json::to_string(&head).unwrap()
    }
}

fn any_stamp() -> impl Strategy<Value = Stamp> {
    (
        any::<u64>(),
        proptest::option::of("[0-9a-f]{16}\\.[0-9]{1,3}"),
        proptest::collection::vec("[0-9a-f]{16}\\.[0-9]{1,3}", 0..3),
    )
        .prop_map(|(revision, id, parents)| Stamp {
            revision,
            id,
            parents,
        })
}

proptest! {
    #[test]
    fn a_profile_is_written_as_serde_wrote_it(profile in any_profile()) {
        prop_assert_eq!(saved::profile_text(&profile), serde_json::to_string(&profile).unwrap());
    }

    /// A whole text: the workspace as serde wrote it, its records without their export date
    /// (as `envelope` always wrote them).
    #[test]
    fn a_whole_text_is_written_as_serde_wrote_it(mut data in any_workspace()) {
        for record in data.profiles.iter_mut() {
            Rc::make_mut(record).exported_at = None;
        }
        let expected = format!(
            r#"{{"format":"cchc-2021","version":{},"data":{}}}"#,
            envelope::CURRENT_VERSION,
            serde_json::to_string(&data).unwrap()
        );
        prop_assert_eq!(envelope::encode(&data), expected);
    }

    /// A head, with its records and plans named by body or inline, as serde wrote it.
    #[test]
    fn a_head_is_written_as_serde_wrote_it(
        data in any_workspace(),
        stamp in any_stamp(),
        inline in proptest::collection::vec(any::<bool>(), 4),
        plans in proptest::collection::vec((any_id(), any::<bool>()), 0..3),
    ) {
        let texts: Vec<String> = data.profiles.iter().map(|r| saved::profile_text(&r.profile)).collect();
        let raws: Vec<Box<RawValue>> = texts.iter().map(|t| RawValue::from_string(t.clone()).unwrap()).collect();
        let plan_text = r#"{"format":"cchc-plan","plan":{"id":"x"},"version":1}"#;
        let plan_raw = RawValue::from_string(plan_text.to_string()).unwrap();
        let new: Vec<PartOut> = texts.iter().zip(&inline).map(|(t, inline)| if *inline { PartOut::Inline(t) } else { PartOut::Body("0123456789abcdef") }).collect();
        let old: Vec<before::PartOut> = raws.iter().zip(&inline).map(|(t, inline)| if *inline { before::PartOut::Inline(t) } else { before::PartOut::Body("0123456789abcdef") }).collect();
        let new_plans: Vec<PartOut> = plans.iter().map(|(_, inline)| if *inline { PartOut::Inline(plan_text) } else { PartOut::Body("fedcba9876543210") }).collect();
        let old_plans: Vec<before::PartOut> = plans.iter().map(|(_, inline)| if *inline { before::PartOut::Inline(&plan_raw) } else { before::PartOut::Body("fedcba9876543210") }).collect();
        let ids: Vec<String> = plans.iter().map(|(id, _)| id.clone()).collect();
        let mut with_plans = data.clone();
        let plan = builtin::plan();
        with_plans.plans = ids.iter().map(|id| { let mut p = cchc_2021::domain::plan::Plan::clone(&plan); p.id = id.clone(); Rc::new(p) }).collect();
        prop_assert_eq!(
            saved::encode_head(&with_plans, &stamp, &new, &new_plans),
            before::encode_head(&data, &stamp, &old, &ids, &old_plans)
        );
    }
}

// ---------------------------------------------------------------------------------------
// Values to read: what the app writes, altered in every way a field can be
// ---------------------------------------------------------------------------------------

/// Any small JSON value, of every kind and every kind of number.
fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(|n| json!(n)),
        any::<i64>().prop_map(|n| json!(n)),
        (-5.0f64..20.0).prop_map(|n| json!(n)),
        Just(json!(2.0)),
        Just(json!(1e300)),
        Just(json!(4294967296u64)),
        "[a-z_]{0,8}".prop_map(Value::String),
        Just(json!("no pe")),
        Just(json!({})),
        Just(json!([])),
    ];
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::vec(("[a-z_]{1,6}", inner), 0..3)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// `value` changed at random: a field removed, replaced by anything or given a value of
/// another field, an unknown field added, the object turned into the array of its values,
/// or left as it was; recursively.
fn altered(value: Value) -> BoxedStrategy<Value> {
    let kept = Just(value.clone());
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            let children: Vec<BoxedStrategy<(String, Value)>> = map
                .into_iter()
                .map(|(key, child)| altered(child).prop_map(move |c| (key.clone(), c)).boxed())
                .collect();
            let rebuilt = children.prop_map(|fields| Value::Object(fields.into_iter().collect()));
            let n = keys.len().max(1);
            (rebuilt, 0..6u8, 0..n, junk(), any::<bool>())
                .prop_map(move |(mut object, how, at, junk, flag)| {
                    if let Value::Object(map) = &mut object {
                        let key = keys.get(at).cloned().unwrap_or_default();
                        match how {
                            0 => {
                                map.remove(&key);
                            }
                            1 => {
                                map.insert(key, junk);
                            }
                            2 => {
                                map.insert("unknown".into(), junk);
                            }
                            3 if flag => {
                                return Value::Array(map.values().cloned().collect());
                            }
                            _ => {}
                        }
                    }
                    object
                })
                .boxed()
        }
        Value::Array(items) => {
            let children: Vec<BoxedStrategy<Value>> = items.into_iter().map(altered).collect();
            children.prop_map(Value::Array).boxed()
        }
        _ => prop_oneof![4 => kept, 1 => junk()].boxed(),
    }
}

fn profile_value() -> impl Strategy<Value = Value> {
    any_profile().prop_flat_map(|p| altered(serde_json::to_value(&p).unwrap()))
}

fn workspace_value() -> impl Strategy<Value = Value> {
    any_workspace().prop_flat_map(|data| altered(serde_json::to_value(&data).unwrap()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// A profile from a parsed value: refused where serde refused it, else the same profile.
    #[test]
    fn a_profile_is_read_as_serde_read_it(value in profile_value()) {
        let expected = serde_json::from_value::<Profile>(value.clone()).ok();
        prop_assert_eq!(saved::profile_of(&value).ok(), expected, "{}", value);
    }

    /// And from its text (a body): keys are never repeated in what is generated here (see
    /// `formats::saved::profile_from_text` on repeated keys).
    #[test]
    fn a_profile_body_is_read_as_serde_read_it(value in profile_value()) {
        let text = value.to_string();
        let expected = serde_json::from_str::<Profile>(&text).ok();
        prop_assert_eq!(saved::profile_from_text(&text), expected, "{}", text);
    }

    #[test]
    fn a_workspace_is_read_as_serde_read_it(value in workspace_value()) {
        let expected = serde_json::from_value::<Workspace>(value.clone()).ok();
        prop_assert_eq!(saved::workspace_of(&value).ok(), expected, "{}", value);
    }

    #[test]
    fn anything_is_read_as_serde_read_it(value in junk()) {
        prop_assert_eq!(saved::profile_of(&value).ok(), serde_json::from_value::<Profile>(value.clone()).ok());
        prop_assert_eq!(saved::workspace_of(&value).ok(), serde_json::from_value::<Workspace>(value.clone()).ok());
    }
}

/// The corners serde's derives read that the generators above rarely reach.
#[test]
fn the_corners_serde_read_are_read_the_same() {
    let profile = |text: &str| {
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            saved::profile_of(&value).ok(),
            serde_json::from_value::<Profile>(value.clone()).ok(),
            "{text}"
        );
        assert_eq!(
            saved::profile_from_text(text),
            serde_json::from_str::<Profile>(text).ok(),
            "{text}"
        );
    };
    for text in [
        "{}",
        "[]",
        r#"["", "x"]"#,
        r#"["", "x", "commune", "", "", {}, 7]"#,
        r#"{"entries":{"recruitment":{"mode":{"percent":null}}}}"#,
        r#"{"entries":{"recruitment":{"mode":{"percent":1}}}}"#,
        r#"{"entries":{"recruitment":{"mode":{"percent":null,"counts":null}}}}"#,
        r#"{"entries":{"recruitment":[null,"percent","1"]}}"#,
        r#"{"entries":[]}"#,
        r#"{"bloc":"no pe"}"#,
        r#"{"bloc":null}"#,
        r#"{"label":null}"#,
        r#"{"entries":{"recruitment":{"answer":null,"not_applicable":null}}}"#,
        r#"{"entries":{"recruitment":{"answer":1}}}"#,
        "null",
        "7",
    ] {
        profile(text);
    }
    let workspace = |text: &str| {
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            saved::workspace_of(&value).ok(),
            serde_json::from_value::<Workspace>(value.clone()).ok(),
            "{text}"
        );
    };
    for text in [
        "{}",
        "[]",
        "null",
        r#"{"profiles":{}}"#,
        r#"{"profiles":[]}"#,
        r#"{"profiles":[{"id":"p1"}]}"#,
        r#"{"profiles":[{"profile":{}}]}"#,
        r#"{"profiles":[{"id":"p1","profile":{},"exported_at":null}]}"#,
        r#"{"profiles":[{"id":"p1","profile":{},"exported_at":3}]}"#,
        r#"{"profiles":[["p1",{}]]}"#,
        r#"{"profiles":[["p1"]]}"#,
        r#"{"profiles":[["p1",{},"2026-01-01",4]]}"#,
        r#"{"model":{"bands":{"good":1,"fair":2}}}"#,
        r#"{"model":{"bands":[1,2,3]}}"#,
        r#"{"model":{"bands":[1,2]}}"#,
        r#"{"model":{"bands":{"good":1,"fair":2,"average":-3.5}}}"#,
        r#"{"model":{"weights":{"recruitment":1e308,"x":-4,"y":2.5}}}"#,
        r#"{"model":{"weights":{"recruitment":"2"}}}"#,
        r#"{"model":{"award_places":{"commune":2.0}}}"#,
        r#"{"model":{"award_places":{"commune":-1}}}"#,
        r#"{"model":{"award_places":{"commune":18446744073709551615}}}"#,
        r#"{"model":{"applicability":{"recruitment":"no_unit","x":"all_units"}}}"#,
        r#"{"model":{"applicability":{"recruitment":"some"}}}"#,
        r#"{"model":{"mode":"all_or_nothing"}}"#,
        r#"{"model":{"mode":{"proportional":null}}}"#,
        r#"{"language":"en"}"#,
        r#"{"language":"fr"}"#,
        r#"{"models":{"a":{},"b":[]}}"#,
        r#"{"models":{"a":7}}"#,
        r#"{"peer_scores":{"1":"2","3":4}}"#,
        r#"{"district_choices":{"1":"p1"},"plans":7,"active_hint":1}"#,
        r#"[[],"p1",{},{},"vi",{},{},8]"#,
    ] {
        workspace(text);
    }
}

/// Saved text from every version reads back as serde read it, and each profile's record
/// and whole text are written back unchanged.
#[test]
fn every_saved_fixture_reads_as_serde_read_it() {
    for text in [
        include_str!("fixtures/saved/v1.json"),
        include_str!("fixtures/saved/v1-revision.json"),
        include_str!("fixtures/saved/v2.json"),
    ] {
        let mut value: Value = serde_json::from_str(text).unwrap();
        let mut data = value["data"].take();
        if let Some(map) = data.as_object_mut() {
            map.remove("plans");
        }
        let expected = serde_json::from_value::<Workspace>(data.clone()).unwrap();
        assert_eq!(saved::workspace_of(&data).unwrap(), expected);
        for record in data["profiles"].as_array().unwrap() {
            let profile = saved::profile_of(&record["profile"]).unwrap();
            assert_eq!(
                saved::profile_text(&profile),
                serde_json::to_string(&profile).unwrap()
            );
        }
    }
    let items: Map<String, Value> =
        serde_json::from_str(include_str!("fixtures/saved/v4-storage.json")).unwrap();
    for (key, text) in &items {
        if key.contains(":p:") {
            let text = text.as_str().unwrap();
            let profile = saved::profile_from_text(text).unwrap();
            assert_eq!(
                Some(&profile),
                serde_json::from_str::<Profile>(text).ok().as_ref()
            );
            assert_eq!(saved::profile_text(&profile), text);
        }
    }
}

//! The example plans shipped in `plans/examples` (made by scripts/make-example-plans.mjs):
//! their shape, checked on the JSON itself. (When the plan-file reader is merged, each must
//! also read with no problem: see `formats::plan_file`.)
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;
use std::path::PathBuf;

use serde_json::Value;

fn example(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("plans/examples")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

fn is_key(text: &str) -> bool {
    (1..=40).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

fn text<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} is not a text: {value}"))
}

/// Checks what the plan file's contract asks and returns (units per bloc, targets).
fn check_shape(file: &Value) -> (Vec<usize>, usize) {
    assert_eq!(file["format"], "cchc-plan");
    assert_eq!(file["version"], 1);
    let plan = &file["plan"];
    assert!(is_key(text(plan, "id")));
    assert!(!text(plan, "name").trim().is_empty());
    assert!((2000..=2100).contains(&plan["year"].as_u64().expect("a year")));
    let blocs = plan["blocs"].as_array().expect("blocs");
    assert!(!blocs.is_empty());
    let mut bloc_ids = HashSet::new();
    let mut unit_ids = HashSet::new();
    let mut sizes = Vec::new();
    for bloc in blocs {
        assert!(is_key(text(bloc, "id")) && bloc_ids.insert(text(bloc, "id")));
        assert!(!text(bloc, "name").trim().is_empty());
        let units = bloc["units"].as_array().expect("units");
        let places = bloc["award_places"].as_u64().expect("award places") as usize;
        assert!((1..=units.len()).contains(&places), "{}", bloc["id"]);
        for unit in units {
            let id = text(unit, "id");
            assert!(is_key(id) && id != "other", "{id}");
            assert!(unit_ids.insert(id), "unit id {id} twice");
            assert!(!text(unit, "name").trim().is_empty());
        }
        sizes.push(units.len());
    }
    let targets = plan["targets"].as_array().expect("targets");
    let mut target_ids = HashSet::new();
    for target in targets {
        let id = text(target, "id");
        assert!(is_key(id) && target_ids.insert(id), "target id {id}");
        assert!(!text(target, "name").trim().is_empty());
        let kind = text(target, "kind");
        let words: &[&str] = match kind {
            "ratio" => &["numerator", "denominator"],
            "yes_no" => &["question"],
            "increase" => &["before", "after"],
            other => panic!("unknown kind {other}"),
        };
        for word in words {
            assert!(!text(target, word).trim().is_empty(), "{id}.{word}");
        }
        if let Some(weight) = target.get("weight") {
            assert!(weight.as_u64().is_some_and(|w| w <= 10), "{id}.weight");
        }
        let applies = target["applies"].as_object().expect("applies");
        assert!(!applies.is_empty(), "{id} is offered to no bloc");
        for (bloc, rule) in applies {
            assert!(bloc_ids.contains(bloc.as_str()), "{id}.applies.{bloc}");
            if kind == "ratio" {
                let threshold = rule.as_f64().expect("a threshold");
                let hundredths = threshold * 100.0;
                assert!((0.0..=100.0).contains(&threshold), "{id}.applies.{bloc}");
                assert!(
                    (hundredths - hundredths.round()).abs() < 1e-6,
                    "{id}.applies.{bloc}: {threshold} has more than two decimals"
                );
            } else {
                assert_eq!(rule, &Value::Bool(true), "{id}.applies.{bloc}");
            }
        }
    }
    (sizes, targets.len())
}

#[test]
fn the_example_province_has_wards_communes_and_todays_targets() {
    let file = example("tinh-an-hoa-2026.json");
    let (sizes, targets) = check_shape(&file);
    let plan = &file["plan"];
    assert_eq!(plan["example"], true);
    assert!(text(plan, "name").contains("(ví dụ)"));
    assert_eq!(sizes, [60, 180]);
    assert!((8..=10).contains(&targets));
    let all = plan["targets"].as_array().unwrap();
    for kind in ["ratio", "yes_no", "increase"] {
        assert!(all.iter().any(|t| t["kind"] == kind), "no {kind} target");
    }
    // The blocs are asked different shares.
    let differ = all
        .iter()
        .filter(|t| t["kind"] == "ratio")
        .filter(|t| t["applies"]["phuong"] != t["applies"]["xa"])
        .count();
    assert!(differ >= 5, "{differ}");
}

#[test]
fn the_scale_plan_has_a_bloc_of_170_units_and_40_targets() {
    let file = example("scale-170x40.json");
    let (sizes, targets) = check_shape(&file);
    assert_eq!(sizes, [170]);
    assert_eq!(targets, 40);
}

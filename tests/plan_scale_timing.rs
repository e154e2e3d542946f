//! Issue 12, item 7: what a keystroke costs natively with the 170-unit × 40-target plan
//! (`plans/examples/scale-170x40.json`) and a profile for each of the 170 units, the same
//! saved data as bench/browser.mjs's "plan keystrokes". Not a test of behaviour: run by hand
//!     cargo test --release --test plan_scale_timing -- --ignored --nocapture
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::time::Instant;

use cchc_2021::domain::bloc_table::ScoreCache;
use cchc_2021::formats::{envelope, plan_file};
use serde_json::{json, Value};

fn saved_data() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans/examples/scale-170x40.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let plan = &file["plan"];
    let bloc = &plan["blocs"][0];
    let profiles: Vec<Value> = bloc["units"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            let mut entries = serde_json::Map::new();
            for (t, target) in plan["targets"].as_array().unwrap().iter().enumerate() {
                let k = i * 7 + t * 3;
                let entry = match target["kind"].as_str().unwrap() {
                    "ratio" => json!({"numerator": (k % 41).to_string(), "denominator": "40"}),
                    "yes_no" => json!({"answer": k % 3 != 0}),
                    _ => {
                        json!({"before": (k % 13).to_string(), "after": ((k * 5) % 17).to_string()})
                    }
                };
                entries.insert(target["id"].as_str().unwrap().to_string(), entry);
            }
            json!({"id": format!("p{}", i + 1), "profile": {"plan": plan["id"], "bloc": bloc["id"],
                "unit_id": unit["id"], "entries": entries}})
        })
        .collect();
    json!({"format": "cchc-2021", "version": 2,
        "data": {"profiles": profiles, "active": "p1", "plans": [file]}})
    .to_string()
}

fn median_ms(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

#[test]
#[ignore]
fn plan_scale_timing() {
    let text = saved_data();
    let mut data = envelope::decode(&text).expect("the bench's saved data reads");
    assert_eq!(data.profiles.len(), 170);
    let plan = data.active_plan();
    assert_eq!(plan.targets.len(), 40);
    let mut cache = ScoreCache::default();
    let table = data.bloc_table_with(&mut cache);
    assert_eq!(table.rows.len(), 170);
    let (mut table_ms, mut summary_ms, mut encode_ms, mut plan_ms) =
        (vec![], vec![], vec![], vec![]);
    let mut chars = 0;
    for i in 0..41 {
        // A keystroke: one figure of the active profile changes.
        let entry = data
            .active_profile_mut()
            .entries
            .values_mut()
            .next()
            .unwrap();
        entry.numerator = if i % 2 == 0 {
            "5".into()
        } else {
            String::new()
        };
        let start = Instant::now();
        let table = data.bloc_table_with(&mut cache);
        table_ms.push(start.elapsed().as_secs_f64() * 1e3);
        assert_eq!(table.rows.len(), 170);
        let start = Instant::now();
        let summary = data.active_profile().summary(&plan, &data.model_of(&plan));
        summary_ms.push(start.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(summary);
        let start = Instant::now();
        let saved = envelope::encode(&data);
        encode_ms.push(start.elapsed().as_secs_f64() * 1e3);
        chars = saved.len();
        // Of which the plan, saved as a plan file (exported, then read back as a `Value`).
        let start = Instant::now();
        std::hint::black_box(plan_file::plan_to_value(&plan));
        plan_ms.push(start.elapsed().as_secs_f64() * 1e3);
    }
    println!(
        "PLAN_SCALE_TIMING profiles=170 targets=40 bloc_table_ms={:.3} summary_ms={:.3} encode_ms={:.3} (plan_to_value_ms={:.3}) saved_chars={chars}",
        median_ms(table_ms),
        median_ms(summary_ms),
        median_ms(encode_ms),
        median_ms(plan_ms),
    );
}

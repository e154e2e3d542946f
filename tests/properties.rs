//! Invariants of the core, checked by property tests (proptest), and robustness of every
//! reader of outside data against arbitrary and mutated input (never a panic).
//!
//! The normal run uses proptest's default number of cases; long runs for fuzzing set
//! `PROPTEST_CASES` (see docs/testing.md for the documented runs).
#![cfg(not(target_arch = "wasm32"))]

use cchc_2021::domain::bloc_table::{BlocTable, ScoreCache};
use cchc_2021::domain::builtin;
use cchc_2021::domain::evaluate::{evaluate, Gap, Status};
use cchc_2021::domain::figures::{EntryMode, TargetEntry};
use cchc_2021::domain::number::{
    format_count, format_gap_points, format_hundredths, format_scaled, parse_count, parse_percent,
    NumberStyle, Percent, HUNDREDTHS_EXACT_BELOW, MAX_COUNT, PERCENT_DECIMALS, PERCENT_SCALE,
};
use cchc_2021::domain::plan::Measure;
use cchc_2021::domain::plan::{BlocId, OTHER_UNIT_ID};
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::rank::{rank_among, rank_rows, standing};
use cchc_2021::domain::score::{ScoringMode, ScoringModel, Weight};
use cchc_2021::domain::workspace::Workspace;
use cchc_2021::formats::envelope;
use cchc_2021::formats::share_link::{decode_share_fragment, encode_share_fragment};
use cchc_2021::formats::unit_file::{export_unit_file, import_unit_file};
use proptest::prelude::*;

const STYLES: [NumberStyle; 2] = [NumberStyle::Vietnamese, NumberStyle::English];

/// A percentage (in ten-thousandths) typed for the `pick`-th ratio target, judged.
fn evaluate_typed(
    actual: u64,
    pick: usize,
    bloc: BlocId,
) -> cchc_2021::domain::evaluate::Evaluation {
    let targets = ratio_targets();
    let target = &builtin::plan_ref().targets[targets[pick % targets.len()]];
    let entry = TargetEntry {
        not_applicable: Some(false),
        mode: EntryMode::Percent,
        percent: format!("{},{:04}", actual / PERCENT_SCALE, actual % PERCENT_SCALE),
        ..Default::default()
    };
    evaluate(target, &entry, bloc, "")
}

fn ratio_targets() -> Vec<usize> {
    builtin::plan_ref()
        .targets
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.measure, Measure::Ratio { .. }))
        .map(|(i, _)| i)
        .collect()
}

/// A commune profile with counts `(n, d)` for each of its ratio targets.
fn profile_with(counts: &[(u64, u64)]) -> Profile {
    let mut profile = Profile::default();
    profile.set_unit(
        builtin::plan_ref(),
        &builtin::plan_ref().blocs[0].units[2].id,
    );
    for (index, &(n, d)) in ratio_targets().iter().zip(counts) {
        let target = &builtin::plan_ref().targets[*index];
        profile.update_entry(target.id, |e| {
            *e = TargetEntry {
                numerator: n.to_string(),
                denominator: d.to_string(),
                ..Default::default()
            }
        });
    }
    profile
}

fn counts_strategy() -> impl Strategy<Value = Vec<(u64, u64)>> {
    proptest::collection::vec(
        (0u64..2_000, 0u64..2_000).prop_map(|(a, b)| (a.min(b), a.max(b))),
        11,
    )
}

fn model_strategy() -> impl Strategy<Value = ScoringModel> {
    (any::<bool>(), proptest::collection::vec(0u8..5, 13)).prop_map(|(strict, weights)| {
        let mut model = ScoringModel::default();
        if strict {
            model.mode = ScoringMode::AllOrNothing;
        }
        for (target, weight) in builtin::plan_ref().targets.iter().zip(weights) {
            model.set_weight(target.id, Weight::new(weight).unwrap());
        }
        model
    })
}

/// What `format_hundredths` replaced: float formatting.
fn hundredths_by_float_formatting(value: f64) -> String {
    format!("{:.2}", (value * 100.0).round() / 100.0)
}

/// Values near what scores look like: whole hundredths, halves between them, and values a
/// rounding step away, at every scale up to the exact bound.
fn hundredths_strategy() -> impl Strategy<Value = f64> {
    let limit = HUNDREDTHS_EXACT_BELOW / 100.0;
    prop_oneof![
        -limit..limit,
        -200.0..200.0f64,
        (0.0..1.0f64, 0u32..44).prop_map(|(x, scale)| x * 2f64.powi(scale as i32) / 100.0),
        (-(1i64 << 43)..(1i64 << 43), 0usize..5).prop_map(|(h, nudge)| {
            let base = h as f64 / 100.0;
            [
                base,
                base + 0.005,
                base - 0.005,
                f64::from_bits(base.to_bits() + 1),
                f64::from_bits(base.to_bits().saturating_sub(1)),
            ][nudge]
        }),
        // Any bit pattern: NaNs, infinities, subnormals and the rest below the bound.
        any::<u64>()
            .prop_map(f64::from_bits)
            .prop_filter("below the exact bound", |v| {
                let hundredths = (v * 100.0).round().abs();
                hundredths.is_nan()
                    || hundredths.is_infinite()
                    || hundredths < HUNDREDTHS_EXACT_BELOW
            }),
    ]
}

/// An edit of a workspace, as the page makes them.
#[derive(Debug, Clone)]
enum Edit {
    /// Counts for one ratio target of the active profile.
    Counts(usize, u64, u64),
    /// The active profile becomes this unit of the commune bloc, or an "other" unit.
    Unit(Option<usize>),
    Switch(usize),
    Add,
    Duplicate,
    Delete(usize),
    Model(ScoringModel),
    PeerScore(usize, u64),
    /// The sandbox takes the screen, or gives it back (the same cache serves both).
    OtherWorkspace,
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0usize..11, 0u64..50, 0u64..50).prop_map(|(t, a, b)| Edit::Counts(t, a.min(b), a.max(b))),
        1 => proptest::option::of(0usize..11).prop_map(Edit::Unit),
        2 => any::<usize>().prop_map(Edit::Switch),
        1 => Just(Edit::Add),
        1 => Just(Edit::Duplicate),
        1 => any::<usize>().prop_map(Edit::Delete),
        1 => model_strategy().prop_map(Edit::Model),
        1 => (0usize..11, 0u64..=100).prop_map(|(u, s)| Edit::PeerScore(u, s)),
        1 => Just(Edit::OtherWorkspace),
    ]
}

/// The bloc table made afresh (no cache).
fn fresh_table(workspace: &Workspace) -> BlocTable {
    workspace.bloc_table_with(&mut ScoreCache::default())
}

fn apply(workspace: &mut Workspace, edit: &Edit) {
    let id_at = |w: &Workspace, i: usize| w.profiles[i % w.profiles.len()].id.clone();
    match edit {
        Edit::Counts(target, n, d) => {
            let id = builtin::plan_ref().targets[ratio_targets()[*target]].id;
            workspace.active_profile_mut().update_entry(id, |e| {
                e.numerator = n.to_string();
                e.denominator = d.to_string();
            });
        }
        Edit::Unit(Some(unit)) => workspace.active_profile_mut().set_unit(
            builtin::plan_ref(),
            &builtin::plan_ref().blocs[0].units[*unit].id,
        ),
        Edit::Unit(None) => {
            let profile = workspace.active_profile_mut();
            profile.set_bloc(builtin::plan_ref(), builtin::COMMUNE);
            profile.set_unit(builtin::plan_ref(), OTHER_UNIT_ID);
            profile.other_name = format!("Đơn vị {}", profile.entries.len());
        }
        Edit::Switch(i) => {
            let id = id_at(workspace, *i);
            workspace.switch_to(&id);
        }
        Edit::Add => {
            workspace.add_profile(profile_with(&[(1, 2)]));
        }
        Edit::Duplicate => {
            workspace.duplicate_active();
        }
        Edit::Delete(i) => {
            let id = id_at(workspace, *i);
            workspace.delete(&id);
        }
        Edit::Model(model) => workspace.model = model.clone(),
        Edit::PeerScore(unit, score) => {
            workspace.peer_scores.insert(
                builtin::plan_ref().blocs[0].units[*unit].id.to_string(),
                score.to_string(),
            );
        }
        Edit::OtherWorkspace => {}
    }
}

proptest! {
    /// The bloc table computed with the cache of scores (as the page does, keeping each
    /// previous workspace alive as the previous state does) is always the one computed from
    /// scratch, whatever the edits, the model changes and the switches between workspaces.
    #[test]
    fn cached_scores_always_equal_recomputed_ones(
        start in proptest::collection::vec(counts_strategy(), 1..6),
        edits in proptest::collection::vec(edit_strategy(), 1..40),
    ) {
        let profiles: Vec<Profile> = start.iter().map(|c| profile_with(c)).collect();
        let mut screens = [Workspace::with_profiles(profiles), Workspace::default()];
        let mut on_screen = 0;
        let mut cache = ScoreCache::default();
        let mut history = Vec::new();
        prop_assert_eq!(screens[0].bloc_table_with(&mut cache), fresh_table(&screens[0]));
        for edit in &edits {
            if let Edit::OtherWorkspace = edit {
                on_screen = 1 - on_screen;
            }
            history.push(screens[on_screen].clone());
            apply(&mut screens[on_screen], edit);
            let workspace = &screens[on_screen];
            prop_assert_eq!(workspace.bloc_table_with(&mut cache), fresh_table(workspace), "after {:?}", edit);
            // The cache holds the scores of this table's profiles, no more.
            prop_assert!(cache.len() <= workspace.profiles.len());
        }
    }

    #[test]
    fn hundredths_are_written_as_float_formatting_wrote_them(value in hundredths_strategy()) {
        prop_assert_eq!(format_hundredths(value), hundredths_by_float_formatting(value));
    }

    #[test]
    fn counts_format_and_parse_back(value in 0..=MAX_COUNT) {
        for style in STYLES {
            prop_assert_eq!(parse_count(&format_count(value, style)), Ok(Some(value)));
        }
    }

    #[test]
    fn percentages_format_and_parse_back(scaled in 0..=100 * PERCENT_SCALE) {
        for style in STYLES {
            // All four decimals: the one number reader takes a single mark before exactly
            // three digits as thousands ("1.000" is one thousand), so "65,125" is 65 125.
            let whole = format_scaled(scaled / PERCENT_SCALE * PERCENT_SCALE, PERCENT_DECIMALS, 0, style);
            let mark = if style == NumberStyle::Vietnamese { ',' } else { '.' };
            let text = format!("{whole}{mark}{:04}", scaled % PERCENT_SCALE);
            prop_assert_eq!(parse_percent(&text), Ok(Some(Percent::from_scaled(scaled))));
        }
    }

    #[test]
    fn raising_a_numerator_never_lowers_attainment_score_or_rank(
        counts in counts_strategy(),
        pick in 0usize..11,
        raise in 1u64..500,
        model in model_strategy(),
        peers in proptest::collection::vec(proptest::option::of(0.0f64..100.0), 10),
    ) {
        let before = profile_with(&counts);
        let mut raised = counts.clone();
        let (n, d) = raised[pick];
        raised[pick] = ((n + raise).min(d), d);
        let after = profile_with(&raised);
        let target = &builtin::plan_ref().targets[ratio_targets()[pick]];
        let (e0, e1) = (before.evaluate(target, &model), after.evaluate(target, &model));
        prop_assert!(e1.attainment >= e0.attainment);
        let (s0, s1) = (before.summary(builtin::plan_ref(), &model).score, after.summary(builtin::plan_ref(), &model).score);
        prop_assert!(s1 >= s0 - 1e-9, "score fell from {s0} to {s1}");
        let (r0, r1) = (rank_among(s0, &peers), rank_among(s1, &peers));
        prop_assert!(r1.best <= r0.best && r1.worst <= r0.worst);
    }

    #[test]
    fn lowering_a_denominator_never_lowers_attainment_or_score(
        counts in counts_strategy(),
        pick in 0usize..11,
        lower in 1u64..500,
        model in model_strategy(),
    ) {
        let (n, d) = counts[pick];
        prop_assume!(d > n && d > 1);
        let mut lowered = counts.clone();
        lowered[pick] = (n, d.saturating_sub(lower).max(n).max(1));
        let (before, after) = (profile_with(&counts), profile_with(&lowered));
        let target = &builtin::plan_ref().targets[ratio_targets()[pick]];
        prop_assert!(after.evaluate(target, &model).attainment >= before.evaluate(target, &model).attainment);
        prop_assert!(after.summary(builtin::plan_ref(), &model).score >= before.summary(builtin::plan_ref(), &model).score - 1e-9);
    }

    #[test]
    fn the_score_stays_between_0_and_100_under_any_model(counts in counts_strategy(), model in model_strategy()) {
        let summary = profile_with(&counts).summary(builtin::plan_ref(), &model);
        prop_assert!((0.0..=100.0).contains(&summary.score));
        prop_assert!(summary.met <= summary.applicable);
    }

    #[test]
    fn ranking_does_not_depend_on_input_order(
        scores in proptest::collection::vec(proptest::option::of(0.0f64..100.0), 1..40),
        own in 0.0f64..100.0,
        seed in any::<u64>(),
        places in 1usize..10,
    ) {
        let mut shuffled = scores.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(standing(own, &scores, places), standing(own, &shuffled, places));
        // Each row keeps its rank wherever it stands.
        let ranks = rank_rows(&scores);
        let shuffled_ranks = rank_rows(&shuffled);
        for (score, rank) in scores.iter().zip(&ranks) {
            let position = shuffled.iter().position(|s| s == score).unwrap();
            prop_assert_eq!(*rank, shuffled_ranks[position]);
        }
    }

    #[test]
    fn met_agrees_with_exact_rational_comparison_for_every_threshold(n in 0u64..100_000, extra in 0u64..100_000, pick in 0usize..13, agency in any::<bool>()) {
        let target = &builtin::plan_ref().targets[pick];
        let bloc = if agency { builtin::AGENCY } else { builtin::COMMUNE };
        let Some(threshold) = target.threshold(bloc) else { return Ok(()) };
        let d = n + extra;
        prop_assume!(d > 0);
        let entry = TargetEntry { not_applicable: Some(false), numerator: n.to_string(), denominator: d.to_string(), ..Default::default() };
        let status = evaluate(target, &entry, bloc, "").status;
        // n/d ≥ T/100  ⇔  100·n ≥ T·d, in integers.
        let whole = threshold.scaled() / PERCENT_SCALE;
        let expected = if 100 * u128::from(n) >= u128::from(whole) * u128::from(d) { Status::Met } else { Status::NotMet };
        prop_assert_eq!(status, expected);
    }

    // ---- issue 10: exact in every figure shown ----

    #[test]
    fn a_shown_gap_added_to_the_actual_value_always_meets_the_threshold(
        actual in 0..=100 * PERCENT_SCALE,
        pick in 0usize..13,
        agency in any::<bool>(),
    ) {
        let bloc = if agency { builtin::AGENCY } else { builtin::COMMUNE };
        let e = evaluate_typed(actual, pick, bloc);
        let threshold = e.threshold.unwrap();
        if let Some(Gap::Points(points)) = e.gap {
            for style in STYLES {
                let shown = format_gap_points(points, style);
                let read = parse_percent(&shown).unwrap().unwrap();
                prop_assert!(read > Percent::ZERO, "an unmet target never needs 0: {}", shown);
                prop_assert!(actual + read.scaled() >= threshold.scaled(), "{} + {}", actual, shown);
            }
        } else {
            prop_assert!(actual >= threshold.scaled());
        }
    }

    #[test]
    fn a_shown_percentage_is_within_half_a_unit_of_the_exact_value(
        n in 0u64..=MAX_COUNT,
        d in 1u64..=MAX_COUNT,
        threshold in 1u32..=100,
    ) {
        prop_assume!(n <= d);
        let threshold = Percent::from_whole(threshold);
        let e = cchc_2021::domain::evaluate::evaluate_ratio(n, d, threshold);
        let shown = e.shown_actual(NumberStyle::English).unwrap();
        // The text read back exactly, as value ÷ 10^decimals.
        let (whole, fraction) = shown.text.split_once('.').unwrap_or((&shown.text, ""));
        let decimals = fraction.len() as u32;
        let value: u128 = format!("{whole}{fraction}").replace(',', "").parse().unwrap();
        // |value ÷ 10^k − 100·n ÷ d| ≤ ½ · 10^−k, in integers.
        let exact = 100 * u128::from(n) * 10_u128.pow(decimals);
        let shown_scaled = value * u128::from(d);
        prop_assert!(2 * shown_scaled.abs_diff(exact) <= u128::from(d), "{}/{} shown {}", n, d, shown.text);
        prop_assert_eq!(shown.exact, shown_scaled == exact);
        // An unmet share never shows as reaching its threshold.
        let reaches = value * u128::from(PERCENT_SCALE) >= u128::from(threshold.scaled()) * 10_u128.pow(decimals);
        prop_assert_eq!(reaches, e.status == Status::Met, "{}/{} shown {}", n, d, shown.text);
    }

    #[test]
    fn the_score_is_the_number_shown(counts in counts_strategy(), model in model_strategy()) {
        let score = profile_with(&counts).summary(builtin::plan_ref(), &model).score;
        prop_assert_eq!(score, format_hundredths(score).parse::<f64>().unwrap());
    }

    #[test]
    fn invisible_characters_anywhere_read_as_nothing(
        value in 0..=MAX_COUNT,
        at in any::<prop::sample::Index>(),
        mark in prop::sample::select(vec!['\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{feff}', '\u{2060}']),
    ) {
        for style in STYLES {
            let text = format_count(value, style);
            let mut chars: Vec<char> = text.chars().collect();
            chars.insert(at.index(chars.len() + 1), mark);
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(parse_count(&text), Ok(Some(value)), "{:?}", text);
        }
    }

    // ---- readers of outside data: any input, never a panic ----

    #[test]
    fn number_parsing_never_panics(text in ".{0,40}") {
        let _ = parse_count(&text);
        let _ = parse_percent(&text);
    }

    #[test]
    fn saved_envelopes_never_panic(text in ".{0,400}") {
        let _ = envelope::decode(&text);
    }

    #[test]
    fn json_shaped_saved_data_never_panics(body in r#"\{("[a-z_]{1,12}":(\[|\{|"[a-z0-9]{0,6}"|-?[0-9]{1,4}|true|null|\}|\]|,){1,8}){0,6}"#) {
        let _ = envelope::decode(&format!(r#"{{"format":"cchc-2021","version":1,"data":{body}}}"#));
    }

    #[test]
    fn unit_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = import_unit_file("fuzz.json", &bytes, builtin::only);
    }

    #[test]
    fn mutated_unit_files_never_panic_and_never_pass_unnoticed(counts in counts_strategy(), flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4)) {
        let text = export_unit_file(&profile_with(&counts), "2026-11-28");
        let mut bytes = text.into_bytes();
        for (at, byte) in flips {
            let at = at % bytes.len();
            bytes[at] = byte;
        }
        // Whatever it says, reading must not panic; a file that still reads is a valid profile.
        if let Ok(imported) = import_unit_file("mutated.json", &bytes, builtin::only) {
            prop_assert!(cchc_2021::formats::validate::check_profile(builtin::plan_ref(), &imported.profile).is_ok());
        }
    }

    #[test]
    fn share_links_never_panic(text in "[A-Za-z0-9._~#-]{0,300}") {
        let _ = decode_share_fragment(&text).map(|s| s.profile);
    }

    #[test]
    fn edited_share_links_are_refused(counts in counts_strategy(), at in any::<usize>(), replacement in "[A-Za-z0-9_-]") {
        let profile = profile_with(&counts);
        let fragment = encode_share_fragment(&profile, "");
        prop_assert_eq!(decode_share_fragment(&fragment).map(|s| s.profile), Ok(profile.clone()));
        let position = 3 + at % (fragment.len() - 3);
        let mut edited: Vec<char> = fragment.chars().collect();
        let mut new = replacement.chars().next().unwrap();
        if edited[position] == new {
            new = if new == 'A' { 'B' } else { 'A' };
        }
        edited[position] = new;
        let edited: String = edited.into_iter().collect();
        prop_assert!(decode_share_fragment(&edited).map(|s| s.profile).is_err(), "an edited link was accepted: {edited}");
        prop_assert!(decode_share_fragment(&fragment[..position]).map(|s| s.profile).is_err());
    }
}

/// Saved data written by version 1 keeps opening (the fixture is kept in the repo).
#[test]
fn hundredths_match_float_formatting_on_special_and_every_small_value() {
    for value in [
        0.0,
        -0.0,
        -0.001,
        0.005,
        0.015,
        1.005,
        2.675,
        99.995,
        100.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MIN_POSITIVE,
        f64::EPSILON,
    ] {
        assert_eq!(
            format_hundredths(value),
            hundredths_by_float_formatting(value),
            "{value:?}"
        );
    }
    // Every score 0–100 to four decimals, and its neighbours.
    for scaled in 0..=1_000_000u32 {
        let value = f64::from(scaled) / 10_000.0;
        for v in [
            value,
            f64::from_bits(value.to_bits() + 1),
            f64::from_bits(value.to_bits().saturating_sub(1)),
        ] {
            assert_eq!(
                format_hundredths(v),
                hundredths_by_float_formatting(v),
                "{v:?}"
            );
        }
    }
}

#[test]
fn saved_data_of_version_1_keeps_opening() {
    let text = include_str!("fixtures/saved/v1.json");
    let data = envelope::decode(text).expect("a version 1 envelope opens");
    assert_eq!(data.profiles.len(), 2);
    assert_eq!(data.active_profile().unit_id, "31211");
    assert_eq!(
        data.peer_scores.get("31234").map(String::as_str),
        Some("75,5")
    );
    assert_eq!(data.model.mode, ScoringMode::AllOrNothing);
    let summary = data
        .active_profile()
        .summary(builtin::plan_ref(), &data.model);
    assert_eq!(summary.applicable, 8);
}

/// Weights became whole numbers: the saved data is written back as it was, weights and
/// all; only its version is now 4 (plans as data: version 1 migrates on load; versions 3
/// and 4, issue 14: a whole text is a head with every part inline).
#[test]
fn saved_data_of_version_1_is_written_back_unchanged() {
    let text = include_str!("fixtures/saved/v1.json").trim_end();
    let data = envelope::decode(text).unwrap();
    assert_eq!(
        data.model.weights.get(&builtin::RECRUITMENT),
        Some(&Weight::new(2).unwrap())
    );
    let mut expected: serde_json::Value = serde_json::from_str(text).unwrap();
    expected["version"] = 4.into();
    let written: serde_json::Value = serde_json::from_str(&envelope::encode(&data)).unwrap();
    assert_eq!(written, expected);
    assert!(envelope::encode(&data).contains(r#""weights":{"recruitment":2.0}"#));
}

/// A hand-edited saved model: weights that are not whole numbers 0–10, award places and
/// bands the settings do not offer. Read as the nearest the settings offer; no score is ever
/// NaN or infinite (before, two weights of 1e308 made every score NaN).
#[test]
fn a_saved_weight_of_1e308_is_read_as_10_and_no_score_is_nan() {
    use builtin::{INFOSEC_DOSSIERS, ONLINE_WORK_FILES, RECRUITMENT, TTHC_ONLINE_L34};
    let text = r#"{"format":"cchc-2021","version":1,"data":{"profiles":[{"id":"p1","profile":{"bloc":"commune","unit_id":"31211","entries":{"recruitment":{"numerator":"1","denominator":"3"},"online_work_files":{"numerator":"7","denominator":"20"}}}}],"model":{"weights":{"recruitment":1e308,"online_work_files":1e308,"tthc_online_l34":-4,"infosec_dossiers":2.5},"award_places":{"commune":1000000,"agency":0},"bands":{"good":1e308,"fair":-1,"average":50}}}}"#;
    let data = envelope::decode(text).unwrap();
    let weight = |id| data.model.weights.get(&id).map(|w| w.get());
    assert_eq!(
        [
            weight(RECRUITMENT),
            weight(ONLINE_WORK_FILES),
            weight(TTHC_ONLINE_L34),
            weight(INFOSEC_DOSSIERS)
        ],
        [Some(10), Some(10), Some(0), Some(3)]
    );
    assert_eq!(
        (
            data.model.award_places.for_bloc(builtin::COMMUNE),
            data.model.award_places.for_bloc(builtin::AGENCY)
        ),
        (11, 1)
    );
    assert_eq!((data.model.bands.good, data.model.bands.fair), (100.0, 0.0));
    let summary = data
        .active_profile()
        .summary(builtin::plan_ref(), &data.model);
    assert!(summary.score.is_finite() && (0.0..=100.0).contains(&summary.score));
    // The same score as the model the settings would have made.
    let mut model = ScoringModel::default();
    for (id, weight) in [
        (RECRUITMENT, 10),
        (ONLINE_WORK_FILES, 10),
        (TTHC_ONLINE_L34, 0),
        (INFOSEC_DOSSIERS, 3),
    ] {
        model.set_weight(id, Weight::new(weight).unwrap());
    }
    model.award_places.set(builtin::COMMUNE, 11);
    model.award_places.set(builtin::AGENCY, 1);
    model.bands.good = 100.0;
    model.bands.fair = 0.0;
    assert_eq!(data.model, model);
    assert_eq!(
        summary,
        data.active_profile().summary(builtin::plan_ref(), &model)
    );
}

/// Any text in any field, any unit id (of the lists, of the other bloc, unknown, empty,
/// `other`), any bloc: what a forged link or file may carry.
fn any_profile() -> impl Strategy<Value = Profile> {
    let unit = prop_oneof![
        Just(String::new()),
        Just(OTHER_UNIT_ID.to_string()),
        (0usize..11).prop_map(|i| builtin::plan_ref().blocs[0].units[i].id.to_string()),
        (0usize..12).prop_map(|i| builtin::plan_ref().blocs[1].units[i].id.to_string()),
        "[a-z0-9-]{1,8}",
    ];
    let text = prop_oneof![
        3 => Just(String::new()),
        3 => "[0-9]{1,6}",
        2 => "[0-9., %-]{1,12}",
        1 => ".{0,45}",
        1 => (0usize..3).prop_map(|k| "9".repeat(39 + k)),
    ];
    let entry = (
        proptest::option::of(any::<bool>()),
        any::<bool>(),
        proptest::collection::vec(text, 5),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(not_applicable, percent, texts, answer)| TargetEntry {
            not_applicable,
            mode: if percent {
                cchc_2021::domain::figures::EntryMode::Percent
            } else {
                cchc_2021::domain::figures::EntryMode::Counts
            },
            numerator: texts[0].clone(),
            denominator: texts[1].clone(),
            percent: texts[2].clone(),
            answer,
            before: texts[3].clone(),
            after: texts[4].clone(),
        });
    (
        any::<bool>(),
        unit,
        ".{0,20}",
        ".{0,20}",
        proptest::collection::vec(proptest::option::of(entry), 13),
    )
        .prop_map(|(agency, unit_id, label, other_name, entries)| Profile {
            plan: builtin::PLAN_ID.to_string(),
            label,
            bloc: if agency {
                builtin::AGENCY
            } else {
                builtin::COMMUNE
            },
            unit_id,
            other_name,
            entries: builtin::plan_ref()
                .targets
                .iter()
                .zip(entries)
                .filter_map(|(t, e)| e.filter(|e| !e.is_empty()).map(|e| (t.id, e)))
                .collect(),
        })
}

/// Any weight a saved model may hold, with the settings' own values most often.
fn any_saved_model() -> impl Strategy<Value = String> {
    let weight = prop_oneof![
        (0u8..=10).prop_map(|w| format!("{w}.0")),
        any::<f64>()
            .prop_filter("JSON has no NaN nor infinity", |w| w.is_finite())
            .prop_map(|w| format!("{w:e}")),
        Just("1e308".to_string()),
    ];
    proptest::collection::vec(weight, 13).prop_map(|weights| {
        let weights: Vec<String> = builtin::plan_ref()
            .targets
            .iter()
            .zip(weights)
            .map(|(t, w)| format!(r#""{}":{w}"#, t.id))
            .collect();
        format!(r#"{{"weights":{{{}}}}}"#, weights.join(","))
    })
}

proptest! {
    /// Whatever a link carries, what the page's way in accepts passes the one validation and
    /// scores a finite score 0–100 under any model; what it refuses is what the validation
    /// says.
    #[test]
    fn any_link_the_page_opens_passes_validation_and_scores_finite(profile in any_profile(), model in model_strategy()) {
        use cchc_2021::formats::share_link::{read_share_link, LinkError};
        use cchc_2021::formats::validate::check_profile;
        match read_share_link(&encode_share_fragment(&profile, ""), builtin::only).map(|s| s.profile) {
            Ok(opened) => {
                prop_assert!(check_profile(builtin::plan_ref(), &opened).is_ok());
                let score = opened.summary(builtin::plan_ref(), &model).score;
                prop_assert!(score.is_finite() && (0.0..=100.0).contains(&score));
                prop_assert_eq!(opened, profile);
            }
            Err(error) => prop_assert_eq!(Some(error), check_profile(builtin::plan_ref(), &profile).err().map(LinkError::Refused)),
        }
    }

    /// The same for unit files: the same validation, and a finite score.
    #[test]
    fn any_unit_file_the_page_imports_passes_validation_and_scores_finite(profile in any_profile(), model in model_strategy()) {
        use cchc_2021::formats::validate::check_profile;
        let file = export_unit_file(&profile, "2026-11-30");
        if let Ok(imported) = import_unit_file("any.json", file.as_bytes(), builtin::only) {
            prop_assert!(check_profile(builtin::plan_ref(), &imported.profile).is_ok());
            let score = imported.profile.summary(builtin::plan_ref(), &model).score;
            prop_assert!(score.is_finite() && (0.0..=100.0).contains(&score));
        } else {
            prop_assert!(check_profile(builtin::plan_ref(), &profile).is_err());
        }
    }

    /// And for saved data: every profile has a known unit of its own bloc (or none, or a named
    /// or unnamed "other"), every weight is a whole number 0–10, every score is finite.
    #[test]
    fn any_saved_data_loads_consistent_and_scores_finite(profiles in proptest::collection::vec(any_profile(), 1..4), model in any_saved_model()) {
        use cchc_2021::formats::validate::{unit_problem, ProfileProblem};
        let records: Vec<String> = profiles
            .iter()
            .enumerate()
            .map(|(i, p)| format!(r#"{{"id":"p{}","profile":{}}}"#, i + 1, serde_json::to_string(p).unwrap()))
            .collect();
        let text = format!(
            r#"{{"format":"cchc-2021","version":1,"data":{{"profiles":[{}],"model":{model}}}}}"#,
            records.join(",")
        );
        let data = envelope::decode(&text).unwrap();
        for weight in data.model.weights.values() {
            prop_assert!(weight.get() <= 10);
        }
        for record in &data.profiles {
            let consistent = !matches!(
                unit_problem(builtin::plan_ref(), &record.profile),
                Some(ProfileProblem::UnknownUnit { .. } | ProfileProblem::BlocMismatch { .. })
            );
            prop_assert!(consistent, "{:?}", record.profile);
            let score = record.profile.summary(builtin::plan_ref(), &data.model).score;
            prop_assert!(score.is_finite() && (0.0..=100.0).contains(&score));
        }
        let table = fresh_table(&data);
        prop_assert!(table.rows.iter().filter_map(|r| r.score).all(f64::is_finite));
    }
}

/// The choice of the profile a duplicated unit counts with is saved with the data; data
/// saved before it existed opens without one, and is written without the field while no
/// choice is made (so an older build reads it unchanged).
#[test]
fn the_district_choice_is_saved_and_older_data_opens_without_it() {
    let text = include_str!("fixtures/saved/v1.json");
    let mut data = envelope::decode(text).expect("a version 1 envelope opens");
    assert!(data.district_choices.is_empty());
    assert!(!envelope::encode(&data).contains("district_choices"));
    data.district_choices
        .insert("31211".into(), data.profiles[1].id.clone());
    let reopened = envelope::decode(&envelope::encode(&data)).expect("it opens again");
    assert_eq!(reopened.district_choices, data.district_choices);
}

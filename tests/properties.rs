//! Invariants of the core, checked by property tests (proptest), and robustness of every
//! reader of outside data against arbitrary and mutated input (never a panic).
//!
//! The normal run uses proptest's default number of cases; long runs for fuzzing set
//! `PROPTEST_CASES` (see docs/testing.md for the documented runs).
#![cfg(not(target_arch = "wasm32"))]

use cchc_2021::domain::evaluate::{evaluate, Status};
use cchc_2021::domain::figures::TargetEntry;
use cchc_2021::domain::number::{
    format_count, format_hundredths, format_scaled, parse_count, parse_percent, NumberStyle,
    Percent, HUNDREDTHS_EXACT_BELOW, MAX_COUNT, PERCENT_DECIMALS, PERCENT_SCALE,
};
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::rank::{rank_among, rank_rows, standing};
use cchc_2021::domain::score::{ScoringMode, ScoringModel};
use cchc_2021::domain::targets::{Measure, TARGETS};
use cchc_2021::domain::units::{Bloc, COMMUNES, OTHER_UNIT_ID};
use cchc_2021::domain::workspace::{ScoreCache, Workspace};
use cchc_2021::formats::envelope;
use cchc_2021::formats::share_link::{decode_share_fragment, encode_share_fragment};
use cchc_2021::formats::unit_file::{export_unit_file, import_unit_file};
use proptest::prelude::*;

const STYLES: [NumberStyle; 2] = [NumberStyle::Vietnamese, NumberStyle::English];

fn ratio_targets() -> Vec<usize> {
    TARGETS
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.measure, Measure::Ratio { .. }))
        .map(|(i, _)| i)
        .collect()
}

/// A commune profile with counts `(n, d)` for each of its ratio targets.
fn profile_with(counts: &[(u64, u64)]) -> Profile {
    let mut profile = Profile::default();
    profile.set_unit(COMMUNES[2].id);
    for (index, &(n, d)) in ratio_targets().iter().zip(counts) {
        let target = &TARGETS[*index];
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
    (any::<bool>(), proptest::collection::vec(0u32..5, 13)).prop_map(|(strict, weights)| {
        let mut model = ScoringModel::default();
        if strict {
            model.mode = ScoringMode::AllOrNothing;
        }
        for (target, weight) in TARGETS.iter().zip(weights) {
            model.weights.insert(target.id, f64::from(weight));
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

fn apply(workspace: &mut Workspace, edit: &Edit) {
    let id_at = |w: &Workspace, i: usize| w.profiles[i % w.profiles.len()].id.clone();
    match edit {
        Edit::Counts(target, n, d) => {
            let id = TARGETS[ratio_targets()[*target]].id;
            workspace.active_profile_mut().update_entry(id, |e| {
                e.numerator = n.to_string();
                e.denominator = d.to_string();
            });
        }
        Edit::Unit(Some(unit)) => workspace.active_profile_mut().set_unit(COMMUNES[*unit].id),
        Edit::Unit(None) => {
            let profile = workspace.active_profile_mut();
            profile.set_bloc(Bloc::Commune);
            profile.set_unit(OTHER_UNIT_ID);
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
            workspace
                .peer_scores
                .insert(COMMUNES[*unit].id.to_string(), score.to_string());
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
        prop_assert_eq!(screens[0].bloc_table_with(&mut cache), screens[0].bloc_table());
        for edit in &edits {
            if let Edit::OtherWorkspace = edit {
                on_screen = 1 - on_screen;
            }
            history.push(screens[on_screen].clone());
            apply(&mut screens[on_screen], edit);
            let workspace = &screens[on_screen];
            prop_assert_eq!(workspace.bloc_table_with(&mut cache), workspace.bloc_table(), "after {:?}", edit);
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
            let text = format_scaled(scaled, PERCENT_DECIMALS, PERCENT_DECIMALS, style);
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
        let target = &TARGETS[ratio_targets()[pick]];
        let (e0, e1) = (before.evaluate(target, &model), after.evaluate(target, &model));
        prop_assert!(e1.attainment >= e0.attainment);
        let (s0, s1) = (before.summary(&model).score, after.summary(&model).score);
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
        let target = &TARGETS[ratio_targets()[pick]];
        prop_assert!(after.evaluate(target, &model).attainment >= before.evaluate(target, &model).attainment);
        prop_assert!(after.summary(&model).score >= before.summary(&model).score - 1e-9);
    }

    #[test]
    fn the_score_stays_between_0_and_100_under_any_model(counts in counts_strategy(), model in model_strategy()) {
        let summary = profile_with(&counts).summary(&model);
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
        let target = &TARGETS[pick];
        let bloc = if agency { Bloc::Agency } else { Bloc::Commune };
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
        let _ = import_unit_file("fuzz.json", &bytes);
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
        if let Ok(imported) = import_unit_file("mutated.json", &bytes) {
            prop_assert!(cchc_2021::formats::validate::check_profile(&imported.profile).is_ok());
        }
    }

    #[test]
    fn share_links_never_panic(text in "[A-Za-z0-9._~#-]{0,300}") {
        let _ = decode_share_fragment(&text);
    }

    #[test]
    fn edited_share_links_are_refused(counts in counts_strategy(), at in any::<usize>(), replacement in "[A-Za-z0-9_-]") {
        let profile = profile_with(&counts);
        let fragment = encode_share_fragment(&profile);
        prop_assert_eq!(decode_share_fragment(&fragment), Ok(profile.clone()));
        let position = 3 + at % (fragment.len() - 3);
        let mut edited: Vec<char> = fragment.chars().collect();
        let mut new = replacement.chars().next().unwrap();
        if edited[position] == new {
            new = if new == 'A' { 'B' } else { 'A' };
        }
        edited[position] = new;
        let edited: String = edited.into_iter().collect();
        prop_assert!(decode_share_fragment(&edited).is_err(), "an edited link was accepted: {edited}");
        prop_assert!(decode_share_fragment(&fragment[..position]).is_err());
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
    let summary = data.active_profile().summary(&data.model);
    assert_eq!(summary.applicable, 8);
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

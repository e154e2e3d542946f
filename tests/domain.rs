//! Native tests of the domain core: exact threshold boundaries of every target, gaps,
//! statuses, bad input and the default scoring model.
#![cfg(not(target_arch = "wasm32"))]

use cchc_2021::domain::builtin;
use cchc_2021::domain::evaluate::{evaluate, FieldError, Gap, NotApplicableReason, Status};
use cchc_2021::domain::figures::{EntryMode, Field, TargetEntry};
use cchc_2021::domain::number::{NumberError, Percent, PERCENT_SCALE};
use cchc_2021::domain::plan::BlocId;
use cchc_2021::domain::plan::{Key, Measure, TargetId};
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::score::{Rating, ScoringMode, ScoringModel};
use proptest::prelude::*;

fn counts(numerator: &str, denominator: &str) -> TargetEntry {
    TargetEntry {
        numerator: numerator.into(),
        denominator: denominator.into(),
        ..Default::default()
    }
}

fn percent(text: &str) -> TargetEntry {
    TargetEntry {
        mode: EntryMode::Percent,
        percent: text.into(),
        ..Default::default()
    }
}

fn switched_on() -> TargetEntry {
    TargetEntry {
        not_applicable: Some(false),
        ..Default::default()
    }
}

fn status(id: TargetId, entry: &TargetEntry, bloc: BlocId) -> Status {
    let switched = TargetEntry {
        not_applicable: Some(false),
        ..entry.clone()
    };
    evaluate(
        builtin::plan_ref().target(id).unwrap(),
        &switched,
        bloc,
        "x",
    )
    .status
}

#[test]
fn every_ratio_threshold_is_met_exactly_at_its_boundary() {
    for t in &builtin::plan_ref().targets {
        let Measure::Ratio { .. } = t.measure else {
            continue;
        };
        for bloc in [builtin::COMMUNE, builtin::AGENCY] {
            // The 2021 thresholds are whole percentages.
            let threshold = t.threshold(bloc).unwrap();
            assert_eq!(threshold.scaled() % PERCENT_SCALE, 0, "{} {bloc:?}", t.id);
            let p = threshold.scaled() / PERCENT_SCALE;
            // Out of 100: p meets, p − 1 does not.
            assert_eq!(
                status(t.id, &counts(&p.to_string(), "100"), bloc),
                Status::Met,
                "{} {bloc:?}",
                t.id
            );
            assert_eq!(
                status(t.id, &counts(&(p - 1).to_string(), "100"), bloc),
                Status::NotMet,
                "{} {bloc:?}",
                t.id
            );
            // Out of 20 when the boundary is a whole item (65% = 13 of 20).
            if p * 20 % 100 == 0 {
                let n = p * 20 / 100;
                assert_eq!(
                    status(t.id, &counts(&n.to_string(), "20"), bloc),
                    Status::Met,
                    "{}",
                    t.id
                );
                assert_eq!(
                    status(t.id, &counts(&(n - 1).to_string(), "20"), bloc),
                    Status::NotMet,
                    "{}",
                    t.id
                );
            }
            // Typed as a percentage, with a decimal comma just below.
            assert_eq!(
                status(t.id, &percent(&p.to_string()), bloc),
                Status::Met,
                "{}",
                t.id
            );
            let below = format!("{},9999", p - 1);
            assert_eq!(
                status(t.id, &percent(&below), bloc),
                Status::NotMet,
                "{}",
                t.id
            );
        }
    }
}

#[test]
fn thirteen_of_twenty_is_exactly_sixty_five_percent() {
    let e = evaluate(
        builtin::plan_ref()
            .target(builtin::ONLINE_WORK_FILES)
            .unwrap(),
        &counts("13", "20"),
        builtin::AGENCY,
        "noi-vu",
    );
    assert_eq!(e.status, Status::Met);
    assert_eq!(e.actual, Some(Percent::from_whole(65)));
    assert_eq!(e.threshold, Some(Percent::from_whole(65)));
    assert_eq!(e.gap, None);
    let e = evaluate(
        builtin::plan_ref()
            .target(builtin::ONLINE_WORK_FILES)
            .unwrap(),
        &counts("12", "20"),
        builtin::AGENCY,
        "noi-vu",
    );
    assert_eq!(e.status, Status::NotMet);
    assert_eq!(
        e.gap,
        Some(Gap::Share {
            items: 1,
            total: 20,
            growing: Some(3)
        })
    );
    assert!((e.attainment - 60.0 / 65.0).abs() < 1e-12);
}

#[test]
fn communes_and_agencies_have_different_online_file_thresholds() {
    let e = |n, bloc| {
        evaluate(
            builtin::plan_ref()
                .target(builtin::ONLINE_WORK_FILES)
                .unwrap(),
            &counts(n, "20"),
            bloc,
            "",
        )
        .status
    };
    assert_eq!(e("7", builtin::COMMUNE), Status::Met);
    assert_eq!(e("6", builtin::COMMUNE), Status::NotMet);
    assert_eq!(e("7", builtin::AGENCY), Status::NotMet);
}

#[test]
fn gaps_count_the_fewest_additional_items() {
    let gap = |n: &str, d: &str| {
        evaluate(
            builtin::plan_ref()
                .target(builtin::ONLINE_WORK_FILES)
                .unwrap(),
            &counts(n, d),
            builtin::AGENCY,
            "",
        )
        .gap
    };
    // 65% of 21 is 13,65: 14 are needed.
    // Or, when each added file also adds to the total, 21 of 32 (20 of 31 is 64,5%).
    assert_eq!(
        gap("10", "21"),
        Some(Gap::Share {
            items: 4,
            total: 21,
            growing: Some(11)
        })
    );
    assert_eq!(
        gap("0", "1"),
        Some(Gap::Share {
            items: 1,
            total: 1,
            growing: Some(2)
        })
    );
    assert_eq!(gap("14", "21"), None);
    let full = |n: &str, d: &str| {
        evaluate(
            builtin::plan_ref().target(builtin::RECRUITMENT).unwrap(),
            &counts(n, d),
            builtin::COMMUNE,
            "",
        )
        .gap
    };
    // Adding to the total as well never reaches 100%.
    assert_eq!(
        full("7", "10"),
        Some(Gap::Share {
            items: 3,
            total: 10,
            growing: None
        })
    );
    let points = evaluate(
        builtin::plan_ref()
            .target(builtin::SATISFACTION_ADMIN)
            .unwrap(),
        &percent("86,5"),
        builtin::COMMUNE,
        "",
    )
    .gap;
    assert_eq!(points, Some(Gap::Points(Percent::from_scaled(5_000))));
}

#[test]
fn zero_denominator_is_not_applicable_never_a_division() {
    for n in ["", "0"] {
        let e = evaluate(
            builtin::plan_ref()
                .target(builtin::ONLINE_RESOLUTION)
                .unwrap(),
            &counts(n, "0"),
            builtin::COMMUNE,
            "",
        );
        assert_eq!(e.status, Status::NotApplicable);
        assert_eq!(e.not_applicable, Some(NotApplicableReason::ZeroDenominator));
        assert_eq!(e.actual, None);
    }
    let e = evaluate(
        builtin::plan_ref()
            .target(builtin::ONLINE_RESOLUTION)
            .unwrap(),
        &counts("3", "0"),
        builtin::COMMUNE,
        "",
    );
    assert_eq!(e.status, Status::Invalid);
    assert_eq!(
        e.error(Field::Numerator),
        Some(FieldError::AboveDenominator { denominator: 0 })
    );
}

#[test]
fn bad_input_is_invalid_with_the_field_named() {
    let t = builtin::plan_ref().target(builtin::RECRUITMENT).unwrap();
    let check = |entry: TargetEntry, field, error| {
        let e = evaluate(t, &entry, builtin::COMMUNE, "");
        assert_eq!(e.status, Status::Invalid, "{entry:?}");
        assert_eq!(e.error(field), Some(error), "{entry:?}");
        assert_eq!(e.attainment, 0.0);
    };
    check(
        counts("abc", "10"),
        Field::Numerator,
        FieldError::Number(NumberError::NotANumber),
    );
    check(
        counts("-5", "10"),
        Field::Numerator,
        FieldError::Number(NumberError::Negative),
    );
    check(
        counts("5", "12,5"),
        Field::Denominator,
        FieldError::Number(NumberError::NotWhole),
    );
    check(
        counts("5", "99999999999"),
        Field::Denominator,
        FieldError::Number(NumberError::TooLarge),
    );
    check(
        counts("30", "20"),
        Field::Numerator,
        FieldError::AboveDenominator { denominator: 20 },
    );
    check(
        percent("100,5"),
        Field::Percent,
        FieldError::Number(NumberError::PercentAbove100),
    );
    check(
        percent("x"),
        Field::Percent,
        FieldError::Number(NumberError::NotANumber),
    );
    // Half-typed figures are incomplete, not wrong.
    assert_eq!(
        evaluate(t, &counts("5", ""), builtin::COMMUNE, "").status,
        Status::Incomplete
    );
    assert_eq!(
        evaluate(t, &counts("", ""), builtin::COMMUNE, "").status,
        Status::Incomplete
    );
    assert_eq!(
        evaluate(t, &percent(" "), builtin::COMMUNE, "").status,
        Status::Incomplete
    );
}

#[test]
fn percentages_typed_with_comma_or_point_agree() {
    let t = builtin::plan_ref()
        .target(builtin::SATISFACTION_ADMIN)
        .unwrap();
    for text in ["87", "87,0", "87.0", "87 %", "100"] {
        assert_eq!(
            evaluate(t, &percent(text), builtin::COMMUNE, "").status,
            Status::Met,
            "{text}"
        );
    }
    for text in ["86,9", "86.99", "0"] {
        assert_eq!(
            evaluate(t, &percent(text), builtin::COMMUNE, "").status,
            Status::NotMet,
            "{text}"
        );
    }
}

#[test]
fn yes_no_and_increase_targets() {
    let rating = builtin::plan_ref()
        .target(builtin::TTHC_RATING_GOOD)
        .unwrap();
    let answer = |a| TargetEntry {
        answer: a,
        ..Default::default()
    };
    assert_eq!(
        evaluate(rating, &answer(None), builtin::COMMUNE, "").status,
        Status::Incomplete
    );
    assert_eq!(
        evaluate(rating, &answer(Some(true)), builtin::COMMUNE, "").status,
        Status::Met
    );
    assert_eq!(
        evaluate(rating, &answer(Some(false)), builtin::COMMUNE, "").status,
        Status::NotMet
    );

    let units = builtin::plan_ref()
        .target(builtin::SELF_FINANCING_UNITS)
        .unwrap();
    let grow = |b: &str, a: &str| TargetEntry {
        before: b.into(),
        after: a.into(),
        ..switched_on()
    };
    assert_eq!(
        evaluate(units, &grow("2", "3"), builtin::AGENCY, "").status,
        Status::Met
    );
    let flat = evaluate(units, &grow("3", "3"), builtin::AGENCY, "");
    assert_eq!(
        (flat.status, flat.gap),
        (Status::NotMet, Some(Gap::Items(1)))
    );
    assert_eq!(
        evaluate(units, &grow("3", "1"), builtin::AGENCY, "").gap,
        Some(Gap::Items(3))
    );
    assert_eq!(
        evaluate(units, &grow("x", "1"), builtin::AGENCY, "").status,
        Status::Invalid
    );
    // Off by default for every unit; the switch turns it on.
    assert_eq!(
        evaluate(units, &TargetEntry::default(), builtin::AGENCY, "y-te").status,
        Status::NotApplicable
    );
}

#[test]
fn applicability_follows_the_default_until_the_unit_chooses() {
    let health = builtin::plan_ref()
        .target(builtin::SATISFACTION_HEALTH)
        .unwrap();
    assert_eq!(
        evaluate(health, &TargetEntry::default(), builtin::AGENCY, "y-te").status,
        Status::Incomplete
    );
    assert_eq!(
        evaluate(health, &TargetEntry::default(), builtin::COMMUNE, "31211").status,
        Status::NotApplicable
    );
    assert_eq!(
        evaluate(health, &switched_on(), builtin::COMMUNE, "31211").status,
        Status::Incomplete
    );
    let off = TargetEntry {
        not_applicable: Some(true),
        ..counts("10", "10")
    };
    assert_eq!(
        evaluate(health, &off, builtin::AGENCY, "y-te").status,
        Status::NotApplicable
    );
}

fn agency_profile() -> Profile {
    let mut profile = Profile::default();
    profile.set_unit(builtin::plan_ref(), "noi-vu");
    profile
}

#[test]
fn score_follows_the_default_model() {
    let mut profile = agency_profile();
    let model = ScoringModel::default();
    let empty = profile.summary(builtin::plan_ref(), &model);
    assert_eq!((empty.applicable, empty.met, empty.missing), (10, 0, 10));
    assert_eq!(empty.score_attribute(), "0.00");
    assert_eq!(empty.rating, Rating::Weak);

    profile.update_entry(builtin::ONLINE_WORK_FILES, |e| *e = counts("13", "20"));
    let one = profile.summary(builtin::plan_ref(), &model);
    assert_eq!((one.met, one.applicable, one.missing), (1, 10, 9));
    assert_eq!(one.score_attribute(), "10.00");

    profile.update_entry(builtin::ONLINE_WORK_FILES, |e| *e = counts("12", "20"));
    assert_eq!(
        profile
            .summary(builtin::plan_ref(), &model)
            .score_attribute(),
        "9.23"
    );
    let strict = ScoringModel {
        mode: ScoringMode::AllOrNothing,
        ..Default::default()
    };
    assert_eq!(
        profile
            .summary(builtin::plan_ref(), &strict)
            .score_attribute(),
        "0.00"
    );

    profile.update_entry(builtin::RECRUITMENT, |e| *e = counts("abc", "3"));
    let with_invalid = profile.summary(builtin::plan_ref(), &model);
    assert_eq!((with_invalid.invalid, with_invalid.missing), (1, 8));
    assert_eq!(with_invalid.score_attribute(), "9.23");
}

#[test]
fn rating_bands_and_full_marks() {
    let mut profile = Profile::default();
    profile.set_unit(builtin::plan_ref(), "31211");
    for t in &builtin::plan_ref().targets {
        profile.update_entry(t.id, |e| match t.measure {
            Measure::Ratio { .. } => *e = counts("10", "10"),
            Measure::YesNo { .. } => e.answer = Some(true),
            Measure::Increase { .. } => {}
        });
    }
    let full = profile.summary(builtin::plan_ref(), &ScoringModel::default());
    assert_eq!(
        (full.met, full.applicable, full.score_attribute()),
        (8, 8, "100.00".to_string())
    );
    assert_eq!(full.rating, Rating::Good);
    let bands = ScoringModel::default().bands;
    assert_eq!(bands.rate(90.0), Rating::Good);
    assert_eq!(bands.rate(89.99), Rating::Fair);
    assert_eq!(bands.rate(70.0), Rating::Fair);
    assert_eq!(bands.rate(50.0), Rating::Average);
    assert_eq!(bands.rate(49.99), Rating::Weak);
}

#[test]
fn switching_bloc_forgets_a_unit_of_the_other_bloc() {
    let mut profile = agency_profile();
    assert_eq!(profile.bloc, builtin::AGENCY);
    profile.set_bloc(builtin::plan_ref(), builtin::COMMUNE);
    assert_eq!(profile.unit_id, "");
    profile.set_unit(builtin::plan_ref(), "other");
    profile.other_name = "  Xã Mới ".into();
    profile.set_bloc(builtin::plan_ref(), builtin::AGENCY);
    assert_eq!(profile.unit_name(builtin::plan_ref()), Some("Xã Mới"));
    profile.set_unit(builtin::plan_ref(), "<script>");
    assert_eq!(profile.unit_id, "");
}

proptest! {
    #[test]
    fn met_agrees_with_exact_rational_comparison(n in 0u64..5_000, extra in 0u64..5_000, pick in 0usize..13) {
        let d = n + extra;
        let t = &builtin::plan_ref().targets[pick];
        let Some(threshold) = t.threshold(builtin::COMMUNE) else { return Ok(()) };
        let e = evaluate(t, &TargetEntry { not_applicable: Some(false), ..counts(&n.to_string(), &d.to_string()) }, builtin::COMMUNE, "");
        if d == 0 {
            prop_assert_eq!(e.status, Status::NotApplicable);
        } else {
            let whole = threshold.scaled() / 10_000;
            let expected = if n * 100 >= whole * d { Status::Met } else { Status::NotMet };
            prop_assert_eq!(e.status, expected);
            if e.status == Status::NotMet {
                let Some(Gap::Share { items: k, total, growing }) = e.gap else {
                    return Err(TestCaseError::fail("an unmet share has a share gap"));
                };
                prop_assert_eq!(total, d);
                // k more meets, k − 1 more does not.
                prop_assert!((n + k) * 100 >= whole * d);
                prop_assert!((n + k - 1) * 100 < whole * d);
                // Adding to the total too: g more of g more meets, g − 1 does not.
                match growing {
                    Some(g) => {
                        prop_assert!((n + g) * 100 >= whole * (d + g));
                        prop_assert!((n + g - 1) * 100 < whole * (d + g - 1));
                    }
                    None => prop_assert_eq!(whole, 100),
                }
            }
            prop_assert!((0.0..=1.0).contains(&e.attainment));
        }
    }

    /// Keys compare as words (issue 14); they order and equal as their texts do.
    #[test]
    fn keys_order_as_their_texts(a in "[A-Za-z0-9._-]{1,40}", b in "[A-Za-z0-9._-]{1,40}", cut in 0usize..40) {
        // Also a key against its own prefix, which differs from it in its zero padding only.
        let prefix = &a[..cut.min(a.len() - 1) + 1];
        for (x, y) in [(a.as_str(), b.as_str()), (a.as_str(), prefix), (prefix, a.as_str())] {
            let (kx, ky) = (Key::new(x).unwrap(), Key::new(y).unwrap());
            prop_assert_eq!(kx.cmp(&ky), x.cmp(y));
            prop_assert_eq!(kx == ky, x == y);
        }
    }

    #[test]
    fn score_stays_between_0_and_100(texts in proptest::collection::vec(("[0-9a-z,.-]{0,6}", "[0-9]{0,4}"), 13)) {
        let mut profile = Profile::default();
        profile.set_unit(builtin::plan_ref(), "giao-duc-dao-tao");
        for (t, (n, d)) in builtin::plan_ref().targets.iter().zip(texts) {
            profile.update_entry(t.id, |e| { e.numerator = n; e.denominator = d; });
        }
        let summary = profile.summary(builtin::plan_ref(), &ScoringModel::default());
        prop_assert!((0.0..=100.0).contains(&summary.score));
        prop_assert!(summary.met <= summary.applicable);
        // The bloc table's score (issue 14: without the breakdown) is the summary's, bit for bit.
        for mode in [ScoringMode::Proportional, ScoringMode::AllOrNothing] {
            let model = ScoringModel { mode, ..ScoringModel::default() };
            let score = profile.score(builtin::plan_ref(), &model);
            prop_assert_eq!(score.to_bits(), profile.summary(builtin::plan_ref(), &model).score.to_bits());
        }
    }
}

// ---- issue 10: exact in every figure shown ----

#[test]
fn a_ratio_gap_says_what_it_assumes_of_the_total() {
    // 80 satisfied of 100 against 87%: 7 more if the total stays 100 (87 of 100), but 54
    // more if every added answer also adds to the total (134 of 154; 133 of 153 is 86,9%).
    let e = cchc_2021::domain::evaluate::evaluate_ratio(80, 100, Percent::from_whole(87));
    assert_eq!(
        e.gap,
        Some(Gap::Share {
            items: 7,
            total: 100,
            growing: Some(54)
        })
    );
    let noun = cchc_2021::domain::plan::Text {
        vi: "người hài lòng".into(),
        en: Some("satisfied people".into()),
    };
    assert_eq!(
        cchc_2021::i18n::gap_message(cchc_2021::i18n::Lang::Vi, e.gap.unwrap(), &noun),
        "Cần thêm 7 người hài lòng nếu tổng số giữ nguyên 100; 54 nếu mỗi người hài lòng thêm vào cũng được cộng vào tổng số"
    );
}

#[test]
fn shown_percentages_are_rounded_and_never_reach_an_unmet_threshold() {
    use cchc_2021::domain::number::NumberStyle::Vietnamese as VI;
    let shown = |entry: &TargetEntry| {
        let e = evaluate(
            builtin::plan_ref()
                .target(builtin::ONLINE_WORK_FILES)
                .unwrap(),
            entry,
            builtin::AGENCY,
            "",
        );
        let actual = e.shown_actual(VI).unwrap();
        let attainment = e.shown_attainment(VI).unwrap();
        let relation = attainment.relation();
        (actual.text, actual.exact, attainment.text, relation)
    };
    // 2 of 3: 66,67%, rounded, not cut to 66,6.
    assert_eq!(shown(&counts("2", "3")).0, "66,67");
    // 64,99% typed against 65%: neither "64,9%" nor "65%"; 64,99 ÷ 65 is 0,9998…, not 1.
    assert_eq!(
        shown(&percent("64,99")),
        ("64,99".into(), true, "0,9998".into(), "≈")
    );
    // 18,75 ÷ 25 = 0,75 exactly (the old page showed 18,7% ÷ 25% = 0,75).
    let e = evaluate(
        builtin::plan_ref()
            .target(builtin::ONLINE_RESOLUTION)
            .unwrap(),
        &percent("18,75"),
        builtin::AGENCY,
        "",
    );
    assert_eq!(e.shown_actual(VI).unwrap().text, "18,75");
    let attainment = e.shown_attainment(VI).unwrap();
    assert_eq!((attainment.text.as_str(), attainment.exact), ("0,75", true));
    // 12 999 of 20 000 is 64,995%: two decimals would say 65.
    assert_eq!(shown(&counts("12.999", "20.000")).0, "64,995");
}

#[test]
fn the_score_is_the_hundredths_shown_and_rated_as_shown() {
    use cchc_2021::domain::score::summarize;
    // One target with attainment 0,89996: the score is 89,996, shown as 90,00; the page
    // rated it "khá" under "90". The score is now made at the precision shown.
    let e = cchc_2021::domain::evaluate::evaluate_ratio(89_996, 100_000, Percent::HUNDRED);
    let summary = summarize([(builtin::RECRUITMENT, &e)], &ScoringModel::default());
    assert_eq!(summary.score, 90.0);
    assert_eq!(summary.score_attribute(), "90.00");
    assert_eq!(summary.rating, Rating::Good);
}

#[test]
fn a_blank_profile_is_not_rated() {
    let mut profile = Profile::default();
    profile.set_unit(builtin::plan_ref(), "31211");
    assert!(!profile
        .summary(builtin::plan_ref(), &ScoringModel::default())
        .is_rated());
    profile.update_entry(builtin::RECRUITMENT, |e| *e = counts("1", "2"));
    assert!(profile
        .summary(builtin::plan_ref(), &ScoringModel::default())
        .is_rated());
    // Nothing applicable: nothing to rate either.
    let nothing = cchc_2021::domain::score::Summary {
        score: 0.0,
        rating: Rating::Weak,
        met: 0,
        applicable: 0,
        missing: 0,
        invalid: 0,
    };
    assert!(!nothing.is_rated());
}

#[test]
fn peer_scores_use_the_one_reader_and_rank_at_the_precision_shown() {
    use cchc_2021::domain::bloc_table::{ScoreCache, ScoreSource};
    use cchc_2021::domain::workspace::Workspace;
    let mut own = Profile::default();
    own.set_unit(builtin::plan_ref(), "31211");
    for t in &builtin::plan_ref().targets {
        own.update_entry(t.id, |e| *e = counts("10", "10"));
    }
    own.update_entry(builtin::TTHC_RATING_GOOD, |e| e.answer = Some(true));
    // 1 of 3 against 65%: 12,5 × (7 + 0,5128…) = 93,9102…, shown as 93,91.
    own.update_entry(builtin::TTHC_ONLINE_L34, |e| *e = counts("1", "3"));
    let mut w = Workspace::with_profiles(vec![own]);
    w.peer_scores.insert("31231".into(), "93,91".into());
    w.peer_scores.insert("31232".into(), "1.000".into());
    w.peer_scores
        .insert("31234".into(), "\u{200e}93,9149".into());
    let table = w.bloc_table_with(&mut ScoreCache::default());
    let row = |id: &str| table.rows.iter().find(|r| r.unit_id == id).unwrap();
    assert_eq!(row("31211").score, Some(93.91));
    // Typed the score the page shows: the same rank.
    assert_eq!(row("31231").score, Some(93.91));
    assert_eq!(row("31231").rank, row("31211").rank);
    // "1.000" is one thousand, as a count would be: refused, not read as 1.
    assert_eq!(row("31232").typed_error, Some(NumberError::PercentAbove100));
    assert_eq!(row("31232").source, ScoreSource::Unknown);
    assert_eq!(row("31232").score, None);
    // More decimals than shown are rounded to the hundredths ranks compare.
    assert_eq!(row("31234").score, Some(93.91));
    assert_eq!(row("31234").rank, row("31211").rank);
}

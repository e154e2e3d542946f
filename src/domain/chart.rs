//! The targets chart (issue 13): each applicable target's attainment drawn against its
//! threshold, on one scale shared by the chart and the cards' progress bars.
//!
//! The threshold always sits at [`THRESHOLD_AT`] of the bar's width. Below it, the bar
//! grows with the share of the threshold reached; only a met target goes past the mark,
//! and only a met target whose figure is everything there is (100%, "yes", "more than
//! before") fills the whole width. So a bar never looks full when its target is not met.

use super::evaluate::{Evaluation, Status};
use super::number::PERCENT_SCALE;
use super::plan::{Target, TargetId};

/// Where the threshold mark sits, as a share of the bar's width.
pub const THRESHOLD_AT: f64 = 0.8;

/// One target's bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub id: TargetId,
    pub status: Status,
    /// The filled share of the width, 0–1: below [`THRESHOLD_AT`] unless the target is met.
    pub fill: f64,
    /// Whether there is a figure to draw (false while missing or invalid).
    pub known: bool,
}

fn percent(value: super::number::Percent) -> f64 {
    value.scaled() as f64 / PERCENT_SCALE as f64
}

/// The bar of one evaluation (any target, applicable or not).
pub fn bar(id: TargetId, evaluation: &Evaluation) -> Bar {
    let status = evaluation.status;
    let fill = match status {
        Status::Met => match (evaluation.actual, evaluation.threshold) {
            // Past the mark by how far the figure goes from the threshold towards 100%.
            (Some(actual), Some(threshold)) if threshold.scaled() < 100 * PERCENT_SCALE => {
                let (actual, threshold) = (percent(actual), percent(threshold));
                let beyond = ((actual - threshold) / (100.0 - threshold)).clamp(0.0, 1.0);
                THRESHOLD_AT + (1.0 - THRESHOLD_AT) * beyond
            }
            _ => 1.0,
        },
        Status::NotMet => {
            let attainment = if evaluation.attainment.is_finite() {
                evaluation.attainment.clamp(0.0, 1.0)
            } else {
                0.0
            };
            // Strictly before the mark, however close the figure came.
            (THRESHOLD_AT * attainment).min(THRESHOLD_AT * 0.99)
        }
        _ => 0.0,
    };
    Bar {
        id,
        status,
        fill,
        known: matches!(status, Status::Met | Status::NotMet),
    }
}

/// The bars of every applicable target, in the order given (the plan's).
pub fn target_bars<'a>(
    evaluations: impl IntoIterator<Item = (&'a Target, &'a Evaluation)>,
) -> Vec<Bar> {
    evaluations
        .into_iter()
        .filter(|(_, evaluation)| evaluation.status.counts())
        .map(|(target, evaluation)| bar(target.id, evaluation))
        .collect()
}

/// Splits a target's name into lines of at most `max_chars` characters at spaces (a word
/// longer than a line is cut), so that the chart draws the whole name where a line of SVG
/// text would be cut off (aftercare of issue 13). Never empty for a non-empty name.
pub fn wrap_label(name: &str, max_chars: usize) -> Vec<String> {
    let max = max_chars.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in name.split_whitespace() {
        let mut rest = word;
        loop {
            let chars = rest.chars().count();
            if len > 0 && len + 1 + chars <= max {
                line.push(' ');
                line.push_str(rest);
                len += 1 + chars;
                break;
            }
            if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            }
            if chars <= max {
                line.push_str(rest);
                len = chars;
                break;
            }
            // A word longer than a line: as much as fits, the rest on the next lines.
            let cut = rest
                .char_indices()
                .nth(max)
                .map_or(rest.len(), |(at, _)| at);
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
    }
    if len > 0 {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::evaluate::{evaluate_increase_counts, evaluate_ratio};
    use crate::domain::figures::TargetEntry;
    use crate::domain::number::Percent;
    use crate::domain::profile::Profile;
    use crate::domain::score::ScoringModel;

    fn fill(n: u64, d: u64, threshold: u32) -> f64 {
        bar(
            builtin::RECRUITMENT,
            &evaluate_ratio(n, d, Percent::from_whole(threshold)),
        )
        .fill
    }

    #[test]
    fn a_label_is_wrapped_whole_at_spaces_within_the_width() {
        let plan = builtin::plan_ref();
        for target in &plan.targets {
            let name = &target.label.vi;
            for width in [16, 30, 44, 60, 90, 200] {
                let lines = wrap_label(name, width);
                assert_eq!(lines.join(" "), *name, "{width} characters");
                assert!(lines.iter().all(|l| l.chars().count() <= width));
                // No line could have taken the next line's first word.
                for pair in lines.windows(2) {
                    let next = pair[1].split(' ').next().unwrap().chars().count();
                    assert!(pair[0].chars().count() + 1 + next > width, "{pair:?}");
                }
            }
            assert_eq!(wrap_label(name, 200).len(), 1);
        }
        assert_eq!(wrap_label("ab  cd", 5), ["ab cd"]);
        assert_eq!(wrap_label("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert!(wrap_label("", 10).is_empty());
    }

    #[test]
    fn a_bar_is_never_full_nor_past_the_mark_unless_its_target_is_met() {
        // Every count of 0..=200 out of 200 against thresholds from 1% to 100%.
        for threshold in [1, 25, 50, 70, 80, 99, 100] {
            for n in 0..=200 {
                let evaluation = evaluate_ratio(n, 200, Percent::from_whole(threshold));
                let b = bar(builtin::RECRUITMENT, &evaluation);
                assert!((0.0..=1.0).contains(&b.fill));
                if evaluation.status == Status::Met {
                    assert!(b.fill >= THRESHOLD_AT, "{n}/200 against {threshold}%");
                } else {
                    assert!(b.fill < THRESHOLD_AT, "{n}/200 against {threshold}%");
                }
                assert_eq!(b.fill == 1.0, n == 200, "{n}/200 against {threshold}%");
            }
        }
    }

    #[test]
    fn the_scale_puts_the_threshold_at_the_mark() {
        // Half the threshold: half way to the mark.
        assert!((fill(25, 100, 50) - THRESHOLD_AT / 2.0).abs() < 1e-9);
        // Exactly the threshold: on the mark; half way from it to 100%: half the rest.
        assert!((fill(50, 100, 50) - THRESHOLD_AT).abs() < 1e-9);
        assert!((fill(75, 100, 50) - (THRESHOLD_AT + (1.0 - THRESHOLD_AT) / 2.0)).abs() < 1e-9);
        // 99 of 100 against 100%: close to the mark, still before it.
        assert!(fill(99, 100, 100) < THRESHOLD_AT);
        assert_eq!(fill(100, 100, 100), 1.0);
    }

    #[test]
    fn yes_no_and_increase_are_full_or_empty_and_unknown_figures_are_not_drawn() {
        assert_eq!(
            bar(
                builtin::SELF_FINANCING_UNITS,
                &evaluate_increase_counts(1, 2)
            )
            .fill,
            1.0
        );
        let same = evaluate_increase_counts(2, 2);
        assert_eq!(same.status, Status::NotMet);
        assert_eq!(bar(builtin::SELF_FINANCING_UNITS, &same).fill, 0.0);

        let plan = builtin::plan_ref();
        let mut profile = Profile::default();
        profile.set_unit(plan, "31211");
        profile.update_entry(builtin::RECRUITMENT, |e| {
            *e = TargetEntry {
                numerator: "abc".into(),
                denominator: "10".into(),
                ..Default::default()
            }
        });
        let model = ScoringModel::default();
        let evaluations = profile.evaluate_all(plan, &model);
        let bars = target_bars(evaluations.iter().map(|(t, e)| (*t, e)));
        // Only the applicable targets, in the plan's order.
        let applicable: Vec<TargetId> = evaluations
            .iter()
            .filter(|(_, e)| e.status.counts())
            .map(|(t, _)| t.id)
            .collect();
        assert_eq!(bars.iter().map(|b| b.id).collect::<Vec<_>>(), applicable);
        assert!(bars.iter().all(|b| !b.known && b.fill == 0.0));
        let recruitment = bars.iter().find(|b| b.id == builtin::RECRUITMENT).unwrap();
        assert_eq!(recruitment.status, Status::Invalid);
    }
}

//! A demonstration bloc with made-up figures for training: every commune of the district
//! with plausible but illustrative numbers. Never real data; the page labels it so.

use super::builtin;
use super::figures::TargetEntry;
use super::number::{Percent, PERCENT_SCALE};
use super::plan::Measure;
use super::profile::Profile;

/// How well each made-up unit does, in percent of the thresholds.
const STRENGTHS: [u64; 11] = [104, 78, 96, 112, 64, 88, 100, 71, 92, 84, 58];

/// One illustrative profile per commune, the same on every call.
pub fn demo_profiles() -> Vec<Profile> {
    let plan = builtin::plan();
    let communes = &plan.blocs[0].units;
    communes
        .iter()
        .enumerate()
        .map(|(index, unit)| {
            let mut profile = Profile::default();
            profile.set_unit(&plan, &unit.id);
            // How well this made-up unit does, in percent of each threshold.
            let strength = STRENGTHS[index % STRENGTHS.len()];
            for (position, target) in plan.targets.iter().enumerate() {
                if !target.applies_by_default(profile.bloc, &unit.id) {
                    continue;
                }
                let denominator = 12 + (index as u64 * 7 + position as u64 * 5) % 40;
                let threshold = target.threshold(profile.bloc).unwrap_or(Percent::HUNDRED);
                profile.update_entry(target.id, |entry| match &target.measure {
                    Measure::Ratio { .. } => {
                        // Some targets a little above the unit's usual level, some below.
                        let wobble = [0, 12, 24][(index + position) % 3];
                        let level = (strength + wobble).saturating_sub(12);
                        let wanted = (denominator * threshold.scaled() * level)
                            .div_ceil(10_000 * PERCENT_SCALE);
                        let numerator = wanted.min(denominator);
                        *entry = TargetEntry {
                            numerator: numerator.to_string(),
                            denominator: denominator.to_string(),
                            ..TargetEntry::default()
                        };
                    }
                    Measure::YesNo { .. } => entry.answer = Some(strength >= 95),
                    Measure::Increase { .. } => {}
                });
            }
            profile
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::score::ScoringModel;

    #[test]
    fn the_demo_bloc_is_complete_varied_and_stable() {
        let profiles = demo_profiles();
        assert_eq!(profiles.len(), 11);
        assert_eq!(profiles, demo_profiles());
        let model = ScoringModel::default();
        let summaries: Vec<_> = profiles
            .iter()
            .map(|p| p.summary(&builtin::plan(), &model))
            .collect();
        assert!(summaries.iter().all(|s| s.missing == 0 && s.invalid == 0));
        let mut scores: Vec<String> = summaries.iter().map(|s| s.score_attribute()).collect();
        scores.sort();
        scores.dedup();
        assert!(scores.len() >= 6, "scores vary: {scores:?}");
    }
}

//! The district as a whole: every profile's counts summed per bloc (and for the whole
//! district where both blocs share a threshold), checked against the thresholds, with how
//! many units meet each target.

use std::collections::BTreeSet;

use super::evaluate::{evaluate_increase_counts, evaluate_ratio, Evaluation, Status};
use super::figures::EntryMode;
use super::number::Percent;
use super::profile::Profile;
use super::score::ScoringModel;
use super::targets::{Measure, Target, TARGETS};
use super::units::{Bloc, OTHER_UNIT_ID};

/// What a total covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Bloc(Bloc),
    District,
}

/// A sum of counts over units, judged against the threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub scope: Scope,
    /// Units whose figures went into the sum.
    pub units: usize,
    /// Numerator and denominator (yes answers and answers; or counts at the start and
    /// the end of the year).
    pub first: u64,
    pub second: u64,
    pub evaluation: Evaluation,
    /// Units that typed a percentage, which cannot be added up.
    pub percent_only: usize,
}

/// One target across the district.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictTarget {
    pub target: &'static Target,
    /// Units meeting the target, of those where it applies.
    pub units_met: usize,
    pub units_applicable: usize,
    pub totals: Vec<Total>,
}

#[derive(Default)]
struct Sum {
    units: usize,
    first: u64,
    second: u64,
    percent_only: usize,
}

/// The profiles that count for the district: one per unit (the first), with a unit chosen.
pub fn district_profiles<'a>(profiles: impl IntoIterator<Item = &'a Profile>) -> Vec<&'a Profile> {
    let mut seen = BTreeSet::new();
    profiles
        .into_iter()
        .filter(|p| !p.unit_id.is_empty())
        .filter(|p| p.unit_id == OTHER_UNIT_ID || seen.insert(p.unit_id.clone()))
        .collect()
}

pub fn district(profiles: &[&Profile], model: &ScoringModel) -> Vec<DistrictTarget> {
    let evaluated: Vec<(&Profile, Vec<(&'static Target, Evaluation)>)> = profiles
        .iter()
        .map(|p| (*p, p.evaluate_all(model)))
        .collect();
    TARGETS
        .iter()
        .enumerate()
        .map(|(index, target)| {
            let mut units_met = 0;
            let mut units_applicable = 0;
            let mut sums = [Sum::default(), Sum::default()];
            for (profile, evaluations) in &evaluated {
                let evaluation = &evaluations[index].1;
                if !evaluation.status.counts() {
                    continue;
                }
                units_applicable += 1;
                units_met += usize::from(evaluation.status == Status::Met);
                let sum = &mut sums[usize::from(profile.bloc == Bloc::Agency)];
                let entry = profile.entry(target.id);
                match target.measure {
                    Measure::YesNo { .. } => {
                        if let Some(yes) = entry.answer {
                            sum.units += 1;
                            sum.first += u64::from(yes);
                            sum.second += 1;
                        }
                    }
                    _ if entry.mode == EntryMode::Percent && evaluation.actual.is_some() => {
                        sum.percent_only += 1
                    }
                    _ => {
                        if let Some((first, second)) = evaluation.counts {
                            sum.units += 1;
                            sum.first += first;
                            sum.second += second;
                        }
                    }
                }
            }
            let [commune, agency] = sums;
            let mut totals = vec![
                judge(target, Scope::Bloc(Bloc::Commune), &commune),
                judge(target, Scope::Bloc(Bloc::Agency), &agency),
            ];
            let same_threshold = target.threshold(Bloc::Commune) == target.threshold(Bloc::Agency);
            if same_threshold {
                let whole = Sum {
                    units: commune.units + agency.units,
                    first: commune.first + agency.first,
                    second: commune.second + agency.second,
                    percent_only: commune.percent_only + agency.percent_only,
                };
                totals.push(judge(target, Scope::District, &whole));
            }
            DistrictTarget {
                target,
                units_met,
                units_applicable,
                totals,
            }
        })
        .collect()
}

fn judge(target: &Target, scope: Scope, sum: &Sum) -> Total {
    let bloc = match scope {
        Scope::Bloc(bloc) => bloc,
        Scope::District => Bloc::Agency,
    };
    let evaluation = if sum.units == 0 {
        let mut none = evaluate_ratio(0, 0, Percent::ZERO);
        none.status = Status::Incomplete;
        none.not_applicable = None;
        none
    } else {
        match target.measure {
            Measure::Ratio { threshold, .. } => {
                evaluate_ratio(sum.first, sum.second, threshold.for_bloc(bloc))
            }
            Measure::YesNo {
                district_threshold, ..
            } => evaluate_ratio(
                sum.first,
                sum.second,
                Percent::from_whole(district_threshold),
            ),
            Measure::Increase { .. } => evaluate_increase_counts(sum.first, sum.second),
        }
    };
    Total {
        scope,
        units: sum.units,
        first: sum.first,
        second: sum.second,
        evaluation,
        percent_only: sum.percent_only,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figures::TargetEntry;
    use crate::domain::targets::{target, TargetId};

    fn unit(id: &str, n: &str, d: &str, rated: Option<bool>) -> Profile {
        let mut p = Profile::default();
        p.set_unit(id);
        p.update_entry(TargetId::OnlineWorkFiles, |e| {
            *e = TargetEntry {
                numerator: n.into(),
                denominator: d.into(),
                ..Default::default()
            }
        });
        p.update_entry(TargetId::TthcRatingGood, |e| e.answer = rated);
        p
    }

    #[test]
    fn sums_counts_per_bloc_and_checks_the_thresholds() {
        let a = unit("31211", "3", "10", Some(true));
        let b = unit("31234", "4", "10", Some(true));
        let c = unit("noi-vu", "13", "20", Some(false));
        let duplicate = unit("31211", "10", "10", Some(true));
        let profiles = district_profiles([&a, &b, &c, &duplicate]);
        assert_eq!(profiles.len(), 3);
        let rows = district(&profiles, &ScoringModel::default());
        let files = &rows[0];
        assert_eq!(files.target.id, TargetId::OnlineWorkFiles);
        assert_eq!((files.units_met, files.units_applicable), (2, 3));
        // Communes: 7 of 20 = 35% meets 35%; agencies 13 of 20 meets 65%; the thresholds
        // differ, so there is no whole-district total.
        assert_eq!(files.totals.len(), 2);
        assert_eq!((files.totals[0].first, files.totals[0].second), (7, 20));
        assert_eq!(files.totals[0].evaluation.status, Status::Met);
        assert_eq!(files.totals[1].evaluation.status, Status::Met);

        let rating = rows
            .iter()
            .find(|r| r.target.id == TargetId::TthcRatingGood)
            .unwrap();
        let whole = rating
            .totals
            .iter()
            .find(|t| t.scope == Scope::District)
            .unwrap();
        // 2 of 3 rated good: 66,6% is below the district's 90%.
        assert_eq!((whole.first, whole.second), (2, 3));
        assert_eq!(whole.evaluation.status, Status::NotMet);
        assert_eq!(
            whole.evaluation.threshold,
            target(TargetId::TthcRatingGood)
                .threshold(Bloc::Agency)
                .or(Some(Percent::from_whole(90)))
        );
    }

    #[test]
    fn no_figures_is_incomplete_not_a_division() {
        let rows = district(&[], &ScoringModel::default());
        assert!(rows.iter().all(|r| r
            .totals
            .iter()
            .all(|t| t.evaluation.status == Status::Incomplete)));
    }
}

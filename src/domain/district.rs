//! The district as a whole: every profile's counts summed per bloc (and for the whole
//! district where both blocs share a threshold), checked against the thresholds, with how
//! many units meet each target.

use std::collections::BTreeMap;

use super::builtin;
use super::evaluate::{evaluate_increase_counts, evaluate_ratio, Evaluation, Status};
use super::figures::EntryMode;
use super::number::Percent;
use super::plan::{BlocId, Measure, Plan, Target, OTHER_UNIT_ID};
use super::profile::Profile;
use super::score::ScoringModel;
use super::workspace::ProfileRecord;

/// What a total covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Bloc(BlocId),
    /// Every bloc of the plan together.
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
pub struct DistrictTarget<'p> {
    pub target: &'p Target,
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

/// The unit a profile stands for: its unit id, or for an "other" unit its bloc and name
/// (the same test as import's [`super::workspace::Workspace::profile_for_unit`]). `None`
/// for a profile without a unit, or an "other" unit without a name (it cannot be told
/// apart from another, so it always counts on its own).
/// For a plan other than the built-in one the key starts with `<plan id>/`.
pub fn unit_key(profile: &Profile) -> Option<String> {
    if profile.unit_id.is_empty() {
        return None;
    }
    let key = if profile.unit_id != OTHER_UNIT_ID {
        profile.unit_id.clone()
    } else {
        let name = profile.other_name.trim();
        if name.is_empty() {
            return None;
        }
        format!(
            "{OTHER_UNIT_ID}:{}:{}",
            profile.bloc.key(),
            name.to_ascii_lowercase()
        )
    };
    Some(if profile.plan == builtin::PLAN_ID {
        key
    } else {
        format!("{}/{key}", profile.plan)
    })
}

/// A unit with more than one profile: only one of them counts for the district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateUnit {
    /// From [`unit_key`]; what the user's choice is saved under.
    pub key: String,
    /// The unit's profiles, in profile order.
    pub profile_ids: Vec<String>,
    /// The one counted: the chosen one, else the first.
    pub counted: String,
}

/// The profiles that count for the district, in profile order, and the units that have
/// more than one profile.
#[derive(Debug, Clone, PartialEq)]
pub struct DistrictSelection<'a> {
    pub counted: Vec<&'a Profile>,
    pub duplicates: Vec<DuplicateUnit>,
}

/// One profile per unit of `plan`, with a unit chosen: for a unit with several, the one
/// `choices` names (unit key → profile id; saved with the data), else the first.
pub fn district_selection<'a>(
    plan: &Plan,
    profiles: &'a [ProfileRecord],
    choices: &BTreeMap<String, String>,
) -> DistrictSelection<'a> {
    let profiles: Vec<&ProfileRecord> = profiles
        .iter()
        .filter(|r| r.profile.plan == plan.id)
        .collect();
    let mut by_unit: BTreeMap<String, Vec<&ProfileRecord>> = BTreeMap::new();
    for &record in &profiles {
        if let Some(key) = unit_key(&record.profile) {
            by_unit.entry(key).or_default().push(record);
        }
    }
    let mut duplicates = Vec::new();
    let mut counted_ids = std::collections::BTreeSet::new();
    for (key, records) in &by_unit {
        let chosen = choices
            .get(key)
            .and_then(|id| records.iter().find(|r| &r.id == id))
            .unwrap_or(&records[0]);
        counted_ids.insert(chosen.id.as_str());
        if records.len() > 1 {
            duplicates.push(DuplicateUnit {
                key: key.clone(),
                profile_ids: records.iter().map(|r| r.id.clone()).collect(),
                counted: chosen.id.clone(),
            });
        }
    }
    // Listed in the order of their first profile, as the page lists profiles.
    let first = |d: &DuplicateUnit| profiles.iter().position(|r| r.id == d.profile_ids[0]);
    duplicates.sort_by_key(first);
    let counted = profiles
        .iter()
        .filter(|r| {
            !r.profile.unit_id.is_empty()
                && (unit_key(&r.profile).is_none() || counted_ids.contains(r.id.as_str()))
        })
        .map(|r| &*r.profile)
        .collect();
    DistrictSelection {
        counted,
        duplicates,
    }
}

/// Every target of `plan` across the given profiles (of that plan).
pub fn district<'p>(
    plan: &'p Plan,
    profiles: &[&Profile],
    model: &ScoringModel,
) -> Vec<DistrictTarget<'p>> {
    let evaluated: Vec<(&Profile, Vec<(&Target, Evaluation)>)> = profiles
        .iter()
        .map(|p| (*p, p.evaluate_all(plan, model)))
        .collect();
    plan.targets
        .iter()
        .enumerate()
        .map(|(index, target)| {
            let mut units_met = 0;
            let mut units_applicable = 0;
            let mut sums: Vec<Sum> = plan.blocs.iter().map(|_| Sum::default()).collect();
            for (profile, evaluations) in &evaluated {
                let evaluation = &evaluations[index].1;
                let Some(bloc_index) = plan.blocs.iter().position(|b| b.id == profile.bloc) else {
                    continue;
                };
                if !evaluation.status.counts() {
                    continue;
                }
                units_applicable += 1;
                units_met += usize::from(evaluation.status == Status::Met);
                let sum = &mut sums[bloc_index];
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
            let offered: Vec<(BlocId, &Sum)> = plan
                .blocs
                .iter()
                .zip(&sums)
                .filter(|(bloc, _)| target.is_offered(bloc.id))
                .map(|(bloc, sum)| (bloc.id, sum))
                .collect();
            let mut totals: Vec<Total> = offered
                .iter()
                .map(|(bloc, sum)| judge(target, Scope::Bloc(*bloc), sum))
                .collect();
            // The plan's area as a whole, where every bloc offered has the same threshold.
            let same_threshold = offered
                .windows(2)
                .all(|pair| target.threshold(pair[0].0) == target.threshold(pair[1].0));
            if same_threshold && !offered.is_empty() {
                let whole = offered.iter().fold(Sum::default(), |acc, (_, sum)| Sum {
                    units: acc.units + sum.units,
                    first: acc.first + sum.first,
                    second: acc.second + sum.second,
                    percent_only: acc.percent_only + sum.percent_only,
                });
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
    let evaluation = if sum.units == 0 {
        let mut none = evaluate_ratio(0, 0, Percent::ZERO);
        none.status = Status::Incomplete;
        none.not_applicable = None;
        none
    } else {
        match &target.measure {
            Measure::Ratio { .. } => {
                // For the whole area every bloc has the same threshold (see `district`).
                let threshold = match scope {
                    Scope::Bloc(bloc) => target.threshold(bloc),
                    Scope::District => target.blocs.first().and_then(|rule| rule.threshold),
                };
                evaluate_ratio(sum.first, sum.second, threshold.unwrap_or(Percent::HUNDRED))
            }
            // A plan without an overall threshold asks every unit to answer yes.
            Measure::YesNo {
                overall_threshold, ..
            } => evaluate_ratio(
                sum.first,
                sum.second,
                overall_threshold.unwrap_or(Percent::HUNDRED),
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
    use crate::domain::builtin;
    use crate::domain::figures::TargetEntry;

    fn unit(id: &str, n: &str, d: &str, rated: Option<bool>) -> Profile {
        let mut p = Profile::default();
        p.set_unit(builtin::plan_ref(), id);
        p.update_entry(builtin::ONLINE_WORK_FILES, |e| {
            *e = TargetEntry {
                numerator: n.into(),
                denominator: d.into(),
                ..Default::default()
            }
        });
        p.update_entry(builtin::TTHC_RATING_GOOD, |e| e.answer = rated);
        p
    }

    #[test]
    fn sums_counts_per_bloc_and_checks_the_thresholds() {
        let a = unit("31211", "3", "10", Some(true));
        let b = unit("31234", "4", "10", Some(true));
        let c = unit("noi-vu", "13", "20", Some(false));
        let duplicate = unit("31211", "10", "10", Some(true));
        let records = records([a, b, c, duplicate]);
        let selection = district_selection(builtin::plan_ref(), &records, &BTreeMap::new());
        let profiles = selection.counted;
        assert_eq!(profiles.len(), 3);
        let rows = district(builtin::plan_ref(), &profiles, &ScoringModel::default());
        let files = &rows[0];
        assert_eq!(files.target.id, builtin::ONLINE_WORK_FILES);
        assert_eq!((files.units_met, files.units_applicable), (2, 3));
        // Communes: 7 of 20 = 35% meets 35%; agencies 13 of 20 meets 65%; the thresholds
        // differ, so there is no whole-district total.
        assert_eq!(files.totals.len(), 2);
        assert_eq!((files.totals[0].first, files.totals[0].second), (7, 20));
        assert_eq!(files.totals[0].evaluation.status, Status::Met);
        assert_eq!(files.totals[1].evaluation.status, Status::Met);

        let rating = rows
            .iter()
            .find(|r| r.target.id == builtin::TTHC_RATING_GOOD)
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
            builtin::plan_ref()
                .target(builtin::TTHC_RATING_GOOD)
                .unwrap()
                .threshold(builtin::AGENCY)
                .or(Some(Percent::from_whole(90)))
        );
    }

    fn records<const N: usize>(profiles: [Profile; N]) -> Vec<ProfileRecord> {
        profiles
            .into_iter()
            .enumerate()
            .map(|(i, p)| ProfileRecord::new(format!("p{}", i + 1), p))
            .collect()
    }

    fn other(bloc: BlocId, name: &str, n: &str) -> Profile {
        let mut p = unit(OTHER_UNIT_ID, n, "10", None);
        p.set_bloc(builtin::plan_ref(), bloc);
        p.set_unit(builtin::plan_ref(), OTHER_UNIT_ID);
        p.other_name = name.into();
        p
    }

    /// A unit with two profiles is named, with the one counted; the user's choice (saved
    /// with the data) decides which one; a duplicated "other" unit is not counted twice.
    #[test]
    fn a_duplicated_unit_is_reported_and_the_chosen_profile_counts() {
        let records = records([
            unit("31211", "3", "10", None),
            unit("31234", "4", "10", None),
            unit("31211", "9", "10", None),
            other(builtin::COMMUNE, "Xã Mới", "1"),
            other(builtin::COMMUNE, " xã mới ", "2"),
            other(builtin::COMMUNE, "", "5"),
            other(builtin::COMMUNE, "", "6"),
            other(builtin::AGENCY, "Xã Mới", "7"),
        ]);
        let commune_total = |choices: &BTreeMap<String, String>| {
            let selection = district_selection(builtin::plan_ref(), &records, choices);
            let rows = district(
                builtin::plan_ref(),
                &selection.counted,
                &ScoringModel::default(),
            );
            let total = &rows[0].totals[0];
            ((total.first, total.second), selection)
        };
        let (sum, selection) = commune_total(&BTreeMap::new());
        // The first of each: 3 + 4 + 1 and both nameless others (5 + 6) of 50.
        assert_eq!(sum, (19, 50));
        assert_eq!(
            selection.duplicates,
            [
                DuplicateUnit {
                    key: "31211".into(),
                    profile_ids: vec!["p1".into(), "p3".into()],
                    counted: "p1".into(),
                },
                DuplicateUnit {
                    key: "other:commune:xã mới".into(),
                    profile_ids: vec!["p4".into(), "p5".into()],
                    counted: "p4".into(),
                },
            ]
        );
        let chosen = BTreeMap::from([
            ("31211".to_string(), "p3".to_string()),
            ("other:commune:xã mới".to_string(), "p5".to_string()),
        ]);
        let (sum, selection) = commune_total(&chosen);
        assert_eq!(sum, (9 + 4 + 2 + 5 + 6, 50));
        assert_eq!(selection.duplicates[0].counted, "p3");
        // A choice naming a profile that is gone falls back to the first.
        let stale = BTreeMap::from([("31211".to_string(), "p9".to_string())]);
        assert_eq!(commune_total(&stale).0, (19, 50));
    }

    #[test]
    fn no_figures_is_incomplete_not_a_division() {
        let rows = district(builtin::plan_ref(), &[], &ScoringModel::default());
        assert!(rows.iter().all(|r| r
            .totals
            .iter()
            .all(|t| t.evaluation.status == Status::Incomplete)));
    }
}

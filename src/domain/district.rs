//! The district as a whole: every profile's counts summed per bloc (and for the whole
//! district where both blocs share a threshold), checked against the thresholds, with how
//! many units meet each target. A total is judged only when every unit the target applies
//! to is in it; otherwise it is incomplete, with a clearly separate estimate.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

use super::builtin;
use super::evaluate::{evaluate_increase_counts, evaluate_ratio, Evaluation, Status};
use super::figures::EntryMode;
use super::number::{Percent, PERCENT_SCALE};
use super::plan::{BlocId, Measure, Plan, Target, OTHER_UNIT_ID};
use super::profile::Profile;
use super::score::ScoringModel;
use super::small_map::SmallMap;
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
    /// The names of the units whose figures are in the total or the estimate, in plan order.
    pub included: Vec<String>,
    /// The names of the units the target applies to whose figures are not there: units
    /// without a profile (by the default applicability), and profiles not filled in or
    /// with figures that cannot be used.
    pub lacking: Vec<String>,
    /// When the total is incomplete and some figures are there: what they suggest.
    pub estimate: Option<Estimate>,
}

impl Total {
    /// The units the target applies to in this scope: those in it and those lacking.
    pub fn expected(&self) -> usize {
        self.included.len() + self.lacking.len()
    }
}

/// How an estimate was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EstimateMethod {
    /// The counts (or answers) of the units that have them, summed.
    Pooled,
    /// The average of the units' percentages (some typed a percentage, not counts).
    Mean,
}

/// A percentage that is only an estimate, never judged against the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// The percentage exactly, as `num ÷ den` percent.
    pub num: u128,
    pub den: u128,
    /// How many units it is made from.
    pub units: usize,
    pub method: EstimateMethod,
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

impl DistrictTarget<'_> {
    /// The target's district status: incomplete if any total is, else not met if any
    /// total is not met, else met; not applicable when it applies to no unit anywhere.
    pub fn status(&self) -> Status {
        let any = |status: Status| self.totals.iter().any(|t| t.evaluation.status == status);
        let all_na = self
            .totals
            .iter()
            .all(|t| t.evaluation.status == Status::NotApplicable);
        if !self.totals.is_empty() && all_na {
            Status::NotApplicable
        } else if self.totals.is_empty() || any(Status::Incomplete) {
            Status::Incomplete
        } else if any(Status::NotMet) {
            Status::NotMet
        } else {
            Status::Met
        }
    }
}

#[derive(Default, Clone)]
struct Sum {
    units: usize,
    first: u64,
    second: u64,
    percent_only: usize,
    /// Every included unit's percentage (scaled), for the average.
    percents: Vec<u64>,
    /// (plan order, name)
    included: Vec<(usize, String)>,
    lacking: Vec<(usize, String)>,
}

impl Sum {
    fn add(mut self, other: &Sum) -> Sum {
        self.units += other.units;
        self.first += other.first;
        self.second += other.second;
        self.percent_only += other.percent_only;
        self.percents.extend(&other.percents);
        self.included.extend(other.included.iter().cloned());
        self.lacking.extend(other.lacking.iter().cloned());
        self
    }
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
pub fn district_selection<'a, R: Borrow<ProfileRecord> + 'a>(
    plan: &Plan,
    profiles: impl IntoIterator<Item = &'a R>,
    choices: &SmallMap<String, String>,
) -> DistrictSelection<'a> {
    let profiles: Vec<&ProfileRecord> = profiles
        .into_iter()
        .map(Borrow::borrow)
        .filter(|r| r.profile.plan == plan.id)
        .collect();
    // The units in the order of their first profile, each with its profiles. Up to one per
    // profile (10 000 "other" units): found by hashing, not in a sorted vector.
    let mut units: Vec<(String, Vec<&ProfileRecord>)> = Vec::new();
    let mut unit_index: HashMap<String, usize> = HashMap::new();
    for &record in &profiles {
        if let Some(key) = unit_key(&record.profile) {
            match unit_index.get(&key) {
                Some(&i) => units[i].1.push(record),
                None => {
                    unit_index.insert(key.clone(), units.len());
                    units.push((key, vec![record]));
                }
            }
        }
    }
    // Listed in the order of their first profile, as the page lists profiles.
    let mut duplicates = Vec::new();
    let mut counted_ids = HashSet::new();
    for (key, records) in &units {
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
    // The place of a unit in the plan's lists, so that names are listed in plan order (an
    // "other" unit after the plan's own).
    let place = |profile: &Profile| {
        plan.blocs
            .iter()
            .flat_map(|b| &b.units)
            .position(|u| u.id == profile.unit_id)
            .unwrap_or(usize::MAX)
    };
    // The plan's units with no profile here: they have not sent their figures.
    let absent: Vec<(usize, usize, &super::plan::Unit)> = plan
        .blocs
        .iter()
        .enumerate()
        .flat_map(|(bloc_index, bloc)| bloc.units.iter().map(move |u| (bloc_index, u)))
        .enumerate()
        .filter(|(_, (_, u))| !profiles.iter().any(|p| p.unit_id == u.id))
        .map(|(order, (bloc_index, u))| (order, bloc_index, u))
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
                let name = (
                    place(profile),
                    profile.unit_name(plan).unwrap_or_default().to_string(),
                );
                let usable = matches!(evaluation.status, Status::Met | Status::NotMet);
                if !usable {
                    sum.lacking.push(name);
                    continue;
                }
                sum.included.push(name);
                if let Some(actual) = evaluation.actual {
                    sum.percents.push(actual.scaled());
                }
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
            for (order, bloc_index, unit) in &absent {
                if model.applies_by_default(target, plan.blocs[*bloc_index].id, &unit.id) {
                    sums[*bloc_index].lacking.push((*order, unit.name.clone()));
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
                let whole = offered
                    .iter()
                    .fold(Sum::default(), |acc, (_, sum)| acc.add(sum));
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
    let complete = sum.lacking.is_empty() && sum.percent_only == 0;
    let threshold = match &target.measure {
        // For the whole area every bloc has the same threshold (see `district`).
        Measure::Ratio { .. } => Some(
            match scope {
                Scope::Bloc(bloc) => target.threshold(bloc),
                Scope::District => target.blocs.first().and_then(|rule| rule.threshold),
            }
            .unwrap_or(Percent::HUNDRED),
        ),
        // A plan without an overall threshold asks every unit to answer yes.
        Measure::YesNo {
            overall_threshold, ..
        } => Some(overall_threshold.unwrap_or(Percent::HUNDRED)),
        Measure::Increase { .. } => None,
    };
    let mut evaluation = match threshold {
        _ if sum.units == 0 => {
            let mut none = evaluate_ratio(0, 0, Percent::ZERO);
            none.status = Status::Incomplete;
            none.not_applicable = None;
            none.threshold = threshold;
            none
        }
        Some(threshold) => evaluate_ratio(sum.first, sum.second, threshold),
        None => evaluate_increase_counts(sum.first, sum.second),
    };
    // A sum that leaves out a unit the target applies to is not the district's figure: it
    // is never judged (a sum of zero answers, either: see `evaluate_ratio`).
    if !complete || evaluation.status == Status::NotApplicable {
        evaluation.status = Status::Incomplete;
        evaluation.not_applicable = None;
        evaluation.gap = None;
    }
    // No unit here that the target applies to: nothing to judge.
    if sum.included.is_empty() && sum.lacking.is_empty() {
        evaluation.status = Status::NotApplicable;
    }
    let estimate = if evaluation.status != Status::Incomplete {
        None
    } else if sum.percent_only > 0 {
        // Counts and percentages cannot be added up: the units' percentages, averaged.
        let n = sum.percents.len() as u128;
        Some(Estimate {
            num: sum.percents.iter().map(|&p| u128::from(p)).sum(),
            den: n * u128::from(PERCENT_SCALE),
            units: sum.percents.len(),
            method: EstimateMethod::Mean,
        })
    } else if sum.units > 0 && sum.second > 0 && !matches!(target.measure, Measure::Increase { .. })
    {
        Some(Estimate {
            num: u128::from(sum.first) * 100,
            den: u128::from(sum.second),
            units: sum.units,
            method: EstimateMethod::Pooled,
        })
    } else {
        None
    };
    let names = |list: &[(usize, String)]| {
        let mut list = list.to_vec();
        list.sort_by_key(|(order, _)| *order);
        list.into_iter().map(|(_, name)| name).collect()
    };
    Total {
        scope,
        units: sum.units,
        first: sum.first,
        second: sum.second,
        evaluation,
        percent_only: sum.percent_only,
        included: names(&sum.included),
        lacking: names(&sum.lacking),
        estimate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::figures::TargetEntry;
    use crate::domain::plan::TargetId;

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
        let selection = district_selection(builtin::plan_ref(), &records, &SmallMap::new());
        let profiles = selection.counted;
        assert_eq!(profiles.len(), 3);
        let rows = district(builtin::plan_ref(), &profiles, &ScoringModel::default());
        let files = &rows[0];
        assert_eq!(files.target.id, builtin::ONLINE_WORK_FILES);
        assert_eq!((files.units_met, files.units_applicable), (2, 3));
        // Communes: 7 of 20 = 35%, agencies 13 of 20 = 65%, the thresholds; but most
        // units have not sent figures, so neither is judged (issue 13: honest totals), and
        // 35% is only an estimate. The thresholds differ: no whole-district total.
        assert_eq!(files.totals.len(), 2);
        let communes = &files.totals[0];
        assert_eq!((communes.first, communes.second), (7, 20));
        assert_eq!(communes.evaluation.status, Status::Incomplete);
        assert_eq!(communes.included, ["Xã Vĩnh Bình", "Xã Thạnh Mỹ"]);
        assert_eq!((communes.lacking.len(), communes.expected()), (9, 11));
        assert_eq!(
            communes.estimate,
            Some(Estimate {
                num: 700,
                den: 20,
                units: 2,
                method: EstimateMethod::Pooled
            })
        );
        assert_eq!(files.totals[1].evaluation.status, Status::Incomplete);
        assert_eq!(files.status(), Status::Incomplete);

        let rating = rows
            .iter()
            .find(|r| r.target.id == builtin::TTHC_RATING_GOOD)
            .unwrap();
        let whole = rating
            .totals
            .iter()
            .find(|t| t.scope == Scope::District)
            .unwrap();
        // 2 of 3 rated good (66,6%, below the district's 90%), but 20 units did not answer.
        assert_eq!((whole.first, whole.second), (2, 3));
        assert_eq!(whole.evaluation.status, Status::Incomplete);
        assert_eq!(whole.lacking.len(), 20);
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
        let commune_total = |choices: &SmallMap<String, String>| {
            let selection = district_selection(builtin::plan_ref(), &records, choices);
            let rows = district(
                builtin::plan_ref(),
                &selection.counted,
                &ScoringModel::default(),
            );
            let total = &rows[0].totals[0];
            ((total.first, total.second), selection)
        };
        let (sum, selection) = commune_total(&SmallMap::new());
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
        let chosen = SmallMap::from([
            ("31211".to_string(), "p3".to_string()),
            ("other:commune:xã mới".to_string(), "p5".to_string()),
        ]);
        let (sum, selection) = commune_total(&chosen);
        assert_eq!(sum, (9 + 4 + 2 + 5 + 6, 50));
        assert_eq!(selection.duplicates[0].counted, "p3");
        // A choice naming a profile that is gone falls back to the first.
        let stale = SmallMap::from([("31211".to_string(), "p9".to_string())]);
        assert_eq!(commune_total(&stale).0, (19, 50));
    }

    #[test]
    fn no_figures_is_incomplete_not_a_division() {
        let rows = district(builtin::plan_ref(), &[], &ScoringModel::default());
        assert!(rows.iter().all(|r| r.totals.iter().all(|t| matches!(
            t.evaluation.status,
            Status::Incomplete | Status::NotApplicable
        ))));
        // Education satisfaction applies to no commune by default: nothing to judge there;
        // the agencies' total waits for Phòng GD&ĐT, with the real threshold (not 0%).
        let education = rows
            .iter()
            .find(|r| r.target.id == builtin::SATISFACTION_EDUCATION)
            .unwrap();
        assert_eq!(education.totals[0].evaluation.status, Status::NotApplicable);
        assert_eq!(education.totals[0].expected(), 0);
        let agencies = &education.totals[1];
        assert_eq!(agencies.evaluation.status, Status::Incomplete);
        assert_eq!(agencies.lacking, ["Phòng Giáo dục và Đào tạo"]);
        assert_eq!(agencies.evaluation.threshold, Some(Percent::from_whole(90)));
        assert_eq!(education.status(), Status::Incomplete);
    }

    /// A profile for every unit of the built-in plan, made by `fill`.
    fn every_unit(fill: impl Fn(usize, &str, &mut Profile)) -> Vec<ProfileRecord> {
        let plan = builtin::plan_ref();
        let ids: Vec<&str> = plan
            .blocs
            .iter()
            .flat_map(|b| b.units.iter().map(|u| u.id.as_str()))
            .collect();
        ids.iter()
            .enumerate()
            .map(|(i, id)| {
                let mut p = Profile::default();
                p.set_unit(plan, id);
                fill(i, id, &mut p);
                ProfileRecord::new(format!("p{}", i + 1), p)
            })
            .collect()
    }

    fn rows_of(records: &[ProfileRecord]) -> Vec<DistrictTarget<'static>> {
        let selection = district_selection(builtin::plan_ref(), records, &SmallMap::new());
        district(
            builtin::plan_ref(),
            &selection.counted,
            &ScoringModel::default(),
        )
    }

    fn ratio(p: &mut Profile, target: TargetId, n: &str, d: &str) {
        p.update_entry(target, |e| {
            e.numerator = n.into();
            e.denominator = d.into();
        });
    }

    /// With every unit's counts the totals are judged exactly: 35% of the communes' files
    /// is met by 77 of 220 and not by 76 of 220.
    #[test]
    fn complete_counts_are_judged_exactly_at_the_threshold() {
        let plan = builtin::plan_ref();
        let communes = plan.bloc(builtin::COMMUNE).unwrap().units.len();
        assert_eq!(communes, 11);
        for (last, status) in [("7", Status::Met), ("6", Status::NotMet)] {
            let records = every_unit(|i, _, p| {
                // Communes: ten of 7/20 and the last of `last`/20: 77 (or 76) of 220.
                // Agencies: 13 of 20 each, exactly 65%.
                let n = if i < communes - 1 {
                    "7"
                } else if i == communes - 1 {
                    last
                } else {
                    "13"
                };
                ratio(p, builtin::ONLINE_WORK_FILES, n, "20");
            });
            let rows = rows_of(&records);
            let files = &rows[0];
            let commune_total = &files.totals[0];
            assert_eq!(commune_total.second, 220);
            assert_eq!(commune_total.evaluation.status, status, "last {last}");
            assert_eq!(commune_total.estimate, None);
            assert_eq!(
                (commune_total.included.len(), commune_total.expected()),
                (11, 11)
            );
            assert_eq!(files.totals[1].evaluation.status, Status::Met);
            assert_eq!(files.status(), status);
        }
    }

    /// Nothing to count (a zero denominator) or switched off is not lacking figures; a unit
    /// without a profile, one not filled in or with an impossible figure is.
    #[test]
    fn a_unit_without_usable_figures_makes_the_total_incomplete() {
        let fill = |broken: Option<&'static str>| {
            move |i: usize, id: &str, p: &mut Profile| {
                match (i, broken) {
                    (0, _) => ratio(p, builtin::ONLINE_WORK_FILES, "0", "0"),
                    (1, _) => p.update_entry(builtin::ONLINE_WORK_FILES, |e| {
                        e.not_applicable = Some(true)
                    }),
                    (2, Some(text)) => ratio(p, builtin::ONLINE_WORK_FILES, text, "20"),
                    _ => ratio(p, builtin::ONLINE_WORK_FILES, "20", "20"),
                }
                let _ = id;
            }
        };
        let rows = rows_of(&every_unit(fill(None)));
        assert_eq!(rows[0].totals[0].evaluation.status, Status::Met);
        assert_eq!(rows[0].totals[0].expected(), 9);
        for broken in ["", "21", "x"] {
            let rows = rows_of(&every_unit(fill(Some(broken))));
            let total = &rows[0].totals[0];
            assert_eq!(total.evaluation.status, Status::Incomplete, "{broken:?}");
            assert_eq!(total.lacking, ["Xã Vĩnh Bình"], "{broken:?}");
            assert_eq!(total.estimate.map(|e| (e.num, e.den)), Some((16000, 160)));
        }
        // A unit that has not sent anything at all.
        let mut records = every_unit(fill(None));
        records.remove(4);
        let rows = rows_of(&records);
        assert_eq!(rows[0].totals[0].evaluation.status, Status::Incomplete);
        assert_eq!(rows[0].totals[0].lacking, ["Xã Vĩnh Trinh"]);
    }

    /// Five units typed a percentage, the others counts: nothing can be summed, so the
    /// total is incomplete however high the figures are, with their average as the
    /// estimate (the page once said "70% ✓ Đạt" from one unit's counts, or "no figures").
    #[test]
    fn typed_percentages_give_an_average_never_a_verdict() {
        let records = every_unit(|i, _, p| {
            if i < 5 {
                p.update_entry(builtin::SATISFACTION_ADMIN, |e| {
                    e.mode = EntryMode::Percent;
                    e.percent = format!("{}", 90 + i);
                });
            } else {
                ratio(p, builtin::SATISFACTION_ADMIN, "9", "10");
            }
        });
        let rows = rows_of(&records);
        let satisfaction = rows
            .iter()
            .find(|r| r.target.id == builtin::SATISFACTION_ADMIN)
            .unwrap();
        let communes = &satisfaction.totals[0];
        assert_eq!(communes.evaluation.status, Status::Incomplete);
        assert_eq!(communes.percent_only, 5);
        assert_eq!((communes.first, communes.second), (54, 60));
        // (90 + 91 + 92 + 93 + 94 + 6 × 90) ÷ 11 = 90,909…%
        let estimate = communes.estimate.unwrap();
        assert_eq!(estimate.method, EstimateMethod::Mean);
        assert_eq!(estimate.units, 11);
        let scale = u128::from(PERCENT_SCALE);
        assert_eq!((estimate.num, estimate.den), (1000 * scale, 11 * scale));
        assert_eq!(satisfaction.status(), Status::Incomplete);
        // Only the agencies' counts: complete there.
        assert_eq!(satisfaction.totals[1].evaluation.status, Status::Met);
    }
}

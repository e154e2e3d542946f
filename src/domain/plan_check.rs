//! The one check of a plan, whoever wrote it: the plan-file reader refuses a file with any
//! problem, and the plan editor shows each problem next to its field. A problem names its
//! field by the path it has in the plan file (`plan.blocs[1].award_places`,
//! `plan.targets[0].applies.xa`), which is also how the editor finds the field to mark.

use std::collections::HashMap;

use super::number::{Percent, PERCENT_SCALE};
use super::plan::{DefaultUnits, Key, Measure, Plan, Text, OTHER_UNIT_ID};

/// The first and last year a plan may be for.
pub const YEARS: std::ops::RangeInclusive<u16> = 2000..=2100;

/// One problem of a plan, at one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanProblem {
    /// The field's path in the plan file, e.g. `plan.targets[2].applies.phuong`.
    pub path: String,
    pub kind: PlanProblemKind,
}

/// What is wrong (the wording is i18n's).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanProblemKind {
    /// An id that is not 1–40 characters of `A–Z a–z 0–9 - _ .` (the plan's, a unit's).
    NotAnId,
    /// A unit id that is reserved: `other` is the page's "a unit not in the list".
    ReservedId,
    /// The same id again (blocs, units across the whole plan, targets); `first` is the path
    /// of the first one.
    DuplicateId { first: String },
    /// A name, label, question or before/after word that is empty (or only spaces).
    EmptyText,
    /// A plan without blocs.
    NoBlocs,
    /// A plan without targets.
    NoTargets,
    /// A bloc without units.
    NoUnits,
    /// Award places 0, or more than the bloc's `units`.
    AwardPlaces { units: usize },
    /// `applies` names a bloc that the plan does not have.
    UnknownBloc,
    /// `applies` names the same bloc twice.
    DuplicateRule,
    /// A ratio target offered to a bloc without a threshold.
    MissingThreshold,
    /// A threshold for a yes/no or increase target (only ratio targets have one).
    ThresholdNotRatio,
    /// A percentage outside 0–100.
    PercentOutOfRange,
    /// A percentage with more than two decimals.
    PercentTooPrecise,
    /// A unit listed under `applies.<bloc>.units` that is not a unit of that bloc.
    UnknownUnit { unit: String },
    /// A rating band outside 0–100 (or not a number).
    BandOutOfRange,
    /// Rating bands that do not go down: good above fair above average.
    BandsNotDescending,
    /// A year outside [`YEARS`].
    YearOutOfRange,
    /// A weight that is not a whole number 0–10 (only a file can hold one).
    WeightOutOfRange,
}

/// Every problem of `plan`, in the order of the fields in the file; empty when the plan
/// can be used.
pub fn check_plan(plan: &Plan) -> Vec<PlanProblem> {
    let mut out = Problems::default();
    if Key::new(&plan.id).is_none() {
        out.add("plan.id", PlanProblemKind::NotAnId);
    }
    out.text("plan.name", &plan.name);
    if !YEARS.contains(&plan.year) {
        out.add("plan.year", PlanProblemKind::YearOutOfRange);
    }
    check_blocs(plan, &mut out);
    check_targets(plan, &mut out);
    check_scoring(plan, &mut out);
    out.0
}

#[derive(Default)]
struct Problems(Vec<PlanProblem>);

impl Problems {
    fn add(&mut self, path: impl Into<String>, kind: PlanProblemKind) {
        self.0.push(PlanProblem {
            path: path.into(),
            kind,
        });
    }

    /// A text that must be given: Vietnamese, and English when the plan has it.
    fn text(&mut self, path: &str, text: &Text) {
        if text.vi.trim().is_empty() {
            self.add(path, PlanProblemKind::EmptyText);
        } else if text.en.as_deref().is_some_and(|en| en.trim().is_empty()) {
            self.add(format!("{path}.en"), PlanProblemKind::EmptyText);
        }
    }

    /// Refuses an id seen before (and remembers the first path of each).
    fn unique<'a>(&mut self, seen: &mut HashMap<&'a str, String>, id: &'a str, path: String) {
        match seen.get(id) {
            Some(first) => {
                let first = first.clone();
                self.add(path, PlanProblemKind::DuplicateId { first });
            }
            None => {
                seen.insert(id, path);
            }
        }
    }

    fn percent(&mut self, path: &str, percent: Percent) {
        if percent > Percent::HUNDRED {
            self.add(path, PlanProblemKind::PercentOutOfRange);
        } else if percent.scaled() % (PERCENT_SCALE / 100) != 0 {
            self.add(path, PlanProblemKind::PercentTooPrecise);
        }
    }
}

fn check_blocs(plan: &Plan, out: &mut Problems) {
    if plan.blocs.is_empty() {
        out.add("plan.blocs", PlanProblemKind::NoBlocs);
    }
    let mut bloc_ids = HashMap::new();
    let mut unit_ids = HashMap::new();
    for (b, bloc) in plan.blocs.iter().enumerate() {
        let at = format!("plan.blocs[{b}]");
        out.unique(&mut bloc_ids, bloc.id.key(), format!("{at}.id"));
        out.text(&format!("{at}.name"), &bloc.name);
        if bloc.units.is_empty() {
            out.add(format!("{at}.units"), PlanProblemKind::NoUnits);
        } else if bloc.award_places == 0 || bloc.award_places > bloc.units.len() {
            out.add(
                format!("{at}.award_places"),
                PlanProblemKind::AwardPlaces {
                    units: bloc.units.len(),
                },
            );
        }
        for (u, unit) in bloc.units.iter().enumerate() {
            let unit_at = format!("{at}.units[{u}]");
            if unit.id == OTHER_UNIT_ID {
                out.add(format!("{unit_at}.id"), PlanProblemKind::ReservedId);
            } else if Key::new(&unit.id).is_none() {
                out.add(format!("{unit_at}.id"), PlanProblemKind::NotAnId);
            } else {
                out.unique(&mut unit_ids, &unit.id, format!("{unit_at}.id"));
            }
            if unit.name.trim().is_empty() {
                out.add(format!("{unit_at}.name"), PlanProblemKind::EmptyText);
            }
        }
    }
}

fn check_targets(plan: &Plan, out: &mut Problems) {
    if plan.targets.is_empty() {
        out.add("plan.targets", PlanProblemKind::NoTargets);
    }
    let mut target_ids = HashMap::new();
    for (t, target) in plan.targets.iter().enumerate() {
        let at = format!("plan.targets[{t}]");
        out.unique(&mut target_ids, target.id.key(), format!("{at}.id"));
        out.text(&format!("{at}.name"), &target.label);
        let is_ratio = matches!(target.measure, Measure::Ratio { .. });
        for (field, text) in target.measure.texts() {
            out.text(&format!("{at}.{field}"), text);
        }
        if let Measure::YesNo {
            overall_threshold: Some(threshold),
            ..
        } = target.measure
        {
            out.percent(&format!("{at}.overall_threshold"), threshold);
        }
        let mut listed = Vec::new();
        for rule in &target.blocs {
            let rule_at = format!("{at}.applies.{}", rule.bloc);
            if listed.contains(&rule.bloc) {
                out.add(rule_at, PlanProblemKind::DuplicateRule);
                continue;
            }
            listed.push(rule.bloc);
            let Some(bloc) = plan.bloc(rule.bloc) else {
                out.add(rule_at, PlanProblemKind::UnknownBloc);
                continue;
            };
            match (is_ratio, rule.threshold) {
                (true, None) => out.add(&*rule_at, PlanProblemKind::MissingThreshold),
                (true, Some(threshold)) => out.percent(&rule_at, threshold),
                (false, Some(_)) => out.add(&*rule_at, PlanProblemKind::ThresholdNotRatio),
                (false, None) => {}
            }
            if let DefaultUnits::Only(ids) = &rule.applies_to {
                for (u, id) in ids.iter().enumerate() {
                    if !bloc.units.iter().any(|unit| unit.id == *id) {
                        out.add(
                            format!("{rule_at}.units[{u}]"),
                            PlanProblemKind::UnknownUnit { unit: id.clone() },
                        );
                    }
                }
            }
        }
    }
}

fn check_scoring(plan: &Plan, out: &mut Problems) {
    let bands = plan.scoring.bands;
    let named = [
        ("good", bands.good),
        ("fair", bands.fair),
        ("average", bands.average),
    ];
    let mut in_range = true;
    for (name, band) in named {
        if !(0.0..=100.0).contains(&band) {
            in_range = false;
            out.add(
                format!("plan.scoring.bands.{name}"),
                PlanProblemKind::BandOutOfRange,
            );
        }
    }
    if in_range && !(bands.good > bands.fair && bands.fair > bands.average) {
        out.add("plan.scoring.bands", PlanProblemKind::BandsNotDescending);
    }
}

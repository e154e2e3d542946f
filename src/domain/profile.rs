//! A unit's profile: which unit it is and what it typed for each target.

use serde::{Deserialize, Serialize};

use super::builtin;
use super::evaluate::{evaluate_with, Evaluation};
use super::figures::TargetEntry;
use super::plan::{BlocId, Plan, Target, TargetId, OTHER_UNIT_ID};
use super::score::{score_of, summarize, ScoringModel, Summary};
use super::small_map::SmallMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The id of the plan the profile belongs to. Not written for the built-in plan, so that
    /// its profiles are saved, exported and shared exactly as before plans were data.
    #[serde(skip_serializing_if = "is_builtin_plan")]
    pub plan: String,
    /// A name the user gave the profile; empty means "use the unit's name".
    pub label: String,
    pub bloc: BlocId,
    /// A unit id of the bloc, [`OTHER_UNIT_ID`], or empty while none is chosen.
    pub unit_id: String,
    /// The typed name of an "other" unit.
    pub other_name: String,
    /// Entries that differ from the empty one. Written in the built-in plan's order (then
    /// by id), as they were when the 2021 targets were compiled in.
    #[serde(serialize_with = "entries_out")]
    pub entries: SmallMap<TargetId, TargetEntry>,
}

fn entries_out<S: serde::Serializer>(
    entries: &SmallMap<TargetId, TargetEntry>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(entries.len()))?;
    for (id, entry) in ordered_entries(entries) {
        map.serialize_entry(id, entry)?;
    }
    map.end()
}

/// The entries in the built-in plan's target order, then the others by id: the order files
/// and links write them in.
pub fn ordered_entries(
    entries: &SmallMap<TargetId, TargetEntry>,
) -> Vec<(&TargetId, &TargetEntry)> {
    let known = &builtin::TARGET_IDS;
    let mut ordered: Vec<(&TargetId, &TargetEntry)> = known
        .iter()
        .filter_map(|id| entries.get_key_value(id))
        .collect();
    ordered.extend(entries.iter().filter(|(id, _)| !known.contains(id)));
    ordered
}

fn is_builtin_plan(plan: &str) -> bool {
    plan == builtin::PLAN_ID
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            plan: builtin::PLAN_ID.to_string(),
            label: String::new(),
            bloc: builtin::COMMUNE,
            unit_id: String::new(),
            other_name: String::new(),
            entries: SmallMap::new(),
        }
    }
}

impl Profile {
    /// An empty profile of `plan`, in its first bloc.
    pub fn new(plan: &Plan) -> Profile {
        Profile {
            plan: plan.id.clone(),
            bloc: plan.first_bloc(),
            ..Profile::default()
        }
    }

    /// Nothing typed or chosen: no unit, no name, no label, no figure (the profile a
    /// first visit or a newly chosen plan starts with).
    pub fn is_untouched(&self) -> bool {
        self.unit_id.is_empty()
            && self.other_name.is_empty()
            && self.label.is_empty()
            && self.entries.is_empty()
    }

    pub fn entry(&self, id: TargetId) -> &TargetEntry {
        static EMPTY: TargetEntry = TargetEntry {
            not_applicable: None,
            mode: super::figures::EntryMode::Counts,
            numerator: String::new(),
            denominator: String::new(),
            percent: String::new(),
            answer: None,
            before: String::new(),
            after: String::new(),
        };
        self.entries.get(&id).unwrap_or(&EMPTY)
    }

    /// Changes one entry, dropping it when it is back to empty.
    pub fn update_entry(&mut self, id: TargetId, change: impl FnOnce(&mut TargetEntry)) {
        let entry = self.entries.get_or_insert_with(id, TargetEntry::default);
        change(entry);
        if entry.is_empty() {
            self.entries.remove(&id);
        }
    }

    /// Switches bloc; a unit of another bloc is no longer chosen.
    pub fn set_bloc(&mut self, plan: &Plan, bloc: BlocId) {
        self.bloc = bloc;
        let keeps_unit = self.unit_id == OTHER_UNIT_ID
            || plan
                .find_unit(&self.unit_id)
                .is_some_and(|(unit_bloc, _)| unit_bloc.id == bloc);
        if !keeps_unit {
            self.unit_id.clear();
        }
    }

    /// Chooses a unit; a unit id of any bloc also sets the bloc.
    pub fn set_unit(&mut self, plan: &Plan, unit_id: &str) {
        if let Some((bloc, _)) = plan.find_unit(unit_id) {
            self.bloc = bloc.id;
        } else if unit_id != OTHER_UNIT_ID {
            self.unit_id.clear();
            return;
        }
        self.unit_id = unit_id.to_string();
    }

    /// The unit's display name, if one is chosen.
    pub fn unit_name<'a>(&'a self, plan: &'a Plan) -> Option<&'a str> {
        if self.unit_id == OTHER_UNIT_ID {
            let name = self.other_name.trim();
            return (!name.is_empty()).then_some(name);
        }
        plan.find_unit(&self.unit_id)
            .map(|(_, unit)| unit.name.as_str())
    }

    pub fn evaluate(&self, target: &Target, model: &ScoringModel) -> Evaluation {
        let applies = model.applies_by_default(target, self.bloc, &self.unit_id);
        evaluate_with(target, self.entry(target.id), self.bloc, applies)
    }

    /// Every target of the plan with its evaluation, in the plan's order.
    pub fn evaluate_all<'p>(
        &self,
        plan: &'p Plan,
        model: &ScoringModel,
    ) -> Vec<(&'p Target, Evaluation)> {
        plan.targets
            .iter()
            .map(|target| (target, self.evaluate(target, model)))
            .collect()
    }

    pub fn summary(&self, plan: &Plan, model: &ScoringModel) -> Summary {
        let evaluations = self.evaluate_all(plan, model);
        summarize(evaluations.iter().map(|(t, e)| (t.id, e)), model)
    }

    /// `self.summary(plan, model).score`, without keeping the evaluations (issue 14: a
    /// bloc table scores every profile of the bloc).
    pub fn score(&self, plan: &Plan, model: &ScoringModel) -> f64 {
        score_of(
            plan.targets
                .iter()
                .map(|target| (target.id, self.evaluate(target, model))),
            model,
        )
    }

    /// The name to show: the user's label, else the unit's name.
    pub fn display_name<'a>(&'a self, plan: &'a Plan) -> Option<&'a str> {
        let label = self.label.trim();
        if label.is_empty() {
            self.unit_name(plan)
        } else {
            Some(label)
        }
    }
}

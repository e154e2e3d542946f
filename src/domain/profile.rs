//! A unit's profile: which unit it is and what it typed for each target.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::evaluate::{evaluate_with, Evaluation};
use super::figures::TargetEntry;
use super::score::{summarize, ScoringModel, Summary};
use super::targets::{Target, TargetId, TARGETS};
use super::units::{find_unit, Bloc, OTHER_UNIT_ID};

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// A name the user gave the profile; empty means "use the unit's name".
    pub label: String,
    pub bloc: Bloc,
    /// A unit id of the bloc, [`OTHER_UNIT_ID`], or empty while none is chosen.
    pub unit_id: String,
    /// The typed name of an "other" unit.
    pub other_name: String,
    /// Entries that differ from the empty one.
    pub entries: BTreeMap<TargetId, TargetEntry>,
}

impl Profile {
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
        let entry = self.entries.entry(id).or_default();
        change(entry);
        if entry.is_empty() {
            self.entries.remove(&id);
        }
    }

    /// Switches bloc; a unit of the other bloc is no longer chosen.
    pub fn set_bloc(&mut self, bloc: Bloc) {
        self.bloc = bloc;
        let keeps_unit = self.unit_id == OTHER_UNIT_ID
            || find_unit(&self.unit_id).is_some_and(|unit| unit.bloc == bloc);
        if !keeps_unit {
            self.unit_id.clear();
        }
    }

    /// Chooses a unit; a unit id of either bloc also sets the bloc.
    pub fn set_unit(&mut self, unit_id: &str) {
        if let Some(unit) = find_unit(unit_id) {
            self.bloc = unit.bloc;
        } else if unit_id != OTHER_UNIT_ID {
            self.unit_id.clear();
            return;
        }
        self.unit_id = unit_id.to_string();
    }

    /// The unit's display name, if one is chosen.
    pub fn unit_name(&self) -> Option<&str> {
        if self.unit_id == OTHER_UNIT_ID {
            let name = self.other_name.trim();
            return (!name.is_empty()).then_some(name);
        }
        find_unit(&self.unit_id).map(|unit| unit.name)
    }

    pub fn evaluate(&self, target: &Target, model: &ScoringModel) -> Evaluation {
        let applies = model.applies_by_default(target, self.bloc, &self.unit_id);
        evaluate_with(target, self.entry(target.id), self.bloc, applies)
    }

    /// Every target with its evaluation, in table order.
    pub fn evaluate_all(&self, model: &ScoringModel) -> Vec<(&'static Target, Evaluation)> {
        TARGETS
            .iter()
            .map(|target| (target, self.evaluate(target, model)))
            .collect()
    }

    pub fn summary(&self, model: &ScoringModel) -> Summary {
        let evaluations = self.evaluate_all(model);
        summarize(evaluations.iter().map(|(t, e)| (t.id, e)), model)
    }

    /// The name to show: the user's label, else the unit's name.
    pub fn display_name(&self) -> Option<&str> {
        let label = self.label.trim();
        if label.is_empty() {
            self.unit_name()
        } else {
            Some(label)
        }
    }
}

//! Everything one browser holds: several unit profiles (a trainer, or Phòng Nội vụ holding
//! the whole district), the peer scores typed in, the scoring model and the language; and
//! the bloc table that ranks the active unit among its peers.

use std::cell::Cell;
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::builtin;
use super::language::Lang;
use super::plan::{Plan, OTHER_UNIT_ID};
use super::profile::Profile;
use super::score::ScoringModel;
use super::shared_list::SharedList;
use super::small_map::SmallMap;

/// The profiles of a workspace: a list whose copies share their memory (issue 14).
pub type Profiles = SharedList<Rc<ProfileRecord>>;

/// A deleted profile with what is needed to put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub index: usize,
    pub record: ProfileRecord,
    /// The empty profile created because the last one was deleted.
    pub stand_in: Option<String>,
}

/// One profile and its id. The profile sits behind its own `Rc`: copying a workspace (as
/// every edit does, the previous state keeping the old one) copies pointers, not profiles,
/// and a profile that did not change keeps its address, which is what
/// [`super::bloc_table::ScoreCache`] remembers its score by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRecord {
    pub id: String,
    #[serde(serialize_with = "shared_out", deserialize_with = "shared_in")]
    pub profile: Rc<Profile>,
    /// The `exported_at` of the unit file the profile was imported from (as the file wrote
    /// it, `YYYY-MM-DD`), so the district office can tell a newer file from an older one.
    /// Absent from data saved before it existed and for profiles typed here; not written
    /// while absent (issue 13).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
}

impl ProfileRecord {
    pub fn new(id: String, profile: Profile) -> ProfileRecord {
        ProfileRecord {
            id,
            profile: Rc::new(profile),
            exported_at: None,
        }
    }
}

/// The longest export date kept: a real one is `YYYY-MM-DD`; a hand-edited file may hold
/// anything, which is kept only when short.
const EXPORT_DATE_MAX: usize = 32;

// Saved exactly as a plain `Profile` (serde's own `Rc` support is a feature not enabled).
fn shared_out<S: Serializer>(profile: &Rc<Profile>, serializer: S) -> Result<S::Ok, S::Error> {
    Profile::serialize(profile, serializer)
}

fn shared_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Rc<Profile>, D::Error> {
    Profile::deserialize(deserializer).map(Rc::new)
}

// The list of records saved exactly as a plain list of records.
fn records_out<S: Serializer>(records: &Profiles, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(records.iter().map(|record| &**record))
}

fn records_in<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Profiles, D::Error> {
    Vec::<ProfileRecord>::deserialize(deserializer)
        .map(|records| records.into_iter().map(Rc::new).collect())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Never empty. Each record shared (`Rc`), in a list whose copies share their memory:
    /// an edit copies the path to the one record it changes, not a list of 10 000 pointers
    /// (issue 14).
    #[serde(serialize_with = "records_out", deserialize_with = "records_in")]
    pub profiles: Profiles,
    /// The id of the profile being edited.
    pub active: String,
    /// Scores typed in for peers without a profile (unit id → text as typed).
    pub peer_scores: SmallMap<String, String>,
    pub model: ScoringModel,
    pub language: Lang,
    /// For a unit with several profiles, the one its district totals count (unit key, see
    /// [`super::district::unit_key`], → profile id). Absent from data saved before it
    /// existed, and not written while empty.
    #[serde(skip_serializing_if = "SmallMap::is_empty")]
    pub district_choices: SmallMap<String, String>,
    /// The plans added to this browser, in the order added (the built-in plan is not among
    /// them). Saved by `formats::envelope` as plan files, not by serde here.
    #[serde(skip)]
    pub plans: Vec<Rc<Plan>>,
    /// The scoring settings of the added plans, by plan id (the built-in plan's are
    /// `model`, where version 1 kept them). Not written while empty.
    #[serde(skip_serializing_if = "SmallMap::is_empty")]
    pub models: SmallMap<String, ScoringModel>,
    /// Where the active profile was last found (issue 14): finding it by id among 10 000
    /// profiles on every call cost several ms per keystroke at 4x CPU.
    #[serde(skip)]
    pub active_hint: IndexHint,
}

/// A place in a list where something was last found: a hint, checked before each use, so
/// that a list or an id changed in any way costs one search again, never a wrong answer.
/// Not part of what a workspace is: every two hints are equal.
#[derive(Debug, Clone, Default)]
pub struct IndexHint(Cell<usize>);

impl PartialEq for IndexHint {
    fn eq(&self, _: &IndexHint) -> bool {
        true
    }
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::with_profiles(vec![Profile::default()])
    }
}

impl Workspace {
    pub fn with_profiles(profiles: Vec<Profile>) -> Workspace {
        let profiles: Profiles = profiles
            .into_iter()
            .enumerate()
            .map(|(index, profile)| Rc::new(ProfileRecord::new(format!("p{}", index + 1), profile)))
            .collect();
        let active = profiles[0].id.clone();
        Workspace {
            profiles,
            active,
            peer_scores: SmallMap::new(),
            model: ScoringModel::default(),
            language: Lang::default(),
            district_choices: SmallMap::new(),
            plans: Vec::new(),
            models: SmallMap::new(),
            active_hint: IndexHint::default(),
        }
    }

    /// The plan with this id: the built-in one or one added.
    pub fn plan(&self, id: &str) -> Option<Rc<Plan>> {
        if id == builtin::PLAN_ID {
            return Some(builtin::plan());
        }
        self.plans.iter().find(|plan| plan.id == id).cloned()
    }

    /// Every plan, the built-in one first.
    pub fn all_plans(&self) -> Vec<Rc<Plan>> {
        std::iter::once(builtin::plan())
            .chain(self.plans.iter().cloned())
            .collect()
    }

    /// The plan of the active profile; the built-in plan stands in for a plan this browser
    /// does not have (the profile's figures are kept untouched; the page asks for the plan).
    pub fn active_plan(&self) -> Rc<Plan> {
        self.plan(&self.active_profile().plan)
            .unwrap_or_else(builtin::plan)
    }

    /// The scoring settings in use for `plan`.
    pub fn model_of(&self, plan: &Plan) -> ScoringModel {
        if plan.id == builtin::PLAN_ID {
            return self.model.clone();
        }
        self.models
            .get(&plan.id)
            .cloned()
            .unwrap_or_else(|| ScoringModel::for_plan(plan))
    }

    /// The scoring settings of `plan`, to change.
    pub fn model_mut(&mut self, plan: &Plan) -> &mut ScoringModel {
        if plan.id == builtin::PLAN_ID {
            return &mut self.model;
        }
        self.models
            .get_or_insert_with(plan.id.clone(), || ScoringModel::for_plan(plan))
    }

    /// Adds a plan, or replaces the plan with the same id (the built-in one cannot be).
    /// Settings that no longer fit the new version are repaired.
    pub fn put_plan(&mut self, plan: Plan) {
        if plan.id == builtin::PLAN_ID {
            return;
        }
        let plan = Rc::new(plan);
        if let Some(model) = self.models.remove(&plan.id) {
            self.models.insert(plan.id.clone(), model.normalised(&plan));
        }
        match self.plans.iter_mut().find(|p| p.id == plan.id) {
            Some(slot) => *slot = plan,
            None => self.plans.push(plan),
        }
    }

    /// The profiles of `plan_id` that hold something (a unit, a name, a figure): what
    /// removing the plan would lose.
    pub fn profiles_using(&self, plan_id: &str) -> usize {
        self.profiles
            .iter()
            .filter(|r| r.profile.plan == plan_id && !r.profile.is_untouched())
            .count()
    }

    /// Removes an added plan from this browser, with its scoring settings, the peer scores
    /// and district choices kept for its units, and its untouched profiles (the empty one
    /// made when it was chosen). Refused (returns false) for the built-in plan, a plan
    /// this browser does not have, and a plan that profiles holding figures belong to:
    /// those would lose their targets. The active profile, if removed, gives way to the
    /// nearest one left (an empty profile of the built-in plan when none is).
    pub fn remove_plan(&mut self, plan_id: &str) -> bool {
        if plan_id == builtin::PLAN_ID
            || self.plans.iter().all(|p| p.id != plan_id)
            || self.profiles_using(plan_id) > 0
        {
            return false;
        }
        self.plans.retain(|p| p.id != plan_id);
        self.models.remove(plan_id);
        let prefix = format!("{plan_id}/");
        self.peer_scores.retain(|key, _| !key.starts_with(&prefix));
        self.district_choices
            .retain(|key, _| !key.starts_with(&prefix));
        let active_index = self.active_index();
        let active_goes = self.active_profile().plan == plan_id;
        self.profiles.retain(|r| r.profile.plan != plan_id);
        if self.profiles.is_empty() {
            self.profiles.push(Rc::new(ProfileRecord::new(
                self.next_id(),
                Profile::default(),
            )));
        }
        if active_goes {
            self.active = self.profiles[active_index.min(self.profiles.len() - 1)]
                .id
                .clone();
        }
        true
    }

    /// Shows `plan_id` on screen: its most recently added profile, or a new empty profile of
    /// it (the untouched empty profile of a first visit is used for it).
    pub fn show_plan(&mut self, plan_id: &str) {
        if self.active_profile().plan == plan_id {
            return;
        }
        let Some(plan) = self.plan(plan_id) else {
            return;
        };
        if let Some(record) = self
            .profiles
            .iter()
            .rev()
            .find(|r| r.profile.plan == plan_id)
        {
            self.active = record.id.clone();
            return;
        }
        self.add_or_fill_empty(Profile::new(&plan));
    }

    /// The key of a peer's typed score: the unit id for the built-in plan (as in version
    /// 1), `<plan id>/<unit id>` for the others (plan ids have no `/`).
    pub fn peer_key(plan: &Plan, unit_id: &str) -> String {
        if plan.id == builtin::PLAN_ID {
            unit_id.to_string()
        } else {
            format!("{}/{unit_id}", plan.id)
        }
    }

    /// Where the active profile is in the list.
    pub fn active_index(&self) -> usize {
        let hint = self.active_hint.0.get();
        if self.profiles.get(hint).is_some_and(|r| r.id == self.active) {
            return hint;
        }
        let index = self
            .profiles
            .iter()
            .position(|r| r.id == self.active)
            .unwrap_or(0);
        self.active_hint.0.set(index);
        index
    }

    pub fn active(&self) -> &ProfileRecord {
        &self.profiles[self.active_index()]
    }

    pub fn active_profile(&self) -> &Profile {
        &self.active().profile
    }

    /// The active profile, copied first if a previous state still shares it (the other
    /// profiles stay shared).
    pub fn active_profile_mut(&mut self) -> &mut Profile {
        let index = self.active_index();
        Rc::make_mut(&mut Rc::make_mut(&mut self.profiles[index]).profile)
    }

    fn next_id(&self) -> String {
        let highest = self
            .profiles
            .iter()
            .filter_map(|r| r.id.strip_prefix('p')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("p{}", highest + 1)
    }

    /// Adds a profile after the others and makes it active; returns its id.
    pub fn add_profile(&mut self, profile: Profile) -> String {
        let id = self.next_id();
        self.profiles
            .push(Rc::new(ProfileRecord::new(id.clone(), profile)));
        self.active = id.clone();
        id
    }

    /// The id of a profile for the same unit as `profile` (of the same plan: the same unit
    /// id, or for "other" units the same bloc and name), if there is one.
    pub fn profile_for_unit(&self, profile: &Profile) -> Option<String> {
        if profile.unit_id.is_empty() {
            return None;
        }
        let same_name = |p: &Profile| {
            p.other_name
                .trim()
                .eq_ignore_ascii_case(profile.other_name.trim())
        };
        self.profiles
            .iter()
            .find(|r| {
                r.profile.plan == profile.plan
                    && r.profile.unit_id == profile.unit_id
                    && (profile.unit_id != OTHER_UNIT_ID
                        || (r.profile.bloc == profile.bloc && same_name(&r.profile)))
            })
            .map(|r| r.id.clone())
    }

    /// The profile a share link's `incoming` profile replaces when the user says so: the
    /// profile of the same unit, else the active one.
    pub fn replaced_by_link(&self, incoming: &Profile) -> &ProfileRecord {
        self.profile_for_unit(incoming)
            .and_then(|id| self.profiles.iter().find(|r| r.id == id).map(|r| &**r))
            .unwrap_or(self.active())
    }

    /// Replaces the profile with this id (nothing happens for an unknown id). The figures
    /// no longer come from the file it was imported from: its export date goes.
    pub fn replace_profile(&mut self, id: &str, profile: Profile) {
        if let Some(index) = self.profiles.iter().position(|r| r.id == id) {
            let record = Rc::make_mut(&mut self.profiles[index]);
            record.profile = Rc::new(profile);
            record.exported_at = None;
        }
    }

    /// Records the export date of the unit file a profile was imported from (a date that
    /// is empty or too long to be one is not kept).
    pub fn set_exported_at(&mut self, id: &str, date: Option<&str>) {
        let date = date
            .map(str::trim)
            .filter(|d| !d.is_empty() && d.chars().count() <= EXPORT_DATE_MAX);
        if let Some(index) = self.profiles.iter().position(|r| r.id == id) {
            Rc::make_mut(&mut self.profiles[index]).exported_at = date.map(str::to_string);
        }
    }

    /// Adds a profile and makes it active; an untouched empty profile (as on a first
    /// visit) is used for it instead of being kept beside it.
    pub fn add_or_fill_empty(&mut self, profile: Profile) -> String {
        let untouched = Profile {
            plan: self.profiles[0].profile.plan.clone(),
            bloc: self.profiles[0].profile.bloc,
            ..Profile::default()
        };
        if self.profiles.len() == 1 && *self.profiles[0].profile == untouched {
            let first = Rc::make_mut(&mut self.profiles[0]);
            first.profile = Rc::new(profile);
            first.exported_at = None;
            self.active = self.profiles[0].id.clone();
            return self.active.clone();
        }
        self.add_profile(profile)
    }

    pub fn duplicate_active(&mut self) -> String {
        let mut copy = Profile::clone(self.active_profile());
        if !copy.label.trim().is_empty() {
            copy.label = format!("{} (2)", copy.label.trim());
        }
        self.add_profile(copy)
    }

    pub fn switch_to(&mut self, id: &str) {
        if self.profiles.iter().any(|r| r.id == id) {
            self.active = id.to_string();
        }
    }

    /// Removes a profile, returning what an undo needs. The last profile is replaced by an
    /// empty one, so there is always one to edit.
    pub fn delete(&mut self, id: &str) -> Option<Deleted> {
        let index = self.profiles.iter().position(|r| r.id == id)?;
        let record = Rc::unwrap_or_clone(self.profiles.remove(index));
        let mut stand_in = None;
        if self.profiles.is_empty() {
            let id = self.next_id_after(&record.id);
            self.profiles
                .push(Rc::new(ProfileRecord::new(id.clone(), Profile::default())));
            stand_in = Some(id);
        }
        if self.active == record.id {
            self.active = self.profiles[index.min(self.profiles.len() - 1)].id.clone();
        }
        Some(Deleted {
            index,
            record,
            stand_in,
        })
    }

    fn next_id_after(&self, removed: &str) -> String {
        let n = removed
            .strip_prefix('p')
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        format!("p{}", n + 1)
    }

    /// Puts a deleted profile back where it was and makes it active.
    pub fn restore(&mut self, deleted: Deleted) {
        let Deleted {
            index,
            mut record,
            stand_in,
        } = deleted;
        // The empty stand-in created by deleting the last profile goes away again, unless
        // something was typed into it meanwhile.
        if let Some(stand_in) = stand_in {
            self.profiles
                .retain(|r| r.id != stand_in || *r.profile != Profile::default());
        }
        if self.profiles.iter().any(|r| r.id == record.id) {
            record.id = self.next_id();
        }
        self.active = record.id.clone();
        self.profiles
            .insert(index.min(self.profiles.len()), Rc::new(record));
    }

    /// Repairs what a hand-edited or foreign file may carry: no profiles, duplicate ids, an
    /// active id that does not exist, units that do not exist or a bloc that is not the
    /// unit's (the unit part of `formats::validate::check_profile`, repaired rather than
    /// refused: this is the user's own data), settings the page does not offer.
    pub fn normalised(mut self) -> Workspace {
        if self.profiles.is_empty() {
            self.profiles
                .push(Rc::new(ProfileRecord::new("p1".into(), Profile::default())));
        }
        // Every profile's id (10 000 of them): hashed.
        let mut seen = std::collections::HashSet::new();
        let mut counter = self.profiles.len();
        let plans = self.all_plans();
        let plan_of = |id: &str| plans.iter().find(|plan| plan.id == id).cloned();
        for index in 0..self.profiles.len() {
            let record = &mut self.profiles[index];
            if record.id.is_empty() || !seen.insert(record.id.clone()) {
                counter += 1;
                Rc::make_mut(record).id = format!("p{counter}");
                seen.insert(record.id.clone());
            }
            // A profile of a plan this browser lacks is kept as it is, for when the plan
            // comes.
            if let Some(plan) = plan_of(&record.profile.plan) {
                // Worked out on a probe, so that a profile already right keeps its address
                // (and the saved body named by it, `store::split`).
                let mut probe = Profile {
                    bloc: record.profile.bloc,
                    ..Profile::default()
                };
                if plan.bloc(probe.bloc).is_none() {
                    probe.bloc = plan.first_bloc();
                }
                probe.set_unit(&plan, &record.profile.unit_id);
                if probe.bloc != record.profile.bloc || probe.unit_id != record.profile.unit_id {
                    let profile = Rc::make_mut(&mut Rc::make_mut(record).profile);
                    profile.bloc = probe.bloc;
                    profile.unit_id = probe.unit_id;
                }
            }
        }
        if !self.profiles.iter().any(|r| r.id == self.active) {
            self.active = self.profiles[0].id.clone();
        }
        // Scores of units a plan no longer has go; those of a plan this browser lacks wait.
        self.peer_scores.retain(|key, _| match key.split_once('/') {
            Some((plan_id, unit)) => {
                plan_of(plan_id).is_none_or(|plan| plan.find_unit(unit).is_some())
            }
            None => builtin::plan().find_unit(key).is_some(),
        });
        self.model = self.model.normalised(&builtin::plan());
        let models = std::mem::take(&mut self.models);
        for (id, model) in models {
            // The settings of a plan this browser lacks wait for the plan, untouched.
            let model = match plan_of(&id) {
                Some(plan) => model.normalised(&plan),
                None => model,
            };
            self.models.insert(id, model);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;

    #[test]
    fn profiles_can_be_added_duplicated_switched_deleted_and_restored() {
        let mut w = Workspace::default();
        w.active_profile_mut()
            .set_unit(builtin::plan_ref(), "31211");
        let second = w.add_profile(Profile::default());
        assert_eq!((second.as_str(), w.active.as_str()), ("p2", "p2"));
        let copy = w.duplicate_active();
        assert_eq!(copy, "p3");
        w.switch_to("p1");
        assert_eq!(w.active_profile().unit_id, "31211");
        let deleted = w.delete("p1").unwrap();
        assert_eq!(
            (deleted.index, w.profiles.len(), w.active.as_str()),
            (0, 2, "p2")
        );
        w.restore(deleted);
        assert_eq!(w.profiles[0].id, "p1");
        assert_eq!(w.active, "p1");
        // Deleting every profile leaves one empty profile; undo brings the last one back.
        let mut single = Workspace::default();
        single
            .active_profile_mut()
            .set_unit(builtin::plan_ref(), "y-te");
        let deleted = single.delete("p1").unwrap();
        assert_eq!(single.profiles.len(), 1);
        assert_eq!(single.active_profile(), &Profile::default());
        single.restore(deleted);
        assert_eq!(single.profiles.len(), 1);
        assert_eq!(single.active_profile().unit_id, "y-te");
    }

    #[test]
    fn an_added_plan_is_removed_with_its_settings_and_empty_profiles_never_with_figures() {
        use crate::formats::examples::example_plan;
        let example = example_plan("tinh-an-hoa-2026").unwrap();
        let id = example.id.clone();
        let mut w = Workspace::default();
        w.active_profile_mut()
            .set_unit(builtin::plan_ref(), "31211");
        w.put_plan(example.clone());
        w.show_plan(&id);
        let empty_of_plan = w.active.clone();
        assert_eq!(w.active_profile().plan, id);
        w.model_mut(&example).bands.good = 95.0;
        let unit = example.blocs[0].units[0].id.clone();
        w.peer_scores.insert(format!("{id}/{unit}"), "80".into());
        w.peer_scores.insert("31231".into(), "70".into());
        w.district_choices
            .insert(format!("{id}/{unit}"), "p9".into());
        w.district_choices.insert("31211".into(), "p1".into());

        // The built-in plan and a plan not here are never removed.
        assert!(!w.remove_plan(builtin::PLAN_ID));
        assert!(!w.remove_plan("no-such-plan"));
        // A profile with a unit of the plan keeps it.
        w.active_profile_mut().set_unit(&example, &unit);
        assert_eq!(w.profiles_using(&id), 1);
        let before = w.clone();
        assert!(!w.remove_plan(&id));
        assert_eq!(w, before, "nothing changed");

        // Once that profile is empty again, the plan goes with everything kept for it.
        w.active_profile_mut().unit_id.clear();
        assert_eq!(w.profiles_using(&id), 0);
        assert!(w.remove_plan(&id));
        assert!(w.plan(&id).is_none());
        assert!(w.models.is_empty());
        assert_eq!(w.peer_scores.keys().collect::<Vec<_>>(), ["31231"]);
        assert_eq!(w.district_choices.keys().collect::<Vec<_>>(), ["31211"]);
        assert!(w.profiles.iter().all(|r| r.id != empty_of_plan));
        assert_eq!(
            w.active_profile().unit_id,
            "31211",
            "the nearest profile left"
        );

        // The only profile being the plan's empty one: an empty 2021 profile stands in.
        let mut alone = Workspace::default();
        alone.put_plan(example);
        alone.show_plan(&id);
        assert_eq!(alone.profiles.len(), 1);
        assert!(alone.remove_plan(&id));
        assert_eq!(alone.profiles.len(), 1);
        assert_eq!(alone.active_profile(), &Profile::default());
    }

    #[test]
    fn a_link_replaces_the_profile_of_its_unit_else_the_active_one() {
        let unit = |id: &str| {
            let mut p = Profile::default();
            p.set_unit(builtin::plan_ref(), id);
            p
        };
        let mut w = Workspace::with_profiles(vec![unit("31211"), unit("31234")]);
        w.switch_to("p2");
        assert_eq!(w.replaced_by_link(&unit("31211")).id, "p1");
        assert_eq!(w.replaced_by_link(&unit("y-te")).id, "p2");
    }

    #[test]
    fn normalising_repairs_ids_and_the_active_profile() {
        let mut w = Workspace::with_profiles(vec![Profile::default(), Profile::default()]);
        Rc::make_mut(&mut w.profiles[1]).id = "p1".into();
        w.active = "nope".into();
        w.peer_scores.insert("<script>".into(), "1".into());
        let w = w.normalised();
        assert_ne!(w.profiles[0].id, w.profiles[1].id);
        assert_eq!(w.active, "p1");
        assert!(w.peer_scores.is_empty());
        let empty = Workspace {
            profiles: Profiles::new(),
            ..Workspace::default()
        }
        .normalised();
        assert_eq!(empty.profiles.len(), 1);
    }

    /// The export date of an imported file is kept with its profile, saved only when there
    /// is one, and data saved before it existed still reads (issue 13).
    /// A keystroke's edit copies the list of pointers and the one record it changes: the
    /// other records stay shared with the previous state (with 10 000 profiles, copying
    /// every record and its id cost ~45 ms per keystroke at 4x CPU, issue 14).
    #[test]
    fn an_edit_copies_only_the_record_it_changes() {
        let before = Workspace::with_profiles(vec![Profile::default(); 1000]);
        let mut after = before.clone();
        after.switch_to("p500");
        after.active_profile_mut().label = "sửa".into();
        for (i, (a, b)) in before.profiles.iter().zip(&after.profiles).enumerate() {
            assert_eq!(Rc::ptr_eq(a, b), i != 499, "record {i}");
        }
        assert_eq!(before.profiles[499].profile.label, "");
        assert_eq!(after.profiles[499].profile.label, "sửa");
    }

    /// A keystroke's copy of the workspace shares the list's nodes, not 10 000 pointers to
    /// records (only the edited leaf's records are pointed at twice), and its edit copies the path to one record: the
    /// two versions differ in one leaf, whatever the number of profiles (issue 14).
    #[test]
    fn an_edits_copy_does_not_grow_with_the_number_of_profiles() {
        use crate::domain::shared_list::{COMPARED, WIDTH};
        for n in [1_000, 10_000] {
            let before = Workspace::with_profiles(vec![Profile::default(); n]);
            let mut after = before.clone();
            after.switch_to("p500");
            after.active_profile_mut().label = "sửa".into();
            // Pointed at twice: the other records of the edited one's leaf only.
            let twice = before
                .profiles
                .iter()
                .filter(|r| Rc::strong_count(r) > 1)
                .count();
            assert_eq!(twice, WIDTH - 1, "n = {n}");
            COMPARED.set(0);
            let differing = after.profiles.differing(&before.profiles, Rc::ptr_eq);
            assert_eq!(differing, Some(vec![499]));
            assert_eq!(COMPARED.get(), WIDTH, "n = {n}");
        }
    }

    /// The active profile is the one `active` names, however the list or the id changed
    /// since it was last found.
    #[test]
    fn the_active_profile_follows_every_change_of_the_list_and_the_id() {
        let mut w = Workspace::with_profiles(vec![Profile::default(); 5]);
        w.switch_to("p4");
        assert_eq!(w.active().id, "p4");
        w.profiles.remove(0); // p4 now at index 2, the hint says 3
        assert_eq!(w.active().id, "p4");
        w.active = "p2".into(); // set directly, not through switch_to
        assert_eq!(w.active().id, "p2");
        w.profiles.swap(0, 3);
        assert_eq!(w.active().id, "p2");
        w.active_profile_mut().label = "x".into();
        assert_eq!(
            w.profiles
                .iter()
                .find(|r| r.id == "p2")
                .unwrap()
                .profile
                .label,
            "x"
        );
    }

    #[test]
    fn the_export_date_is_kept_with_the_profile_and_optional_in_saved_data() {
        let mut w = Workspace::default();
        let before = serde_json::to_string(&*w.profiles[0]).unwrap();
        assert!(!before.contains("exported_at"));
        w.set_exported_at("p1", Some(" 2026-11-28 "));
        assert_eq!(w.profiles[0].exported_at.as_deref(), Some("2026-11-28"));
        let saved = serde_json::to_string(&*w.profiles[0]).unwrap();
        assert!(saved.contains(r#""exported_at":"2026-11-28""#));
        let read: ProfileRecord = serde_json::from_str(&saved).unwrap();
        assert_eq!(read, *w.profiles[0]);
        let old: ProfileRecord = serde_json::from_str(&before).unwrap();
        assert_eq!(old.exported_at, None);
        w.set_exported_at("p1", Some(&"9".repeat(EXPORT_DATE_MAX + 1)));
        assert_eq!(w.profiles[0].exported_at, None);
        w.set_exported_at("p1", Some("2026-11-28"));
        w.replace_profile("p1", Profile::default());
        assert_eq!(w.profiles[0].exported_at, None);
    }
}

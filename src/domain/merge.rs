//! Three-way merge of workspaces, for two tabs editing the same saved data: what each side
//! changed since their common base is kept, profile by profile and field by field. When
//! both changed the same field differently, `ours` (the local edit not yet saved, the one
//! written last) wins. A profile deleted on one side and edited on the other is kept: typed
//! figures are never lost.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::figures::{Field, TargetEntry};
use super::plan::{Plan, TargetId};
use super::profile::Profile;
use super::score::ScoringModel;
use super::small_map::SmallMap;
use super::workspace::{ProfileRecord, Workspace};

/// A part of a target's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryPart {
    Text(Field),
    Mode,
    NotApplicable,
    Answer,
}

/// A field of a profile that a person edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProfileField {
    Label,
    /// The bloc and the unit, chosen together.
    Unit,
    OtherName,
    Entry(TargetId, EntryPart),
}

impl ProfileField {
    /// The field's value in `profile`, comparable between two versions of it.
    pub fn value(self, profile: &Profile) -> String {
        match self {
            ProfileField::Label => profile.label.clone(),
            ProfileField::Unit => format!(
                "{}:{}:{}",
                profile.plan,
                profile.bloc.key(),
                profile.unit_id
            ),
            ProfileField::OtherName => profile.other_name.clone(),
            ProfileField::Entry(id, part) => {
                let entry = profile.entry(id);
                match part {
                    EntryPart::Text(field) => entry.text(field).to_string(),
                    EntryPart::Mode => entry.mode.key().to_string(),
                    EntryPart::NotApplicable => format!("{:?}", entry.not_applicable),
                    EntryPart::Answer => format!("{:?}", entry.answer),
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub workspace: Workspace,
    /// Profiles added by `ours` under an id that `theirs` also added for another profile:
    /// ours got a fresh id, `(old, new)`.
    pub renamed: Vec<(String, String)>,
}

/// `ours` unless it left the base as it was.
fn leaf<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
    if ours == base {
        theirs.clone()
    } else {
        ours.clone()
    }
}

fn merge_maps<K: Ord + Clone, V: PartialEq + Clone>(
    base: &SmallMap<K, V>,
    ours: &SmallMap<K, V>,
    theirs: &SmallMap<K, V>,
) -> SmallMap<K, V> {
    let mut merged = SmallMap::new();
    // A key of several sides comes again: its merged value is the same each time.
    for key in base.keys().chain(ours.keys()).chain(theirs.keys()) {
        if let Some(value) = leaf(&base.get(key), &ours.get(key), &theirs.get(key)) {
            merged.insert(key.clone(), value.clone());
        }
    }
    merged
}

fn merge_entry(base: &TargetEntry, ours: &TargetEntry, theirs: &TargetEntry) -> TargetEntry {
    TargetEntry {
        not_applicable: leaf(
            &base.not_applicable,
            &ours.not_applicable,
            &theirs.not_applicable,
        ),
        mode: leaf(&base.mode, &ours.mode, &theirs.mode),
        numerator: leaf(&base.numerator, &ours.numerator, &theirs.numerator),
        denominator: leaf(&base.denominator, &ours.denominator, &theirs.denominator),
        percent: leaf(&base.percent, &ours.percent, &theirs.percent),
        answer: leaf(&base.answer, &ours.answer, &theirs.answer),
        before: leaf(&base.before, &ours.before, &theirs.before),
        after: leaf(&base.after, &ours.after, &theirs.after),
    }
}

fn merge_profile(base: &Rc<Profile>, ours: &Rc<Profile>, theirs: &Rc<Profile>) -> Rc<Profile> {
    // The shared `Rc`s are kept where possible: the score cache remembers profiles by address.
    if ours == base || ours == theirs {
        return if ours == base {
            theirs.clone()
        } else {
            ours.clone()
        };
    }
    if theirs == base {
        return ours.clone();
    }
    let (b, o, t) = (&**base, &**ours, &**theirs);
    let (plan, bloc, unit_id) = leaf(
        &(&b.plan, b.bloc, &b.unit_id),
        &(&o.plan, o.bloc, &o.unit_id),
        &(&t.plan, t.bloc, &t.unit_id),
    );
    let mut entries = SmallMap::new();
    for &id in b
        .entries
        .keys()
        .chain(o.entries.keys())
        .chain(t.entries.keys())
    {
        let entry = merge_entry(b.entry(id), o.entry(id), t.entry(id));
        if !entry.is_empty() {
            entries.insert(id, entry);
        }
    }
    Rc::new(Profile {
        plan: plan.clone(),
        label: leaf(&b.label, &o.label, &t.label),
        bloc,
        unit_id: unit_id.clone(),
        other_name: leaf(&b.other_name, &o.other_name, &t.other_name),
        entries,
    })
}

fn merge_model(base: &ScoringModel, ours: &ScoringModel, theirs: &ScoringModel) -> ScoringModel {
    if ours == base {
        return theirs.clone();
    }
    ScoringModel {
        mode: leaf(&base.mode, &ours.mode, &theirs.mode),
        weights: merge_maps(&base.weights, &ours.weights, &theirs.weights),
        applicability: merge_maps(
            &base.applicability,
            &ours.applicability,
            &theirs.applicability,
        ),
        bands: leaf(&base.bands, &ours.bands, &theirs.bands),
        award_places: leaf(&base.award_places, &ours.award_places, &theirs.award_places),
    }
}

fn id_number(id: &str) -> Option<u64> {
    id.strip_prefix('p')?.parse().ok()
}

/// Merges what `ours` and `theirs` each changed since `base`. The result shows `ours`'s
/// active profile (which profile a tab shows is that tab's own), or its nearest neighbour
/// when that profile is gone.
pub fn merge(base: &Workspace, ours: &Workspace, theirs: &Workspace) -> Merged {
    let by_id = |w: &'_ Workspace| -> HashMap<String, usize> {
        w.profiles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect()
    };
    let (base_ids, theirs_ids) = (by_id(base), by_id(theirs));
    let mut next_number = [base, ours, theirs]
        .iter()
        .flat_map(|w| w.profiles.iter().filter_map(|r| id_number(&r.id)))
        .max()
        .unwrap_or(0);
    let mut renamed = Vec::new();
    // Ours's profiles, in ours's order.
    let mut kept: Vec<Rc<ProfileRecord>> = Vec::with_capacity(ours.profiles.len());
    for record in &ours.profiles {
        let in_base = base_ids.get(&record.id).map(|&i| &base.profiles[i]);
        let in_theirs = theirs_ids.get(&record.id).map(|&i| &theirs.profiles[i]);
        match (in_base, in_theirs) {
            (Some(b), Some(t)) => kept.push(Rc::new(ProfileRecord {
                id: record.id.clone(),
                profile: merge_profile(&b.profile, &record.profile, &t.profile),
                exported_at: leaf(&b.exported_at, &record.exported_at, &t.exported_at),
            })),
            // Deleted by theirs: gone, unless ours edited it.
            (Some(b), None) => {
                if record.profile != b.profile {
                    kept.push(record.clone());
                }
            }
            // Both added a profile under this id: two profiles, unless they are the same.
            (None, Some(t)) if t.profile != record.profile => {
                next_number += 1;
                let id = format!("p{next_number}");
                renamed.push((record.id.clone(), id.clone()));
                kept.push(Rc::new(ProfileRecord {
                    id,
                    profile: record.profile.clone(),
                    exported_at: record.exported_at.clone(),
                }));
            }
            _ => kept.push(record.clone()),
        }
    }
    // Theirs's profiles that are not there yet (added by theirs, or deleted by ours but
    // edited by theirs) go after the profile they follow in theirs.
    // Thousands of ids with 10 000 profiles: hashed (a sorted vector would move them).
    let placed: HashSet<&str> = kept.iter().map(|r| r.id.as_str()).collect();
    let mut after: HashMap<Option<String>, Vec<Rc<ProfileRecord>>> = HashMap::new();
    let mut anchor: Option<String> = None;
    for record in &theirs.profiles {
        if placed.contains(record.id.as_str()) {
            anchor = Some(record.id.clone());
            continue;
        }
        let wanted = match base_ids.get(&record.id) {
            None => true,
            Some(&i) => record.profile != base.profiles[i].profile,
        };
        if wanted {
            after
                .entry(anchor.clone())
                .or_default()
                .push(record.clone());
        }
    }
    let mut profiles = Vec::with_capacity(kept.len() + after.values().map(Vec::len).sum::<usize>());
    profiles.extend(after.remove(&None).unwrap_or_default());
    for record in kept {
        let follow = after.remove(&Some(record.id.clone()));
        profiles.push(record);
        profiles.extend(follow.unwrap_or_default());
    }
    if profiles.is_empty() {
        next_number += 1;
        profiles.push(Rc::new(ProfileRecord::new(
            format!("p{next_number}"),
            Profile::default(),
        )));
    }
    let active = active_after(ours, &renamed, &profiles);
    Merged {
        workspace: Workspace {
            profiles: profiles.into(),
            active,
            peer_scores: merge_maps(&base.peer_scores, &ours.peer_scores, &theirs.peer_scores),
            model: merge_model(&base.model, &ours.model, &theirs.model),
            language: leaf(&base.language, &ours.language, &theirs.language),
            district_choices: {
                // A choice of ours that names a profile renamed above follows it.
                let mut choices = ours.district_choices.clone();
                for profile_id in choices.values_mut() {
                    if let Some((_, id)) = renamed.iter().find(|(old, _)| old == profile_id) {
                        *profile_id = id.clone();
                    }
                }
                merge_maps(&base.district_choices, &choices, &theirs.district_choices)
            },
            plans: merge_plans(&base.plans, &ours.plans, &theirs.plans),
            models: merge_models(&base.models, &ours.models, &theirs.models),
            active_hint: Default::default(),
        },
        renamed,
    }
}

/// The settings of every plan, each merged field by field.
fn merge_models(
    base: &SmallMap<String, ScoringModel>,
    ours: &SmallMap<String, ScoringModel>,
    theirs: &SmallMap<String, ScoringModel>,
) -> SmallMap<String, ScoringModel> {
    let mut merged = merge_maps(base, ours, theirs);
    for (id, model) in &mut merged {
        if let (Some(b), Some(o), Some(t)) = (base.get(id), ours.get(id), theirs.get(id)) {
            *model = merge_model(b, o, t);
        }
    }
    merged
}

/// The plans of both sides, each plan as a whole (the later edit of one plan wins), in
/// ours's order and then theirs's additions.
fn merge_plans(base: &[Rc<Plan>], ours: &[Rc<Plan>], theirs: &[Rc<Plan>]) -> Vec<Rc<Plan>> {
    let by_id = |plans: &[Rc<Plan>]| -> SmallMap<String, Rc<Plan>> {
        plans.iter().map(|p| (p.id.clone(), p.clone())).collect()
    };
    let merged = merge_maps(&by_id(base), &by_id(ours), &by_id(theirs));
    let mut order: Vec<&String> = Vec::new();
    for plan in ours.iter().chain(theirs) {
        if !order.contains(&&plan.id) {
            order.push(&plan.id);
        }
    }
    order
        .into_iter()
        .filter_map(|id| merged.get(id).cloned())
        .collect()
}

/// Ours's active profile under its new id, or when it is gone the nearest one that stayed.
fn active_after(
    ours: &Workspace,
    renamed: &[(String, String)],
    profiles: &[Rc<ProfileRecord>],
) -> String {
    let new_id = |id: &str| -> String {
        renamed
            .iter()
            .find(|(old, _)| old == id)
            .map_or_else(|| id.to_string(), |(_, new)| new.clone())
    };
    let present = |id: &str| profiles.iter().any(|r| r.id == id);
    let start = ours
        .profiles
        .iter()
        .position(|r| r.id == ours.active)
        .unwrap_or(0);
    let start = start.min(ours.profiles.len());
    let forward = ours.profiles.iter().skip(start);
    let backward = ours.profiles.iter().take(start).rev();
    forward
        .chain(backward)
        .map(|r| new_id(&r.id))
        .find(|id| present(id))
        .unwrap_or_else(|| profiles[0].id.clone())
}

/// Gives profiles the new ids of `renamed` (the active one included).
pub fn apply_renames(workspace: &mut Workspace, renamed: &[(String, String)]) {
    for (old, new) in renamed {
        if let Some(index) = workspace.profiles.iter().position(|r| &r.id == old) {
            Rc::make_mut(&mut workspace.profiles[index]).id = new.clone();
        }
        if &workspace.active == old {
            workspace.active = new.clone();
        }
    }
}

/// Whether two workspaces hold the same data, whichever profile each shows.
pub fn same_data(a: &Workspace, b: &Workspace) -> bool {
    // Every field but `active` (which profile a tab shows is that tab's own); destructured
    // without `..`, so that a new field of the workspace cannot be left out here.
    let Workspace {
        profiles,
        active: _,
        peer_scores,
        model,
        language,
        district_choices,
        plans,
        models,
        active_hint: _,
    } = a;
    *profiles == b.profiles
        && *plans == b.plans
        && *models == b.models
        && *peer_scores == b.peer_scores
        && *model == b.model
        && *language == b.language
        && *district_choices == b.district_choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::figures::EntryMode;
    use crate::domain::language::Lang;

    fn two() -> Workspace {
        let mut w = Workspace::default();
        w.active_profile_mut()
            .set_unit(builtin::plan_ref(), "31211");
        let mut other = Profile::default();
        other.set_unit(builtin::plan_ref(), "31234");
        w.add_profile(other);
        w.switch_to("p1");
        w
    }

    fn edit(w: &mut Workspace, id: &str, change: impl FnOnce(&mut Profile)) {
        let record = w.profiles.iter_mut().find(|r| r.id == id).unwrap();
        change(Rc::make_mut(&mut Rc::make_mut(record).profile));
    }

    fn numerator(w: &Workspace, id: &str) -> String {
        let record = w.profiles.iter().find(|r| r.id == id).unwrap();
        record.profile.entry(builtin::RECRUITMENT).numerator.clone()
    }

    fn set_numerator(text: &str) -> impl FnOnce(&mut Profile) + '_ {
        move |p| p.update_entry(builtin::RECRUITMENT, |e| e.numerator = text.into())
    }

    #[test]
    fn edits_of_different_fields_and_profiles_are_all_kept() {
        let base = two();
        let mut ours = base.clone();
        edit(&mut ours, "p1", set_numerator("412"));
        ours.language = Lang::En;
        let mut theirs = base.clone();
        edit(&mut theirs, "p1", |p| {
            p.update_entry(builtin::RECRUITMENT, |e| e.denominator = "1038".into())
        });
        edit(&mut theirs, "p2", |p| p.label = "Xã B".into());
        theirs.peer_scores.insert("31231".into(), "80".into());
        theirs.switch_to("p2");
        let merged = merge(&base, &ours, &theirs).workspace;
        let entry = merged.profiles[0].profile.entry(builtin::RECRUITMENT);
        assert_eq!(
            (entry.numerator.as_str(), entry.denominator.as_str()),
            ("412", "1038")
        );
        assert_eq!(merged.profiles[1].profile.label, "Xã B");
        assert_eq!(
            merged.peer_scores.get("31231").map(String::as_str),
            Some("80")
        );
        assert_eq!(merged.language, Lang::En);
        // Which profile is shown is ours, never theirs.
        assert_eq!(merged.active, "p1");
    }

    #[test]
    fn the_same_field_keeps_ours_the_later_edit() {
        let base = two();
        let mut ours = base.clone();
        edit(&mut ours, "p1", set_numerator("456"));
        let mut theirs = base.clone();
        edit(&mut theirs, "p1", set_numerator("6"));
        assert_eq!(
            numerator(&merge(&base, &ours, &theirs).workspace, "p1"),
            "456"
        );
    }

    #[test]
    fn a_profile_deleted_on_one_side_and_edited_on_the_other_is_kept() {
        let base = two();
        let mut ours = base.clone();
        ours.delete("p2");
        let mut theirs = base.clone();
        edit(&mut theirs, "p2", set_numerator("7"));
        let merged = merge(&base, &ours, &theirs).workspace;
        assert_eq!(numerator(&merged, "p2"), "7");
        // And the other way round.
        let merged = merge(&base, &theirs, &ours).workspace;
        assert_eq!(numerator(&merged, "p2"), "7");
        // Deleted on one side, untouched on the other: gone.
        let merged = merge(&base, &ours, &base).workspace;
        assert_eq!(merged.profiles.len(), 1);
    }

    #[test]
    fn profiles_added_on_both_sides_under_one_id_are_both_kept() {
        let base = two();
        let mut ours = base.clone();
        let mut mine = Profile::default();
        mine.set_unit(builtin::plan_ref(), "31240");
        ours.add_profile(mine);
        let mut theirs = base.clone();
        let mut other = Profile::default();
        other.set_unit(builtin::plan_ref(), "31241");
        theirs.add_profile(other);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.renamed, [("p3".to_string(), "p4".to_string())]);
        let units: Vec<(&str, &str)> = merged
            .workspace
            .profiles
            .iter()
            .map(|r| (r.id.as_str(), r.profile.unit_id.as_str()))
            .collect();
        assert_eq!(
            units,
            [
                ("p1", "31211"),
                ("p2", "31234"),
                ("p3", "31241"),
                ("p4", "31240")
            ]
        );
        // The added profile stays on screen under its new id.
        assert_eq!(merged.workspace.active, "p4");
        let mut renamed = ours.clone();
        apply_renames(&mut renamed, &merged.renamed);
        assert_eq!(renamed.active, "p4");
        assert_eq!(renamed.profiles[2].id, "p4");
    }

    #[test]
    fn theirs_additions_follow_the_profile_they_follow_in_theirs() {
        let base = two();
        let mut theirs = base.clone();
        theirs.profiles.insert(
            1,
            Rc::new(ProfileRecord::new("p9".into(), Profile::default())),
        );
        let merged = merge(&base, &base, &theirs).workspace;
        let ids: Vec<&str> = merged.profiles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p9", "p2"]);
    }

    #[test]
    fn the_active_profile_deleted_elsewhere_gives_way_to_its_neighbour() {
        let base = two();
        let mut ours = base.clone();
        ours.switch_to("p2");
        let mut theirs = base.clone();
        theirs.delete("p2");
        assert_eq!(merge(&base, &ours, &theirs).workspace.active, "p1");
    }

    #[test]
    fn model_fields_merge_one_by_one() {
        let base = two();
        let mut ours = base.clone();
        ours.model.weights.insert(
            builtin::RECRUITMENT,
            crate::domain::score::Weight::new(2).unwrap(),
        );
        let mut theirs = base.clone();
        theirs.model.weights.insert(
            builtin::ORG_STRUCTURE,
            crate::domain::score::Weight::new(3).unwrap(),
        );
        theirs.model.mode = crate::domain::score::ScoringMode::AllOrNothing;
        let merged = merge(&base, &ours, &theirs).workspace;
        assert_eq!(merged.model.weight(builtin::RECRUITMENT), 2.0);
        assert_eq!(merged.model.weight(builtin::ORG_STRUCTURE), 3.0);
        assert_eq!(
            merged.model.mode,
            crate::domain::score::ScoringMode::AllOrNothing
        );
    }

    #[test]
    fn entry_parts_and_the_unit_merge_one_by_one() {
        let base = two();
        let mut ours = base.clone();
        edit(&mut ours, "p1", |p| {
            p.update_entry(builtin::SATISFACTION_ADMIN, |e| e.mode = EntryMode::Percent)
        });
        let mut theirs = base.clone();
        edit(&mut theirs, "p1", |p| {
            p.update_entry(builtin::SATISFACTION_ADMIN, |e| e.percent = "86,9".into());
            p.set_unit(builtin::plan_ref(), "y-te");
        });
        let merged = merge(&base, &ours, &theirs).workspace;
        let p = &merged.profiles[0].profile;
        let entry = p.entry(builtin::SATISFACTION_ADMIN);
        assert_eq!(
            (entry.mode, entry.percent.as_str()),
            (EntryMode::Percent, "86,9")
        );
        assert_eq!((p.bloc.key(), p.unit_id.as_str()), ("agency", "y-te"));
    }
}

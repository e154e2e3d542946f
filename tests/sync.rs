//! Two tabs on one saved data: the three-way merge (properties: nothing either side typed
//! is lost), and the reducer taking in another tab's saves (its own profile stays on screen,
//! older data is never taken over, a replaced edit is told).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use cchc_2021::app::state::{self, Action, AppState};
use cchc_2021::domain::builtin;
use cchc_2021::domain::figures::{EntryMode, Field};
use cchc_2021::domain::merge::{merge, same_data, EntryPart, ProfileField};
use cchc_2021::domain::plan::{TargetId, Unit};
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::workspace::Workspace;
use cchc_2021::store::{self, KeyValueStore, LoadNotice, MemoryStorage, SaveOutcome};
use proptest::prelude::*;
use yew::Reducible;

// ---- the merge's properties --------------------------------------------------------------

/// The built-in plan's communes (the old `COMMUNES` table).
fn communes() -> &'static [Unit] {
    &builtin::plan_ref().bloc(builtin::COMMUNE).unwrap().units
}

/// The built-in plan's 13 targets, in order (the old `TARGETS` table).
fn target_id(index: usize) -> TargetId {
    builtin::TARGET_IDS[index]
}

/// One edit a person can make.
#[derive(Debug, Clone)]
enum Edit {
    Text(usize, usize, usize, String),
    Mode(usize, usize),
    Unit(usize, usize),
    Label(usize, String),
    Add(usize),
    Delete(usize),
    Peer(usize, String),
    Weight(usize, u8),
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let text = "[0-9]{0,3}";
    prop_oneof![
        4 => (0..6usize, 0..builtin::TARGET_IDS.len(), 0..5usize, text).prop_map(|(p, t, f, s)| Edit::Text(p, t, f, s)),
        1 => (0..6usize, 0..builtin::TARGET_IDS.len()).prop_map(|(p, t)| Edit::Mode(p, t)),
        1 => (0..6usize, 0..communes().len()).prop_map(|(p, u)| Edit::Unit(p, u)),
        1 => (0..6usize, "[a-c]{0,2}").prop_map(|(p, s)| Edit::Label(p, s)),
        1 => (0..communes().len()).prop_map(Edit::Add),
        1 => (0..6usize).prop_map(Edit::Delete),
        1 => (0..communes().len(), text).prop_map(|(u, s)| Edit::Peer(u, s)),
        1 => (0..builtin::TARGET_IDS.len(), 0..3u8).prop_map(|(t, w)| Edit::Weight(t, w)),
    ]
}

fn apply(w: &mut Workspace, edit: &Edit) {
    let n = w.profiles.len();
    fn profile(w: &mut Workspace, p: usize) -> &mut Profile {
        let n = w.profiles.len();
        Rc::make_mut(&mut Rc::make_mut(&mut w.profiles[p % n]).profile)
    }
    match edit {
        Edit::Text(p, t, f, s) => {
            profile(w, *p).update_entry(target_id(*t), |e| e.set_text(Field::ALL[*f], s.clone()))
        }
        Edit::Mode(p, t) => {
            profile(w, *p).update_entry(target_id(*t), |e| e.mode = EntryMode::Percent)
        }
        Edit::Unit(p, u) => profile(w, *p).set_unit(builtin::plan_ref(), &communes()[*u].id),
        Edit::Label(p, s) => profile(w, *p).label = s.clone(),
        Edit::Add(u) => {
            let mut fresh = Profile::default();
            fresh.set_unit(builtin::plan_ref(), &communes()[*u].id);
            w.add_profile(fresh);
        }
        Edit::Delete(p) => {
            let id = w.profiles[p % n].id.clone();
            w.delete(&id);
        }
        Edit::Peer(u, s) if s.is_empty() => {
            w.peer_scores.remove(&communes()[*u].id);
        }
        Edit::Peer(u, s) => {
            w.peer_scores.insert(communes()[*u].id.clone(), s.clone());
        }
        Edit::Weight(t, weight) => {
            w.model.weights.insert(
                target_id(*t),
                cchc_2021::domain::score::Weight::new(*weight).unwrap(),
            );
        }
    }
}

fn workspace_after(base: &Workspace, edits: &[Edit]) -> Workspace {
    let mut w = base.clone();
    for edit in edits {
        apply(&mut w, edit);
    }
    w
}

fn base_strategy() -> impl Strategy<Value = Workspace> {
    proptest::collection::vec(edit_strategy(), 0..12).prop_map(|edits| {
        let mut w = Workspace::default();
        w.active_profile_mut()
            .set_unit(builtin::plan_ref(), &communes()[0].id);
        w.add_profile(Profile::default());
        workspace_after(&w, &edits)
    })
}

fn sides() -> impl Strategy<Value = (Workspace, Workspace, Workspace)> {
    (
        base_strategy(),
        proptest::collection::vec(edit_strategy(), 0..8),
        proptest::collection::vec(edit_strategy(), 0..8),
    )
        .prop_map(|(base, ours, theirs)| {
            let o = workspace_after(&base, &ours);
            let t = workspace_after(&base, &theirs);
            (base, o, t)
        })
}

/// Every field of every profile, by profile id.
fn fields(w: &Workspace) -> Vec<(String, ProfileField, String)> {
    let mut out = Vec::new();
    for record in &w.profiles {
        let mut all = vec![
            ProfileField::Label,
            ProfileField::Unit,
            ProfileField::OtherName,
        ];
        for target in builtin::plan_ref().targets.iter() {
            for field in Field::ALL {
                all.push(ProfileField::Entry(target.id, EntryPart::Text(field)));
            }
            all.push(ProfileField::Entry(target.id, EntryPart::Mode));
        }
        for field in all {
            out.push((record.id.clone(), field, field.value(&record.profile)));
        }
    }
    out
}

fn value(w: &Workspace, id: &str, field: ProfileField) -> Option<String> {
    w.profiles
        .iter()
        .find(|r| r.id == id)
        .map(|r| field.value(&r.profile))
}

proptest! {
    #[test]
    fn merging_no_change_of_theirs_gives_ours((base, ours, _) in sides()) {
        let merged = merge(&base, &ours, &base);
        prop_assert!(same_data(&merged.workspace, &ours));
        prop_assert_eq!(merged.workspace.active, ours.active);
    }

    #[test]
    fn merging_no_change_of_ours_gives_theirs((base, _, theirs) in sides()) {
        let merged = merge(&base, &base, &theirs);
        prop_assert!(same_data(&merged.workspace, &theirs), "{:?}\nvs\n{:?}", merged.workspace.profiles, theirs.profiles);
    }

    #[test]
    fn merging_the_same_change_gives_it((base, ours, _) in sides()) {
        prop_assert!(same_data(&merge(&base, &ours, &ours).workspace, &ours));
    }

    #[test]
    fn nothing_typed_on_either_side_is_lost((base, ours, theirs) in sides()) {
        let merged = merge(&base, &ours, &theirs);
        let m = &merged.workspace;
        let id_of = |id: &str| merged.renamed.iter().find(|(old, _)| old == id).map_or(id.to_string(), |(_, new)| new.clone());
        // Every field ours changed (or added) holds ours's value.
        for (id, field, typed) in fields(&ours) {
            if value(&base, &id, field).as_ref() != Some(&typed) {
                prop_assert_eq!(value(m, &id_of(&id), field), Some(typed), "ours {} {:?}", id, field);
            }
        }
        // Every field theirs changed and ours did not holds theirs's value.
        for (id, field, typed) in fields(&theirs) {
            let in_base = value(&base, &id, field);
            let in_ours = value(&ours, &id, field);
            if in_base.as_ref() != Some(&typed) && in_ours == in_base {
                prop_assert_eq!(value(m, &id, field), Some(typed), "theirs {} {:?}", id, field);
            }
        }
        // Ids stay unique, and the profile on screen exists.
        let mut ids: Vec<&str> = m.profiles.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), m.profiles.len());
        prop_assert!(m.profiles.iter().any(|r| r.id == m.active));
        // Peer scores: each key changed by one side holds its value.
        for (unit, text) in &ours.peer_scores {
            if base.peer_scores.get(unit) != Some(text) {
                prop_assert_eq!(m.peer_scores.get(unit), Some(text));
            }
        }
    }
}

// ---- two tabs through storage ------------------------------------------------------------

/// A tab: the reducer's state, saving through the same rules as the page.
struct Tab(Rc<AppState>);

impl Tab {
    fn open(store: &MemoryStorage, session: &MemoryStorage) -> Tab {
        let (loaded, id) = store::load_tab(store, session, 0);
        Tab(Rc::new(AppState::from_loaded(loaded).at_version(id)))
    }

    fn act(&mut self, action: Action) {
        self.0 = self.0.clone().reduce(action);
    }

    fn type_text(&mut self, id: TargetId, field: Field, text: &str) {
        self.act(Action::Edit(state::Edit::SetText(id, field, text.into())));
    }

    /// Saves as the page does, and returns what the other tabs' storage event carries.
    fn save(&mut self, store: &MemoryStorage) -> Option<Action> {
        match store::save_synced(store, &self.0.snapshot(), 0).unwrap() {
            SaveOutcome::Unchanged => None,
            SaveOutcome::Newer(v) => {
                self.act(Action::StoredNewer(v));
                None
            }
            SaveOutcome::Saved { stored, wrote } => {
                self.act(Action::Synced(stored));
                wrote.then(|| {
                    let text = store.get(store::DATA_KEY).unwrap().unwrap();
                    let (data, stamp) = store::read_saved(store, &text).unwrap();
                    Action::ChangedElsewhere {
                        data: data.into(),
                        stamp,
                    }
                })
            }
        }
    }

    fn text(&self, id: TargetId, field: Field) -> String {
        self.0
            .data
            .active_profile()
            .entry(id)
            .text(field)
            .to_string()
    }
}

fn two_tabs() -> (MemoryStorage, Tab, Tab) {
    let store = MemoryStorage::default();
    let (a_session, b_session) = (MemoryStorage::default(), MemoryStorage::default());
    let mut a = Tab::open(&store, &a_session);
    a.act(Action::Edit(state::Edit::SetUnit("31211".into())));
    a.save(&store).unwrap();
    let b = Tab::open(&store, &b_session);
    (store, a, b)
}

const R: TargetId = builtin::RECRUITMENT;

#[test]
fn a_tab_that_takes_in_another_tabs_save_keeps_its_profile_and_writes_nothing_back() {
    let (store, mut a, mut b) = two_tabs();
    b.act(Action::Edit(state::Edit::NewProfile));
    b.act(Action::Edit(state::Edit::SetUnit("31234".into())));
    let event = b.save(&store).unwrap();
    a.act(event);
    assert_eq!(a.0.data.active, "p1", "A stays on its profile");
    assert_eq!(a.0.data.profiles.len(), 2);
    assert!(a.0.synced);
    // A has nothing of its own: saving writes nothing.
    assert_eq!(a.save(&store), None);
    // Each types into its own unit; both units keep their figures.
    a.type_text(R, Field::Numerator, "7");
    b.type_text(R, Field::Numerator, "9");
    let from_a = a.save(&store).unwrap();
    let from_b = b.save(&store).unwrap();
    b.act(from_a); // late: older than what B holds, ignored
    a.act(from_b);
    let saved = store::load(&store, 0).data;
    let numerators: Vec<&str> = saved
        .profiles
        .iter()
        .map(|r| r.profile.entry(R).numerator.as_str())
        .collect();
    assert_eq!(numerators, ["7", "9"]);
    assert_eq!(
        (a.0.data.active.as_str(), b.0.data.active.as_str()),
        ("p1", "p2")
    );
    assert_eq!(a.0.data.profiles, b.0.data.profiles);
}

#[test]
fn a_slow_tab_never_takes_over_or_writes_back_older_data() {
    let (store, mut a, mut b) = two_tabs();
    let mut events = Vec::new();
    for text in ["4", "41", "412"] {
        a.type_text(R, Field::Numerator, text);
        events.extend(a.save(&store));
    }
    for text in ["1", "10", "103", "1038"] {
        a.type_text(R, Field::Denominator, text);
        events.extend(a.save(&store));
    }
    // B handles the events late, saving after each as the page does.
    for event in events.into_iter().rev() {
        b.act(event);
        assert_eq!(b.save(&store), None, "B writes nothing back");
    }
    assert_eq!(
        (b.text(R, Field::Numerator), b.text(R, Field::Denominator)),
        ("412".into(), "1038".into())
    );
    let saved = store::load(&store, 0).data;
    assert_eq!(saved.active_profile().entry(R).denominator, "1038");
}

/// Local storage is not atomic across tabs: a slow tab reads its own copy of it, which lags
/// behind another tab's saves, and saves from an old version over newer ones. What it did
/// not change is no change of its own: the other tab's later typing stays, in both tabs and
/// in storage, whatever order the late saves arrive in.
#[test]
fn a_slow_tab_saving_from_a_stale_copy_of_storage_loses_none_of_the_other_tabs_typing() {
    let (store, mut a, mut b) = two_tabs();
    let label = |tab: &Tab| tab.0.data.active_profile().label.clone();
    a.act(Action::Edit(state::Edit::SetLabel("X".into())));
    let event = a.save(&store).unwrap();
    b.act(event);
    // What B's copy of storage shows until it catches up.
    let stale = store.get(store::DATA_KEY).unwrap().unwrap();
    let mut late = Vec::new();
    for text in ["Xã", "Xã A"] {
        a.act(Action::Edit(state::Edit::SetLabel(text.into())));
        late.extend(a.save(&store));
    }
    // B saves its typing over its stale copy: storage holds B's version, derived from "X".
    b.type_text(R, Field::Denominator, "789");
    store.set(store::DATA_KEY, &stale).unwrap();
    let from_b = b.save(&store).unwrap();
    a.act(from_b);
    assert_eq!(label(&a), "Xã A", "A keeps its own typing");
    assert_eq!(a.text(R, Field::Denominator), "789");
    a.type_text(R, Field::Numerator, "456");
    late.extend(a.save(&store));
    // B gets A's saves late, saving after each as the page does; A takes in B's saves.
    for event in late {
        b.act(event);
        if let Some(event) = b.save(&store) {
            a.act(event);
            assert_eq!(a.save(&store), None, "A has nothing more of its own");
        }
    }
    let saved = store::load(&store, 0).data;
    for (who, data) in [("A", &*a.0.data), ("B", &*b.0.data), ("storage", &saved)] {
        let profile = data.active_profile();
        let entry = profile.entry(R);
        assert_eq!(
            (
                profile.label.as_str(),
                entry.numerator.as_str(),
                entry.denominator.as_str()
            ),
            ("Xã A", "456", "789"),
            "{who}"
        );
    }
    assert_eq!(a.0.edit_conflict, None);
    assert_eq!(b.0.edit_conflict, None);
}

#[test]
fn typing_in_both_tabs_keeps_both_and_the_replaced_edit_is_told() {
    let (store, mut a, mut b) = two_tabs();
    a.type_text(R, Field::Numerator, "456");
    b.type_text(R, Field::Denominator, "900");
    let from_a = a.save(&store).unwrap();
    let from_b = b.save(&store).unwrap(); // merges A's save in
    b.act(from_a);
    a.act(from_b);
    for tab in [&a, &b] {
        assert_eq!(
            (
                tab.text(R, Field::Numerator),
                tab.text(R, Field::Denominator)
            ),
            ("456".into(), "900".into())
        );
    }
    assert_eq!(a.0.edit_conflict, None);
    // Now both edit the numerator: B's edit is later; A is told.
    a.type_text(R, Field::Numerator, "5");
    let from_a = a.save(&store).unwrap();
    b.type_text(R, Field::Numerator, "6");
    let from_b = b.save(&store).unwrap();
    b.act(from_a);
    a.act(from_b);
    assert_eq!(
        (a.text(R, Field::Numerator), b.text(R, Field::Numerator)),
        ("6".into(), "6".into())
    );
    let conflict =
        a.0.edit_conflict
            .clone()
            .expect("A is told its edit was replaced");
    assert_eq!(
        conflict.field,
        ProfileField::Entry(R, EntryPart::Text(Field::Numerator))
    );
    assert_eq!(
        conflict.unit.as_deref(),
        Some(
            communes()
                .iter()
                .find(|u| u.id == "31211")
                .unwrap()
                .name
                .as_str()
        )
    );
    assert_eq!(b.0.edit_conflict, None);
    assert_eq!(
        store::load(&store, 0)
            .data
            .active_profile()
            .entry(R)
            .numerator,
        "6"
    );
}

#[test]
fn profiles_added_in_both_tabs_are_both_kept_and_each_tab_stays_on_its_own() {
    let (store, mut a, mut b) = two_tabs();
    a.act(Action::Edit(state::Edit::NewProfile));
    a.act(Action::Edit(state::Edit::SetUnit("31240".into())));
    b.act(Action::Edit(state::Edit::NewProfile));
    b.act(Action::Edit(state::Edit::SetUnit("31241".into())));
    let from_a = a.save(&store).unwrap();
    // B typed more while its save ran: the rename reaches that too.
    let snapshot_then_more = {
        let from_b = b.save(&store).unwrap();
        b.type_text(R, Field::Numerator, "3");
        from_b
    };
    b.act(from_a);
    a.act(snapshot_then_more);
    let from_b = b.save(&store).unwrap();
    a.act(from_b);
    let units = |tab: &Tab| -> Vec<String> {
        tab.0
            .data
            .profiles
            .iter()
            .map(|r| r.profile.unit_id.clone())
            .collect()
    };
    assert_eq!(units(&a), ["31211", "31240", "31241"]);
    assert_eq!(units(&b), units(&a));
    assert_eq!(a.0.data.active_profile().unit_id, "31240");
    assert_eq!(b.0.data.active_profile().unit_id, "31241");
    assert_eq!(b.text(R, Field::Numerator), "3");
    assert_eq!(a.0.data.profiles, b.0.data.profiles);
}

#[test]
fn data_of_a_newer_version_stops_the_saving_and_is_left_as_it_is() {
    let (store, mut a, _) = two_tabs();
    // Version 4 is now this build's own (saved data in pages, issue 14); 5 is newer.
    let newer = r#"{"format":"cchc-2021","version":5,"revision":1,"data":{}}"#;
    store.set(store::DATA_KEY, newer).unwrap();
    a.type_text(R, Field::Numerator, "1");
    assert_eq!(a.save(&store), None);
    assert!(!a.0.may_save);
    assert!(matches!(
        a.0.load_notice,
        Some(LoadNotice::Newer { version: 5, .. })
    ));
    assert_eq!(store.get(store::DATA_KEY), Ok(Some(newer.into())));
}

#[test]
fn switching_profiles_is_saved_for_new_tabs_but_another_tabs_switch_changes_nothing_here() {
    let (store, mut a, mut b) = two_tabs();
    a.act(Action::Edit(state::Edit::NewProfile));
    let event = a.save(&store).unwrap();
    b.act(event);
    assert_eq!(b.0.data.active, "p1");
    assert_eq!(b.save(&store), None);
    a.act(Action::Edit(state::Edit::SwitchProfile("p1".into())));
    let event = a.save(&store).expect("the switch is saved");
    b.act(event);
    assert_eq!(b.save(&store), None);
    assert_eq!(store::load(&store, 0).data.active, "p1");
}

#[test]
fn a_save_is_remembered_without_a_render() {
    let (store, mut a, _) = two_tabs();
    a.type_text(R, Field::Numerator, "1");
    let before = a.0.clone();
    a.save(&store);
    assert!(*a.0 == *before, "nothing on screen changed: no render");
    assert_ne!(a.0.base_id, before.base_id);
    assert!(Rc::ptr_eq(&a.0.base, &a.0.data));
}

#[test]
fn saved_data_with_and_without_a_revision_opens_the_same() {
    use cchc_2021::formats::envelope::{decode, decode_stamped, peek, Stamp};
    let before = include_str!("fixtures/saved/v1.json");
    let with = include_str!("fixtures/saved/v1-revision.json");
    let (data, stamp) = decode_stamped(with).unwrap();
    assert_eq!((stamp.revision, stamp.id), (12, None));
    assert_eq!(
        decode_stamped(before).unwrap(),
        (data.clone(), Stamp::default())
    );
    assert_eq!(
        (
            peek(before).map(|p| p.revision),
            peek(with).map(|p| p.revision)
        ),
        (Some(0), Some(12))
    );
    // The reader older builds have reads format, version and data only: the same data.
    let value: serde_json::Value = serde_json::from_str(with).unwrap();
    let only_known = serde_json::json!({
        "format": value["format"], "version": value["version"], "data": value["data"],
    });
    assert_eq!(decode(&only_known.to_string()).unwrap(), data);
}

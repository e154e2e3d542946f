//! Saving when several tabs share the saved data. Each save carries a revision one above
//! the one it replaced. A tab remembers the stored data its own data derives from (its
//! base) and that base's revision; before each write it reads what is stored:
//! - data of a newer version of the app: nothing is written, now or later;
//! - its base's revision: nobody saved since, it writes its data;
//! - another revision: another tab saved; the three-way merge of the base, its data and
//!   the stored data is written (unless storage already holds exactly that), and the tab
//!   takes the merge in.
//!
//! A tab with nothing of its own to save (its data is its base, as after taking in another
//! tab's data) writes nothing, so a slow tab never writes back older data.

use std::rc::Rc;

use super::{
    keep_aside, load, KeyValueStore, LoadNotice, Loaded, StorageError, ACTIVE_KEY, DATA_KEY,
};
use crate::domain::merge::{merge, same_data};
use crate::formats::envelope::{self, DecodeError, Workspace, CURRENT_VERSION, PEEK_LENGTH};

/// What a tab has when it saves: its data, and the stored data it derives from.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub data: Rc<Workspace>,
    /// The stored data, except that its active profile is the tab's (which profile another
    /// tab shows is no change to save).
    pub base: Rc<Workspace>,
    pub base_revision: u64,
}

/// What storage holds after a save, for the tab to take in.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The data the save started from.
    pub from: Rc<Workspace>,
    /// What storage holds now: `from` itself, or its merge with another tab's data.
    pub stored: Rc<Workspace>,
    pub revision: u64,
    /// Profiles of `from` given a fresh id by the merge, `(old, new)`.
    pub renamed: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveOutcome {
    /// Nothing of the tab's own to write.
    Unchanged,
    /// Storage holds data of a newer version of the app: not written over, now or later.
    Newer(u64),
    /// `wrote` is false when storage already held exactly the merge.
    Saved { stored: Stored, wrote: bool },
}

/// Loads the saved data for a tab: the profile it showed before a reload (kept in its
/// session storage) comes back on screen. Also returns the revision loaded.
pub fn load_tab(
    store: &impl KeyValueStore,
    session: &impl KeyValueStore,
    now_ms: u64,
) -> (Loaded, u64) {
    let mut loaded = load(store, now_ms);
    let revision = match store.peek(DATA_KEY, PEEK_LENGTH) {
        Ok(Some(start)) => match envelope::peek(&start) {
            Some((_, revision)) => revision,
            None => store
                .get(DATA_KEY)
                .ok()
                .flatten()
                .and_then(|text| envelope::decode_revision(&text).ok())
                .map_or(0, |(_, revision)| revision),
        },
        _ => 0,
    };
    if let Ok(Some(active)) = session.get(ACTIVE_KEY) {
        loaded.data.switch_to(&active);
    }
    // Unreadable data is safe in its backup: storage takes the fresh start at once, so that
    // the next save does not keep the same text aside again.
    if loaded.may_save && matches!(loaded.notice, Some(LoadNotice::Unreadable { .. })) {
        let _ = store.set(
            DATA_KEY,
            &envelope::encode_revision(&loaded.data, revision + 1),
        );
        return (loaded, revision + 1);
    }
    (loaded, revision)
}

/// Remembers which profile this tab shows.
pub fn remember_active(session: &impl KeyValueStore, active: &str) {
    let _ = session.set(ACTIVE_KEY, active);
}

/// Whether the tab has anything of its own to save.
fn has_changes(snapshot: &Snapshot) -> bool {
    !Rc::ptr_eq(&snapshot.data, &snapshot.base)
        && (snapshot.data.active != snapshot.base.active
            || !same_data(&snapshot.data, &snapshot.base))
}

fn write(
    store: &impl KeyValueStore,
    from: &Rc<Workspace>,
    stored: Rc<Workspace>,
    revision: u64,
    renamed: Vec<(String, String)>,
) -> Result<SaveOutcome, StorageError> {
    store.set(DATA_KEY, &envelope::encode_revision(&stored, revision))?;
    Ok(SaveOutcome::Saved {
        stored: Stored {
            from: from.clone(),
            stored,
            revision,
            renamed,
        },
        wrote: true,
    })
}

/// Saves a tab's data without ever writing over another tab's changes or a newer version's
/// data (see the module's documentation).
pub fn save_synced(
    store: &impl KeyValueStore,
    snapshot: &Snapshot,
    now_ms: u64,
) -> Result<SaveOutcome, StorageError> {
    if !has_changes(snapshot) {
        return Ok(SaveOutcome::Unchanged);
    }
    let data = &snapshot.data;
    let next = snapshot.base_revision + 1;
    // The first characters tell the version and revision: the whole text (megabytes in a
    // big workspace) is read only when another tab saved.
    match store.peek(DATA_KEY, PEEK_LENGTH)? {
        None => return write(store, data, data.clone(), next, Vec::new()),
        Some(start) => match envelope::peek(&start) {
            Some((version, _)) if version > CURRENT_VERSION => {
                return Ok(SaveOutcome::Newer(version))
            }
            Some((_, revision)) if revision == snapshot.base_revision => {
                return write(store, data, data.clone(), next, Vec::new())
            }
            _ => {}
        },
    }
    let Some(text) = store.get(DATA_KEY)? else {
        return write(store, data, data.clone(), next, Vec::new());
    };
    match envelope::decode_revision(&text) {
        Err(DecodeError::NewerVersion(version)) => Ok(SaveOutcome::Newer(version)),
        // Something unreadable was written since: kept aside like at load, then replaced.
        Err(_) => match keep_aside(store, &text, now_ms) {
            Some(_) => write(store, data, data.clone(), next, Vec::new()),
            None => Err(StorageError::Unavailable),
        },
        Ok((theirs, revision)) => {
            let merged = merge(&snapshot.base, data, &theirs);
            let unchanged =
                same_data(&merged.workspace, &theirs) && merged.workspace.active == theirs.active;
            let stored = Rc::new(merged.workspace);
            if unchanged {
                return Ok(SaveOutcome::Saved {
                    stored: Stored {
                        from: data.clone(),
                        stored,
                        revision,
                        renamed: merged.renamed,
                    },
                    wrote: false,
                });
            }
            let revision = revision.max(snapshot.base_revision) + 1;
            write(store, data, stored, revision, merged.renamed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::targets::TargetId;
    use crate::store::{MemoryStorage, BACKUP_PREFIX};

    /// One tab, as the app holds it: its data, its base and the base's revision.
    struct Tab {
        data: Rc<Workspace>,
        base: Rc<Workspace>,
        revision: u64,
    }

    impl Tab {
        fn open(store: &MemoryStorage) -> Tab {
            let (loaded, revision) = load_tab(store, &MemoryStorage::default(), 0);
            let data = Rc::new(loaded.data);
            Tab {
                base: data.clone(),
                data,
                revision,
            }
        }

        fn type_numerator(&mut self, text: &str) {
            Rc::make_mut(&mut self.data)
                .active_profile_mut()
                .update_entry(TargetId::Recruitment, |e| e.numerator = text.into());
        }

        fn type_denominator(&mut self, text: &str) {
            Rc::make_mut(&mut self.data)
                .active_profile_mut()
                .update_entry(TargetId::Recruitment, |e| e.denominator = text.into());
        }

        fn save(&mut self, store: &MemoryStorage) -> SaveOutcome {
            let snapshot = Snapshot {
                data: self.data.clone(),
                base: self.base.clone(),
                base_revision: self.revision,
            };
            let outcome = save_synced(store, &snapshot, 7).unwrap();
            if let SaveOutcome::Saved { stored, .. } = &outcome {
                // As the reducer does: take in what storage holds now.
                if !Rc::ptr_eq(&stored.from, &stored.stored) {
                    self.data = Rc::new(merge(&stored.from, &self.data, &stored.stored).workspace);
                }
                self.base = stored.stored.clone();
                self.revision = stored.revision;
            }
            outcome
        }

        fn numerator(&self) -> &str {
            &self
                .data
                .active_profile()
                .entry(TargetId::Recruitment)
                .numerator
        }
    }

    fn stored(store: &MemoryStorage) -> (Workspace, u64) {
        envelope::decode_revision(&store.get(DATA_KEY).unwrap().unwrap()).unwrap()
    }

    #[test]
    fn each_save_goes_one_revision_up_and_reads_only_the_start_when_nobody_else_saved() {
        let store = MemoryStorage::default();
        let mut tab = Tab::open(&store);
        assert_eq!(tab.save(&store), SaveOutcome::Unchanged);
        tab.type_numerator("4");
        tab.save(&store);
        tab.type_numerator("41");
        tab.save(&store);
        let reads = store.full_reads();
        tab.type_numerator("412");
        tab.save(&store);
        assert_eq!(store.full_reads(), reads, "no full read of the stored text");
        let (data, revision) = stored(&store);
        assert_eq!(
            (
                data.active_profile()
                    .entry(TargetId::Recruitment)
                    .numerator
                    .as_str(),
                revision
            ),
            ("412", 3)
        );
    }

    #[test]
    fn a_tab_with_nothing_of_its_own_never_writes_back_what_it_took_in() {
        let store = MemoryStorage::default();
        let mut fast = Tab::open(&store);
        let mut slow = Tab::open(&store);
        fast.type_numerator("412");
        fast.save(&store);
        fast.type_denominator("1038");
        fast.save(&store);
        // The slow tab saves late, with no edit of its own: nothing is written.
        assert_eq!(slow.save(&store), SaveOutcome::Unchanged);
        let (data, revision) = stored(&store);
        let entry = data.active_profile().entry(TargetId::Recruitment);
        assert_eq!(
            (
                entry.numerator.as_str(),
                entry.denominator.as_str(),
                revision
            ),
            ("412", "1038", 2)
        );
    }

    #[test]
    fn a_save_over_another_tabs_save_merges_both() {
        let store = MemoryStorage::default();
        let mut a = Tab::open(&store);
        let mut b = Tab::open(&store);
        a.type_numerator("456");
        a.save(&store);
        b.type_denominator("900");
        let outcome = b.save(&store);
        assert!(matches!(outcome, SaveOutcome::Saved { wrote: true, .. }));
        let (data, revision) = stored(&store);
        let entry = data.active_profile().entry(TargetId::Recruitment);
        assert_eq!(
            (
                entry.numerator.as_str(),
                entry.denominator.as_str(),
                revision
            ),
            ("456", "900", 2)
        );
        // B took A's figure in.
        assert_eq!(b.numerator(), "456");
        // The same field: the later save wins.
        a.type_numerator("1");
        b.type_numerator("2");
        a.save(&store);
        b.save(&store);
        assert_eq!(
            stored(&store)
                .0
                .active_profile()
                .entry(TargetId::Recruitment)
                .numerator,
            "2"
        );
    }

    #[test]
    fn newer_data_written_while_the_tab_is_open_is_never_written_over() {
        let store = MemoryStorage::default();
        let mut tab = Tab::open(&store);
        tab.type_numerator("1");
        tab.save(&store);
        let newer = r#"{"format":"cchc-2021","version":2,"revision":9,"data":{"new":true}}"#;
        store.set(DATA_KEY, newer).unwrap();
        tab.type_numerator("12");
        assert_eq!(tab.save(&store), SaveOutcome::Newer(2));
        assert_eq!(store.get(DATA_KEY), Ok(Some(newer.into())));
        // Also when the newer version writes its keys in another order.
        let reordered = r#"{"version":3,"format":"cchc-2021","data":{}}"#;
        store.set(DATA_KEY, reordered).unwrap();
        assert_eq!(tab.save(&store), SaveOutcome::Newer(3));
        assert_eq!(store.get(DATA_KEY), Ok(Some(reordered.into())));
    }

    #[test]
    fn data_saved_before_revisions_existed_loads_and_is_saved_at_revision_one() {
        let store = MemoryStorage::default();
        let mut old = Workspace::default();
        old.active_profile_mut().set_unit("31211");
        store.set(DATA_KEY, &envelope::encode(&old)).unwrap();
        let mut tab = Tab::open(&store);
        assert_eq!((tab.data.as_ref(), tab.revision), (&old, 0));
        tab.type_numerator("3");
        tab.save(&store);
        assert_eq!(stored(&store).1, 1);
        // An older build (no revision) saves over it: the next save merges its change in.
        let mut older = stored(&store).0;
        older
            .active_profile_mut()
            .update_entry(TargetId::Recruitment, |e| e.denominator = "5".into());
        store.set(DATA_KEY, &envelope::encode(&older)).unwrap();
        tab.type_numerator("4");
        tab.save(&store);
        let (data, revision) = stored(&store);
        let entry = data.active_profile().entry(TargetId::Recruitment);
        assert_eq!(
            (
                entry.numerator.as_str(),
                entry.denominator.as_str(),
                revision
            ),
            ("4", "5", 2)
        );
    }

    #[test]
    fn unreadable_text_written_meanwhile_is_kept_aside_before_the_save() {
        let store = MemoryStorage::default();
        let mut tab = Tab::open(&store);
        store.set(DATA_KEY, "garbage").unwrap();
        tab.type_numerator("1");
        tab.save(&store);
        assert_eq!(
            store.get(&format!("{BACKUP_PREFIX}7")),
            Ok(Some("garbage".into()))
        );
        assert_eq!(
            stored(&store)
                .0
                .active_profile()
                .entry(TargetId::Recruitment)
                .numerator,
            "1"
        );
    }

    #[test]
    fn the_profile_a_tab_shows_comes_back_on_reload_and_is_no_change_of_its_own() {
        let store = MemoryStorage::default();
        let mut two = Workspace::default();
        two.add_profile(Default::default());
        two.switch_to("p1");
        store
            .set(DATA_KEY, &envelope::encode_revision(&two, 4))
            .unwrap();
        let session = MemoryStorage::default();
        remember_active(&session, "p2");
        let (loaded, revision) = load_tab(&store, &session, 0);
        assert_eq!((loaded.data.active.as_str(), revision), ("p2", 4));
        let data = Rc::new(loaded.data);
        let snapshot = Snapshot {
            data: data.clone(),
            base: data,
            base_revision: revision,
        };
        assert_eq!(
            save_synced(&store, &snapshot, 0),
            Ok(SaveOutcome::Unchanged)
        );
    }
}

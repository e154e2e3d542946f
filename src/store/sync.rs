//! Saving when several tabs share the saved data. Local storage is not atomic across tabs,
//! and each tab reads from its own copy of it, which lags behind other tabs' writes (much
//! more in a slow tab): a tab may save over a version it has not seen yet. So every stored
//! version carries an id no other tab can write, and the ids of the versions it was merged
//! from (its parents; see `formats::envelope`). A tab remembers the stored version its data
//! derives from (its base) and the last versions it wrote or took in ([`Known`]). Before
//! each write it reads the id stored:
//! - data of a newer version of the app: nothing is written, now or later;
//! - its base's id: nobody saved since, it writes its data;
//! - another id: another tab saved; the three-way merge of their common ancestor, its data
//!   and the stored data is written (unless storage already holds exactly that), and the
//!   tab takes the merge in.
//!
//! The common ancestor of another tab's version is the newest version this tab knows among
//! that version's parents (for a slow tab's save from an old base, that old base, not this
//! tab's newer data); the base when none is known (data of an older build).
//!
//! A tab with nothing of its own to save (its data is its base, as after taking in another
//! tab's data) writes nothing, so a slow tab never writes back older data.

use std::cell::Cell;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use super::split::{self, Replaced};
use super::{
    keep_aside, load, KeyValueStore, LoadNotice, Loaded, StorageError, ACTIVE_KEY, DATA_KEY,
};
use crate::domain::merge::{merge, same_data};
use crate::domain::small_map::SmallMap;
use crate::domain::workspace::ProfileRecord;
use crate::formats::envelope::{self, DecodeError, Stamp, Workspace, CURRENT_VERSION, PEEK_LENGTH};

/// How many stored versions a tab keeps to find common ancestors in.
pub const KEPT_VERSIONS: usize = 64;

/// Names the versions one tab writes: `<tab>.<n>`, `tab` random per page load and `n`
/// counting up, so that no other tab writes the same id, and a tab's later version always
/// includes its earlier ones (each derives from the one before).
#[derive(Debug)]
pub struct Writer {
    tab: String,
    written: Cell<u64>,
}

impl Writer {
    pub fn new() -> Writer {
        Writer {
            tab: random_tab_id(),
            written: Cell::new(0),
        }
    }

    fn next_id(&self) -> String {
        self.written.set(self.written.get() + 1);
        format!("{}.{}", self.tab, self.written.get())
    }
}

impl Default for Writer {
    fn default() -> Writer {
        Writer::new()
    }
}

/// 64 random bits in hexadecimal.
fn random_tab_id() -> String {
    #[cfg(target_arch = "wasm32")]
    let bits = {
        let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (half() << 32) | half()
    };
    #[cfg(not(target_arch = "wasm32"))]
    let bits = {
        use std::hash::{BuildHasher, Hasher};
        // Seeded at random, and differently for every call.
        std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish()
    };
    format!("{bits:016x}")
}

/// The writing tab and the count of an id; `None` for an id this app did not write.
fn split_id(id: &str) -> Option<(&str, u64)> {
    let (tab, n) = id.rsplit_once('.')?;
    Some((tab, n.parse().ok()?))
}

/// The stored versions a tab wrote or took in: the last [`KEPT_VERSIONS`] with their data,
/// to merge against, and for every writing tab the latest of its versions that this tab's
/// data includes.
#[derive(Debug, Clone, Default)]
pub struct Known {
    versions: VecDeque<(String, Rc<Workspace>)>,
    included: SmallMap<String, u64>,
}

/// The same versions, by id and address: the reducer compares its state at every action,
/// and comparing up to [`KEPT_VERSIONS`] workspaces of 10 000 profiles by value would cost
/// more than a save (issue 14).
impl PartialEq for Known {
    fn eq(&self, other: &Known) -> bool {
        self.included == other.included
            && self.versions.len() == other.versions.len()
            && self
                .versions
                .iter()
                .zip(&other.versions)
                .all(|((a, x), (b, y))| a == b && Rc::ptr_eq(x, y))
    }
}

impl Known {
    /// Whether this tab's data already includes the version `id` (it wrote or took it in,
    /// or a later version of the same tab, or one merged from it).
    pub fn includes(&self, id: &str) -> bool {
        split_id(id).is_some_and(|(tab, n)| self.included.get(tab).is_some_and(|&m| m >= n))
    }

    /// Remembers a stored version this tab wrote or took in. Its profiles that did not
    /// change since the last version remembered share their memory with it.
    pub fn add(&mut self, id: &str, parents: &[String], data: &Rc<Workspace>) {
        for one in parents.iter().map(String::as_str).chain([id]) {
            if let Some((tab, n)) = split_id(one) {
                let latest = self
                    .included
                    .get_or_insert_with(tab.to_string(), u64::default);
                *latest = n.max(*latest);
            }
        }
        let data = match self.versions.back() {
            Some((_, last)) => share_records(data, last),
            None => data.clone(),
        };
        self.versions.retain(|(known, _)| known != id);
        if self.versions.len() == KEPT_VERSIONS {
            self.versions.pop_front();
        }
        self.versions.push_back((id.to_string(), data));
    }

    /// The version kept, taken in last, that the version `id` with these `parents`
    /// derives from: an earlier version of its tab, one of its parents, or an earlier
    /// version of a parent's tab. `None` when none is kept.
    pub fn ancestor(&self, id: Option<&str>, parents: &[String]) -> Option<&Rc<Workspace>> {
        let earlier: Vec<(&str, u64)> = id
            .and_then(split_id)
            .and_then(|(tab, n)| Some((tab, n.checked_sub(1)?)))
            .into_iter()
            .chain(parents.iter().filter_map(|parent| split_id(parent)))
            .collect();
        self.versions
            .iter()
            .rev()
            .find(|(kept, _)| {
                split_id(kept).is_some_and(|(tab, k)| {
                    earlier.iter().any(|&(other, n)| other == tab && k <= n)
                })
            })
            .map(|(_, data)| data)
    }
}

/// `data`, with the profiles equal to `like`'s sharing `like`'s memory, and the list
/// itself sharing `like`'s nodes where they hold the same records (issue 14: so that the
/// next comparison of the two visits only what changed).
pub fn share_unchanged(data: &Rc<Workspace>, like: &Workspace) -> Rc<Workspace> {
    let mut data = share_records(data, like);
    if data.profiles.is_shared_with(&like.profiles) {
        return data;
    }
    let same_record = |a: &Rc<ProfileRecord>, b: &Rc<ProfileRecord>| {
        Rc::ptr_eq(a, b)
            || (Rc::ptr_eq(&a.profile, &b.profile)
                && a.id == b.id
                && a.exported_at == b.exported_at)
    };
    Rc::make_mut(&mut data)
        .profiles
        .share_from(&like.profiles, same_record);
    data
}

/// `data`, with the profiles equal to `like`'s sharing `like`'s memory; its list keeps its
/// own nodes (the versions a tab remembers keep the nodes of the tab's data, which its next
/// versions share).
fn share_records(data: &Rc<Workspace>, like: &Workspace) -> Rc<Workspace> {
    let mut data = data.clone();
    if data.profiles.is_shared_with(&like.profiles) {
        return data;
    }
    // The records that differ: found by visiting what the lists do not share while they
    // have one length; by id where they differ (no hashing of 10 000 ids per save).
    let records = match data.profiles.differing(&like.profiles, Rc::ptr_eq) {
        Some(changed) => changed
            .into_iter()
            .filter(|&i| data.profiles[i].id == like.profiles[i].id)
            .map(|i| (i, Some(&like.profiles[i].profile)))
            .collect::<Vec<_>>(),
        // In step while the ids are, by id where they differ.
        None => {
            let mut before: Option<HashMap<&str, &Rc<crate::domain::profile::Profile>>> = None;
            let mut records = Vec::with_capacity(data.profiles.len());
            for (i, record) in data.profiles.iter().enumerate() {
                let other = match like.profiles.get(i).filter(|r| r.id == record.id) {
                    Some(r) => Some(&r.profile),
                    _ => before
                        .get_or_insert_with(|| {
                            like.profiles
                                .iter()
                                .map(|r| (r.id.as_str(), &r.profile))
                                .collect()
                        })
                        .get(record.id.as_str())
                        .copied(),
                };
                records.push((i, other));
            }
            records
        }
    };
    for (i, other) in records {
        let record = &data.profiles[i];
        if let Some(same) =
            other.filter(|p| !Rc::ptr_eq(p, &record.profile) && ***p == *record.profile)
        {
            let same = same.clone();
            Rc::make_mut(&mut Rc::make_mut(&mut data).profiles[i]).profile = same;
        }
    }
    data
}

/// What a tab has when it saves: its data, and the stored data it derives from.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub data: Rc<Workspace>,
    /// The stored data, except that its active profile is the tab's (which profile another
    /// tab shows is no change to save).
    pub base: Rc<Workspace>,
    /// The base's id (`None`: nothing stored, or stored by a build without ids).
    pub base_id: Option<String>,
    pub known: Rc<Known>,
    pub writer: Rc<Writer>,
}

/// A stored version.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    /// `None`: written by a build without ids.
    pub id: Option<String>,
    pub parents: Vec<String>,
    pub data: Rc<Workspace>,
}

/// What storage holds after a save, for the tab to take in.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The data the save started from.
    pub from: Rc<Workspace>,
    /// What storage holds now: `from` itself, or its merge with another tab's data.
    pub stored: Version,
    /// The other tab's version that the save merged in.
    pub merged_in: Option<Version>,
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
/// session storage) comes back on screen. Also returns the id of the version loaded.
pub fn load_tab(
    store: &impl KeyValueStore,
    session: &impl KeyValueStore,
    now_ms: u64,
) -> (Loaded, Option<String>) {
    let mut loaded = load(store, now_ms);
    let id = match store.peek(DATA_KEY, PEEK_LENGTH) {
        Ok(Some(start)) => match envelope::peek(&start) {
            Some(peeked) => peeked.id,
            None => store
                .get(DATA_KEY)
                .ok()
                .flatten()
                .and_then(|text| crate::formats::saved::read_head(&text).ok())
                .and_then(|head| head.stamp.id),
        },
        _ => None,
    };
    if let Ok(Some(active)) = session.get(ACTIVE_KEY) {
        loaded.data.switch_to(&active);
    }
    // Unreadable data is safe in its backup: storage takes the fresh start at once, so that
    // the next save does not keep the same text aside again.
    if loaded.may_save && matches!(loaded.notice, Some(LoadNotice::Unreadable { .. })) {
        let stamp = Stamp {
            revision: 1,
            id: Some(Writer::new().next_id()),
            parents: Vec::new(),
        };
        let _ = split::write(store, &loaded.data, &stamp, Replaced::nothing(), now_ms);
        return (loaded, stamp.id);
    }
    (loaded, id)
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

/// Writes `data` as a new version merged from `parents` (`merged_in`: the other tab's
/// version among them), over the stored `revision`.
// Each argument is one part of what the stored version is made of.
#[allow(clippy::too_many_arguments)]
fn write(
    store: &impl KeyValueStore,
    snapshot: &Snapshot,
    data: Rc<Workspace>,
    revision: u64,
    merged_in: Option<Version>,
    renamed: Vec<(String, String)>,
    replaced: Replaced,
    now_ms: u64,
) -> Result<SaveOutcome, StorageError> {
    let mut parents: Vec<String> = merged_in.iter().filter_map(|v| v.id.clone()).collect();
    if let Some(base_id) = snapshot.base_id.as_ref().filter(|id| !parents.contains(id)) {
        parents.push(base_id.clone());
    }
    let stamp = Stamp {
        revision: revision + 1,
        id: Some(snapshot.writer.next_id()),
        parents,
    };
    split::write(store, &data, &stamp, replaced, now_ms)?;
    Ok(SaveOutcome::Saved {
        stored: Stored {
            from: snapshot.data.clone(),
            stored: Version {
                id: stamp.id,
                parents: stamp.parents,
                data,
            },
            merged_in,
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
    // The tab's own data written over what is stored (nothing to merge with).
    let write_own = |revision: u64, replaced: Replaced| {
        write(
            store,
            snapshot,
            data.clone(),
            revision,
            None,
            Vec::new(),
            replaced,
            now_ms,
        )
    };
    // The first characters tell the version and id: the whole text (megabytes in a big
    // workspace) is read only when another tab saved.
    match store.peek(DATA_KEY, PEEK_LENGTH)? {
        None => return write_own(0, Replaced::nothing()),
        Some(start) => match envelope::peek(&start) {
            Some(peeked) if peeked.version > CURRENT_VERSION => {
                return Ok(SaveOutcome::Newer(peeked.version))
            }
            Some(peeked) if peeked.id.is_some() && peeked.id == snapshot.base_id => {
                let replaced = split::replaced(store, peeked.version, peeked.id.as_deref())?;
                return write_own(peeked.revision, replaced);
            }
            _ => {}
        },
    }
    let Some(text) = store.get(DATA_KEY)? else {
        return write_own(0, Replaced::nothing());
    };
    // A body missing or damaged (another tab's save under way) counts as unchanged there.
    match split::read(store, &text, Some(&snapshot.base)) {
        Err(DecodeError::NewerVersion(version)) => Ok(SaveOutcome::Newer(version)),
        // Something unreadable was written since: kept aside like at load, then replaced.
        Err(_) => match keep_aside(store, &text, now_ms) {
            Some(_) => write_own(0, Replaced::nothing()),
            None => Err(StorageError::Unavailable),
        },
        Ok(read) => {
            let split::Read {
                data: theirs,
                stamp,
                replaced,
                ..
            } = read;
            let theirs = Rc::new(theirs);
            // A version this tab's data includes already is its own ancestor: the merge is
            // this tab's data.
            let included = stamp
                .id
                .as_deref()
                .is_some_and(|id| snapshot.known.includes(id));
            let ancestor = if included {
                &theirs
            } else {
                snapshot
                    .known
                    .ancestor(stamp.id.as_deref(), &stamp.parents)
                    .unwrap_or(&snapshot.base)
            };
            let merged = merge(ancestor, data, &theirs);
            let theirs = Version {
                id: stamp.id,
                parents: stamp.parents,
                data: theirs,
            };
            let unchanged = same_data(&merged.workspace, &theirs.data)
                && merged.workspace.active == theirs.data.active;
            if unchanged {
                return Ok(SaveOutcome::Saved {
                    stored: Stored {
                        from: data.clone(),
                        stored: Version {
                            data: Rc::new(merged.workspace),
                            ..theirs
                        },
                        merged_in: None,
                        renamed: merged.renamed,
                    },
                    wrote: false,
                });
            }
            // The merge's profiles equal to the tab's share the tab's memory, so that the
            // next save finds them unchanged by address (issue 14: not field by field).
            let merged_data = share_unchanged(&Rc::new(merged.workspace), data);
            write(
                store,
                snapshot,
                merged_data,
                stamp.revision,
                Some(theirs),
                merged.renamed,
                replaced,
                now_ms,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;

    use crate::store::{MemoryStorage, BACKUP_PREFIX};

    /// One tab, as the app holds it: its data, its base and what it knows.
    struct Tab {
        data: Rc<Workspace>,
        base: Rc<Workspace>,
        base_id: Option<String>,
        known: Rc<Known>,
        writer: Rc<Writer>,
    }

    impl Tab {
        fn open(store: &MemoryStorage) -> Tab {
            let (loaded, base_id) = load_tab(store, &MemoryStorage::default(), 0);
            let data = Rc::new(loaded.data);
            let mut known = Known::default();
            if let Some(id) = &base_id {
                known.add(id, &[], &data);
            }
            Tab {
                base: data.clone(),
                data,
                base_id,
                known: Rc::new(known),
                writer: Rc::default(),
            }
        }

        fn type_numerator(&mut self, text: &str) {
            Rc::make_mut(&mut self.data)
                .active_profile_mut()
                .update_entry(builtin::RECRUITMENT, |e| e.numerator = text.into());
        }

        fn type_denominator(&mut self, text: &str) {
            Rc::make_mut(&mut self.data)
                .active_profile_mut()
                .update_entry(builtin::RECRUITMENT, |e| e.denominator = text.into());
        }

        fn save(&mut self, store: &MemoryStorage) -> SaveOutcome {
            let snapshot = Snapshot {
                data: self.data.clone(),
                base: self.base.clone(),
                base_id: self.base_id.clone(),
                known: self.known.clone(),
                writer: self.writer.clone(),
            };
            let outcome = save_synced(store, &snapshot, 7).unwrap();
            if let SaveOutcome::Saved { stored, .. } = &outcome {
                // As the reducer does: take in what storage holds now.
                let known = Rc::make_mut(&mut self.known);
                for version in stored.merged_in.iter().chain([&stored.stored]) {
                    if let Some(id) = &version.id {
                        known.add(id, &version.parents, &version.data);
                    }
                }
                if !Rc::ptr_eq(&stored.from, &stored.stored.data) {
                    self.data =
                        Rc::new(merge(&stored.from, &self.data, &stored.stored.data).workspace);
                }
                self.base = stored.stored.data.clone();
                self.base_id = stored.stored.id.clone();
            }
            outcome
        }

        fn numerator(&self) -> &str {
            &self
                .data
                .active_profile()
                .entry(builtin::RECRUITMENT)
                .numerator
        }
    }

    fn stored(store: &MemoryStorage) -> (Workspace, u64) {
        let (data, stamp) =
            crate::store::read_saved(store, &store.get(DATA_KEY).unwrap().unwrap()).unwrap();
        (data, stamp.revision)
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
                    .entry(builtin::RECRUITMENT)
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
        let entry = data.active_profile().entry(builtin::RECRUITMENT);
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
        let entry = data.active_profile().entry(builtin::RECRUITMENT);
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
                .entry(builtin::RECRUITMENT)
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
        // Version 4 is this build's own (saved data in pages, issue 14); 5 is newer.
        let newer = r#"{"format":"cchc-2021","version":5,"revision":9,"data":{"new":true}}"#;
        store.set(DATA_KEY, newer).unwrap();
        tab.type_numerator("12");
        assert_eq!(tab.save(&store), SaveOutcome::Newer(5));
        assert_eq!(store.get(DATA_KEY), Ok(Some(newer.into())));
        // Also when the newer version writes its keys in another order.
        let reordered = r#"{"version":6,"format":"cchc-2021","data":{}}"#;
        store.set(DATA_KEY, reordered).unwrap();
        assert_eq!(tab.save(&store), SaveOutcome::Newer(6));
        assert_eq!(store.get(DATA_KEY), Ok(Some(reordered.into())));
    }

    #[test]
    fn data_saved_before_revisions_existed_loads_and_is_saved_at_revision_one() {
        let store = MemoryStorage::default();
        let mut old = Workspace::default();
        old.active_profile_mut()
            .set_unit(builtin::plan_ref(), "31211");
        store.set(DATA_KEY, &envelope::encode(&old)).unwrap();
        let mut tab = Tab::open(&store);
        assert_eq!((tab.data.as_ref(), tab.base_id.as_deref()), (&old, None));
        tab.type_numerator("3");
        tab.save(&store);
        assert_eq!(stored(&store).1, 1);
        // An older build (no revision, no id) saves over it: the next save merges its change
        // in, one revision above the older build's (none: 0).
        let mut older = stored(&store).0;
        older
            .active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.denominator = "5".into());
        store.set(DATA_KEY, &envelope::encode(&older)).unwrap();
        tab.type_numerator("4");
        tab.save(&store);
        let (data, revision) = stored(&store);
        let entry = data.active_profile().entry(builtin::RECRUITMENT);
        assert_eq!(
            (
                entry.numerator.as_str(),
                entry.denominator.as_str(),
                revision
            ),
            ("4", "5", 1)
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
                .entry(builtin::RECRUITMENT)
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
        let stamp = Stamp {
            revision: 4,
            id: Some("0123456789abcdef.4".into()),
            parents: Vec::new(),
        };
        store
            .set(DATA_KEY, &envelope::encode_stamped(&two, &stamp))
            .unwrap();
        let session = MemoryStorage::default();
        remember_active(&session, "p2");
        let (loaded, id) = load_tab(&store, &session, 0);
        assert_eq!((loaded.data.active.as_str(), id), ("p2", stamp.id));
        let data = Rc::new(loaded.data);
        let snapshot = Snapshot {
            data: data.clone(),
            base: data,
            base_id: None,
            known: Rc::default(),
            writer: Rc::default(),
        };
        assert_eq!(
            save_synced(&store, &snapshot, 0),
            Ok(SaveOutcome::Unchanged)
        );
    }

    #[test]
    fn a_save_from_an_old_base_over_newer_versions_merges_against_that_old_base() {
        let store = MemoryStorage::default();
        let mut fast = Tab::open(&store);
        fast.type_numerator("1");
        fast.save(&store);
        // The slow tab's copy of storage lags: it still sees the fast tab's first save.
        let mut slow = Tab::open(&store);
        let seen_by_slow = store.get(DATA_KEY).unwrap().unwrap();
        fast.type_numerator("12");
        fast.save(&store);
        fast.type_numerator("123");
        fast.save(&store);
        store.set(DATA_KEY, &seen_by_slow).unwrap();
        slow.type_denominator("9");
        slow.save(&store);
        // Storage holds the slow tab's version, derived from the first save. The fast tab's
        // next save (of another field) keeps its own "123", which the slow tab did not
        // change, and the slow tab's "9".
        Rc::make_mut(&mut fast.data).active_profile_mut().label = "Xã A".into();
        fast.save(&store);
        let (data, _) = stored(&store);
        let profile = data.active_profile();
        let entry = profile.entry(builtin::RECRUITMENT);
        assert_eq!(
            (
                entry.numerator.as_str(),
                entry.denominator.as_str(),
                profile.label.as_str()
            ),
            ("123", "9", "Xã A")
        );
    }

    #[test]
    fn every_write_has_an_id_of_its_own_and_names_what_it_was_merged_from() {
        let store = MemoryStorage::default();
        let mut a = Tab::open(&store);
        let mut b = Tab::open(&store);
        let stamp = |store: &MemoryStorage| {
            crate::store::read_saved(store, &store.get(DATA_KEY).unwrap().unwrap())
                .unwrap()
                .1
        };
        a.type_numerator("1");
        a.save(&store);
        let first = stamp(&store);
        a.type_numerator("2");
        a.save(&store);
        let second = stamp(&store);
        assert_eq!(second.parents, [first.id.clone().unwrap()]);
        b.type_denominator("3");
        b.save(&store);
        let merged = stamp(&store);
        assert_eq!(merged.parents, [second.id.clone().unwrap()]);
        let ids = [&first.id, &second.id, &merged.id];
        assert!(ids.iter().all(|id| id.is_some()));
        assert!(ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2]);
        assert_eq!(
            [first.revision, second.revision, merged.revision],
            [1, 2, 3]
        );
    }

    #[test]
    fn a_tab_knows_the_last_versions_and_every_earlier_one_of_the_same_tab() {
        let data = Rc::new(Workspace::default());
        let mut known = Known::default();
        for n in 1..=KEPT_VERSIONS as u64 + 10 {
            known.add(&format!("a.{n}"), &[format!("b.{n}")], &data);
        }
        assert!(known.includes("a.3") && known.includes("b.74") && !known.includes("b.75"));
        assert!(!known.includes("c.1") && !known.includes("no id"));
        assert_eq!(known.versions.len(), KEPT_VERSIONS);
        // The one taken in last among those the version derives from: its parents, the
        // earlier versions of their tabs, and the earlier versions of its own tab.
        let other = Rc::new(Workspace::with_profiles(vec![Default::default(); 2]));
        known.add("c.1", &[], &other);
        known.add("d.1", &[], &data);
        let ancestor = |id: Option<&str>, parents: &[&str]| {
            let parents: Vec<String> = parents.iter().map(|p| p.to_string()).collect();
            known.ancestor(id, &parents).map(|w| w.profiles.len())
        };
        assert_eq!(ancestor(None, &["c.1"]), Some(2));
        assert_eq!(ancestor(None, &["c.5"]), Some(2));
        assert_eq!(ancestor(None, &["a.50"]), Some(1));
        assert_eq!(ancestor(None, &["c.0", "a.1000"]), Some(1));
        assert_eq!(ancestor(Some("c.2"), &["a.50"]), Some(2));
        assert_eq!(ancestor(Some("c.1"), &["a.50"]), Some(1));
        assert_eq!(ancestor(Some("d.5"), &["a.50"]), Some(1));
        assert_eq!(ancestor(None, &["a.3"]), None, "no longer kept");
        assert_eq!(ancestor(Some("e.7"), &["b.9", "x"]), None);
    }
}

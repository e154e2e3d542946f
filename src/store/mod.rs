//! Local storage behind a facade that returns errors and never panics, and the rules for
//! loading and saving: unreadable or newer data is kept aside under a backup key before
//! anything is written over it, and the app keeps working in memory when storage fails.

mod browser;
mod memory;
mod present; // presentation mode kept per tab (aftercare of issue 13)
mod schedule;
mod split;
mod sync;

pub use crate::names::{ACTIVE_KEY, BACKUP_PREFIX, DATA_KEY};
pub use browser::{LocalStorage, SessionStorage};
pub use memory::MemoryStorage;
pub use present::{recall_present, remember_present, PRESENT_KEY};
pub use schedule::SaveSchedule;
pub use split::{body_prefix, plan_key, profile_key, whole_text};
pub use sync::{
    load_tab, remember_active, save_synced, share_unchanged, Known, SaveOutcome, Snapshot, Stored,
    Version, Writer, KEPT_VERSIONS,
};

use crate::formats::envelope::{self, DecodeError, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all: blocked by the browser's settings or a private mode.
    Unavailable,
    /// The quota is exceeded.
    Full,
}

/// A string key-value store: the browser's local storage, or memory in tests.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes a value (nothing when there is none).
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// The keys that start with `prefix`.
    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError>;
    /// The first `chars` characters of a value: all a save needs to see that nothing changed.
    fn peek(&self, key: &str, chars: u32) -> Result<Option<String>, StorageError> {
        Ok(self
            .get(key)?
            .map(|text| text.chars().take(chars as usize).collect()))
    }
}

/// What the user should be told after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNotice {
    /// Storage cannot be used; the app works in memory only.
    StorageUnavailable,
    /// The saved data could not be read. It was kept under `backup_key`, or, when even that
    /// failed, left in place and not overwritten.
    Unreadable { backup_key: Option<String> },
    /// The saved data comes from a newer version of the app; it is copied to
    /// `backup_key` and never written over.
    Newer {
        version: u64,
        backup_key: Option<String>,
    },
    /// Some profiles could not be read back (their saved text is damaged or missing); the
    /// rest loaded. The damaged texts were kept under `backup_keys`.
    ProfilesUnreadable {
        count: usize,
        /// Pages of records that could not be read (each held ~64 profiles, how many
        /// the head does not say; issue 14), besides the `count` profiles.
        pages: usize,
        backup_keys: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub data: Workspace,
    pub notice: Option<LoadNotice>,
    /// False when saving would overwrite data that could not be kept aside.
    pub may_save: bool,
}

/// Loads the saved data, keeping aside whatever cannot be read.
pub fn load(store: &impl KeyValueStore, now_ms: u64) -> Loaded {
    let fresh = |notice, may_save| Loaded {
        data: Workspace::default(),
        notice,
        may_save,
    };
    let text = match store.get(DATA_KEY) {
        Err(_) => return fresh(Some(LoadNotice::StorageUnavailable), false),
        Ok(None) => return fresh(None, true),
        Ok(Some(text)) => text,
    };
    match split::read(store, &text, None) {
        Ok(read) if read.lost.is_empty() => {
            split::sweep_start(store, now_ms);
            Loaded {
                data: read.data,
                notice: None,
                may_save: true,
            }
        }
        Ok(read) => {
            // The damaged texts are kept aside; the next save writes a head without them.
            let backup_keys = read
                .lost
                .iter()
                .filter_map(|lost| lost.text.as_ref())
                .filter_map(|(_, text)| keep_aside(store, text, now_ms))
                .collect();
            Loaded {
                data: read.data,
                notice: Some(LoadNotice::ProfilesUnreadable {
                    count: read.lost.iter().filter(|lost| !lost.page).count(),
                    pages: read.lost.iter().filter(|lost| lost.page).count(),
                    backup_keys,
                }),
                may_save: true,
            }
        }
        Err(error) => {
            let backup_key = keep_aside(store, &text, now_ms);
            // Data of a newer version is never written over, even with a copy kept aside:
            // the newer version would not look for it there. Unreadable data may be, once
            // its copy is safe.
            let may_save = backup_key.is_some() && !matches!(error, DecodeError::NewerVersion(_));
            let notice = match error {
                DecodeError::NewerVersion(version) => LoadNotice::Newer {
                    version,
                    backup_key,
                },
                _ => LoadNotice::Unreadable { backup_key },
            };
            fresh(Some(notice), may_save)
        }
    }
}

/// Copies `text` to a new backup key; `None` when it could not be written.
fn keep_aside(store: &impl KeyValueStore, text: &str, now_ms: u64) -> Option<String> {
    // The first free key; a write that fails there (storage full) fails at the next too.
    let key = (0..100)
        .map(|attempt| format!("{BACKUP_PREFIX}{}", now_ms + attempt))
        .find(|key| matches!(store.get(key), Ok(None)))?;
    store.set(&key, text).ok().map(|_| key)
}

/// Writes `data` over what is stored, without a stamp (`save_synced` is the app's save).
pub fn save(store: &impl KeyValueStore, data: &Workspace) -> Result<(), StorageError> {
    let replaced = match store.get(DATA_KEY)? {
        Some(text) => match envelope::peek(&text) {
            Some(peeked) => split::replaced(store, peeked.version, None)?,
            None => split::Replaced::nothing(),
        },
        None => split::Replaced::nothing(),
    };
    split::write(store, data, &envelope::Stamp::default(), replaced, 0)
}

/// Reads the saved data whose head is `text` (as another tab's storage event carries it),
/// with its bodies from `store`; an error when any profile could not be read back (a body
/// missing while another tab's save is under way: a later event or save brings it).
pub fn read_saved(
    store: &impl KeyValueStore,
    text: &str,
) -> Result<(Workspace, envelope::Stamp), DecodeError> {
    let read = split::read(store, text, None)?;
    if !read.lost.is_empty() {
        return Err(DecodeError::BadData("a profile's body is missing".into()));
    }
    Ok((read.data, read.stamp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;

    fn typed() -> Workspace {
        let mut data = Workspace::default();
        data.active_profile_mut()
            .set_unit(builtin::plan_ref(), "31211");
        data.active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = "abc".into());
        data
    }

    #[test]
    fn saves_and_loads_back() {
        let store = MemoryStorage::default();
        assert_eq!(load(&store, 1).notice, None);
        save(&store, &typed()).unwrap();
        let loaded = load(&store, 2);
        assert_eq!(
            (loaded.data, loaded.notice, loaded.may_save),
            (typed(), None, true)
        );
    }

    #[test]
    fn unreadable_data_is_kept_aside_before_anything_is_written() {
        let store = MemoryStorage::default();
        store.set(DATA_KEY, "{\"not json").unwrap();
        let loaded = load(&store, 1000);
        let key = format!("{BACKUP_PREFIX}1000");
        assert_eq!(
            loaded.notice,
            Some(LoadNotice::Unreadable {
                backup_key: Some(key.clone())
            })
        );
        assert!(loaded.may_save);
        assert_eq!(store.get(&key), Ok(Some("{\"not json".into())));
        // A second bad load at the same millisecond does not overwrite the first backup.
        store.set(DATA_KEY, "second").unwrap();
        let again = load(&store, 1000);
        assert_eq!(
            again.notice,
            Some(LoadNotice::Unreadable {
                backup_key: Some(format!("{BACKUP_PREFIX}1001"))
            })
        );
        assert_eq!(store.get(&key), Ok(Some("{\"not json".into())));
    }

    #[test]
    fn newer_data_is_refused_and_kept() {
        let store = MemoryStorage::default();
        let newer = r#"{"format":"cchc-2021","version":999,"data":{}}"#;
        store.set(DATA_KEY, newer).unwrap();
        let loaded = load(&store, 5);
        assert!(matches!(
            loaded.notice,
            Some(LoadNotice::Newer {
                version: 999,
                backup_key: Some(_)
            })
        ));
        assert_eq!(
            store.get(&format!("{BACKUP_PREFIX}5")),
            Ok(Some(newer.into()))
        );
        // Never written over: the app works in memory.
        assert!(!loaded.may_save);
        assert_eq!(store.get(DATA_KEY), Ok(Some(newer.into())));
    }

    #[test]
    fn when_the_backup_cannot_be_written_the_original_is_not_overwritten() {
        let store = MemoryStorage::default();
        store.set(DATA_KEY, "garbage").unwrap();
        store.fail_writes(Some(StorageError::Full));
        let loaded = load(&store, 1);
        assert_eq!(
            loaded.notice,
            Some(LoadNotice::Unreadable { backup_key: None })
        );
        assert!(!loaded.may_save);
        assert_eq!(store.get(DATA_KEY), Ok(Some("garbage".into())));
    }

    #[test]
    fn blocked_storage_means_memory_only() {
        let store = MemoryStorage::default();
        store.block();
        let loaded = load(&store, 1);
        assert_eq!(loaded.notice, Some(LoadNotice::StorageUnavailable));
        assert!(!loaded.may_save);
        assert_eq!(save(&store, &typed()), Err(StorageError::Unavailable));
    }
}

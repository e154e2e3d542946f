//! Presentation mode kept per tab (aftercare of issue 13): in the tab's session storage, so
//! that a trainer's reload during a session keeps it, and never in the saved data (another
//! tab, or the same data on another day, opens as usual). Storage that fails (blocked, a
//! private mode) only means the mode is not kept.

use super::KeyValueStore;

/// Session-storage key: "1" while the tab is in presentation mode.
pub const PRESENT_KEY: &str = "cchc2021:present";

/// Whether this tab was in presentation mode (false when storage cannot be read).
pub fn recall_present(session: &impl KeyValueStore) -> bool {
    matches!(session.get(PRESENT_KEY), Ok(Some(value)) if value == "1")
}

/// Remembers whether this tab is in presentation mode; a failed write is ignored.
pub fn remember_present(session: &impl KeyValueStore, on: bool) {
    let _ = session.set(PRESENT_KEY, if on { "1" } else { "" });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{MemoryStorage, StorageError};

    #[test]
    fn presentation_mode_is_remembered_and_forgotten() {
        let session = MemoryStorage::default();
        assert!(!recall_present(&session), "off by default");
        remember_present(&session, true);
        assert!(recall_present(&session));
        remember_present(&session, false);
        assert!(!recall_present(&session));
    }

    #[test]
    fn storage_that_fails_only_means_it_is_not_kept() {
        let session = MemoryStorage::default();
        session.fail_writes(Some(StorageError::Full));
        remember_present(&session, true);
        assert!(!recall_present(&session));
        let blocked = MemoryStorage::default();
        blocked.block();
        remember_present(&blocked, true);
        assert!(!recall_present(&blocked));
    }
}

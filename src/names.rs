//! Names the app shares with the loader (`scripts/post-build.mjs`) and the end-to-end tests
//! (`tests/e2e/names.mjs`): all three read them from `src/shared-names.json`, so that they
//! cannot drift apart. A name missing from the file fails the build.

const FILE: &str = include_str!("shared-names.json");

/// Local-storage key of the saved data.
pub const DATA_KEY: &str = name("dataKey");
/// Session-storage key of the profile a tab shows (the tab's own, restored on reload).
pub const ACTIVE_KEY: &str = name("activeKey");
/// Local-storage keys of data kept aside start with this, followed by a timestamp.
pub const BACKUP_PREFIX: &str = name("backupPrefix");
/// Set on `window` by the loader once a new deployment has taken over.
pub const UPDATED_FLAG: &str = name("updatedFlag");
/// Dispatched on `window` by the loader at the same time.
pub const UPDATED_EVENT: &str = name("updatedEvent");

/// The value of `"key": "value"` in the file, read at compile time. A missing key, or a
/// value with an escape, is a compile error.
const fn name(key: &str) -> &'static str {
    let (file, key) = (FILE.as_bytes(), key.as_bytes());
    let mut at = 0;
    while at + key.len() + 2 <= file.len() {
        if file[at] == b'"' && quoted_at(file, at + 1, key) {
            // Past the colon to the value's opening quote.
            let mut start = at + key.len() + 2;
            while start < file.len() && file[start] != b'"' {
                start += 1;
            }
            start += 1;
            let mut end = start;
            while end < file.len() && file[end] != b'"' {
                assert!(file[end] != b'\\', "shared-names.json: no escapes in names");
                end += 1;
            }
            assert!(end < file.len(), "shared-names.json: unterminated value");
            return FILE.split_at(start).1.split_at(end - start).0;
        }
        at += 1;
    }
    panic!("shared-names.json lacks a name the app needs")
}

/// Whether `file` holds `key` followed by a closing quote at `at`.
const fn quoted_at(file: &[u8], at: usize, key: &[u8]) -> bool {
    if at + key.len() >= file.len() || file[at + key.len()] != b'"' {
        return false;
    }
    let mut i = 0;
    while i < key.len() {
        if file[at + i] != key[i] {
            return false;
        }
        i += 1;
    }
    true
}

//! An in-memory store with switchable faults, for tests.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{KeyValueStore, StorageError};

#[derive(Debug, Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
    write_fault: Cell<Option<StorageError>>,
    blocked: Cell<bool>,
}

impl MemoryStorage {
    /// Makes every write fail with `fault` (or succeed again with `None`).
    pub fn fail_writes(&self, fault: Option<StorageError>) {
        self.write_fault.set(fault);
    }

    /// Makes every access fail as if storage were blocked.
    pub fn block(&self) {
        self.blocked.set(true);
    }
}

impl KeyValueStore for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if self.blocked.get() {
            return Err(StorageError::Unavailable);
        }
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.blocked.get() {
            return Err(StorageError::Unavailable);
        }
        if let Some(fault) = self.write_fault.get() {
            return Err(fault);
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }
}

//! An in-memory store with switchable faults, for tests.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use super::{KeyValueStore, StorageError};

#[derive(Debug, Default)]
pub struct MemoryStorage {
    items: RefCell<BTreeMap<String, String>>,
    write_fault: Cell<Option<StorageError>>,
    blocked: Cell<bool>,
    full_reads: Cell<usize>,
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

    /// How many values were read in full (not peeked) so far.
    pub fn full_reads(&self) -> usize {
        self.full_reads.get()
    }
}

impl KeyValueStore for MemoryStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if self.blocked.get() {
            return Err(StorageError::Unavailable);
        }
        self.full_reads.set(self.full_reads.get() + 1);
        Ok(self.items.borrow().get(key).cloned())
    }

    fn peek(&self, key: &str, chars: u32) -> Result<Option<String>, StorageError> {
        if self.blocked.get() {
            return Err(StorageError::Unavailable);
        }
        let items = self.items.borrow();
        Ok(items
            .get(key)
            .map(|text| text.chars().take(chars as usize).collect()))
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

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
    written_chars: Cell<usize>,
    writes_left: Cell<Option<usize>>,
    quota_chars: Cell<Option<usize>>,
    full_keys: RefCell<Option<String>>,
}

impl MemoryStorage {
    /// Makes every write fail with `fault` (or succeed again with `None`).
    pub fn fail_writes(&self, fault: Option<StorageError>) {
        self.write_fault.set(fault);
    }

    /// Makes writes to keys containing `part` fail with [`StorageError::Full`] (`None`: none).
    pub fn full_for_keys_with(&self, part: Option<&str>) {
        *self.full_keys.borrow_mut() = part.map(str::to_string);
    }

    /// Makes every access fail as if storage were blocked.
    pub fn block(&self) {
        self.blocked.set(true);
    }

    /// How many characters of keys and values were written so far.
    pub fn written_chars(&self) -> usize {
        self.written_chars.get()
    }

    /// After `n` more writes, every write fails with [`StorageError::Full`] (`None`: never).
    pub fn full_after(&self, n: Option<usize>) {
        self.writes_left.set(n);
    }

    /// Writes that would make keys and values hold more than `chars` characters fail with
    /// [`StorageError::Full`], as a browser's quota does (`None`: no limit).
    pub fn quota_chars(&self, chars: Option<usize>) {
        self.quota_chars.set(chars);
    }

    /// How many characters keys and values hold.
    pub fn stored_chars(&self) -> usize {
        self.items
            .borrow()
            .iter()
            .map(|(k, v)| k.chars().count() + v.chars().count())
            .sum()
    }

    /// Every key held, in order.
    pub fn keys(&self) -> Vec<String> {
        self.items.borrow().keys().cloned().collect()
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
        if matches!(&*self.full_keys.borrow(), Some(part) if key.contains(part.as_str())) {
            return Err(StorageError::Full);
        }
        match self.writes_left.get() {
            Some(0) => return Err(StorageError::Full),
            Some(n) => self.writes_left.set(Some(n - 1)),
            None => {}
        }
        let size = key.chars().count() + value.chars().count();
        if let Some(quota) = self.quota_chars.get() {
            let old = self
                .items
                .borrow()
                .get(key)
                .map_or(0, |v| key.chars().count() + v.chars().count());
            if self.stored_chars() - old + size > quota {
                return Err(StorageError::Full);
            }
        }
        self.written_chars.set(self.written_chars.get() + size);
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        if self.blocked.get() {
            return Err(StorageError::Unavailable);
        }
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        if self.blocked.get() {
            return Err(StorageError::Unavailable);
        }
        let items = self.items.borrow();
        Ok(items
            .range(prefix.to_string()..)
            .map(|(key, _)| key)
            .take_while(|key| key.starts_with(prefix))
            .cloned()
            .collect())
    }
}

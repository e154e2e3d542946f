//! The browser's local storage (shared by the tabs of a browser) and session storage (one
//! tab's own). Every access can throw (blocked storage, private modes, quota), so every
//! call returns a `Result` instead of panicking.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::{KeyValueStore, StorageError};

#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStorage;

/// The tab's own storage: survives a reload of the tab, not shared with other tabs.
#[derive(Debug, Clone, Copy, Default)]
pub struct SessionStorage;

impl LocalStorage {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        web_sys::window()
            .ok_or(StorageError::Unavailable)?
            .local_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)
    }
}

#[wasm_bindgen]
extern "C" {
    /// A `Storage` whose `getItem` returns the JavaScript string itself, so that only a
    /// slice of a long value is ever copied into Rust.
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_raw(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;
}

fn get(storage: &web_sys::Storage, key: &str) -> Result<Option<String>, StorageError> {
    storage.get_item(key).map_err(|_| StorageError::Unavailable)
}

fn peek(storage: &web_sys::Storage, key: &str, chars: u32) -> Result<Option<String>, StorageError> {
    let value = storage
        .unchecked_ref::<RawStorage>()
        .get_item_raw(key)
        .map_err(|_| StorageError::Unavailable)?;
    Ok(value
        .dyn_ref::<js_sys::JsString>()
        .map(|text| String::from(text.slice(0, chars))))
}

fn set(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), StorageError> {
    storage.set_item(key, value).map_err(|error| {
        if is_quota_error(&error) {
            StorageError::Full
        } else {
            StorageError::Unavailable
        }
    })
}

fn remove(storage: &web_sys::Storage, key: &str) -> Result<(), StorageError> {
    storage
        .remove_item(key)
        .map_err(|_| StorageError::Unavailable)
}

fn keys_with_prefix(storage: &web_sys::Storage, prefix: &str) -> Result<Vec<String>, StorageError> {
    let length = storage.length().map_err(|_| StorageError::Unavailable)?;
    let mut keys = Vec::new();
    for index in 0..length {
        if let Ok(Some(key)) = storage.key(index) {
            if key.starts_with(prefix) {
                keys.push(key);
            }
        }
    }
    Ok(keys)
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22)
}

impl KeyValueStore for LocalStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        get(&Self::storage()?, key)
    }

    fn peek(&self, key: &str, chars: u32) -> Result<Option<String>, StorageError> {
        peek(&Self::storage()?, key, chars)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        set(&Self::storage()?, key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        remove(&Self::storage()?, key)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        keys_with_prefix(&Self::storage()?, prefix)
    }
}

impl SessionStorage {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        web_sys::window()
            .ok_or(StorageError::Unavailable)?
            .session_storage()
            .map_err(|_| StorageError::Unavailable)?
            .ok_or(StorageError::Unavailable)
    }
}

impl KeyValueStore for SessionStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        get(&Self::storage()?, key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        set(&Self::storage()?, key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        remove(&Self::storage()?, key)
    }

    fn keys_with_prefix(&self, prefix: &str) -> Result<Vec<String>, StorageError> {
        keys_with_prefix(&Self::storage()?, prefix)
    }
}

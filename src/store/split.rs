//! Saved data version 3 in storage (issue 14; the text is `formats::saved`): a small head
//! under [`DATA_KEY`] and one value per profile body and per plan body, under
//! `<DATA_KEY>:p:<profile id>:<hash>` and `<DATA_KEY>:plan:<plan id>:<hash>`. A save
//! writes the bodies whose text changed (a new text is a new key), then the head, then
//! removes the bodies the head it replaced named and the new one does not: a head only
//! ever names bodies that exist, and a save that fails half-way (storage full) leaves the
//! previous head and its bodies as they were.
//!
//! Local storage is not atomic across tabs (see `sync`): a tab whose copy of storage lags
//! may write a head naming a body another tab has just removed. A reader that finds a body
//! missing takes another stored body of the same profile (the newer one, which the other
//! tab wrote), else, when merging, its own copy; the tabs' merge then writes a complete head
//! again.
//!
//! What a tab wrote or read last is kept in memory: the hash of each profile's text by the
//! profile's address (so a save serialises only the profiles that changed) and the bodies
//! by key (so reading another tab's save parses only the bodies it changed).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_json::value::RawValue;
use serde_json::Value;

use super::{keep_aside, KeyValueStore, StorageError, DATA_KEY};
use crate::domain::plan::Plan;
use crate::domain::profile::Profile;
use crate::domain::workspace::{ProfileRecord, Workspace};
use crate::formats::envelope::{self, DecodeError, Stamp};
use crate::formats::saved::{self, PartIn, PartOut, SPLIT_VERSION};

/// The key of a profile's body.
pub fn profile_key(id: &str, hash: &str) -> String {
    format!("{DATA_KEY}:p:{id}:{hash}")
}

/// The key of an added plan's body.
pub fn plan_key(id: &str, hash: &str) -> String {
    format!("{DATA_KEY}:plan:{id}:{hash}")
}

/// Every body key starts with this.
pub fn body_prefix() -> String {
    format!("{DATA_KEY}:")
}

/// Values known by address (the `Rc` is kept, so the address is not reused) and by key.
struct Known<T> {
    hash_by_address: HashMap<*const T, (Rc<T>, String)>,
    by_key: HashMap<String, Rc<T>>,
}

impl<T> Default for Known<T> {
    fn default() -> Self {
        Known {
            hash_by_address: HashMap::new(),
            by_key: HashMap::new(),
        }
    }
}

impl<T> Known<T> {
    fn hash_of(&self, value: &Rc<T>) -> Option<String> {
        self.hash_by_address
            .get(&Rc::as_ptr(value))
            .map(|(_, hash)| hash.clone())
    }

    /// Keeps exactly these values, with their hashes and keys.
    fn keep(&mut self, values: Vec<(Rc<T>, String, String)>) {
        self.hash_by_address.clear();
        self.by_key.clear();
        for (value, hash, key) in values {
            self.by_key.insert(key, value.clone());
            self.hash_by_address
                .insert(Rc::as_ptr(&value), (value, hash));
        }
    }
}

#[derive(Default)]
struct Memory {
    profiles: Known<Profile>,
    plans: Known<Plan>,
    /// The stored head this tab wrote or read last: its id and the body keys it names.
    head: Option<(Option<String>, HashSet<String>)>,
}

thread_local! {
    static MEMORY: RefCell<Memory> = RefCell::default();
}

/// What a save writes over: the body keys the stored head names, and the whole text of a
/// version 1 or 2 envelope, kept aside once the bodies are written.
#[derive(Debug, Clone, Default)]
pub struct Replaced {
    keys: HashSet<String>,
    single: Option<String>,
}

impl Replaced {
    /// Nothing stored (or nothing worth keeping).
    pub fn nothing() -> Replaced {
        Replaced::default()
    }
}

/// What is stored under [`DATA_KEY`] now, given its `id` (peeked): from memory when this
/// tab wrote or read that head last, else read.
pub fn replaced(
    store: &impl KeyValueStore,
    version: u64,
    id: Option<&str>,
) -> Result<Replaced, StorageError> {
    if version >= SPLIT_VERSION {
        let known = MEMORY.with_borrow(|memory| match &memory.head {
            Some((known_id, keys)) if id.is_some() && known_id.as_deref() == id => {
                Some(keys.clone())
            }
            _ => None,
        });
        if let Some(keys) = known {
            return Ok(Replaced { keys, single: None });
        }
    }
    Ok(match store.get(DATA_KEY)? {
        None => Replaced::nothing(),
        Some(text) => replaced_by_text(text),
    })
}

fn replaced_by_text(text: String) -> Replaced {
    match saved::read_head(&text) {
        Ok(head) if head.version >= SPLIT_VERSION => Replaced {
            keys: named_keys(&head),
            single: None,
        },
        Ok(_) => Replaced {
            keys: HashSet::new(),
            single: Some(text),
        },
        Err(_) => Replaced::nothing(),
    }
}

fn named_keys(head: &saved::Head) -> HashSet<String> {
    head.profile_bodies()
        .map(|(id, hash)| profile_key(id, hash))
        .chain(head.plan_bodies().map(|(id, hash)| plan_key(id, hash)))
        .collect()
}

/// A body to write: its key and hash, and its text when it must be written or inlined.
struct Body {
    key: String,
    hash: String,
    text: Option<Box<RawValue>>,
}

fn raw(text: String) -> Box<RawValue> {
    RawValue::from_string(text).expect("written as JSON")
}

/// Writes `data` as a head with `stamp` over `replaced` (see the module's documentation).
/// A body that does not fit is written inline in the head, so that a save short of room
/// still saves everything when the head fits.
pub fn write(
    store: &impl KeyValueStore,
    data: &Workspace,
    stamp: &Stamp,
    replaced: Replaced,
    now_ms: u64,
) -> Result<(), StorageError> {
    let Replaced { keys: old, single } = replaced;
    let (mut profiles, mut plans) = MEMORY.with_borrow(|memory| {
        let profiles: Vec<Body> = data
            .profiles
            .iter()
            .map(|record| {
                let (hash, text) = match memory.profiles.hash_of(&record.profile) {
                    Some(hash) => (hash, None),
                    None => {
                        let text = profile_text(&record.profile);
                        (saved::hash_text(&text), Some(text))
                    }
                };
                Body {
                    key: profile_key(&record.id, &hash),
                    hash,
                    text: text.map(raw),
                }
            })
            .collect();
        let plans: Vec<Body> = data
            .plans
            .iter()
            .map(|plan| {
                let (hash, text) = match memory.plans.hash_of(plan) {
                    Some(hash) => (hash, None),
                    None => {
                        let text = envelope::plan_to_value(plan).to_string();
                        (saved::hash_text(&text), Some(text))
                    }
                };
                Body {
                    key: plan_key(&plan.id, &hash),
                    hash,
                    text: text.map(raw),
                }
            })
            .collect();
        (profiles, plans)
    });
    // A body known by hash but not stored (the head written over does not name it) is
    // written out again.
    for (body, record) in profiles.iter_mut().zip(&data.profiles) {
        if body.text.is_none() && !old.contains(&body.key) {
            body.text = Some(raw(profile_text(&record.profile)));
        }
    }
    for (body, plan) in plans.iter_mut().zip(&data.plans) {
        if body.text.is_none() && !old.contains(&body.key) {
            body.text = Some(raw(envelope::plan_to_value(plan).to_string()));
        }
    }

    let mut present: HashSet<String> = old.clone();
    let mut written: Vec<String> = Vec::new();
    let mut removable: HashSet<String> = old;
    let mut single = single;
    loop {
        let mut full = false;
        let mut progress = false;
        for body in plans.iter().chain(&profiles) {
            if present.contains(&body.key) {
                continue;
            }
            let text = body.text.as_ref().expect("a body not stored has its text");
            match store.set(&body.key, text.get()) {
                Ok(()) => {
                    present.insert(body.key.clone());
                    written.push(body.key.clone());
                    progress = true;
                }
                Err(StorageError::Full) => {
                    full = true;
                    break;
                }
                Err(error) => {
                    remove_all(store, &written, &removable);
                    return Err(error);
                }
            }
        }
        // The single text of an older version is kept aside (for going back to an older
        // build) when there is room for it beside every body; it is the data as it was.
        if !full {
            if let Some(text) = single.take() {
                let _ = keep_aside(store, &text, now_ms);
            }
        }
        let part = |body: &'_ Body| -> bool { present.contains(&body.key) };
        let profile_parts: Vec<PartOut> = profiles.iter().map(|b| out(b, part(b))).collect();
        let plan_parts: Vec<PartOut> = plans.iter().map(|b| out(b, part(b))).collect();
        let head = saved::encode_head(data, stamp, &profile_parts, &plan_parts);
        if let Err(error) = store.set(DATA_KEY, &head) {
            remove_all(store, &written, &removable);
            return Err(error);
        }
        let named: HashSet<String> = plans
            .iter()
            .chain(&profiles)
            .filter(|b| present.contains(&b.key))
            .map(|b| b.key.clone())
            .collect();
        for key in removable.iter().chain(&written) {
            if !named.contains(key) {
                let _ = store.remove(key);
            }
        }
        present = named.clone();
        removable = named;
        written.clear();
        if !full || !progress {
            break;
        }
    }

    MEMORY.with_borrow_mut(|memory| {
        memory.profiles.keep(
            data.profiles
                .iter()
                .zip(&profiles)
                .map(|(record, body)| (record.profile.clone(), body.hash.clone(), body.key.clone()))
                .collect(),
        );
        memory.plans.keep(
            data.plans
                .iter()
                .zip(&plans)
                .map(|(plan, body)| (plan.clone(), body.hash.clone(), body.key.clone()))
                .collect(),
        );
        memory.head = Some((stamp.id.clone(), present));
    });
    Ok(())
}

fn out(body: &Body, stored: bool) -> PartOut<'_> {
    match (&body.text, stored) {
        (Some(text), false) => PartOut::Inline(text),
        _ => PartOut::Body(&body.hash),
    }
}

fn profile_text(profile: &Profile) -> String {
    serde_json::to_string(profile).expect("a profile always serialises")
}

/// Removes the bodies written by a save that failed, except those stored before it.
fn remove_all(store: &impl KeyValueStore, written: &[String], keep: &HashSet<String>) {
    for key in written {
        if !keep.contains(key) {
            let _ = store.remove(key);
        }
    }
}

/// A profile that could not be read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Lost {
    pub profile_id: String,
    /// Where its text was and the text, when there was one (it did not read); `None` when
    /// its body was missing.
    pub text: Option<(String, String)>,
}

/// Saved data read back.
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    pub data: Workspace,
    pub stamp: Stamp,
    pub version: u64,
    /// Profiles left out: their body did not read, or was missing.
    pub lost: Vec<Lost>,
    /// What a save over this data writes over.
    pub replaced: Replaced,
}

impl PartialEq for Replaced {
    fn eq(&self, other: &Replaced) -> bool {
        self.keys == other.keys && self.single == other.single
    }
}

/// Reads the saved data whose head (or whole text, for versions 1 and 2) is `text`, with
/// the bodies from `store`. A profile whose body is missing or does not read is taken from
/// `fallback` (the tab's own copy, when merging) by id, else left out and told in
/// [`Read::lost`].
pub fn read(
    store: &impl KeyValueStore,
    text: &str,
    fallback: Option<&Workspace>,
) -> Result<Read, DecodeError> {
    let head = saved::read_head(text)?;
    if head.version < SPLIT_VERSION {
        let (data, stamp) = envelope::decode_stamped(text)?;
        return Ok(Read {
            data,
            stamp,
            version: head.version,
            lost: Vec::new(),
            replaced: Replaced {
                keys: HashSet::new(),
                single: Some(text.to_string()),
            },
        });
    }
    let mut workspace = head.workspace_rest()?;
    let keys = named_keys(&head);
    let mut lost = Vec::new();
    // The bodies read, with their hash, to remember once the workspace is complete.
    let mut read_profiles: Vec<(Rc<Profile>, String, String)> = Vec::new();
    let mut read_plans: Vec<(Rc<Plan>, String, String)> = Vec::new();
    let from_fallback = |id: &str| {
        fallback.and_then(|w| w.profiles.iter().find(|r| r.id == id).map(|r| r.profile.clone()))
    };
    for record in &head.profiles {
        let profile = match &record.part {
            PartIn::Inline(value) => match serde_json::from_value::<Profile>(value.clone()) {
                Ok(profile) => Some(Rc::new(profile)),
                Err(_) => {
                    lost.push(Lost {
                        profile_id: record.id.clone(),
                        text: Some((DATA_KEY.to_string(), value.to_string())),
                    });
                    from_fallback(&record.id)
                }
            },
            PartIn::Body(hash) => {
                let key = profile_key(&record.id, hash);
                let cached = MEMORY.with_borrow(|m| m.profiles.by_key.get(&key).cloned());
                match cached {
                    Some(profile) => {
                        read_profiles.push((profile.clone(), hash.clone(), key));
                        Some(profile)
                    }
                    None => match store.get(&key) {
                        Ok(Some(text)) => match serde_json::from_str::<Profile>(&text) {
                            Ok(profile) => {
                                let profile = Rc::new(profile);
                                read_profiles.push((profile.clone(), hash.clone(), key));
                                Some(profile)
                            }
                            Err(_) => {
                                lost.push(Lost {
                                    profile_id: record.id.clone(),
                                    text: Some((key, text)),
                                });
                                from_fallback(&record.id)
                            }
                        },
                        _ => match another_body(store, &record.id) {
                            Some(profile) => Some(profile),
                            None => {
                                let fallen = from_fallback(&record.id);
                                if fallen.is_none() {
                                    lost.push(Lost {
                                        profile_id: record.id.clone(),
                                        text: None,
                                    });
                                }
                                fallen
                            }
                        },
                    },
                }
            }
        };
        if let Some(profile) = profile {
            workspace.profiles.push(ProfileRecord {
                id: record.id.clone(),
                profile,
                exported_at: record.exported_at.clone(),
            });
        }
    }
    for (id, part) in &head.plans {
        let plan = match part {
            PartIn::Inline(value) => envelope::plan_from_value(value).map(Rc::new),
            PartIn::Body(hash) => {
                let key = plan_key(id, hash);
                let cached = MEMORY.with_borrow(|m| m.plans.by_key.get(&key).cloned());
                let plan = cached.or_else(|| {
                    let text = store.get(&key).ok().flatten()?;
                    let value: Value = serde_json::from_str(&text).ok()?;
                    envelope::plan_from_value(&value).map(Rc::new)
                });
                match plan {
                    Some(plan) => {
                        read_plans.push((plan.clone(), hash.clone(), key));
                        Some(plan)
                    }
                    // A plan that no longer reads is left out, as in version 2: its
                    // profiles wait for it untouched.
                    None => fallback.and_then(|w| w.plans.iter().find(|p| p.id == *id).cloned()),
                }
            }
        };
        if let Some(plan) = plan {
            workspace.put_plan(Plan::clone(&plan));
            // The plan read keeps its address (its body is then not written again).
            if let Some(slot) = workspace.plans.iter_mut().find(|p| p.id == plan.id) {
                *slot = plan;
            }
        }
    }
    let workspace = workspace.normalised();
    // Remembered only where the normalised workspace kept the body read as it was.
    let kept: HashSet<*const Profile> = workspace
        .profiles
        .iter()
        .map(|r| Rc::as_ptr(&r.profile))
        .collect();
    read_profiles.retain(|(profile, _, _)| kept.contains(&Rc::as_ptr(profile)));
    MEMORY.with_borrow_mut(|memory| {
        memory.profiles.keep(read_profiles);
        memory.plans.keep(read_plans);
        memory.head = Some((head.stamp.id.clone(), keys.clone()));
    });
    Ok(Read {
        data: workspace,
        stamp: head.stamp,
        version: head.version,
        lost,
        replaced: Replaced { keys, single: None },
    })
}

/// Another stored body of the profile `id` that reads (see the module's documentation).
fn another_body(store: &impl KeyValueStore, id: &str) -> Option<Rc<Profile>> {
    let prefix = profile_key(id, "");
    let keys = store.keys_with_prefix(&prefix).ok()?;
    keys.iter()
        // The hash is the rest of the key: a longer id sharing the prefix is not this one.
        .filter(|key| !key[prefix.len()..].contains(':'))
        .find_map(|key| {
            let text = store.get(key).ok().flatten()?;
            serde_json::from_str::<Profile>(&text).ok().map(Rc::new)
        })
}

/// The saved data as one text with every body inline (a version 3 envelope), for the crash
/// page's download; the stored text itself for older versions or text that does not read.
/// Reads storage only, with no memory of this module (it may run in a panic).
pub fn whole_text(store: &impl KeyValueStore) -> Option<String> {
    let text = store.get(DATA_KEY).ok()??;
    let Ok(mut value) = serde_json::from_str::<Value>(&text) else {
        return Some(text);
    };
    if value.get("version").and_then(Value::as_u64) != Some(SPLIT_VERSION) {
        return Some(text);
    }
    let body = |key: String| -> Value {
        store
            .get(&key)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or(Value::Null)
    };
    if let Some(records) = value
        .pointer_mut("/data/profiles")
        .and_then(Value::as_array_mut)
    {
        for record in records.iter_mut().filter_map(Value::as_object_mut) {
            let id = record.get("id").and_then(Value::as_str).unwrap_or("").to_string();
            if let Some(Value::String(hash)) = record.remove("body") {
                record.insert("profile".into(), body(profile_key(&id, &hash)));
            }
        }
    }
    if let Some(plans) = value.pointer_mut("/data/plans").and_then(Value::as_array_mut) {
        for plan in plans.iter_mut() {
            let named = match (plan.get("id"), plan.get("body")) {
                (Some(Value::String(id)), Some(Value::String(hash))) => Some(plan_key(id, hash)),
                _ => None,
            };
            if let Some(key) = named {
                *plan = body(key);
            }
        }
    }
    Some(value.to_string())
}

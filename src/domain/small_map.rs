//! Maps and sets kept as sorted vectors (issue 14): the standard library's B-tree is
//! monomorphised per key and value type (~80 KB raw of the start-up module before
//! wasm-opt, −23 KB gzip of the first load once gone), while the maps of this
//! app are small (a plan's targets, its blocs, the settings of a few plans, a bloc's
//! scores). A [`SmallMap`] is one vector of entries sorted by key: a lookup is one binary
//! search shared by every map (through `dyn Fn`), an insert or a removal moves the entries
//! after it (cheap at these sizes; entries read in key order, as saved maps are, are each
//! appended). Measured against two vectors (keys, values): −0.3 KB gzip, and a map is as
//! small as a `BTreeMap` (three words).
//!
//! It behaves as `BTreeMap` does where the app uses one: iteration in key order, an insert
//! returning the old value, `collect()` and deserialising keeping a repeated key's last
//! value, and serde writing and reading the same JSON map. Built without sorting: the
//! standard library's stable sort is copied into the wasm for every item type it sorts (~4 KB
//! raw, ~1 KB gzipped each). Not for what can hold thousands
//! of entries (anything per profile): an insert there is a move of them all.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::iter::Map;
use std::marker::PhantomData;
use std::slice;
use std::vec;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A map in key order, as a sorted vector (see the module).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SmallMap<K, V> {
    /// Sorted by key, without repeats.
    entries: Vec<(K, V)>,
}

pub type Iter<'a, K, V> = Map<slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
pub type IterMut<'a, K, V> =
    Map<slice::IterMut<'a, (K, V)>, fn(&'a mut (K, V)) -> (&'a K, &'a mut V)>;
pub type IntoIter<K, V> = vec::IntoIter<(K, V)>;
pub type SetIter<'a, T> = Map<slice::Iter<'a, (T, ())>, fn(&'a (T, ())) -> &'a T>;

/// The binary search of every map: one function in the wasm, `order(i)` comparing the
/// entry `i` with the key sought.
#[inline(never)]
fn search(len: usize, order: &dyn Fn(usize) -> Ordering) -> Result<usize, usize> {
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        match order(middle) {
            Ordering::Less => low = middle + 1,
            Ordering::Greater => high = middle,
            Ordering::Equal => return Ok(middle),
        }
    }
    Err(low)
}

/// Where `key` is in `entries`, or where it would go.
fn find<K: Borrow<Q>, Q: Ord + ?Sized, V>(entries: &[(K, V)], key: &Q) -> Result<usize, usize> {
    search(entries.len(), &|i| entries[i].0.borrow().cmp(key))
}

impl<K, V> SmallMap<K, V> {
    pub const fn new() -> Self {
        SmallMap {
            entries: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries in key order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> + ExactSizeIterator {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    pub fn into_keys(self) -> impl DoubleEndedIterator<Item = K> + ExactSizeIterator {
        self.entries.into_iter().map(|(k, _)| k)
    }

    pub fn into_values(self) -> impl DoubleEndedIterator<Item = V> + ExactSizeIterator {
        self.entries.into_iter().map(|(_, v)| v)
    }

    /// Keeps the entries for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> SmallMap<K, V> {
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        find(&self.entries, key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_key_value<Q: Ord + ?Sized>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
    {
        find(&self.entries, key).ok().map(|i| {
            let (k, v) = &self.entries[i];
            (k, v)
        })
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        find(&self.entries, key)
            .ok()
            .map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        find(&self.entries, key).is_ok()
    }

    /// Sets the value of `key`, returning the one it replaced.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match find(&self.entries, &key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value of `key`, made by `make` first when there is none (`BTreeMap`'s
    /// `entry(key).or_insert_with(make)`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match find(&self.entries, &key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = find(&self.entries, key).ok()?;
        Some(self.entries.remove(i).1)
    }
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap::new()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for SmallMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Ord, V> Extend<(K, V)> for SmallMap<K, V> {
    /// Inserted one by one: a repeated key keeps its last value.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        for (key, value) in items {
            self.insert(key, value);
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for SmallMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = SmallMap::new();
        map.extend(items);
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for SmallMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<K, V> IntoIterator for SmallMap<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a SmallMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut SmallMap<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for SmallMap<K, V> {
    type Output = V;

    /// The value of `key`; panics when there is none, as `BTreeMap` does.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry found for key")
    }
}

/// Written as a JSON map in key order: the bytes `BTreeMap` writes.
impl<K: Serialize, V: Serialize> Serialize for SmallMap<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

struct MapVisitor<K, V>(PhantomData<(K, V)>);

impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
    type Value = SmallMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut map = SmallMap::new();
        while let Some((key, value)) = access.next_entry()? {
            map.insert(key, value);
        }
        Ok(map)
    }
}

/// Read from a map, a repeated key keeping its last value (as `BTreeMap`).
impl<'de, K: Deserialize<'de> + Ord, V: Deserialize<'de>> Deserialize<'de> for SmallMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A set in order, as a sorted vector: a [`SmallMap`] without values.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct SmallSet<T>(SmallMap<T, ()>);

impl<T> SmallSet<T> {
    pub const fn new() -> Self {
        SmallSet(SmallMap::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The items in order.
    pub fn iter(&self) -> SetIter<'_, T> {
        self.0.entries.iter().map(|(item, ())| item)
    }
}

impl<T: Ord> SmallSet<T> {
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(item)
    }

    /// Adds `item`; false when it was there already (and then it is not replaced).
    pub fn insert(&mut self, item: T) -> bool {
        match find(&self.0.entries, &item) {
            Ok(_) => false,
            Err(i) => {
                self.0.entries.insert(i, (item, ()));
                true
            }
        }
    }

    /// Takes `item` out; false when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.remove(item).is_some()
    }
}

impl<T> Default for SmallSet<T> {
    fn default() -> Self {
        SmallSet::new()
    }
}

impl<T: fmt::Debug> fmt::Debug for SmallSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Ord> Extend<T> for SmallSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T: Ord> FromIterator<T> for SmallSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = SmallSet::new();
        set.extend(items);
        set
    }
}

impl<T> IntoIterator for SmallSet<T> {
    type Item = T;
    type IntoIter = Map<vec::IntoIter<(T, ())>, fn((T, ())) -> T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.entries.into_iter().map(|(item, ())| item)
    }
}

impl<'a, T> IntoIterator for &'a SmallSet<T> {
    type Item = &'a T;
    type IntoIter = SetIter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Written as a JSON list in order, as `BTreeSet` writes it.
impl<T: Serialize> Serialize for SmallSet<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

struct SetVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Ord> Visitor<'de> for SetVisitor<T> {
    type Value = SmallSet<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut set = SmallSet::new();
        while let Some(item) = access.next_element()? {
            set.insert(item);
        }
        Ok(set)
    }
}

impl<'de, T: Deserialize<'de> + Ord> Deserialize<'de> for SmallSet<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(SetVisitor(PhantomData))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))] // proptest is native only
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    /// An operation on a map, applied to a `SmallMap` and a `BTreeMap` alike.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(u8, u16),
        Remove(u8),
        GetOrInsert(u8, u16),
        Retain(u8),
        Clear,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
            2 => any::<u8>().prop_map(Op::Remove),
            1 => (any::<u8>(), any::<u16>()).prop_map(|(k, v)| Op::GetOrInsert(k, v)),
            1 => (1..5u8).prop_map(Op::Retain),
            1 => Just(Op::Clear),
        ]
    }

    fn same<K: Ord + fmt::Debug, V: PartialEq + fmt::Debug>(
        small: &SmallMap<K, V>,
        oracle: &BTreeMap<K, V>,
    ) {
        assert_eq!(small.len(), oracle.len());
        assert_eq!(small.is_empty(), oracle.is_empty());
        assert!(small.iter().eq(oracle.iter()));
        assert!(small.keys().eq(oracle.keys()));
        assert!(small.values().eq(oracle.values()));
        assert_eq!(format!("{small:?}"), format!("{oracle:?}"));
    }

    proptest! {
        #[test]
        fn behaves_as_a_btree_map(ops in prop::collection::vec(op(), 0..200), probes in prop::collection::vec(any::<u8>(), 0..20)) {
            let mut small = SmallMap::new();
            let mut oracle = BTreeMap::new();
            for op in ops {
                match op {
                    Op::Insert(k, v) => prop_assert_eq!(small.insert(k, v), oracle.insert(k, v)),
                    Op::Remove(k) => prop_assert_eq!(small.remove(&k), oracle.remove(&k)),
                    Op::GetOrInsert(k, v) => {
                        let a = small.get_or_insert_with(k, || v);
                        let b = oracle.entry(k).or_insert_with(|| v);
                        prop_assert_eq!(*a, *b);
                        *a = a.wrapping_add(1);
                        *b = b.wrapping_add(1);
                    }
                    Op::Retain(m) => {
                        small.retain(|k, v| { *v = v.wrapping_mul(3); k % m != 0 });
                        oracle.retain(|k, v| { *v = v.wrapping_mul(3); k % m != 0 });
                    }
                    Op::Clear => { small.clear(); oracle.clear(); }
                }
                same(&small, &oracle);
            }
            for k in probes {
                prop_assert_eq!(small.get(&k), oracle.get(&k));
                prop_assert_eq!(small.get_key_value(&k), oracle.get_key_value(&k));
                prop_assert_eq!(small.contains_key(&k), oracle.contains_key(&k));
                prop_assert_eq!(small.get_mut(&k).map(|v| *v), oracle.get_mut(&k).map(|v| *v));
            }
            for v in small.values_mut() { *v = v.wrapping_add(7); }
            for v in oracle.values_mut() { *v = v.wrapping_add(7); }
            same(&small, &oracle);
            prop_assert!(small.clone().into_iter().eq(oracle.clone()));
            prop_assert!(small.clone().into_keys().eq(oracle.clone().into_keys()));
            prop_assert!(small.clone().into_values().eq(oracle.clone().into_values()));
        }

        #[test]
        fn collects_as_a_btree_map(items in prop::collection::vec((any::<u8>(), any::<u16>()), 0..100)) {
            let small: SmallMap<u8, u16> = items.iter().copied().collect();
            let oracle: BTreeMap<u8, u16> = items.iter().copied().collect();
            same(&small, &oracle);
            // Equal maps are equal however they were built.
            let mut reversed: SmallMap<u8, u16> = SmallMap::new();
            for (k, v) in &oracle { reversed.insert(*k, *v); }
            prop_assert_eq!(&small, &reversed);
        }

        #[test]
        fn serde_writes_and_reads_what_a_btree_map_does(items in prop::collection::vec(("[a-e]{0,3}", any::<i32>()), 0..40)) {
            let small: SmallMap<String, i32> = items.iter().cloned().collect();
            let oracle: BTreeMap<String, i32> = items.iter().cloned().collect();
            let text = serde_json::to_string(&small).unwrap();
            prop_assert_eq!(&text, &serde_json::to_string(&oracle).unwrap());
            prop_assert_eq!(serde_json::to_string_pretty(&small).unwrap(), serde_json::to_string_pretty(&oracle).unwrap());
            let back: SmallMap<String, i32> = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&back, &small);
            // A map written in any order, repeats included, reads as a BTreeMap reads it.
            let written = format!("{{{}}}", items.iter().map(|(k, v)| format!("{k:?}:{v}")).collect::<Vec<_>>().join(","));
            let small: SmallMap<String, i32> = serde_json::from_str(&written).unwrap();
            let oracle: BTreeMap<String, i32> = serde_json::from_str(&written).unwrap();
            same(&small, &oracle);
        }

        #[test]
        fn a_set_behaves_as_a_btree_set(items in prop::collection::vec(any::<u8>(), 0..100), probes in prop::collection::vec(any::<u8>(), 0..20)) {
            let mut small = SmallSet::new();
            let mut oracle = BTreeSet::new();
            for (n, item) in items.iter().enumerate() {
                if n % 4 == 3 {
                    prop_assert_eq!(small.remove(item), oracle.remove(item));
                } else {
                    prop_assert_eq!(small.insert(*item), oracle.insert(*item));
                }
            }
            prop_assert!(small.iter().eq(oracle.iter()));
            prop_assert_eq!(small.len(), oracle.len());
            for k in probes { prop_assert_eq!(small.contains(&k), oracle.contains(&k)); }
            prop_assert_eq!(serde_json::to_string(&small).unwrap(), serde_json::to_string(&oracle).unwrap());
            let back: SmallSet<u8> = serde_json::from_str(&serde_json::to_string(&oracle).unwrap()).unwrap();
            prop_assert_eq!(&back, &small);
            prop_assert_eq!(format!("{small:?}"), format!("{oracle:?}"));
            let collected: SmallSet<u8> = items.iter().copied().collect();
            prop_assert!(collected.into_iter().eq(items.iter().copied().collect::<BTreeSet<_>>()));
        }
    }

    #[test]
    fn borrowed_lookups_index_and_errors() {
        let map = SmallMap::from([("b".to_string(), 2), ("a".to_string(), 1)]);
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map["b"], 2);
        assert!(!map.contains_key("c"));
        let wrong = serde_json::from_str::<SmallMap<String, i32>>("[1]").unwrap_err();
        let oracle = serde_json::from_str::<BTreeMap<String, i32>>("[1]").unwrap_err();
        assert_eq!(wrong.to_string(), oracle.to_string());
        assert!(SmallMap::<u8, u8>::default().is_empty());
    }

    #[test]
    fn ten_thousand_keys_in_order_are_each_appended() {
        // Saved maps are read back in key order: each insert lands at the end.
        let text = serde_json::to_string(
            &(0..10_000u32)
                .map(|n| (format!("{n:05}"), n))
                .collect::<BTreeMap<_, _>>(),
        )
        .unwrap();
        let map: SmallMap<String, u32> = serde_json::from_str(&text).unwrap();
        assert_eq!(map.len(), 10_000);
        assert_eq!(serde_json::to_string(&map).unwrap(), text);
    }
}

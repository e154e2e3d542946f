//! Collection helpers that keep the wasm lean (issue 14): the standard library's stable sort
//! is copied into the wasm for every item type it sorts (~4 KB raw, ~1 KB gzipped each).
//!
//! - `collect()` into a B-tree first sorts the items (to build the tree in one go): a dozen
//!   such sorts for the merge alone. Inserting the items one by one ([`map_of`], [`set_of`])
//!   builds the same map (a repeated key keeps the last value, as with `collect()`) with the
//!   insert code each map type has anyway. The maps built so are small (a plan's targets, a
//!   workspace's settings).
//! - [`sort_by_key`] is `slice::sort_by_key` (stable) with one sort for every item type: it
//!   sorts the positions, then moves the items into that order.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// The map of `items`, as `items.collect::<BTreeMap<_, _>>()` gives it.
pub fn map_of<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    map.extend(items);
    map
}

/// The set of `items`, as `items.collect::<BTreeSet<_>>()` gives it.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// Sorts `items` by `key`, stably, as `items.sort_by_key(key)` does (the key is taken once
/// per item).
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The positions `0..n` sorted stably by `cmp`: the one copy of the sort.
#[inline(never)]
fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_by_key_is_the_standard_stable_sort() {
        let items: Vec<(u8, char)> =
            vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let mut ours = items.clone();
        sort_by_key(&mut ours, |&(k, _)| k);
        let mut std = items;
        std.sort_by_key(|&(k, _)| k);
        assert_eq!(ours, std);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |&x| x);
        assert!(empty.is_empty());
    }

    #[test]
    fn the_same_as_collect_repeated_keys_included() {
        let items = [(3, "c"), (1, "a"), (3, "C"), (2, "b"), (1, "A")];
        assert_eq!(map_of(items), items.into_iter().collect::<BTreeMap<_, _>>());
        assert_eq!(map_of(items)[&3], "C");
        assert_eq!(
            set_of([5, 1, 5, 3]),
            [5, 1, 5, 3].into_iter().collect::<BTreeSet<_>>()
        );
        assert!(map_of(Vec::<(u8, u8)>::new()).is_empty());
    }
}

//! Collection helpers that keep the wasm lean (issue 14): the standard library's stable sort
//! is copied into the wasm for every item type it sorts (~4 KB raw, ~1 KB gzipped each), and
//! `collect()` into a B-tree first sorts the items (to build the tree in one go): a dozen
//! such sorts for the merge alone. Inserting the items one by one ([`map_of`], [`set_of`])
//! builds the same map (a repeated key keeps the last value, as with `collect()`) with the
//! insert code each map type has anyway. The maps built so are small (a plan's targets, a
//! workspace's settings).
//!
//! (Routing the three remaining stable sorts through one shared sort of positions was
//! measured too: −1.2 KB gzip but +1.3 KB brotli; not kept.)

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

#[cfg(test)]
mod tests {
    use super::*;

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

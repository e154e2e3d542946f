//! A list whose copies share their memory (issue 14, 10 000 profiles): a tree of `Rc`
//! nodes of [`WIDTH`] elements each. Copying it copies one pointer; changing one element
//! copies the nodes on its path (a few times [`WIDTH`] pointers), and the two versions
//! share everything else. So a keystroke's copy of a workspace of 10 000 profiles costs
//! the same as one of 10, and what changed between two versions is found by descending
//! only into the nodes they do not share ([`SharedList::differing`]), not by comparing
//! every element.
//!
//! The tree's shape is decided by its length alone (every leaf full but the last, as
//! pushing fills them), so two lists of the same length are walked side by side. Inserting
//! or removing in the middle builds the list again (O(n): adding or deleting a profile,
//! never a keystroke).

use std::fmt;
use std::ops::{Index, IndexMut};
use std::rc::Rc;

const BITS: u32 = 5;
/// Elements per leaf and children per inner node.
pub const WIDTH: usize = 1 << BITS;
const MASK: usize = WIDTH - 1;

#[cfg(test)]
thread_local! {
    /// How many pairs of elements [`SharedList::differing`] compared (tests count the work).
    pub static COMPARED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

enum Node<T> {
    Leaf(Rc<Vec<T>>),
    Inner(Rc<Vec<Node<T>>>),
}

impl<T> Clone for Node<T> {
    fn clone(&self) -> Self {
        match self {
            Node::Leaf(leaf) => Node::Leaf(leaf.clone()),
            Node::Inner(children) => Node::Inner(children.clone()),
        }
    }
}

/// See the module's documentation.
pub struct SharedList<T> {
    root: Node<T>,
    len: usize,
    /// How far an index is shifted right to pick the root's child (0: the root is a leaf).
    shift: u32,
}

impl<T> Clone for SharedList<T> {
    fn clone(&self) -> Self {
        SharedList {
            root: self.root.clone(),
            len: self.len,
            shift: self.shift,
        }
    }
}

impl<T> Default for SharedList<T> {
    fn default() -> Self {
        SharedList {
            root: Node::Leaf(Rc::new(Vec::new())),
            len: 0,
            shift: 0,
        }
    }
}

fn empty_path<T>(shift: u32) -> Node<T> {
    if shift == 0 {
        Node::Leaf(Rc::new(Vec::with_capacity(WIDTH)))
    } else {
        Node::Inner(Rc::new(vec![empty_path(shift - BITS)]))
    }
}

impl<T: Clone> SharedList<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The leaf holding the element `index` (< len), as a slice starting at the leaf's
    /// first element. Not inlined: every iteration over profiles calls it once per leaf,
    /// and a copy at each would cost the wasm bytes.
    #[inline(never)]
    fn leaf_at(&self, index: usize) -> &[T] {
        let mut node = &self.root;
        let mut shift = self.shift;
        loop {
            match node {
                Node::Leaf(leaf) => return leaf,
                Node::Inner(children) => {
                    node = &children[(index >> shift) & MASK];
                    shift -= BITS;
                }
            }
        }
    }

    pub fn get(&self, index: usize) -> Option<&T> {
        (index < self.len).then(|| &self.leaf_at(index)[index & MASK])
    }

    /// The element `index`, to change: the nodes on its path are copied first if another
    /// version shares them.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        fn down<T: Clone>(node: &mut Node<T>, shift: u32, index: usize) -> &mut T {
            match node {
                Node::Leaf(leaf) => &mut Rc::make_mut(leaf)[index & MASK],
                Node::Inner(children) => down(
                    &mut Rc::make_mut(children)[(index >> shift) & MASK],
                    shift.saturating_sub(BITS),
                    index,
                ),
            }
        }
        (index < self.len).then(|| down(&mut self.root, self.shift, index))
    }

    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    pub fn last(&self) -> Option<&T> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    pub fn push(&mut self, value: T) {
        fn down<T: Clone>(node: &mut Node<T>, shift: u32, index: usize, value: T) {
            match node {
                Node::Leaf(leaf) => Rc::make_mut(leaf).push(value),
                Node::Inner(children) => {
                    let children = Rc::make_mut(children);
                    let at = (index >> shift) & MASK;
                    if at == children.len() {
                        children.push(empty_path(shift - BITS));
                    }
                    down(&mut children[at], shift - BITS, index, value)
                }
            }
        }
        // The tree is full: it becomes the first child of a new root.
        if self.len == WIDTH << self.shift {
            let old = std::mem::replace(&mut self.root, Node::Inner(Rc::new(Vec::new())));
            self.root = Node::Inner(Rc::new(vec![old]));
            self.shift += BITS;
        }
        down(&mut self.root, self.shift, self.len, value);
        self.len += 1;
    }

    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            list: self,
            front: 0,
            back: self.len,
            front_leaf: &[],
            front_start: 0,
            back_leaf: &[],
            back_start: 0,
        }
    }

    /// Every element, to change: copies every node another version shares (O(n)).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        fn leaves<'a, T: Clone>(node: &'a mut Node<T>, out: &mut Vec<&'a mut Vec<T>>) {
            match node {
                Node::Leaf(leaf) => out.push(Rc::make_mut(leaf)),
                Node::Inner(children) => {
                    for child in Rc::make_mut(children).iter_mut() {
                        leaves(child, out);
                    }
                }
            }
        }
        let mut out = Vec::new();
        leaves(&mut self.root, &mut out);
        out.into_iter().flat_map(|leaf| leaf.iter_mut())
    }

    pub fn to_vec(&self) -> Vec<T> {
        self.iter().cloned().collect()
    }

    /// Changes the list as a `Vec`, then builds it again (O(n): for the changes that move
    /// elements, never for a keystroke's).
    fn rebuild<R>(&mut self, change: impl FnOnce(&mut Vec<T>) -> R) -> R {
        let mut all = self.to_vec();
        let result = change(&mut all);
        *self = all.into_iter().collect();
        result
    }

    pub fn insert(&mut self, index: usize, value: T) {
        if index == self.len {
            return self.push(value);
        }
        self.rebuild(|all| all.insert(index, value))
    }

    pub fn remove(&mut self, index: usize) -> T {
        self.rebuild(|all| all.remove(index))
    }

    /// Keeps the elements `keep` says; the list is built again only when one goes.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let kept: Vec<bool> = self.iter().map(&mut keep).collect();
        if kept.iter().all(|&k| k) {
            return;
        }
        let mut flags = kept.into_iter();
        self.rebuild(|all| all.retain(|_| flags.next().unwrap_or(true)))
    }

    pub fn clear(&mut self) {
        *self = SharedList::new();
    }

    pub fn swap(&mut self, a: usize, b: usize) {
        self.rebuild(|all| all.swap(a, b))
    }

    /// Whether the two lists are one (the same root): nothing to compare.
    pub fn is_shared_with(&self, other: &Self) -> bool {
        self.len == other.len
            && match (&self.root, &other.root) {
                (Node::Leaf(a), Node::Leaf(b)) => Rc::ptr_eq(a, b),
                (Node::Inner(a), Node::Inner(b)) => Rc::ptr_eq(a, b),
                _ => false,
            }
    }

    /// Takes `other`'s nodes wherever they hold elements `same` as this list's, so that
    /// the two share that memory from then on (a list built again, as a merge does, shares
    /// nothing). Lists of different lengths stay as they are.
    pub fn share_from(&mut self, other: &Self, same: impl Fn(&T, &T) -> bool) {
        fn walk<T: Clone>(a: &mut Node<T>, b: &Node<T>, same: &dyn Fn(&T, &T) -> bool) -> bool {
            match (a, b) {
                (Node::Leaf(x), Node::Leaf(y)) => {
                    let shared = Rc::ptr_eq(x, y)
                        || (x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same(p, q)));
                    if shared {
                        *x = y.clone();
                    }
                    shared
                }
                (Node::Inner(x), Node::Inner(y)) => {
                    if Rc::ptr_eq(x, y) {
                        return true;
                    }
                    let mut all = true;
                    for (c, d) in Rc::make_mut(x).iter_mut().zip(y.iter()) {
                        all &= walk(c, d, same);
                    }
                    if all {
                        *x = y.clone();
                    }
                    all
                }
                _ => false,
            }
        }
        if self.len == other.len {
            walk(&mut self.root, &other.root, &same);
        }
    }

    /// The indices (in order) where `self` and `other`, of the same length, hold elements
    /// that are not `same`, found by descending only into the nodes the two do not share;
    /// `None` for lists of different lengths.
    pub fn differing(&self, other: &Self, same: impl Fn(&T, &T) -> bool) -> Option<Vec<usize>> {
        self.differing_dyn(other, &same)
    }

    // One copy in the wasm for every comparison (the closure not monomorphised).
    fn differing_dyn(&self, other: &Self, same: &dyn Fn(&T, &T) -> bool) -> Option<Vec<usize>> {
        fn walk<T>(
            a: &Node<T>,
            b: &Node<T>,
            shift: u32,
            start: usize,
            same: &dyn Fn(&T, &T) -> bool,
            out: &mut Vec<usize>,
        ) {
            match (a, b) {
                (Node::Leaf(x), Node::Leaf(y)) => {
                    if !Rc::ptr_eq(x, y) {
                        #[cfg(test)]
                        COMPARED.with(|c| c.set(c.get() + x.len()));
                        out.extend(
                            x.iter()
                                .zip(y.iter())
                                .enumerate()
                                .filter(|(_, (x, y))| !same(x, y))
                                .map(|(i, _)| start + i),
                        );
                    }
                }
                (Node::Inner(x), Node::Inner(y)) => {
                    if !Rc::ptr_eq(x, y) {
                        for (i, (x, y)) in x.iter().zip(y.iter()).enumerate() {
                            walk(x, y, shift - BITS, start + (i << shift), same, out);
                        }
                    }
                }
                // Lists of one length have one shape.
                _ => unreachable!("two lists of the same length have the same shape"),
            }
        }
        if self.len != other.len {
            return None;
        }
        let mut out = Vec::new();
        walk(&self.root, &other.root, self.shift, 0, same, &mut out);
        Some(out)
    }
}

impl<T: Clone> Index<usize> for SharedList<T> {
    type Output = T;

    fn index(&self, index: usize) -> &T {
        self.get(index).expect("index within the list")
    }
}

impl<T: Clone> IndexMut<usize> for SharedList<T> {
    fn index_mut(&mut self, index: usize) -> &mut T {
        self.get_mut(index).expect("index within the list")
    }
}

impl<T: Clone> FromIterator<T> for SharedList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut list = SharedList::new();
        list.extend(iter);
        list
    }
}

impl<T: Clone> Extend<T> for SharedList<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for value in iter {
            self.push(value);
        }
    }
}

impl<T: Clone> From<Vec<T>> for SharedList<T> {
    fn from(all: Vec<T>) -> Self {
        all.into_iter().collect()
    }
}

/// Equal elements in order; the nodes two versions share are not compared.
impl<T: Clone + PartialEq> PartialEq for SharedList<T> {
    fn eq(&self, other: &Self) -> bool {
        self.differing(other, |a, b| a == b)
            .is_some_and(|d| d.is_empty())
    }
}

impl<T: Clone + Eq> Eq for SharedList<T> {}

impl<T: Clone + fmt::Debug> fmt::Debug for SharedList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// The elements in order, from either end.
pub struct Iter<'a, T> {
    list: &'a SharedList<T>,
    front: usize,
    back: usize,
    front_leaf: &'a [T],
    front_start: usize,
    back_leaf: &'a [T],
    back_start: usize,
}

impl<'a, T: Clone> Iterator for Iter<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        if self.front >= self.back {
            return None;
        }
        let i = self.front;
        if i < self.front_start || i >= self.front_start + self.front_leaf.len() {
            self.front_leaf = self.list.leaf_at(i);
            self.front_start = i & !MASK;
        }
        self.front += 1;
        Some(&self.front_leaf[i - self.front_start])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl<'a, T: Clone> DoubleEndedIterator for Iter<'a, T> {
    fn next_back(&mut self) -> Option<&'a T> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        let i = self.back;
        if i < self.back_start || i >= self.back_start + self.back_leaf.len() {
            self.back_leaf = self.list.leaf_at(i);
            self.back_start = i & !MASK;
        }
        Some(&self.back_leaf[i - self.back_start])
    }
}

impl<T: Clone> ExactSizeIterator for Iter<'_, T> {}

impl<'a, T: Clone> IntoIterator for &'a SharedList<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;

    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> SharedList<Rc<usize>> {
        (0..n).map(Rc::new).collect()
    }

    #[test]
    fn it_behaves_as_a_vec() {
        for n in [0, 1, 31, 32, 33, 1023, 1024, 1025, 3000] {
            let mut l = list(n);
            let mut v: Vec<Rc<usize>> = l.to_vec();
            assert_eq!(l.len(), n);
            assert!(l.iter().map(|x| **x).eq(0..n), "{n}");
            assert!(l.iter().rev().map(|x| **x).eq((0..n).rev()), "{n}");
            // Both ends at once meet in the middle.
            let mut it = l.iter();
            let mut seen = Vec::new();
            while let Some(x) = it.next() {
                seen.push(**x);
                if let Some(y) = it.next_back() {
                    seen.push(**y);
                }
            }
            seen.sort_unstable();
            assert!(seen.into_iter().eq(0..n));
            if n > 0 {
                *l.get_mut(n / 2).unwrap() = Rc::new(9999);
                v[n / 2] = Rc::new(9999);
                l.insert(n / 3, Rc::new(7));
                v.insert(n / 3, Rc::new(7));
                assert_eq!(*l.remove(n - 1), *v.remove(n - 1));
                l.retain(|x| **x % 3 != 0);
                v.retain(|x| **x % 3 != 0);
            }
            l.push(Rc::new(5));
            v.push(Rc::new(5));
            assert_eq!(l.to_vec(), v, "{n}");
            assert_eq!(l, v.iter().cloned().collect::<SharedList<_>>());
            assert_eq!(l.last(), v.last());
            assert_eq!(l.get(l.len()), None);
        }
    }

    /// An edit of one element copies its path only: the versions share the rest, and what
    /// differs is found by visiting the nodes not shared, whatever the length.
    #[test]
    fn an_edit_is_found_by_visiting_the_nodes_not_shared_only() {
        for n in [1_000, 10_000, 100_000] {
            let before = list(n);
            let mut after = before.clone();
            *after.get_mut(n / 2).unwrap() = Rc::new(0);
            let visited = std::cell::Cell::new(0);
            let differing = after.differing(&before, |a, b| {
                visited.set(visited.get() + 1);
                Rc::ptr_eq(a, b)
            });
            assert_eq!(differing, Some(vec![n / 2]));
            assert_eq!(visited.get(), WIDTH, "one leaf compared, n = {n}");
            // The two versions share every element but the one edited.
            let shared = after
                .iter()
                .zip(before.iter())
                .filter(|(a, b)| Rc::ptr_eq(a, b))
                .count();
            assert_eq!(shared, n - 1);
            assert_eq!(after.differing(&list(n + 1), |_, _| true), None);
        }
    }
}

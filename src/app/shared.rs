//! [`Shared`]: data derived once per change of the workspace and handed to components
//! without copying it.

use std::ops::Deref;
use std::rc::Rc;

/// A value shared between renders and compared by pointer: for props that are big (the bloc
/// table of 10 000 units, the workspace) and only ever replaced, never changed in place, so
/// that an unchanged one costs neither a copy nor a comparison of its contents.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: Rc<T>) -> Shared<T> {
        Shared(value)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// The latest value of something a component reads only when the user acts (a button's
/// click), never to draw: the parent writes it on every render, the component reads it
/// when it needs it, and the prop stays equal for the component's life, so that a change of
/// the value alone (a keystroke) does not draw the component again.
#[derive(Debug)]
pub struct Latest<T>(Rc<std::cell::RefCell<T>>);

impl<T> Latest<T> {
    pub fn new(cell: Rc<std::cell::RefCell<T>>) -> Latest<T> {
        Latest(cell)
    }

    /// Replaces the value (the parent, on each render).
    pub fn set(&self, value: T) {
        *self.0.borrow_mut() = value;
    }

    /// The value now.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.0.borrow().clone()
    }
}

impl<T> Clone for Latest<T> {
    fn clone(&self) -> Self {
        Latest(self.0.clone())
    }
}

impl<T> PartialEq for Latest<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod latest_tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::Latest;

    #[test]
    fn a_latest_value_stays_equal_while_it_changes_and_reads_what_was_set_last() {
        let latest = Latest::new(Rc::new(RefCell::new(1)));
        let before = latest.clone();
        latest.set(2);
        assert!(before == latest, "equal: the component is not drawn again");
        assert_eq!(before.get(), 2, "read at the click: the value set last");
        assert!(Latest::new(Rc::new(RefCell::new(2))) != latest);
    }
}

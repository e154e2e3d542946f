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

//! The few tables built last, kept by what they were built from.
//!
//! A scenario's kind is built far more often than it runs: validation builds one
//! to ask it its bursts and keys, and the page builds a simulation on every config
//! change (a sweep's click validates twenty configs, twice each). A table that
//! depends on a parameter or two alone (the amounts' quantiles, the posts' Zipf
//! weights) is therefore built once and shared: a kept one is the same table, bit
//! for bit, so sharing it changes no draw.

use std::sync::{Arc, Mutex, PoisonError};

/// Tables kept per kind: bounded, the oldest is dropped first.
const KEPT: usize = 4;

/// The [`KEPT`] tables of one kind built last, by the key they were built from.
pub(crate) struct Kept<K, T: ?Sized> {
    tables: Mutex<Vec<(K, Arc<T>)>>,
}

impl<K: PartialEq, T: ?Sized> Kept<K, T> {
    /// None kept yet (a `static`'s initialiser).
    pub(crate) const fn new() -> Self {
        Self {
            tables: Mutex::new(Vec::new()),
        }
    }

    /// The table built from `key`: a kept one, or `build()`'s, then kept.
    pub(crate) fn get_or_build(&self, key: K, build: impl FnOnce() -> Arc<T>) -> Arc<T> {
        // A poisoned lock only means another thread panicked while holding it: the
        // list itself is whole (a push or a remove), so it is used as it is.
        let mut tables = self.tables.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, table)) = tables.iter().find(|(k, _)| *k == key) {
            return Arc::clone(table);
        }
        let table = build();
        if tables.len() == KEPT {
            tables.remove(0);
        }
        tables.push((key, Arc::clone(&table)));
        table
    }
}

//! The Rust source of one section's lookup: a `match` from the section's keys to
//! their strings' indices in every language's table (the same in all: each table
//! follows the reference's key order), and `Lang`'s lookup reading the language's
//! table at those indices. One `match` for all languages, not one per language: the
//! page's wasm holds each key's comparison once.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Locale, Lookup};

/// An index no table reaches: a pair's missing string, read as "".
const MISSING: &str = "u16::MAX";

/// The argument and return types of a section's lookup, and of its index `match`.
pub(super) fn split_signature(lookup: &Lookup) -> (String, &'static str, &'static str) {
    match lookup {
        Lookup::Enum(ty) => (ty.to_string(), "&'static str", "u16"),
        Lookup::EnumPair(ty, _) => (ty.to_string(), "(&'static str, &'static str)", "(u16, u16)"),
        Lookup::Name => ("&str".to_string(), "Option<&'static str>", "Option<u16>"),
        Lookup::NamePair(_) => (
            "&str".to_string(),
            "Option<(&'static str, &'static str)>",
            "Option<(u16, u16)>",
        ),
    }
}

/// The body of `Lang::lookup_<section>`: the language's strings at the indices of
/// `index::<section>`.
pub(super) fn read_indices(section: &str, lookup: &Lookup) -> String {
    let get = "crate::i18n::tables::get";
    match lookup {
        Lookup::Enum(_) => format!("{get}(self, index::{section}(key))"),
        Lookup::EnumPair(..) => {
            format!("let (a, b) = index::{section}(key);\n        ({get}(self, a), {get}(self, b))")
        }
        Lookup::Name => format!("index::{section}(key).map(|i| {get}(self, i))"),
        Lookup::NamePair(_) => {
            format!("index::{section}(key).map(|(a, b)| ({get}(self, a), {get}(self, b)))")
        }
    }
}

/// The index `match` of `section` in `locale` (the reference): one arm per key, its
/// value the index `value` gives for the string's full path.
pub(super) fn function(
    w: &mut String,
    locale: &Locale,
    section: &str,
    lookup: &Lookup,
    value: &dyn Fn(&[String]) -> String,
) {
    let (args, _, ret) = split_signature(lookup);
    let _ = writeln!(w, "    pub fn {section}(key: {args}) -> {ret} {{");
    let full = |path: &[String]| -> Vec<String> {
        std::iter::once(section.to_string())
            .chain(path.iter().cloned())
            .collect()
    };
    let names = |fields: &[&str; 2]| -> BTreeMap<String, [String; 2]> {
        let mut by_key: BTreeMap<String, [String; 2]> = BTreeMap::new();
        for (path, _) in locale.section(section) {
            if let (Some(key), Some(field)) = (path.first(), path.get(1)) {
                let slot = usize::from(field == fields[1]);
                by_key
                    .entry(key.clone())
                    .or_insert_with(|| [MISSING.to_string(), MISSING.to_string()])[slot] =
                    value(&full(path));
            }
        }
        by_key
    };
    match lookup {
        Lookup::Enum(ty) => {
            let _ = writeln!(w, "        match key {{");
            for (path, _) in locale.section(section) {
                let _ = writeln!(
                    w,
                    "            {ty}::{} => {},",
                    path[0],
                    value(&full(path))
                );
            }
            let _ = writeln!(w, "        }}");
        }
        Lookup::EnumPair(ty, fields) => {
            let _ = writeln!(w, "        match key {{");
            for (key, [a, b]) in names(fields) {
                let _ = writeln!(w, "            {ty}::{key} => ({a}, {b}),");
            }
            let _ = writeln!(w, "        }}");
        }
        Lookup::Name => {
            let _ = writeln!(w, "        Some(match key {{");
            for (path, _) in locale.section(section) {
                let _ = writeln!(w, "            {:?} => {},", path[0], value(&full(path)));
            }
            let _ = writeln!(w, "            _ => return None,\n        }})");
        }
        Lookup::NamePair(fields) => {
            let _ = writeln!(w, "        Some(match key {{");
            for (key, [a, b]) in names(fields) {
                let _ = writeln!(w, "            {key:?} => ({a}, {b}),");
            }
            let _ = writeln!(w, "            _ => return None,\n        }})");
        }
    }
    let _ = writeln!(w, "    }}");
}

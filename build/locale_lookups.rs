//! The Rust source of one section's lookup in one language: a `match` from the
//! section's keys to the expression each string becomes (an index into the
//! language's table).

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Locale, Lookup};

/// The argument and return types of a section's lookup.
pub(super) fn split_signature(lookup: &Lookup) -> (String, &'static str) {
    match lookup {
        Lookup::Enum(ty) => (ty.to_string(), "&'static str"),
        Lookup::EnumPair(ty, _) => (ty.to_string(), "(&'static str, &'static str)"),
        Lookup::Name => ("&str".to_string(), "Option<&'static str>"),
        Lookup::NamePair(_) => ("&str".to_string(), "Option<(&'static str, &'static str)>"),
    }
}

/// The lookup of `section` in `locale`: one `match` arm per key, its value the
/// expression `value` gives for the string's full path.
pub(super) fn function(
    w: &mut String,
    locale: &Locale,
    section: &str,
    lookup: &Lookup,
    value: &dyn Fn(&[String]) -> String,
) {
    let (args, ret) = split_signature(lookup);
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
                    .or_insert_with(|| ["\"\"".to_string(), "\"\"".to_string()])[slot] =
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

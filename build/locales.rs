//! The UI's language files (`locales/<code>.toml`, one per language) read at build time:
//! each file must have exactly the keys of `en.toml`, and the app's string lookups are
//! generated from them. Shared by the build script and, for its tests, by the app's
//! native test build, so the key check is tested on small TOML strings.

use std::fmt::Write;

use toml_edit::{Document, Item, Value};

#[path = "locale_tables.rs"]
pub mod tables;
pub use tables::Generated;
use tables::{table, table_paths};

#[path = "locale_lookups.rs"]
mod lookups;

#[path = "lessons.rs"]
pub mod lessons;
use lookups::{function, read_indices, split_signature};

/// The reference language: every other file has its keys, and it is the default.
pub const REFERENCE: &str = "en";

/// One language file: its code (the file's stem) and every string by its dotted key
/// (`ui.Play`, `fields.window.gap_ms.label` is `["fields", "window.gap_ms", "label"]`).
pub struct Locale {
    /// The file's stem: `en`, `pt`.
    pub code: String,
    /// Every string, by key path, in the file's order.
    pub strings: Vec<(Vec<String>, String)>,
}

impl Locale {
    /// Reads `text` (the file `code`.toml); every leaf must be a string.
    pub fn parse(code: &str, text: &str) -> Result<Locale, String> {
        let doc: Document<String> = text
            .parse()
            .map_err(|e| format!("locales/{code}.toml: {e}"))?;
        let mut strings = Vec::new();
        walk(code, &mut Vec::new(), doc.as_item(), &mut strings)?;
        Ok(Locale {
            code: code.to_string(),
            strings,
        })
    }

    /// The string at `path` (`["format", "decimal"]`).
    pub fn get(&self, path: &[&str]) -> Option<&str> {
        self.strings
            .iter()
            .find(|(p, _)| p.iter().map(String::as_str).eq(path.iter().copied()))
            .map(|(_, s)| s.as_str())
    }

    /// The keys of the table at `section`, in order, with their strings.
    pub fn section<'a>(
        &'a self,
        section: &'a str,
    ) -> impl Iterator<Item = (&'a [String], &'a str)> + 'a {
        self.strings
            .iter()
            .filter(move |(p, _)| p[0] == section)
            .map(|(p, s)| (&p[1..], s.as_str()))
    }
}

fn walk(
    code: &str,
    path: &mut Vec<String>,
    item: &Item,
    out: &mut Vec<(Vec<String>, String)>,
) -> Result<(), String> {
    let leaf = |v: &Value| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("locales/{code}.toml: `{}` is not a string", path.join(".")))
    };
    if let Some(table) = item.as_table_like() {
        for (key, child) in table.iter() {
            path.push(key.to_string());
            walk(code, path, child, out)?;
            path.pop();
        }
    } else if let Some(value) = item.as_value() {
        out.push((path.clone(), leaf(value)?));
    }
    Ok(())
}

/// Refuses a file whose keys differ from the reference's, naming the file and the key.
pub fn check_keys(reference: &Locale, other: &Locale) -> Result<(), String> {
    let keys = |l: &Locale| -> Vec<String> { l.strings.iter().map(|(p, _)| p.join(".")).collect() };
    let (want, have) = (keys(reference), keys(other));
    let errors: Vec<String> = want
        .iter()
        .filter(|k| !have.contains(k))
        .map(|k| {
            format!(
                "locales/{}.toml: key `{k}` is missing (it is in {}.toml)",
                other.code, reference.code
            )
        })
        .chain(have.iter().filter(|k| !want.contains(k)).map(|k| {
            format!(
                "locales/{}.toml: key `{k}` is not in {}.toml",
                other.code, reference.code
            )
        }))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// How the generated code looks up a section's strings.
pub enum Lookup {
    /// By a Rust enum's variant (the TOML key): `fn(Enum) -> &'static str`.
    Enum(&'static str),
    /// By a Rust enum's variant, two strings: `fn(Enum) -> (&'static str, &'static str)`.
    EnumPair(&'static str, [&'static str; 2]),
    /// By the engine's name: `fn(&str) -> Option<&'static str>`.
    Name,
    /// By the engine's name, two strings: `fn(&str) -> Option<(&'static str, &'static str)>`.
    NamePair([&'static str; 2]),
}

/// Every section of a language file but `[lang]` and `[format]`, and its lookup.
pub const SECTIONS: &[(&str, Lookup)] = &[
    ("ui", Lookup::Enum("crate::i18n::Key")),
    (
        "units",
        Lookup::EnumPair("bslab_engine::params::Unit", ["label", "bound"]),
    ),
    ("words", Lookup::Name),
    ("categories", Lookup::Name),
    ("fields", Lookup::NamePair(["label", "help"])),
    ("presets", Lookup::NamePair(["title", "lesson"])),
    ("web", Lookup::Enum("crate::i18n::web::Text")),
    ("iot", Lookup::Enum("crate::i18n::iot::Text")),
    ("sessions", Lookup::Enum("crate::i18n::sessions::Text")),
    ("flink", Lookup::Enum("crate::i18n::flink::Text")),
    (
        "late_windows",
        Lookup::Enum("crate::i18n::late_windows::Text"),
    ),
    ("per_record", Lookup::Enum("crate::i18n::per_record::Text")),
    ("pictures", Lookup::Enum("crate::i18n::pictures::Text")),
    ("sweep", Lookup::Enum("crate::sweep::text::T")),
];

/// The Rust name of a language's variant: `pt` → `Pt`.
fn variant(code: &str) -> String {
    let mut chars = code.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn one_char(locale: &Locale, key: &str) -> Result<char, String> {
    let s = locale.get(&["format", key]).unwrap_or_default();
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(format!(
            "locales/{}.toml: format.{key} = {s:?} must be one character",
            locale.code
        )),
    }
}

/// The generated Rust: the `Lang` enum (one variant per file, the reference first),
/// one module of index lookups (`index`: a `match` per section from the reference's
/// keys, so a TOML key naming no variant, or a variant without a key, is a compile
/// error; every file has the reference's keys) and `Lang`'s lookups reading the
/// language's table at those indices. Every language's strings, the reference's too,
/// are in its table, which the page's wasm does not carry (`src/i18n/tables.rs`).
pub fn generate(locales: &[Locale]) -> Result<Generated, String> {
    let reference = &locales[0];
    for (name, _) in reference.strings.iter().map(|(p, s)| (&p[0], s)) {
        let known =
            ["lang", "format"].contains(&name.as_str()) || SECTIONS.iter().any(|(s, _)| s == name);
        if !known {
            return Err(format!(
                "locales/{}.toml: section [{name}] has no lookup in build/locales.rs (SECTIONS)",
                reference.code
            ));
        }
    }
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "/// A UI language: one per file in `locales/` (generated by build.rs)."
    );
    let _ = writeln!(
        w,
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]\npub enum Lang {{"
    );
    for (i, l) in locales.iter().enumerate() {
        let name = l.get(&["ui", "LanguageName"]).unwrap_or(&l.code);
        let default = if i == 0 { "#[default] " } else { "" };
        let _ = writeln!(w, "    /// {name}.\n    {default}{},", variant(&l.code));
    }
    let _ = writeln!(w, "}}\n");
    let all: Vec<String> = locales
        .iter()
        .map(|l| format!("Lang::{}", variant(&l.code)))
        .collect();
    let _ = writeln!(
        w,
        "impl Lang {{\n    /// Every language, in the order of the switch (the reference first).\n    pub const ALL: [Lang; {}] = [{}];\n}}\n",
        all.len(),
        all.join(", ")
    );
    // Each lookup dispatches on the language with a `match`, as hand-written code would:
    // smaller in the page's wasm than a table of function pointers.
    let arms = |value: &dyn Fn(&Locale) -> Result<String, String>| -> Result<String, String> {
        locales
            .iter()
            .map(|l| {
                Ok(format!(
                    "            Lang::{} => {},\n",
                    variant(&l.code),
                    value(l)?
                ))
            })
            .collect()
    };
    let method = |w: &mut String, doc: &str, head: &str, body: String| {
        let _ = writeln!(
            w,
            "    /// {doc}\n    {head} {{\n        match self {{\n{body}        }}\n    }}\n"
        );
    };
    let _ = writeln!(w, "impl Lang {{");
    method(
        w,
        "The code of this language's file (`pt` for `locales/pt.toml`), also its key in the lesson files.",
        "pub fn code(self) -> &'static str",
        arms(&|l| Ok(format!("{:?}", l.code)))?,
    );
    method(
        w,
        "The language's own name (`[ui] LanguageName`), for the switch before its table is loaded.",
        "pub fn name(self) -> &'static str",
        arms(&|l| {
            Ok(format!(
                "{:?}",
                l.get(&["ui", "LanguageName"]).unwrap_or(&l.code)
            ))
        })?,
    );
    let paths = table_paths(reference);
    method(
        w,
        "This language's string table (`strings_<code>.txt`).",
        "pub(crate) fn compiled_table(self) -> &'static str",
        arms(&|l| {
            Ok(format!(
                "include_str!(concat!(env!(\"OUT_DIR\"), \"/strings_{}.txt\"))",
                l.code
            ))
        })?,
    );
    let _ = writeln!(
        w,
        "    /// How many strings a language's table holds.\n    pub(crate) const TABLE_LEN: usize = {};\n",
        paths.len()
    );
    method(
        w,
        "The tag stored and put in `<html lang>`.",
        "pub fn tag(self) -> &'static str",
        arms(&|l| Ok(format!("{:?}", l.get(&["lang", "tag"]).unwrap_or(&l.code))))?,
    );
    method(
        w,
        "The decimal separator and the thousands separator of numbers.",
        "pub fn separators(self) -> (char, char)",
        arms(&|l| {
            Ok(format!(
                "({:?}, {:?})",
                one_char(l, "decimal")?,
                one_char(l, "thousands")?
            ))
        })?,
    );
    for (name, lookup) in SECTIONS {
        let (args, ret, _) = split_signature(lookup);
        let _ = writeln!(
            w,
            "    /// This language's `[{name}]`.\n    pub(crate) fn lookup_{name}(self, key: {args}) -> {ret} {{\n        {}\n    }}\n",
            read_indices(name, lookup)
        );
    }
    let _ = writeln!(w, "}}\n");
    // Every language's table follows the reference's key order: one index `match`
    // per section serves them all.
    let _ = writeln!(w, "mod index {{");
    let index = |path: &[String]| {
        let i = paths.iter().position(|p| *p == path).unwrap_or_default();
        format!("{i}")
    };
    for (name, lookup) in SECTIONS {
        function(w, reference, name, lookup, &index);
    }
    let _ = writeln!(w, "}}\n");
    let tables = locales
        .iter()
        .map(|l| Ok((l.code.clone(), table(&paths, l)?)))
        .collect::<Result<_, String>>()?;
    Ok(Generated { code: out, tables })
}

#[cfg(test)]
#[path = "locales_tests.rs"]
mod tests;

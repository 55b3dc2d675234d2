//! The string table of each language (`strings_<code>.txt`): the page's wasm carries
//! none of them (`src/i18n/tables.rs`).

use super::Locale;

/// What separates the strings of a language's table (`strings_<code>.txt`).
pub const SEPARATOR: char = '\u{1f}';

/// The generated Rust and the string table of each language.
pub struct Generated {
    /// `Lang`, its lookups and one module of lookups per language.
    pub code: String,
    /// `(code, table)`: the language's strings in the reference's key order (without
    /// `[lang]` and `[format]`), joined by [`SEPARATOR`]; `strings_<code>.txt` in `OUT_DIR`.
    pub tables: Vec<(String, String)>,
}

/// The strings of a table: every key of the reference but `[lang]` and `[format]`.
pub fn table_paths(reference: &Locale) -> Vec<&[String]> {
    reference
        .strings
        .iter()
        .map(|(p, _)| p.as_slice())
        .filter(|p| !["lang", "format"].contains(&p[0].as_str()))
        .collect()
}

/// The table of `locale`, in the order of [`table_paths`].
pub(super) fn table(paths: &[&[String]], locale: &Locale) -> Result<String, String> {
    let strings: Vec<&str> = paths
        .iter()
        .map(|p| {
            let path: Vec<&str> = p.iter().map(String::as_str).collect();
            locale.get(&path).unwrap_or_default()
        })
        .collect();
    match strings.iter().find(|s| s.contains(SEPARATOR)) {
        Some(s) => Err(format!(
            "locales/{}.toml: {s:?} holds the character U+001F, which separates the strings",
            locale.code
        )),
        None => Ok(strings.join(&SEPARATOR.to_string())),
    }
}

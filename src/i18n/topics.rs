//! The string tables kept beside their topic (a scenario, a window kind…): the
//! main tables (`en`, `pt`) hold what every experiment shows, and a lookup they
//! do not know falls through to these, in order. A new topic's table is one
//! line in each list below, not an edit inside `en`/`pt`.

use super::{flink, iot, sessions, web, Lang};

/// A parameter's label and help, by path.
type FieldTable = fn(Lang, &str) -> Option<(&'static str, &'static str)>;
/// A preset's title and lesson, by name.
type PresetTable = fn(Lang, &str) -> Option<(&'static str, &'static str)>;
/// A machine word (a choice) in the language.
type WordTable = fn(Lang, &str) -> Option<&'static str>;

const FIELDS: &[FieldTable] = &[iot::field, sessions::field, flink::field, web::field];
const PRESETS: &[PresetTable] = &[iot::preset, sessions::preset, flink::preset, web::preset];
const WORDS: &[WordTable] = &[sessions::word, flink::word];

/// The first topic table's label and help of the parameter at `path`.
pub fn field(lang: Lang, path: &str) -> Option<(&'static str, &'static str)> {
    FIELDS.iter().find_map(|table| table(lang, path))
}

/// The first topic table's title and lesson of the preset `name`.
pub fn preset(lang: Lang, name: &str) -> Option<(&'static str, &'static str)> {
    PRESETS.iter().find_map(|table| table(lang, name))
}

/// The first topic table's wording of the machine word `word`.
pub fn word(lang: Lang, word: &str) -> Option<&'static str> {
    WORDS.iter().find_map(|table| table(lang, word))
}

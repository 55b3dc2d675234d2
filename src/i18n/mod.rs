//! Every visible string, in one table per language ([`en`], [`pt`]), addressed by
//! a typed [`Key`]: a missing translation is a compile error, not a blank label.

pub mod en;
pub mod flink;
pub mod iot;
mod key;
pub mod late_windows;
pub mod per_record;
pub mod pictures;
pub mod pt;
pub mod sessions;
mod topics;
pub mod web;

pub use key::Key;

use bslab_engine::params::Unit;

use crate::fields::FieldId;

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Português (Brasil).
    Pt,
}

impl Lang {
    /// The language for a BCP 47 tag such as `navigator.language` (`pt-BR` → Portuguese).
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("pt") {
            Lang::Pt
        } else {
            Lang::En
        }
    }

    /// The tag stored and put in `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pt => "pt-BR",
        }
    }

    /// The other language (the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Pt,
            Lang::Pt => Lang::En,
        }
    }

    /// The text of `key`.
    pub fn t(self, key: Key) -> &'static str {
        match self {
            Lang::En => en::text(key),
            Lang::Pt => pt::text(key),
        }
    }

    /// The text of `key` with each `{name}` replaced by its value.
    pub fn fill(self, key: Key, values: &[(&str, String)]) -> String {
        fill(self.t(key), values)
    }

    /// Label and one-sentence help of a parameter (its row's path when a
    /// language lacks it; a test walks the table so none does).
    pub fn field(self, id: FieldId) -> (&'static str, &'static str) {
        let path = id.param().path;
        let found = match self {
            Lang::En => en::field(path),
            Lang::Pt => pt::field(path),
        };
        found
            .or_else(|| topics::field(self, path))
            .unwrap_or((path, ""))
    }

    /// A unit's label under an input, and the word written after a bound.
    pub fn unit(self, unit: Unit) -> (&'static str, &'static str) {
        match self {
            Lang::En => en::unit(unit),
            Lang::Pt => pt::unit(unit),
        }
    }

    /// A sales category the engine names in English (`books`, `books-1`…) in this
    /// language (`livros`, `livros-1`…); the engine, exports and reports keep the English.
    pub fn category(self, name: &str) -> String {
        match self {
            Lang::En => name.to_string(),
            Lang::Pt => pt::category(name),
        }
    }

    /// Title and lesson of the engine's preset `name` (its name and no lesson
    /// if the table does not know it).
    pub fn preset(self, name: &str) -> (&str, &'static str) {
        let known = match self {
            Lang::En => en::preset(name),
            Lang::Pt => pt::preset(name),
        };
        known
            .or_else(|| topics::preset(self, name))
            .unwrap_or((name, ""))
    }

    /// A choice's machine name (`micro_batch`) in this language.
    pub fn word(self, word: &str) -> &str {
        let found = match self {
            Lang::En => en::word(word),
            Lang::Pt => pt::word(word),
        };
        found.or_else(|| topics::word(self, word)).unwrap_or(word)
    }
}

/// `text` with each `{name}` replaced by its value (for string tables kept
/// beside their view, such as the sweep's).
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(text.to_string(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::scenario::category_name;

    #[test]
    fn every_preset_has_a_title_and_a_lesson_in_each_language() {
        for preset in bslab_engine::presets::all() {
            let (en, pt) = (Lang::En.preset(preset.name), Lang::Pt.preset(preset.name));
            assert!(
                !en.1.is_empty() && !pt.1.is_empty(),
                "{}: en {en:?}, pt {pt:?}",
                preset.name
            );
            assert_ne!(en, pt, "{}: the Portuguese is the English", preset.name);
        }
        assert_eq!(Lang::Pt.preset("no-such-preset"), ("no-such-preset", ""));
    }

    #[test]
    fn categories_are_translated_with_their_suffix() {
        assert_eq!(Lang::Pt.category("books"), "livros");
        assert_eq!(Lang::Pt.category("electronics"), "eletrônicos");
        assert_eq!(Lang::Pt.category("grocery"), "mercado");
        assert_eq!(Lang::Pt.category("home-2"), "casa-2");
        assert_eq!(Lang::Pt.category("unknown-3"), "unknown-3");
        assert_eq!(Lang::En.category("toys-1"), "toys-1");
        // Every name the engine makes has a translation, and the same "-N" suffix.
        for i in 0..40 {
            let en = category_name(i);
            let pt = Lang::Pt.category(&en);
            assert_ne!(pt, en, "{en} is not translated");
            let suffix = |s: &str| s.rsplit_once('-').map(|(_, n)| n.to_string());
            assert_eq!(suffix(&pt), suffix(&en), "{en} → {pt}");
        }
    }
}

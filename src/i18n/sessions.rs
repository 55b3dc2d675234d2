//! Session windows' own texts (the refusal of the update mode); their wording is
//! in each language file's `[sessions]` section, the gap's label, the window kind's
//! name and the sessions preset in `[fields]`, `[words]` and `[presets]`.

use super::Lang;

/// Session windows' own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Refusal of update mode with session windows: `{field}` names the field.
    UpdateRefused,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    lang.lookup_sessions(text)
}

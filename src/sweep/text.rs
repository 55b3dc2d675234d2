//! The sweep view's words: their names here, their wording in each language
//! file's `[sweep]` section.

use crate::i18n::Lang;

/// Every string of the sweep view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum T {
    Title,
    Intro,
    Knob,
    From,
    To,
    Count,
    Run,
    Cancel,
    Progress,
    Cancelled,
    Failed,
    Freshness,
    Latency,
    Cost,
    Completeness,
    Load,
    Hint,
    TooFew,
    BadCount,
    TooMuch,
}

/// The text of `key` in `lang`; `{…}` are filled by the caller.
pub fn t(lang: Lang, key: T) -> &'static str {
    lang.lookup_sweep(key)
}

/// [`t`] with each `{name}` replaced by its value.
pub fn fill(lang: Lang, key: T, values: &[(&str, String)]) -> String {
    crate::i18n::fill(t(lang, key), values)
}

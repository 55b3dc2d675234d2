//! Flink's late-data rules' own texts (how the event-time picture names a late
//! firing); their wording is in each language file's `[flink]` section, the rules'
//! parameters, choices and preset in `[fields]`, `[words]` and `[presets]`.

use super::Lang;

/// The late-data rules' own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Picture legend: events a fired window took late (after the count).
    LateFired,
    /// Picture legend item: the mark of an event a fired window took late.
    LegendLateFired,
    /// An event's per-record fate: taken late by a fired window
    /// (`{done}`, `{end}`, `{watermark}`).
    StreamLateFired,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    lang.lookup_flink(text)
}

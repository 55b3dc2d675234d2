//! Texts of session windows and Flink's late firings on the event-time picture
//! and of the late-data side output's CSV; their wording is in each language
//! file's `[late_windows]` section.

use super::Lang;

/// The texts of this topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The CSV button of Flink's late-data side output.
    CsvSideOutput,
    /// The stage of a fired window still accepting late events (a band's word, a count).
    StageAccepting,
    /// The legend of that stage's hatched band.
    LegendAccepting,
    /// The rule for the sessions drawn (`{shown}` keys), before their names.
    SessionRule,
    /// The legend of the bar where a late event joined two sessions.
    LegendMerge,
    /// The legend of session bands (their stages).
    LegendSessionBands,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    lang.lookup_late_windows(text)
}

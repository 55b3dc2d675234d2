//! The web-traffic scenario's own texts (its dashboard and session rows); their
//! wording is in each language file's `[web]` section, its parameters, units and
//! preset in `[fields]`, `[units]` and `[presets]`.

use super::Lang;

/// The web-traffic scenario's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Dashboard caption (page views per visitor).
    Dashboard,
    /// A visitor, before its number.
    Visitor,
    /// Summary row: sessions.
    Sessions,
    /// Summary row: pages per session.
    PagesPerSession,
    /// Summary row: bounce rate.
    BounceRate,
    /// Summary row: mean session length.
    SessionLength,
    /// Summary row: sessions merged by a late page view.
    Merged,
    /// Summary row: late page views dropped.
    DroppedViews,
    /// Note under the session rows: what each column counts.
    SessionsNote,
    /// Caption of the landing-page table.
    LandingCaption,
    /// Column: landing page.
    LandingPage,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    lang.lookup_web(text)
}

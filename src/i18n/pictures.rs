//! The event-time picture's save buttons (the charts' own are `Key`s); their
//! wording is in each language file's `[pictures]` section.

use super::Lang;

/// The texts of saving the event-time picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Tooltip of its "PNG" button.
    PngHelp,
    /// Tooltip of its "SVG" button.
    SvgHelp,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    lang.lookup_pictures(text)
}

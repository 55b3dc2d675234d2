//! The event-time picture's save buttons, in both languages (the charts' own are in
//! the main tables). Kept apart from `en.rs`/`pt.rs`, like the other topic modules.

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
    match (lang, text) {
        (Lang::En, Text::PngHelp) => {
            "PNG at twice its size on screen, with title, counts and legend."
        }
        (Lang::Pt, Text::PngHelp) => {
            "PNG com o dobro do tamanho na tela, com título, contagens e legenda."
        }
        (Lang::En, Text::SvgHelp) => "SVG: the text sharp at any size, the events as an image.",
        (Lang::Pt, Text::SvgHelp) => {
            "SVG: o texto nítido em qualquer tamanho, os eventos como imagem."
        }
    }
}

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
            "Save the event-time picture as a PNG, drawn again at twice its size on screen (for slides), with its title, counts and legend."
        }
        (Lang::Pt, Text::PngHelp) => {
            "Salvar a imagem do tempo do evento como PNG, redesenhada com o dobro do tamanho na tela (para slides), com título, contagens e legenda."
        }
        (Lang::En, Text::SvgHelp) => {
            "Save the event-time picture as SVG: title, axes and legend as text, the events as an embedded image."
        }
        (Lang::Pt, Text::SvgHelp) => {
            "Salvar a imagem do tempo do evento como SVG: título, eixos e legenda como texto, os eventos como uma imagem embutida."
        }
    }
}

//! Session windows' strings, in both languages: the window kind's name, the
//! gap's label, the refusal of the update mode and the sessions preset. Kept
//! apart from the main tables (`en.rs`, `pt.rs`), which delegate here for what
//! they do not hold.

use super::Lang;

/// Session windows' own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// Refusal of update mode with session windows: `{field}` names the field.
    UpdateRefused,
}

/// The text of `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    match (lang, text) {
        (Lang::En, Text::UpdateRefused) => {
            "{field}: update is not allowed with session windows: Spark (3.2 and later) refuses it (SPARK-36463), because a late event can still merge two sessions. Choose append or complete."
        }
        (Lang::Pt, Text::UpdateRefused) => {
            "{field}: update não é permitido com janelas de sessão: o Spark (3.2 em diante) recusa (SPARK-36463), porque um evento atrasado ainda pode juntar duas sessões. Escolha append ou complete."
        }
    }
}

/// The display of an engine word (a choice) that only session windows use.
pub fn word(lang: Lang, word: &str) -> Option<&'static str> {
    Some(match (lang, word) {
        (Lang::En, "session") => "session",
        (Lang::Pt, "session") => "sessão",
        _ => return None,
    })
}

/// Label and help of a session-window parameter.
pub fn field(lang: Lang, path: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, path) {
        (Lang::En, "window.gap_ms") => (
            "Session gap",
            "A key's session ends once no event of it came for this long (Spark's session_window gap). A late event that fills a gap joins two sessions into one.",
        ),
        (Lang::Pt, "window.gap_ms") => (
            "Intervalo da sessão",
            "A sessão de uma chave termina quando nenhum evento dela chega durante esse tempo (o gap da session_window do Spark). Um evento atrasado que preenche o intervalo junta duas sessões em uma.",
        ),
        _ => return None,
    })
}

/// Title and lesson of the sessions preset.
pub fn preset(lang: Lang, name: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, name) {
        (Lang::En, "sales-sessions") => (
            "Shopping sessions: a window that ends with silence",
            "A category's session lasts while its orders keep coming less than five minutes apart: streaming can publish a session only after five quiet minutes plus the watermark delay, and a late order can join two sessions into one — the hourly batch, which sees whole sessions, never splits them.",
        ),
        (Lang::Pt, "sales-sessions") => (
            "Sessões de compra: uma janela que termina no silêncio",
            "A sessão de uma categoria dura enquanto os pedidos chegam a menos de cinco minutos um do outro: o streaming só publica uma sessão depois de cinco minutos sem pedidos mais o atraso da watermark, e um pedido atrasado pode juntar duas sessões em uma — o batch de hora em hora, que vê as sessões inteiras, nunca as divide.",
        ),
        _ => return None,
    })
}

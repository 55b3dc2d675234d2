//! Strings of session windows and Flink's late firings on the event-time
//! picture and of the late-data side output's CSV, in both languages. Kept
//! apart from the main tables (`en.rs`, `pt.rs`), like the other topics.

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
    use Text::*;
    match (lang, text) {
        (Lang::En, CsvSideOutput) => "Late data (side output)",
        (Lang::Pt, CsvSideOutput) => "Dados atrasados (side output)",
        (Lang::En, StageAccepting) => "accepting late",
        (Lang::Pt, StageAccepting) => "aceitando atrasados",
        (Lang::En, LegendAccepting) => {
            "hatched: fired, still accepting late events until its end + the allowed lateness (then closed)"
        }
        (Lang::Pt, LegendAccepting) => {
            "hachurada: já disparou e ainda aceita eventos atrasados até o fim dela + o atraso permitido (depois fecha)"
        }
        (Lang::En, SessionRule) => {
            "Session windows: each key has its own sessions. Drawn: the sessions of the {shown} keys with the most events in view, one column each, numbered from the left (every key's sessions are counted above):"
        }
        (Lang::Pt, SessionRule) => {
            "Janelas de sessão: cada chave tem as suas sessões. Desenhadas: as sessões das {shown} chaves com mais eventos na imagem, uma coluna para cada, numeradas da esquerda para a direita (as sessões de todas as chaves estão contadas acima):"
        }
        (Lang::En, LegendMerge) => {
            "dark bar: a late event filled the gap and joined two sessions into one"
        }
        (Lang::Pt, LegendMerge) => {
            "barra escura: um evento atrasado preencheu o intervalo e juntou duas sessões em uma"
        }
        (Lang::En, LegendSessionBands) => "session columns: open · fired · closed",
        (Lang::Pt, LegendSessionBands) => "colunas de sessão: abertas · emitidas · fechadas",
    }
}

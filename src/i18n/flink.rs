//! Flink's late-data rules (per-record mode), in both languages: their
//! parameters and choices, the "Spark vs Flink" preset, and how the
//! event-time picture names a late firing. Kept apart from the main tables
//! (`en.rs`, `pt.rs`), which delegate here for what they do not hold.

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
    use Text::*;
    match (lang, text) {
        (Lang::En, LateFired) => "late, window fired again",
        (Lang::Pt, LateFired) => "atrasados, janela disparada de novo",
        (Lang::En, LegendLateFired) => "late, window fired again (plus)",
        (Lang::Pt, LegendLateFired) => "atrasado, janela disparada de novo (mais)",
        (Lang::En, StreamLateFired) => "Streaming (per record): served until {done}, late: its window (ending at {end}) had already fired, watermark {watermark}, but still within the allowed lateness, so the window fired again with it (a late firing).",
        (Lang::Pt, StreamLateFired) => "Streaming (por registro): processado até {done}, atrasado: a janela (que termina às {end}) já tinha disparado, marca d'água {watermark}, mas ainda dentro do atraso permitido, então a janela disparou de novo com ele (um disparo atrasado).",
    }
}

/// Label and help of a parameter of Flink's rules.
pub fn field(lang: Lang, path: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, path) {
        (Lang::En, "streaming.flink.auto_watermark_interval_ms") => (
            "Watermark interval",
            "Flink emits the watermark every this much processing time (200 ms by default there); 0: after every record.",
        ),
        (Lang::Pt, "streaming.flink.auto_watermark_interval_ms") => (
            "Intervalo da marca d'água",
            "O Flink emite a marca d'água a cada tanto tempo de processamento (200 ms por padrão); 0: depois de cada registro.",
        ),
        (Lang::En, "streaming.flink.allowed_lateness_ms") => (
            "Allowed lateness",
            "How long after a window fired it still takes late events; each one fires it again with the new value.",
        ),
        (Lang::Pt, "streaming.flink.allowed_lateness_ms") => (
            "Atraso permitido",
            "Por quanto tempo, depois de disparar, a janela ainda aceita eventos atrasados; cada um a dispara de novo com o novo valor.",
        ),
        (Lang::En, "streaming.flink.late_data") => (
            "Later than that",
            "Events later than the allowed lateness: dropped and counted, or sent to a side output (counted and listed).",
        ),
        (Lang::Pt, "streaming.flink.late_data") => (
            "Depois disso",
            "Eventos mais atrasados que o permitido: descartados e contados, ou enviados a uma saída lateral (contados e listados).",
        ),
        _ => return None,
    })
}

/// A choice of Flink's rules in `lang`.
pub fn word(lang: Lang, word: &str) -> Option<&'static str> {
    Some(match (lang, word) {
        (Lang::En, "drop") => "drop",
        (Lang::Pt, "drop") => "descartar",
        (Lang::En, "side_output") => "side output",
        (Lang::Pt, "side_output") => "saída lateral",
        _ => return None,
    })
}

/// Title and lesson of the "Spark vs Flink" preset.
pub fn preset(lang: Lang, name: &str) -> Option<(&'static str, &'static str)> {
    Some(match (lang, name) {
        (Lang::En, "late-data-spark-vs-flink") => (
            "Late data: Spark's rules vs Flink's",
            "The same late likes as \"Late data and the watermark\", now per record with Flink's rules: a window fires when the watermark passes its end, then for 2 more minutes each late like fires it again with the corrected count; later ones go to a side output, counted and listed. Switch the streaming mode to micro-batch to see Spark drop them instead.",
        ),
        (Lang::Pt, "late-data-spark-vs-flink") => (
            "Dados atrasados: regras do Spark vs do Flink",
            "As mesmas curtidas atrasadas de \"Dados atrasados e a marca d'água\", agora registro a registro com as regras do Flink: a janela dispara quando a marca d'água passa do seu fim e, por mais 2 minutos, cada curtida atrasada a dispara de novo com a contagem corrigida; as mais atrasadas vão para uma saída lateral, contadas e listadas. Troque o modo do streaming para micro-batch e veja o Spark descartá-las.",
        ),
        _ => return None,
    })
}

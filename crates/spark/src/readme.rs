//! The bundle's `README.md` (Portuguese and English), from `templates/README.md`.

use bslab_engine::{ExperimentConfig, ScenarioConfig, TimeMs, WindowKind};

use crate::columns::{Meaning, Spec};
use crate::drain::Drained;

const TEMPLATE: &str = include_str!("../templates/README.md");

pub(crate) fn render(config: &ExperimentConfig, drained: &Drained, files: usize) -> String {
    let spec = Spec::new(&config.scenario);
    let (query_pt, query_en) = query(&config.scenario);
    let table =
        |header: &str, meaning: fn(&Meaning) -> &'static str| {
            std::iter::once(header.to_string())
                .chain(spec.columns.iter().map(|(name, kind, m)| {
                    format!("| `{name}` | {} | {} |", kind.name(), meaning(m))
                }))
                .collect::<Vec<_>>()
                .join("\n")
        };
    let mut text = TEMPLATE.to_string();
    let values = [
        ("scenario", drained.report.scenario.to_string()),
        ("events", drained.report.generated.to_string()),
        ("files", files.to_string()),
        ("trigger", human(trigger(config))),
        ("window", window_words(config)),
        ("window_note", window_note(config)),
        ("watermark", human(config.streaming.watermark_delay_ms)),
        (
            "output_mode",
            format!("{:?}", config.streaming.output_mode).to_lowercase(),
        ),
        ("batch_interval", human(config.batch.interval_ms)),
        ("batch_offset", human(config.batch.offset_ms)),
        ("query_pt", query_pt),
        ("query_en", query_en),
        (
            "columns_pt",
            table("| coluna | tipo | significado |\n|---|---|---|", |m| m.0),
        ),
        (
            "columns_en",
            table("| column | type | meaning |\n|---|---|---|", |m| m.1),
        ),
        ("seed", config.seed.to_string()),
        ("duration", human(config.duration_ms)),
        ("until", human(drained.config.duration_ms)),
        ("engine_version", bslab_engine::VERSION.to_string()),
    ];
    for (name, value) in values {
        text = text.replace(&format!("{{{{{name}}}}}"), &value);
    }
    text
}

/// The window as the README names it: its size, and its kind when not tumbling.
fn window_words(config: &ExperimentConfig) -> String {
    let w = &config.window;
    match w.kind {
        WindowKind::Sliding => format!(
            "{} (sliding / deslizante, slide {})",
            human(w.size_ms),
            human(w.slide_ms)
        ),
        WindowKind::Cumulative => format!(
            "{} (cumulative / cumulativa, step {})",
            human(w.size_ms),
            human(w.slide_ms)
        ),
        WindowKind::Session => format!("session / sessão, gap {}", human(w.gap_ms)),
        _ if w.kind == WindowKind::Tumbling => human(w.size_ms),
        // A kind without words of its own here: its size and its name.
        _ => format!("{} ({})", human(w.size_ms), w.kind.name()),
    }
}

/// A warning paragraph when Spark cannot run the bundle's window kind.
fn window_note(config: &ExperimentConfig) -> String {
    if crate::spark_supports(&config.window) {
        String::new()
    } else {
        format!("> **{}**\n", crate::NO_SPARK_CUMULATIVE)
    }
}

fn trigger(config: &ExperimentConfig) -> TimeMs {
    match config.streaming.mode {
        bslab_engine::StreamingMode::MicroBatch { trigger_ms, .. } => trigger_ms,
        bslab_engine::StreamingMode::Continuous { .. } => 0,
    }
}

/// The scenario's query in words: (Portuguese, English).
fn query(scenario: &ScenarioConfig) -> (String, String) {
    let kind = bslab_engine::scenario::kind(scenario);
    let q = kind.query();
    match kind.name() {
        "sales" => (
            "número de pedidos (`count`) e receita em centavos (`sum_cents`) por categoria por janela.".into(),
            "number of orders (`count`) and revenue in cents (`sum_cents`) per category per window.".into(),
        ),
        "social" => (
            "engajamentos (`count`) por post e ação (like, retweet, comment) por janela.".into(),
            "engagements (`count`) per post and action (like, retweet, comment) per window.".into(),
        ),
        "fraud" => {
            let alert_threshold = q.count_above.unwrap_or(0);
            (
            format!("transações (`count`) e valor em centavos (`sum_cents`) por cartão por janela, só os cartões com mais de {alert_threshold} transações na janela (alerta de fraude)."),
            format!("transactions (`count`) and amount in cents (`sum_cents`) per card per window, only cards with more than {alert_threshold} transactions in the window (fraud alert)."),
            )
        }
        "iot" => {
            let alert_above_centi = q.max_above.unwrap_or(0);
            (
            format!("leituras (`count`), soma (`sum_cents`, média = soma / count) e máxima (`max_cents`) da temperatura em centésimos de grau por sensor por janela, só os sensores com máxima acima de {alert_above_centi} na janela (alerta)."),
            format!("readings (`count`), sum (`sum_cents`, mean = sum / count) and maximum (`max_cents`) of the temperature in hundredths of a degree per sensor per window, only sensors whose maximum is above {alert_above_centi} in the window (alert)."),
            )
        }
        "web" => (
            "visualizações de página (`count`) por visitante por janela.".into(),
            "page views (`count`) per visitor per window.".into(),
        ),
        // A scenario without a sentence of its own: its query's shape.
        _ => {
            let keys = q.keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
            let (sum_pt, sum_en) = match q.amount {
                Some(a) => (format!(" e soma de `{a}` (`sum_cents`)"), format!(" and sum of `{a}` (`sum_cents`)")),
                None => (String::new(), String::new()),
            };
            (
                format!("eventos (`count`){sum_pt} por {keys} por janela."),
                format!("events (`count`){sum_en} per {keys} per window."),
            )
        }
    }
}

/// A duration for people: `90 s`, `5 min`, `2 h`, `1500 ms`.
pub(crate) fn human(ms: TimeMs) -> String {
    const UNITS: [(TimeMs, &str); 4] = [
        (86_400_000, "d"),
        (3_600_000, "h"),
        (60_000, "min"),
        (1_000, "s"),
    ];
    UNITS
        .iter()
        .find(|(unit, _)| ms != 0 && ms % unit == 0)
        .map_or_else(
            || format!("{ms} ms"),
            |(unit, name)| format!("{} {name}", ms / unit),
        )
}

#[cfg(test)]
mod tests {
    use super::human;

    #[test]
    fn durations_for_people() {
        assert_eq!(human(5_000), "5 s");
        assert_eq!(human(90_000), "90 s");
        assert_eq!(human(300_000), "5 min");
        assert_eq!(human(7_200_000), "2 h");
        assert_eq!(human(1_500), "1500 ms");
        assert_eq!(human(0), "0 ms");
    }
}

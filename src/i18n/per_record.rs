//! The refusal of one of Flink's late-data rules (`streaming.flink.*`) in a
//! micro-batch config, in both languages. Kept apart from the main tables
//! (`en.rs`, `pt.rs`); it has no label, preset or word of its own, so it is not
//! in `topics.rs`: `messages.rs` asks for it by name, as for `sessions::t`.

use super::Lang;

/// `{field}` names the field (its label), `{value}` the value it was given.
pub fn flink_rule_refused(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "{field}: {value} is not allowed in micro-batch mode: this is one of Flink's late-data rules and applies only to per-record streaming mode; micro-batches follow Spark's rules and would ignore it. Choose the per-record (continuous) mode, or leave the default (0 ms, drop)."
        }
        Lang::Pt => {
            "{field}: {value} não é permitido no modo micro-batch: essa é uma das regras do Flink para dados atrasados e vale só para o streaming por registro; os micro-batches seguem as regras do Spark e a ignorariam. Escolha o modo contínuo (por registro) ou deixe o padrão (0 ms, descartar)."
        }
    }
}

//! Per-record streaming's own texts (the refusal of one of Flink's late-data rules,
//! `streaming.flink.*`, in a micro-batch config); their wording is in each language
//! file's `[per_record]` section. `messages.rs` asks for it by name.

use super::Lang;

/// Per-record streaming's own texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// `{field}` names the field (its label), `{value}` the value it was given.
    FlinkRuleRefused,
}

/// The refusal of a Flink rule in micro-batch mode, in `lang`.
pub fn flink_rule_refused(lang: Lang) -> &'static str {
    lang.lookup_per_record(Text::FlinkRuleRefused)
}

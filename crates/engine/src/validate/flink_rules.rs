//! Flink's late-data rules (`streaming.flink.*`) outside per-record mode.
//!
//! Micro-batch mode follows Spark's measured rules and never reads these
//! fields, so a value other than the default there would be silently ignored:
//! a config that looks as if it had allowed lateness, yet drops what Flink
//! would have taken. It is refused instead, naming the field.

use super::Checker;
use crate::config::{ExperimentConfig, StreamingMode};
use crate::error::Problem;
use crate::flink_rules::FlinkRules;
use crate::params::Unit;

/// Refuses each non-default Flink rule of a micro-batch config.
pub(super) fn check_flink_rules(c: &mut Checker, cfg: &ExperimentConfig) {
    if matches!(cfg.streaming.mode, StreamingMode::Continuous { .. }) {
        return;
    }
    let (rules, default) = (&cfg.streaming.flink, FlinkRules::default());
    let fields = [
        (
            "streaming.flink.auto_watermark_interval_ms",
            rules.auto_watermark_interval_ms != default.auto_watermark_interval_ms,
            rules.auto_watermark_interval_ms as f64,
            Unit::Ms,
        ),
        (
            "streaming.flink.allowed_lateness_ms",
            rules.allowed_lateness_ms != default.allowed_lateness_ms,
            rules.allowed_lateness_ms as f64,
            Unit::Ms,
        ),
        (
            "streaming.flink.late_data",
            rules.late_data != default.late_data,
            rules.late_data as usize as f64,
            Unit::None,
        ),
    ];
    for (field, set, value, unit) in fields {
        if set {
            c.fail(field, value, unit, Problem::PerRecordOnly);
        }
    }
}

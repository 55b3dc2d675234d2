//! Flink's late-data rules (`streaming.flink.*`) apply only to per-record mode:
//! a micro-batch config that sets one is refused, naming the field and why,
//! instead of running with the rule silently ignored.
#![cfg(not(target_arch = "wasm32"))]

use bslab_engine::params::{FieldId, Unit, Value};
use bslab_engine::*;

/// The Spark vs Flink preset (per record, every Flink rule set).
fn flink_preset() -> ExperimentConfig {
    presets::by_name("late-data-spark-vs-flink")
        .expect("the preset")
        .config
}

/// `config` in micro-batch mode with its Flink rules kept (as a hand-written
/// JSON config or link could have it: the parameter table resets them).
fn micro_batch_keeping_rules(config: &ExperimentConfig) -> ExperimentConfig {
    let mut c = config.clone();
    c.streaming.mode = StreamingMode::default();
    assert!(matches!(c.streaming.mode, StreamingMode::MicroBatch { .. }));
    c
}

#[test]
fn each_flink_rule_set_in_micro_batch_mode_is_refused_naming_field_and_value() {
    let preset = flink_preset();
    preset.validate().expect("per record, the rules apply");
    let rules = preset.streaming.flink;
    let ms = |x: i64| format!("got {}", Unit::Ms.english(x as f64));
    let cases: [(&str, FlinkRules, f64, String); 3] = [
        (
            "streaming.flink.auto_watermark_interval_ms",
            FlinkRules {
                auto_watermark_interval_ms: rules.auto_watermark_interval_ms,
                ..FlinkRules::default()
            },
            rules.auto_watermark_interval_ms as f64,
            ms(rules.auto_watermark_interval_ms),
        ),
        (
            "streaming.flink.allowed_lateness_ms",
            FlinkRules {
                allowed_lateness_ms: rules.allowed_lateness_ms,
                ..FlinkRules::default()
            },
            rules.allowed_lateness_ms as f64,
            ms(rules.allowed_lateness_ms),
        ),
        (
            "streaming.flink.late_data",
            FlinkRules {
                late_data: LateDataOutput::SideOutput,
                ..FlinkRules::default()
            },
            LateDataOutput::SideOutput as usize as f64,
            "got side_output".to_string(),
        ),
    ];
    for (field, one_rule, value, got) in cases {
        let mut c = micro_batch_keeping_rules(&preset);
        c.streaming.flink = one_rule;
        let err = c.validate().expect_err(field);
        assert_eq!(err.fields.len(), 1, "{err}");
        let e = &err.fields[0];
        assert_eq!(
            (e.field.as_str(), e.value, e.problem),
            (field, value, Problem::PerRecordOnly)
        );
        let text = e.to_string();
        assert!(text.starts_with(field), "{text}");
        assert!(text.contains("only to per-record streaming mode"), "{text}");
        assert!(text.contains(&got), "{text}");
    }
    let all = micro_batch_keeping_rules(&preset)
        .validate()
        .expect_err("all three");
    assert_eq!(all.fields.len(), 3, "{all}");
}

#[test]
fn switching_to_micro_batch_through_the_table_resets_the_rules_and_validates() {
    let mode = FieldId::from_path("streaming.mode").expect("a row");
    let c = mode
        .set(&flink_preset(), Value::Choice(0))
        .expect("a choice")
        .expect("applies");
    assert!(c.streaming.flink.is_default());
    c.validate().expect("micro-batch with the default rules");
}

#[test]
fn every_preset_still_validates() {
    for p in presets::all() {
        p.config
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", p.name));
    }
}

//! `expected.json`: the simulator's own results, in the shape the jobs output,
//! for comparison with Spark (the parity test reads it).

use bslab_engine::window::Agg;
use bslab_engine::{ExperimentConfig, TimeMs, WindowRow};
use serde_json::{json, Map, Value};

use crate::columns::Spec;
use crate::drain::Drained;
use crate::partition::name_width;
use crate::BUNDLE_FORMAT;

pub(crate) fn build(config: &ExperimentConfig, spec: &Spec, drained: &Drained) -> Value {
    let report = &drained.report;
    let windows = report.windows.as_deref().unwrap_or_default();
    let log = &drained.micro_batches;
    let width = name_width(log.len());

    let truth: Vec<Value> = windows
        .iter()
        .filter(|w| spec.passes(&w.truth))
        .map(|w| row(spec, w, &w.truth, w.window_end_ms))
        .collect();
    let batch_rows: Vec<Value> = windows
        .iter()
        .filter_map(|w| {
            let end = w.batch_end_ms.unwrap_or(w.window_end_ms);
            w.batch.map(|a| row(spec, w, &a, end))
        })
        .collect();
    let streaming_rows: Vec<Value> = windows
        .iter()
        .filter_map(|w| {
            let value = w.streaming?;
            let end = w.streaming_end_ms.unwrap_or(w.window_end_ms);
            let mut r = row(spec, w, &value, end);
            if let (Some(obj), Some(first)) = (r.as_object_mut(), w.streaming_first_ms) {
                obj.insert("first_batch".into(), json!(batch_ending_at(log, first)));
            }
            Some(r)
        })
        .collect();

    let runs: Vec<Value> = report
        .batch_runs
        .as_deref()
        .unwrap_or_default()
        .iter()
        .map(|r| {
            json!({
                "period_start_ms": r.period_start_ms,
                "period_end_ms": r.period_start_ms + config.batch.interval_ms,
                "cutoff_ms": r.start_ms,
                "end_ms": r.end_ms,
                "events": r.events,
            })
        })
        .collect();
    let micro_batches: Vec<Value> = log
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let late = if k == 0 { 0 } else { log[k - 1].watermark_ms };
            json!({
                "batch_id": m.id,
                "file": format!("part-{k:0width$}"),
                "start_ms": m.start_ms,
                "end_ms": m.end_ms,
                "input_rows": m.input_rows,
                "watermark_ms": m.watermark_ms,
                "late_watermark_ms": late,
                "dropped_rows": m.dropped_rows,
                "dropped_groups": m.dropped_groups,
                "emitted_rows": m.emitted_rows,
            })
        })
        .collect();

    let mut expected = json!({
        "format": BUNDLE_FORMAT,
        "engine_version": report.engine_version,
        "scenario": report.scenario,
        "seed": config.seed,
        "events": report.generated,
        "duration_ms": config.duration_ms,
        "simulated_until_ms": drained.config.duration_ms,
        "key_columns": spec.keys,
        "truth": { "rows": truth },
        "batch": {
            "interval_ms": config.batch.interval_ms,
            "offset_ms": config.batch.offset_ms,
            "missed_late_rows": report.batch.dropped_late,
            "runs": runs,
            "rows": batch_rows,
        },
        "streaming": {
            "output_mode": crate::window_params::output_mode_name(config.streaming.output_mode),
            "window_kind": config.window.kind.name(),
            "window_ms": config.window.size_ms,
            "slide_ms": config.window.slide_ms,
            "watermark_delay_ms": config.streaming.watermark_delay_ms,
            "dropped_late_rows": report.streaming.dropped_late,
            "final_watermark_ms": report.streaming.watermark_ms,
            "micro_batches": micro_batches,
            "rows": streaming_rows,
        },
    });
    if config.window.kind == bslab_engine::WindowKind::Session {
        expected["streaming"]["gap_ms"] = json!(config.window.gap_ms);
    }
    expected
}

/// One output row: window (`end`: the pipeline's own for a session),
/// key columns, count and (if the scenario has money) sum.
fn row(spec: &Spec, w: &WindowRow, value: &Agg, end: TimeMs) -> Value {
    let mut obj = Map::new();
    obj.insert("window_start_ms".into(), json!(w.window_start_ms));
    obj.insert("window_end_ms".into(), json!(end));
    if let Value::Object(key) = serde_json::to_value(&w.key).unwrap_or_default() {
        obj.extend(key);
    }
    obj.insert("count".into(), json!(value.count));
    if spec.amount.is_some() {
        obj.insert("sum_cents".into(), json!(value.sum_cents));
    }
    if spec.max_above.is_some() {
        obj.insert("max_cents".into(), json!(value.max_cents));
    }
    Value::Object(obj)
}

/// Id of the micro-batch that published at `t` (batches publish when they end;
/// end times strictly increase).
fn batch_ending_at(log: &[bslab_engine::MicroBatchInfo], t: TimeMs) -> Option<u64> {
    let k = log.partition_point(|m| m.end_ms < t);
    log.get(k).filter(|m| m.end_ms == t).map(|m| m.id)
}

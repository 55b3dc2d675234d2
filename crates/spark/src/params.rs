//! The parameters of the PySpark jobs: one JSON object in each job's `PARAMS`
//! header, so each job is one self-contained file (`spark-submit` ships it to a
//! cluster as is) and no Python is generated as text.

use bslab_engine::ExperimentConfig;
use serde_json::{json, Value};

use crate::columns::Spec;
use crate::drain::Drained;
use crate::window_params::{self, output_mode_name};
use crate::BUNDLE_FORMAT;

/// The jobs' parameters (documented in `docs/spark.md`).
pub(crate) fn job_params(
    config: &ExperimentConfig,
    spec: &Spec,
    trigger_ms: i64,
    drained: &Drained,
) -> Value {
    let b = &config.batch;
    // Runs that started later than scheduled (the previous run overran): their data
    // cut-off is their actual start. Usually none.
    let delayed: Vec<Value> = drained
        .report
        .batch_runs
        .as_deref()
        .unwrap_or_default()
        .iter()
        .filter(|r| r.start_ms != r.due_ms)
        .map(|r| json!([r.period_start_ms / b.interval_ms, r.start_ms]))
        .collect();
    let mut params = json!({
        "format": BUNDLE_FORMAT,
        "scenario": drained.report.scenario,
        "columns": spec.columns.iter().map(|c| json!([c.0, c.1.name()])).collect::<Vec<_>>(),
        "key_columns": spec.keys,
        "amount_column": spec.amount,
        "count_above": spec.count_above,
        "watermark_delay_ms": config.streaming.watermark_delay_ms,
        "trigger_ms": trigger_ms,
        "output_mode": output_mode_name(config.streaming.output_mode),
        "batch_interval_ms": b.interval_ms,
        "batch_offset_ms": b.offset_ms,
        "batch_delayed_runs": delayed,
    });
    // Only the IoT query has it: other scenarios' jobs stay as they were.
    if let (Some(max), Value::Object(obj)) = (spec.max_above, &mut params) {
        obj.insert("max_above".into(), json!(max));
    }
    if let (Some(all), Value::Object(window)) = (
        params.as_object_mut(),
        window_params::fields(&config.window),
    ) {
        all.extend(window);
    }
    params
}

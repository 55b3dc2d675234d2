//! "Export for Spark": the experiment as a `.zip` (`bslab_spark::bundle_zip`: the
//! events, the PySpark jobs and the expected results), downloaded by the browser.
//! Building it blocks the page while it runs, so experiments whose export would
//! take long are refused with a pointer to the `bslab export` command instead.

use bslab_engine::{ExperimentConfig, ScenarioConfig, StreamingMode};

use crate::i18n::{Key, Lang};

/// Most events the browser exports: a few seconds of work (the page waits, showing
/// "building…") and a zip of some MB. Natively, `bslab export` has no such limit.
pub const MAX_EVENTS: f64 = 400_000.0;

/// Expected number of events of `config`: base rate × duration, plus the extra of
/// each burst and of the fraud bursts (the daily profile averages to 1).
pub fn expected_events(config: &ExperimentConfig) -> f64 {
    let seconds = config.duration_ms as f64 / 1_000.0;
    let rate = config.workload.rate_eps;
    let bursts: f64 = config
        .workload
        .bursts
        .iter()
        .map(|b| rate * (b.multiplier - 1.0) * b.duration_ms as f64 / 1_000.0)
        .sum();
    let fraud = match config.scenario {
        ScenarioConfig::Fraud {
            bursts_per_hour,
            burst_transactions,
            ..
        } => bursts_per_hour * seconds / 3_600.0 * f64::from(burst_transactions),
        _ => 0.0,
    };
    rate * seconds + bursts + fraud
}

/// Why the browser will not export `config`, in `lang` (`None`: it will).
pub fn refusal(config: &ExperimentConfig, lang: Lang) -> Option<String> {
    if matches!(config.streaming.mode, StreamingMode::Continuous { .. }) {
        return Some(lang.t(Key::ExportNeedsMicroBatch).to_string());
    }
    let n = expected_events(config);
    (n > MAX_EVENTS).then(|| {
        lang.fill(
            Key::ExportTooLarge,
            &[
                ("events", crate::format::count(n.round() as u64, lang)),
                ("max", crate::format::count(MAX_EVENTS as u64, lang)),
            ],
        )
    })
}

/// The zip of `config` and its file name, or why not (in `lang`).
pub fn build(config: &ExperimentConfig, lang: Lang) -> Result<(String, Vec<u8>), String> {
    if let Some(why) = refusal(config, lang) {
        return Err(why);
    }
    let name = format!("{}.zip", bslab_spark::bundle_name(config));
    bslab_spark::bundle_zip(config)
        .map(|bytes| (name, bytes))
        .map_err(|e| format!("{} {e}", lang.t(Key::ExportFailed)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_but_the_two_day_one_and_continuous_mode_are_exportable() {
        for p in bslab_engine::presets::all() {
            let refused = refusal(&p.config, Lang::En);
            let expect_refusal = matches!(
                p.name,
                "batch-late-but-cheap" | "queue-mm1" | "streaming-falls-behind"
            );
            assert_eq!(refused.is_some(), expect_refusal, "{}: {refused:?}", p.name);
        }
    }

    #[test]
    fn a_small_experiment_exports_as_a_zip() {
        let mut c = bslab_engine::presets::all()[0].config.clone();
        c.duration_ms = 2 * 60_000;
        let (name, bytes) = build(&c, Lang::En).expect("exportable");
        assert!(name.ends_with(".zip"), "{name}");
        assert_eq!(&bytes[..2], b"PK");
    }
}

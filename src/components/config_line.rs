//! A pipeline's configuration in one sentence, under its panel's title. Apart
//! from the panel (`pipeline.rs`): it is text made from the config, not markup.

use bslab_engine::{ExperimentConfig, OutputMode, StreamingMode};

use crate::i18n::{Key, Lang};
use crate::numbers::duration_text;

/// Workers of the streaming cluster, in either mode.
pub fn workers_of(mode: &StreamingMode) -> u32 {
    match mode {
        StreamingMode::MicroBatch { workers, .. } | StreamingMode::Continuous { workers, .. } => {
            *workers
        }
    }
}

/// "1 worker", "4 workers": a pipeline's line read "1 workers" for one.
pub fn workers_text(lang: Lang, workers: u32) -> String {
    if workers == 1 {
        lang.t(Key::WorkerCountOne).to_string()
    } else {
        lang.fill(Key::WorkerCount, &[("n", workers.to_string())])
    }
}

/// An output mode's name ("append", "update", "complete": Spark's words, in either language).
pub fn output_word(lang: Lang, mode: OutputMode) -> &'static str {
    lang.word(match mode {
        OutputMode::Append => "append",
        OutputMode::Update => "update",
        OutputMode::Complete => "complete",
    })
}

/// The pipeline's configuration in one sentence.
pub fn config_line(lang: Lang, batch: bool, c: &ExperimentConfig) -> String {
    let ms = |v: i64| duration_text(v as f64, lang);
    if batch {
        let b = &c.batch;
        return lang.fill(
            Key::BatchLine,
            &[
                ("interval", ms(b.interval_ms)),
                ("offset", ms(b.offset_ms)),
                ("startup", ms(b.startup_ms)),
                ("workers", workers_text(lang, b.workers)),
            ],
        );
    }
    let s = &c.streaming;
    let common = [
        ("workers", workers_text(lang, workers_of(&s.mode))),
        ("watermark", ms(s.watermark_delay_ms)),
        ("output", output_word(lang, s.output_mode).to_string()),
    ];
    match &s.mode {
        StreamingMode::MicroBatch { trigger_ms, .. } => {
            let mut v = common.to_vec();
            v.push(("trigger", ms(*trigger_ms)));
            lang.fill(Key::MicroBatchLine, &v)
        }
        StreamingMode::Continuous {
            service_mean_ms, ..
        } => {
            let mut v = common.to_vec();
            v.push(("service", duration_text(*service_mean_ms, lang)));
            lang.fill(Key::ContinuousLine, &v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::presets;

    #[test]
    fn one_worker_is_singular_in_each_language() {
        let config = presets::by_name("queue-mm1").expect("preset").config;
        for lang in Lang::ALL {
            let streaming = config_line(lang, false, &config);
            assert!(streaming.contains(", 1 worker,"), "{lang:?}: {streaming}");
            let batch = config_line(lang, true, &config);
            let n = config.batch.workers;
            assert!(n > 1, "the preset's batch has several workers");
            assert!(
                batch.ends_with(&format!(", {n} workers")),
                "{lang:?}: {batch}"
            );
        }
    }
}

//! The bundle made file by file: the experiment is simulated to rest once (the
//! drain), then each file is made and handed to a sink, the event files part by
//! part from a fresh generation of the events. Nothing holds the whole bundle or
//! every event, so `bslab export` writes any accepted experiment to disk in
//! memory bounded by the resource model, whatever its number of events.

use bslab_engine::resources::Resources;
use bslab_engine::{ConfigError, ExperimentConfig};

use crate::columns::Spec;
use crate::drain::{self, Drained};
use crate::partition::{self, name_width};
use crate::{
    expected, micro_batch, params, progress_json, readme, with_params, BundleFile, EventFormat,
    ExportError, Summary, BATCH_JOB, CHECK, STREAMING_JOB,
};

/// An experiment simulated to rest, ready to be written as a bundle.
#[derive(Debug)]
pub struct Export {
    config: ExperimentConfig,
    spec: Spec,
    drained: Drained,
    params: serde_json::Value,
}

impl Export {
    /// Validates `config` and simulates it to rest: everything the files need
    /// but the events, which [`Self::write`] generates again as it writes them.
    pub fn prepare(config: &ExperimentConfig) -> Result<Self, ExportError> {
        config.validate()?;
        let (trigger_ms, overhead_ms) = micro_batch(config)?;
        // Every micro-batch of the log gets a file.
        Resources::of(config)
            .check_full_log(config)
            .map_err(ConfigError::single)?;
        let drained = drain::simulate(config, trigger_ms, overhead_ms)?;
        let spec = Spec::new(&config.scenario);
        let params = params::job_params(config, &spec, trigger_ms, &drained);
        Ok(Self {
            config: config.clone(),
            spec,
            drained,
            params,
        })
    }

    /// What the bundle holds, in numbers.
    pub fn summary(&self) -> Summary {
        Summary {
            scenario: self.drained.report.scenario,
            seed: self.config.seed,
            events: self.drained.report.generated,
            micro_batches: self.drained.micro_batches.len() as u64,
            simulated_until_ms: self.drained.config.duration_ms,
        }
    }

    /// The path of every file, in the order [`Self::write`] hands them over.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = TEXT_FILES.iter().map(|p| p.to_string()).collect();
        for format in [EventFormat::Csv, EventFormat::Jsonl] {
            paths.extend((0..self.drained.micro_batches.len()).map(|k| self.part_path(format, k)));
        }
        paths
    }

    /// Makes each file in turn (`README.md`, `config.json`, the jobs,
    /// `expected.json`, then the CSV parts and the JSON Lines parts in
    /// micro-batch order) and hands it to `sink`; stops at the sink's first
    /// error, which is returned as [`ExportError::Write`].
    pub fn write(
        &self,
        mut sink: impl FnMut(BundleFile) -> Result<(), String>,
    ) -> Result<(), ExportError> {
        let (config, drained) = (&self.config, &self.drained);
        let expected = expected::build(config, &self.spec, drained);
        let texts = [
            readme::render(config, drained, drained.micro_batches.len()),
            config.to_json_pretty() + "\n",
            with_params(BATCH_JOB, &self.params),
            with_params(STREAMING_JOB, &self.params),
            with_params(CHECK, &self.params),
            serde_json::to_string_pretty(&expected).unwrap_or_default() + "\n",
            progress_json(&drained.micro_batches),
        ];
        drop(expected);
        for (path, text) in TEXT_FILES.iter().zip(texts) {
            sink(BundleFile {
                path: path.to_string(),
                bytes: text.into_bytes(),
                micro_batch: None,
            })
            .map_err(ExportError::Write)?;
        }
        for format in [EventFormat::Csv, EventFormat::Jsonl] {
            let events = bslab_engine::event_stream(config)?;
            partition::for_each_batch(events, &drained.micro_batches, |k, batch| {
                sink(BundleFile {
                    path: self.part_path(format, k),
                    bytes: self.spec.write(format, batch),
                    micro_batch: Some(k as u64),
                })
                .map_err(ExportError::Write)
            })?;
        }
        Ok(())
    }

    fn part_path(&self, format: EventFormat, k: usize) -> String {
        let width = name_width(self.drained.micro_batches.len());
        format!(
            "events/{}/part-{k:0width$}.{}",
            format.dir(),
            format.extension()
        )
    }
}

/// The bundle's files other than events, in the order they are written.
const TEXT_FILES: [&str; 7] = [
    "README.md",
    "config.json",
    "batch_job.py",
    "streaming_job.py",
    "check.py",
    "expected.json",
    "expected_progress.json",
];

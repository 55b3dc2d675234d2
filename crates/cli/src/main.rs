//! `bslab`: the Batch × Stream Lab engine on the command line.
//!
//! Teachers prepare material with it, tests and benchmarks drive the engine
//! through it. Output is JSON on stdout (format in `docs/report-format.md`);
//! errors are one line on stderr with exit code 2.

mod csv_out;
mod export;
mod io;
mod replay;
mod sweep;
mod windows_out;

use std::path::PathBuf;
use std::process::ExitCode;

use bslab_engine::resources::Resources;
use bslab_engine::{
    event_time, presets, ExperimentConfig, RecentLimits, ReportDetail, Simulation, StreamingMode,
};
use clap::{Parser, Subcommand};
use io::Printed;

#[derive(Parser)]
#[command(
    name = "bslab",
    version,
    about = "Batch × Stream Lab: batch and streaming pipelines over the same events"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run an experiment headless and print its report as JSON.
    Run {
        /// Experiment config (JSON); see `bslab config --preset NAME`.
        #[arg(long, conflicts_with = "preset")]
        config: Option<PathBuf>,
        /// Run a built-in preset instead of a config file.
        #[arg(long)]
        preset: Option<String>,
        /// Override the duration (ms, or with a unit: 90s, 15 min, 2h, 1 d).
        #[arg(long, value_parser = bslab_engine::duration::parse_whole_ms)]
        duration: Option<i64>,
        /// Override the seed.
        #[arg(long)]
        seed: Option<u64>,
        /// Include every window's published values and ground truth.
        #[arg(long)]
        windows: bool,
        /// Include the batch run log and the micro-batch log.
        #[arg(long)]
        runs: bool,
        /// Include the sampled time series.
        #[arg(long)]
        samples: bool,
        /// Print, instead of the report, Spark's `StreamingQueryProgress` of every
        /// micro-batch, one JSON object per line (see docs/report-format.md).
        #[arg(long, conflicts_with_all = ["windows", "runs", "samples"])]
        progress: bool,
        /// Replay the events of a `bslab export` bundle (its events/csv directory)
        /// instead of generating them; --duration may extend the run past them.
        #[arg(long)]
        events: Option<PathBuf>,
        /// Also write every chart's series and the dashboard table as CSV files
        /// into this directory (see docs/csv-format.md); never overwrites a file.
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// Stop at this instant instead of the end (ms, or with a unit: 90s, 15 min).
        #[arg(long, value_parser = bslab_engine::duration::parse_whole_ms)]
        at: Option<i64>,
        /// Print the event-time picture's counts at the instant (events drawn,
        /// late marked, windows open / fired / closed, watermark) instead of the report.
        #[arg(long, conflicts_with_all = ["events", "csv", "windows", "runs", "samples"])]
        event_time: bool,
    },
    /// List the built-in presets.
    Presets,
    /// Print every parameter of a config: path, kind, allowed range, meaning
    /// (the engine's parameter table, as docs/parameters.md shows it).
    Params,
    /// Export the experiment for Apache Spark: events (one file per micro-batch),
    /// batch_job.py, streaming_job.py, expected.json and a README.
    Export(export::ExportArgs),
    /// Sweep one knob over 2 to 30 values and print, for batch and streaming,
    /// freshness, p99 latency, cost and completeness at each (the trade-off frontier).
    Sweep(sweep::SweepArgs),
    /// Print a preset's config as JSON (a starting point to edit).
    Config {
        /// Preset name (see `bslab presets`).
        #[arg(long)]
        preset: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli.command).and_then(|out| io::print(&out)) {
        // Printed, or the reader stopped early (`| head`): both are a success.
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            io::print_error(&message);
            ExitCode::from(2)
        }
    }
}

fn preset_config(name: &str) -> Result<ExperimentConfig, String> {
    presets::by_name(name).map(|p| p.config).ok_or_else(|| {
        let names: Vec<_> = presets::all().iter().map(|p| p.name).collect();
        format!("unknown preset `{name}`; presets: {}", names.join(", "))
    })
}

fn load_config(
    config: Option<PathBuf>,
    preset: Option<String>,
) -> Result<ExperimentConfig, String> {
    match (config, preset) {
        (Some(path), _) => {
            let text = io::read_small_text(&path, bslab_engine::MAX_CONFIG_BYTES)?;
            ExperimentConfig::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
        }
        (None, Some(name)) => preset_config(&name),
        (None, None) => Err("give --config FILE.json or --preset NAME".into()),
    }
}

fn execute(command: Command) -> Result<Printed, String> {
    match command {
        Command::Run {
            config,
            preset,
            duration,
            seed,
            windows,
            runs,
            samples,
            progress,
            events,
            csv,
            at,
            event_time,
        } => {
            let mut cfg = load_config(config, preset)?;
            if let Some(d) = duration {
                cfg.duration_ms = d;
            }
            if let Some(s) = seed {
                cfg.seed = s;
            }
            let mut sim = match events {
                Some(dir) => {
                    let events = replay::read_events(&dir, &cfg)?;
                    Simulation::with_events(cfg, events)
                }
                None if event_time => Simulation::with_recent(
                    cfg.clone(),
                    RecentLimits {
                        span_ms: event_time::picture_span_ms(&cfg),
                        max_events: RecentLimits::APP_MAX_EVENTS,
                    },
                ),
                None => Simulation::new(cfg),
            }
            .map_err(|e| e.to_string())?;
            if progress
                && matches!(
                    sim.config().streaming.mode,
                    StreamingMode::Continuous { .. }
                )
            {
                return Err(
                    "--progress: the streaming pipeline is in continuous (per-record) \
                    mode; Spark's progress log is per micro-batch: set streaming.mode.kind to \
                    micro_batch"
                        .into(),
                );
            }
            if runs || progress {
                // Every micro-batch and batch run is listed: the engine keeps that many.
                let flag = if runs { "--runs" } else { "--progress" };
                Resources::of(sim.config())
                    .check_full_log(sim.config())
                    .map_err(|e| format!("{flag}: {e}"))?;
            }
            let end = sim.config().duration_ms;
            if let Some(t) = at.filter(|&t| t > end) {
                return Err(format!(
                    "--at: {t} ms is after the end of the run ({end} ms); give 0 to {end}"
                ));
            }
            sim.step_until(at.unwrap_or(end))
                .map_err(|e| e.to_string())?;
            if event_time {
                let picture = sim.event_time_picture(event_time::MAX_MARKS);
                let counts = picture.map(|p| p.counts);
                return serde_json::to_string_pretty(&counts)
                    .map(Printed::Text)
                    .map_err(|e| e.to_string());
            }
            if let Some(dir) = csv {
                csv_out::write(&sim, &dir)?;
            }
            if progress {
                return Ok(Printed::Progress(sim.progress_log()));
            }
            Ok(Printed::Report(
                Box::new(sim),
                ReportDetail {
                    windows,
                    runs,
                    samples,
                },
            ))
        }
        Command::Export(args) => export::run(
            load_config(args.config.clone(), args.preset.clone())?,
            &args,
        )
        .map(Printed::Text),
        Command::Sweep(args) => sweep::run(
            &load_config(args.config.clone(), args.preset.clone())?,
            &args,
        )
        .map(Printed::Text),
        Command::Presets => Ok(Printed::Text(
            presets::all()
                .iter()
                .map(|p| {
                    let scenario = bslab_engine::scenario::Scenario::new(&p.config.scenario);
                    let hours = p.config.duration_ms as f64 / 3_600_000.0;
                    format!("{:<24} {:<7} {hours} h", p.name, scenario.name())
                })
                .collect::<Vec<_>>()
                .join("\n"),
        )),
        Command::Params => Ok(Printed::Text(bslab_engine::params::reference())),
        Command::Config { preset } => Ok(Printed::Text(preset_config(&preset)?.to_json_pretty())),
    }
}

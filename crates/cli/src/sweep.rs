//! `bslab sweep`: one knob over a few values, the trade-off frontier as a table
//! (and, with `--csv`, a CSV file): freshness, p99 latency, cost and
//! completeness of batch and streaming at each value (`bslab_engine::sweep`).

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use bslab_engine::sweep::{self, PointFigures, SweepError, SweepPlan, SweepPoint};
use bslab_engine::ExperimentConfig;
use clap::Args;

/// Arguments of `bslab sweep`.
#[derive(Args)]
pub struct SweepArgs {
    /// Experiment config (JSON); see `bslab config --preset NAME`.
    #[arg(long, conflicts_with = "preset")]
    pub config: Option<PathBuf>,
    /// Sweep a built-in preset instead of a config file.
    #[arg(long)]
    pub preset: Option<String>,
    /// The knob, by its parameter path: streaming.mode.trigger_ms,
    /// streaming.watermark_delay_ms, batch.interval_ms, batch.workers,
    /// streaming.mode.workers or workload.rate_eps.
    #[arg(long)]
    pub param: String,
    /// The values, comma-separated (2 to 30), in the parameter's unit; durations
    /// may carry a unit (30s, 5 min).
    #[arg(long, conflicts_with_all = ["from", "to", "steps"], required_unless_present = "from")]
    pub values: Option<String>,
    /// First value of an evenly spaced range (with --to and --steps).
    #[arg(long, requires_all = ["to", "steps"])]
    pub from: Option<String>,
    /// Last value of the range.
    #[arg(long, requires = "from")]
    pub to: Option<String>,
    /// Number of values of the range (2 to 30).
    #[arg(long, requires = "from")]
    pub steps: Option<usize>,
    /// Also write the points as CSV to this file (never overwritten without --force).
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Overwrite the --csv file if it exists.
    #[arg(long, requires = "csv")]
    pub force: bool,
}

/// Runs the sweep `args` describe on `config`; returns the table.
pub fn run(config: &ExperimentConfig, args: &SweepArgs) -> Result<String, String> {
    let knob = sweep::knob(&args.param).map_err(|e| format!("--param: {e}"))?;
    let ms = knob.is_ms();
    let values = match (&args.values, &args.from, &args.to, args.steps) {
        (Some(list), ..) => list
            .split(',')
            .map(|v| number("--values", v, ms))
            .collect::<Result<Vec<_>, _>>()?,
        (None, Some(from), Some(to), Some(steps)) => {
            range(number("--from", from, ms)?, number("--to", to, ms)?, steps)?
        }
        _ => return Err("give --values a,b,c or --from X --to Y --steps N".into()),
    };
    if let Some(path) = &args.csv {
        crate::io::check_file_target("--csv", path, args.force)?;
    }
    let plan = SweepPlan::new(config, &args.param, &values).map_err(|e| match e {
        SweepError::UnknownKnob { .. } | SweepError::NotApplicable { .. } => {
            format!("--param: {e}")
        }
        _ if args.values.is_some() => format!("--values: {e}"),
        _ => format!("--from/--to/--steps: {e}"),
    })?;
    let points: Vec<SweepPoint> = (0..plan.len()).map(|i| plan.run(i)).collect();
    if let Some(path) = &args.csv {
        write_csv(path, &plan.path(), &points, args.force)?;
    }
    Ok(table(&plan.path(), &points))
}

/// A number of `flag`, a duration with its unit for a knob in ms.
fn number(flag: &str, text: &str, ms: bool) -> Result<f64, String> {
    let text = text.trim();
    let parsed = if ms {
        bslab_engine::duration::parse_ms(text).map_err(|e| e.to_string())
    } else {
        text.parse::<f64>().map_err(|e| e.to_string())
    };
    match parsed {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("{flag}: `{text}` is not a finite number")),
        Err(e) => Err(format!("{flag}: `{text}` is not a number ({e})")),
    }
}

/// `steps` values evenly from `from` to `to`; whole numbers stay whole when
/// both ends are (the step is rounded, so 1 to 10 in 4 steps is 1, 4, 7, 10).
fn range(from: f64, to: f64, steps: usize) -> Result<Vec<f64>, String> {
    if !(sweep::MIN_VALUES..=sweep::MAX_VALUES).contains(&steps) {
        return Err(format!(
            "--steps: {steps} is out of range (allowed: {} to {})",
            sweep::MIN_VALUES,
            sweep::MAX_VALUES
        ));
    }
    let whole = from.fract() == 0.0 && to.fract() == 0.0;
    Ok((0..steps)
        .map(|i| {
            let x = from + (to - from) * i as f64 / (steps - 1) as f64;
            if whole {
                x.round()
            } else {
                x
            }
        })
        .collect())
}

/// The CSV columns of one pipeline, `prefix` first.
fn columns(prefix: &str) -> String {
    [
        "freshness_ms_mean",
        "latency_p99_ms",
        "busy_worker_s",
        "provisioned_worker_s",
        "exact_rows",
        "truth_rows",
        "completeness",
        "dropped_late",
    ]
    .map(|c| format!("{prefix}_{c}"))
    .join(",")
}

fn cells(p: &PointFigures) -> String {
    let completeness = p.completeness().map_or_else(String::new, |c| c.to_string());
    format!(
        "{},{},{},{},{},{},{completeness},{}",
        p.freshness_ms_mean,
        p.latency_p99_ms,
        p.busy_worker_s,
        p.provisioned_worker_s,
        p.exact_rows,
        p.truth_rows,
        p.dropped_late
    )
}

/// The points as CSV: a header row, one row per value, `.` decimals, every
/// figure as the report has it (shortest exact form).
pub fn csv(path: &str, points: &[SweepPoint]) -> String {
    let mut out = format!("{path},{},{}\n", columns("batch"), columns("streaming"));
    for p in points {
        out.push_str(&format!(
            "{},{},{}\n",
            p.value,
            cells(&p.batch),
            cells(&p.streaming)
        ));
    }
    out
}

fn write_csv(path: &Path, knob: &str, points: &[SweepPoint], force: bool) -> Result<(), String> {
    let at = |e: std::io::Error| format!("--csv: {}: {e}", path.display());
    // Created only if absent unless --force: a file made meanwhile is not overwritten.
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(!force)
        .create(force)
        .truncate(force)
        .open(path)
        .map_err(at)?;
    file.write_all(csv(knob, points).as_bytes()).map_err(at)
}

/// The points as an aligned table, batch and streaming side by side.
fn table(knob: &str, points: &[SweepPoint]) -> String {
    let pct = |p: &PointFigures| {
        p.completeness()
            .map_or_else(|| "—".to_string(), |c| format!("{:.1} %", 100.0 * c))
    };
    let mut out = format!(
        "{knob:>28} | {:^23} | {:^23} | {:^23} | {:^21}\n{:>28} | {:>11} {:>11} | {:>11} {:>11} | {:>11} {:>11} | {:>10} {:>10}\n",
        "freshness (mean, s)",
        "latency p99 (s)",
        "cost (worker-s)",
        "complete windows",
        "",
        "batch",
        "streaming",
        "batch",
        "streaming",
        "batch",
        "streaming",
        "batch",
        "streaming",
    );
    for p in points {
        let (b, s) = (&p.batch, &p.streaming);
        out.push_str(&format!(
            "{:>28} | {:>11.1} {:>11.1} | {:>11.1} {:>11.1} | {:>11.0} {:>11.0} | {:>10} {:>10}\n",
            p.value,
            b.freshness_ms_mean / 1_000.0,
            s.freshness_ms_mean / 1_000.0,
            b.latency_p99_ms as f64 / 1_000.0,
            s.latency_p99_ms as f64 / 1_000.0,
            b.provisioned_worker_s,
            s.provisioned_worker_s,
            pct(b),
            pct(s),
        ));
    }
    out.pop();
    out
}

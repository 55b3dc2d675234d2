//! The charts' series and the dashboard table as CSV files, for spreadsheets,
//! pandas and DuckDB: UTF-8, one header row, `,` separators, `.` decimals,
//! times in milliseconds of simulated time, an empty field where a value does
//! not exist (no result published yet). The web app and `bslab run --csv` write
//! the same files from the same functions; `docs/csv-format.md` documents
//! every column.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::scenario::GroupKey;
use crate::{
    DashboardRow, PipelineSample, ReportDetail, Sample, SideOutputRow, Simulation, WindowRow,
};

/// One CSV file: its name (`latency.csv`, …) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    /// File name, e.g. `latency.csv`.
    pub name: &'static str,
    /// UTF-8 text, header row first, `\n` line ends.
    pub text: String,
}

/// The name of the Flink side output's file (only in runs that have one).
pub const SIDE_OUTPUT_CSV: &str = "late_side_output.csv";

/// Whether runs of `config` write [`SIDE_OUTPUT_CSV`]: per-record streaming
/// with Flink's late data sent to a side output (the app shows its button then).
pub fn has_side_output(config: &crate::ExperimentConfig) -> bool {
    matches!(
        config.streaming.mode,
        crate::config::StreamingMode::Continuous { .. }
    ) && config.streaming.flink.late_data == crate::LateDataOutput::SideOutput
}

/// A CSV field.
enum Cell {
    Int(i64),
    Num(f64),
    Missing,
    Text(String),
}

impl From<u64> for Cell {
    fn from(v: u64) -> Self {
        Cell::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Cell {
    fn from(v: i64) -> Self {
        Cell::Int(v)
    }
}

impl From<f64> for Cell {
    fn from(v: f64) -> Self {
        if v.is_finite() {
            Cell::Num(v)
        } else {
            Cell::Missing
        }
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Self {
        v.map_or(Cell::Missing, Into::into)
    }
}

fn table(name: &'static str, header: &[&str], rows: impl Iterator<Item = Vec<Cell>>) -> CsvFile {
    let mut text = header.join(",");
    text.push('\n');
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                text.push(',');
            }
            // `{}` of an f64 is plain decimal with a `.`, never an exponent.
            let _ = match cell {
                Cell::Int(v) => write!(text, "{v}"),
                Cell::Num(v) => write!(text, "{v}"),
                Cell::Missing => Ok(()),
                Cell::Text(s) if s.contains([',', '"', '\n']) => {
                    write!(text, "\"{}\"", s.replace('"', "\"\""))
                }
                Cell::Text(s) => write!(text, "{s}"),
            };
        }
        text.push('\n');
    }
    CsvFile { name, text }
}

/// One chart over the samples: per sample, `t_ms` then `f`'s cells for batch and
/// then for streaming, under `batch_<col>` and `streaming_<col>` headers.
fn per_pipeline(
    name: &'static str,
    cols: &[&str],
    samples: &[Sample],
    f: impl Fn(&PipelineSample) -> Vec<Cell>,
) -> CsvFile {
    let names: Vec<String> = ["batch", "streaming"]
        .iter()
        .flat_map(|p| cols.iter().map(move |c| format!("{p}_{c}")))
        .collect();
    let mut header = vec!["t_ms"];
    header.extend(names.iter().map(String::as_str));
    let rows = samples.iter().map(|s| {
        let mut row = vec![Cell::from(s.t_ms)];
        row.extend(f(&s.batch));
        row.extend(f(&s.streaming));
        row
    });
    table(name, &header, rows)
}

/// The group of a dashboard row, as data (not translated).
fn group_cells(key: &GroupKey) -> [Cell; 2] {
    match key {
        GroupKey::Category { category } => [Cell::Text(category.clone()), Cell::Missing],
        GroupKey::PostAction { post_id, action } => [
            Cell::Int(i64::from(*post_id)),
            Cell::Text((*action).to_string()),
        ],
        GroupKey::Card { card_id } => [Cell::Int(i64::from(*card_id)), Cell::Missing],
        GroupKey::Sensor { sensor_id } => [Cell::Int(i64::from(*sensor_id)), Cell::Missing],
        GroupKey::Visitor { visitor_id } => [Cell::Int(i64::from(*visitor_id)), Cell::Missing],
    }
}

/// The files of a run at its current instant, every group of the dashboard
/// included: what `bslab run --csv` writes and the web app downloads.
pub fn of_run(sim: &Simulation) -> Vec<CsvFile> {
    let report = sim.report(ReportDetail {
        windows: true,
        runs: false,
        samples: true,
    });
    let mut files = chart_files(
        report.samples.as_deref().unwrap_or_default(),
        report.windows.as_deref().unwrap_or_default(),
        report.t_ms,
        &sim.dashboard(usize::MAX),
    );
    if let Some(rows) = sim.side_output_rows() {
        files.push(side_output_file(sim, &rows));
    }
    files
}

/// `late_side_output.csv`, with Flink's late data sent to a side output: one
/// row per event later than the allowed lateness (the first
/// [`crate::flink_rules::MAX_LISTED_SIDE_OUTPUT`]; the report counts them all).
fn side_output_file(sim: &Simulation, rows: &[SideOutputRow]) -> CsvFile {
    table(
        SIDE_OUTPUT_CSV,
        &[
            "event_id",
            "group",
            "action",
            "event_time_ms",
            "arrival_time_ms",
            "side_output_ms",
            "watermark_ms",
            "amount_cents",
        ],
        rows.iter().map(|r| {
            let mut row = vec![r.event_id.into()];
            row.extend(group_cells(&sim.scenario().decode_key(r.key)));
            row.extend([
                r.event_time_ms.into(),
                r.arrival_time_ms.into(),
                r.done_ms.into(),
                r.watermark_ms.into(),
                r.amount_cents.into(),
            ]);
            row
        }),
    )
}

/// Every chart's series and the dashboard table, one file each, in a fixed order:
/// `latency.csv`, `throughput.csv`, `backlog.csv`, `freshness.csv`, `cost.csv`
/// (from `samples`), `completeness.csv` (from the window rows that ended by
/// `now_ms`) and `dashboard.csv`.
pub fn chart_files(
    samples: &[Sample],
    windows: &[WindowRow],
    now_ms: i64,
    dashboard: &[DashboardRow],
) -> Vec<CsvFile> {
    let input = table(
        "throughput.csv",
        &["t_ms", "input_eps", "batch_eps", "streaming_eps"],
        samples.iter().map(|s| {
            vec![
                s.t_ms.into(),
                s.arrival_rate_eps.into(),
                s.batch.throughput_eps.into(),
                s.streaming.throughput_eps.into(),
            ]
        }),
    );
    vec![
        per_pipeline(
            "latency.csv",
            &["p50_ms", "p99_ms", "oldest_waiting_ms"],
            samples,
            |p| {
                vec![
                    p.latency_p50_ms.into(),
                    p.latency_p99_ms.into(),
                    p.oldest_waiting_ms.into(),
                ]
            },
        ),
        input,
        per_pipeline("backlog.csv", &["waiting"], samples, |p| {
            vec![p.waiting.into()]
        }),
        per_pipeline("freshness.csv", &["freshness_ms"], samples, |p| {
            vec![p.freshness_ms.into()]
        }),
        per_pipeline(
            "cost.csv",
            &["provisioned_worker_s", "busy_worker_s"],
            samples,
            |p| vec![p.provisioned_worker_s.into(), p.busy_worker_s.into()],
        ),
        completeness(windows, now_ms),
        dashboard_file(dashboard),
    ]
}

/// Events per ended window, summed over groups: truth and both pipelines.
fn completeness(windows: &[WindowRow], now_ms: i64) -> CsvFile {
    let mut per_window: BTreeMap<(i64, i64), [u64; 3]> = BTreeMap::new();
    for w in windows.iter().filter(|w| w.window_end_ms <= now_ms) {
        let sums = per_window
            .entry((w.window_start_ms, w.window_end_ms))
            .or_default();
        sums[0] += w.truth.count;
        sums[1] += w.batch.map_or(0, |a| a.count);
        sums[2] += w.streaming.map_or(0, |a| a.count);
    }
    table(
        "completeness.csv",
        &[
            "window_start_ms",
            "window_end_ms",
            "truth_count",
            "batch_count",
            "streaming_count",
        ],
        per_window.into_iter().map(|((start, end), [t, b, s])| {
            vec![start.into(), end.into(), t.into(), b.into(), s.into()]
        }),
    )
}

fn dashboard_file(rows: &[DashboardRow]) -> CsvFile {
    table(
        "dashboard.csv",
        &[
            "group",
            "action",
            "truth_count",
            "truth_sum_cents",
            "batch_count",
            "batch_sum_cents",
            "streaming_count",
            "streaming_sum_cents",
        ],
        rows.iter().map(|r| {
            let mut row = Vec::from(group_cells(&r.key));
            for a in [&r.truth, &r.batch, &r.streaming] {
                row.push(a.count.into());
                row.push(a.sum_cents.into());
            }
            row
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed_and_missing_values_are_empty() {
        let file = table(
            "t.csv",
            &["a", "b", "c", "d"],
            std::iter::once(vec![
                Cell::Text("x, \"y\"".into()),
                Cell::from(None::<u64>),
                Cell::from(0.25),
                Cell::from(f64::NAN),
            ]),
        );
        assert_eq!(file.text, "a,b,c,d\n\"x, \"\"y\"\"\",,0.25,\n");
    }

    #[test]
    fn decimals_never_use_an_exponent() {
        let file = table("t.csv", &["v"], std::iter::once(vec![Cell::from(1e21)]));
        assert_eq!(file.text, "v\n1000000000000000000000\n");
    }
}

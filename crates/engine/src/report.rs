//! The report of a run: totals per pipeline, with the metrics of the crate
//! glossary (see the crate docs).
//! The JSON format is documented in `docs/report-format.md` and kept stable.

use serde::Serialize;

use crate::batch::BatchRun;
use crate::latency::LatencySummary;
use crate::metrics::Sample;
use crate::microbatch::MicroBatchInfo;
use crate::scenario::GroupKey;
use crate::time::TimeMs;
use crate::window::Agg;

/// Version of the report format (bumped on any incompatible change).
pub const REPORT_FORMAT: u32 = 1;

/// Totals of one pipeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PipelineReport {
    /// Events processed.
    pub processed: u64,
    /// Events arrived and not yet processed at the end.
    pub waiting: u64,
    /// Events dropped (streaming) or missed (batch) because they came too late.
    pub dropped_late: u64,
    /// Result latency distribution, in ms.
    pub latency_ms: LatencySummary,
    /// Events processed per second of simulated time.
    pub throughput_eps: f64,
    /// Most events per second it can sustain with its workers and costs (null: unbounded).
    pub capacity_eps: Option<f64>,
    /// Mean backlog over the samples, in events.
    pub backlog_mean: f64,
    /// Largest backlog over the samples, in events.
    pub backlog_max: u64,
    /// Mean freshness (staleness) over the samples, in ms.
    pub freshness_ms_mean: f64,
    /// Worker-seconds spent working.
    pub busy_worker_s: f64,
    /// Worker-seconds provisioned (paid for).
    pub provisioned_worker_s: f64,
    /// Published windows scored against the ground truth.
    pub windows: WindowScore,
    /// Batch: runs finished; streaming: micro-batches finished (0 in continuous mode).
    pub runs: u64,
    /// Batch: most runs ever waiting behind a running one (0 for streaming).
    pub max_queued_runs: u32,
    /// Streaming: the watermark at the end, in ms (null for batch).
    pub watermark_ms: Option<TimeMs>,
    /// Session windows: events that joined two or more sessions into one
    /// (a late event filling a gap); absent for other window kinds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_merges: Option<u64>,
}

/// Published (window, key) rows compared with the ground truth.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct WindowScore {
    /// Rows of the query over all generated events (ground truth).
    pub truth_rows: u64,
    /// Rows published.
    pub published_rows: u64,
    /// Published rows equal to the truth.
    pub exact_rows: u64,
    /// Truth rows never published.
    pub missing_rows: u64,
    /// Σ |published count − true count| over the truth rows (missing rows count fully).
    pub count_error: u64,
    /// Σ |published sum − true sum| over the truth rows, in cents.
    pub sum_error_cents: u64,
}

/// One (window, key) row: truth and what each pipeline last published.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WindowRow {
    /// Window start, in ms.
    pub window_start_ms: TimeMs,
    /// Window end (exclusive), in ms.
    pub window_end_ms: TimeMs,
    /// Group key.
    pub key: GroupKey,
    /// The exact value.
    pub truth: Agg,
    /// Batch's published value (null: never published).
    pub batch: Option<Agg>,
    /// Streaming's published value (null: never published).
    pub streaming: Option<Agg>,
    /// When streaming first published it, in ms.
    pub streaming_first_ms: Option<TimeMs>,
    /// When batch published it, in ms.
    pub batch_first_ms: Option<TimeMs>,
    /// Session windows: the end of the session batch published at this start
    /// (a pipeline's session can end elsewhere than the true one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch_end_ms: Option<TimeMs>,
    /// Session windows: the end of the session streaming published at this start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub streaming_end_ms: Option<TimeMs>,
}

/// How one pipeline did against one fraud burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Detection {
    /// When the first alert on the card was published, in ms (null: never).
    pub detected_ms: Option<TimeMs>,
    /// From the burst's first transaction to the alert, in ms.
    pub time_to_detect_ms: Option<TimeMs>,
    /// Money of the burst's transactions made before the alert, in cents (all of it if never detected).
    pub lost_cents: i64,
}

/// One injected fraud burst and how both pipelines did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BurstReport {
    /// The card.
    pub card_id: u32,
    /// Event time of the first fraudulent transaction, in ms.
    pub start_ms: TimeMs,
    /// Fraudulent transactions.
    pub transactions: u32,
    /// Their total amount, in cents.
    pub amount_cents: i64,
    /// Batch pipeline.
    pub batch: Detection,
    /// Streaming pipeline.
    pub streaming: Detection,
}

/// Fraud scenario results.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FraudReport {
    /// Every burst that started in the run.
    pub bursts: Vec<BurstReport>,
    /// Batch: bursts detected.
    pub batch_detected: u32,
    /// Streaming: bursts detected.
    pub streaming_detected: u32,
    /// Batch: mean time to detect over detected bursts, in ms.
    pub batch_mean_time_to_detect_ms: Option<f64>,
    /// Streaming: mean time to detect over detected bursts, in ms.
    pub streaming_mean_time_to_detect_ms: Option<f64>,
    /// Batch: money lost before detection, in cents.
    pub batch_lost_cents: i64,
    /// Streaming: money lost before detection, in cents.
    pub streaming_lost_cents: i64,
    /// Batch: alerts on cards with no burst in that window.
    pub batch_false_alerts: u64,
    /// Streaming: alerts on cards with no burst in that window.
    pub streaming_false_alerts: u64,
}

/// The report of a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Report format version.
    pub format: u32,
    /// Engine version that produced it.
    pub engine_version: &'static str,
    /// `sales`, `social`, `fraud` or `iot`.
    pub scenario: &'static str,
    /// The seed.
    pub seed: u64,
    /// Simulated time reached, in ms.
    pub t_ms: TimeMs,
    /// Events generated.
    pub generated: u64,
    /// Events generated but not yet arrived.
    pub in_transit: u64,
    /// Events arrived per second of simulated time.
    pub arrival_rate_eps: f64,
    /// The batch pipeline.
    pub batch: PipelineReport,
    /// The streaming pipeline.
    pub streaming: PipelineReport,
    /// Continuous mode under Poisson arrivals: queueing theory next to the measurement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queueing: Option<crate::queueing::QueueingReport>,
    /// Per-record mode with Flink's late-data rules set: what they did with each event.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub late_data: Option<crate::LateDataReport>,
    /// Fraud scenario: detection of each burst.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fraud: Option<FraudReport>,
    /// IoT scenario: time-to-alert, missed and false alerts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alerts: Option<crate::alerts::AlertReport>,
    /// Web traffic: sessions, complete and as a stream reads them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<crate::web_sessions::WebReport>,
    /// Every window row (with `windows` detail).
    #[serde(skip)]
    pub windows: Option<Vec<WindowRow>>,
    /// Batch runs (with `runs` detail).
    #[serde(skip)]
    pub batch_runs: Option<Vec<BatchRun>>,
    /// Micro-batches (with `runs` detail).
    #[serde(skip)]
    pub micro_batches: Option<Vec<MicroBatchInfo>>,
    /// The metric time series (with `samples` detail).
    #[serde(skip)]
    pub samples: Option<Vec<Sample>>,
}

/// Which optional parts a report includes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReportDetail {
    /// Every window row with truth and both published values.
    pub windows: bool,
    /// The batch run log and the micro-batch log.
    pub runs: bool,
    /// The sampled time series.
    pub samples: bool,
}

impl ReportDetail {
    /// Everything.
    pub const FULL: Self = Self {
        windows: true,
        runs: true,
        samples: true,
    };
}

impl Report {
    /// Pretty JSON, the CLI's output format (written compactly, then indented:
    /// `pretty_json` says why). The detail parts, when present, are the last
    /// fields, in the struct's order.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string(self).unwrap_or_default();
        json.pop(); // the closing brace: the details go before it
        detail(&mut json, "windows", self.windows.as_ref());
        detail(&mut json, "batch_runs", self.batch_runs.as_ref());
        detail(&mut json, "micro_batches", self.micro_batches.as_ref());
        detail(&mut json, "samples", self.samples.as_ref());
        json.push('}');
        crate::pretty_json::indent(&json)
    }

    /// The report's JSON without its detail parts (window rows, run logs,
    /// samples): [`Report::to_json`] of a report that has none. The web page's
    /// reports have none, and this keeps the details' writing code out of its wasm.
    pub fn totals_json(&self) -> String {
        crate::pretty_json::indent(&serde_json::to_string(self).unwrap_or_default())
    }

    /// A short fingerprint of the whole report (FNV-1a of its JSON): equal
    /// digests mean identical results, natively and in the browser.
    pub fn digest(&self) -> String {
        format!("{:016x}", fnv1a(self.to_json().as_bytes()))
    }

    /// [`Report::digest`] of a report without detail parts (the page's):
    /// the fingerprint of [`Report::totals_json`].
    pub fn totals_digest(&self) -> String {
        format!("{:016x}", fnv1a(self.totals_json().as_bytes()))
    }
}

/// Appends `,"name":<part as compact JSON>` when the report has that detail part.
fn detail<T: Serialize>(json: &mut String, name: &str, part: Option<&T>) {
    if let Some(part) = part {
        let part = serde_json::to_string(part).unwrap_or_default();
        json.push_str(&format!(",\"{name}\":{part}"));
    }
}

/// 64-bit FNV-1a: tiny, stable, platform-independent.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

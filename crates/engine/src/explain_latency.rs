//! "Why this latency percentile?": the recorded events ranked by result
//! latency (from their event time to the first publication that includes
//! them), and the events at and around the rank that sets the percentile,
//! with their arrival and publication instants.
//!
//! The pipeline's own percentile comes from a histogram (3 significant digits,
//! window events at their bucket's middle); this ranking uses each event's
//! exact times, so the two agree to within a histogram bucket.

use serde::Serialize;

use crate::config::OutputMode;
use crate::event_time::Sources;
use crate::explain::{EventStory, Pipeline, EXPLAIN_LIMIT};
use crate::fate::{BatchFate, StreamFate};
use crate::output::PublishedRow;
use crate::time::TimeMs;

/// Events listed on each side of the one that sets the percentile.
const AROUND: usize = (EXPLAIN_LIMIT - 1) / 2;

/// Which latency percentile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Percentile {
    /// The median.
    P50,
    /// The 99th percentile.
    P99,
}

impl Percentile {
    /// Its quantile, in [0, 1].
    pub fn quantile(self) -> f64 {
        match self {
            Self::P50 => 0.50,
            Self::P99 => 0.99,
        }
    }
}

/// One event with its result latency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TimedEvent {
    /// The event and its fates.
    pub story: EventStory,
    /// When the first result including it was published, in ms.
    pub published_ms: TimeMs,
    /// `published_ms − event time`, in ms.
    pub latency_ms: TimeMs,
    /// Its rank among the measured events, fastest first (1-based).
    pub rank: u64,
}

/// Why a pipeline's latency percentile is what it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LatencyStory {
    /// The pipeline.
    pub pipeline: Pipeline,
    /// The percentile asked.
    pub percentile: Percentile,
    /// Recorded events with a publication (the latencies ranked).
    pub measured: u64,
    /// The rank that sets the percentile: ⌈q × measured⌉ (at least 1; 0 when none).
    pub rank: u64,
    /// The latency at that rank, in ms (0 when none).
    pub value_ms: TimeMs,
    /// The events ranked around it, fastest first (at most [`EXPLAIN_LIMIT`]).
    pub events: Vec<TimedEvent>,
    /// Measured events faster than the first listed.
    pub faster: u64,
    /// Measured events slower than the last listed.
    pub slower: u64,
    /// No arrival was forgotten and every fate is known: `measured` is the
    /// pipeline's whole count.
    pub complete: bool,
}

impl Sources<'_> {
    /// Explains `pipeline`'s `percentile`; `rows` are its published rows,
    /// `forgotten` whether any arrival was forgotten.
    pub(crate) fn explain_latency(
        &self,
        pipeline: Pipeline,
        percentile: Percentile,
        rows: &std::collections::BTreeMap<(TimeMs, u32), PublishedRow>,
        forgotten: bool,
    ) -> LatencyStory {
        let mut complete = !forgotten;
        // (latency, id, index): small keys sort fast, and share one sort with
        // the per-record completions' (no second copy of the sort in the wasm).
        let mut ranked: Vec<(TimeMs, u64, u32)> = Vec::new();
        let mut published: Vec<(EventStory, TimeMs)> = Vec::new();
        for a in self.arrivals {
            let s = self.story(a);
            let at = match pipeline {
                Pipeline::Batch => match s.batch {
                    BatchFate::Read { published_ms, .. } => published_ms,
                    BatchFate::Unknown => {
                        complete = false;
                        None
                    }
                    _ => None,
                },
                Pipeline::Streaming => match s.streaming {
                    // Append mode publishes a row once, when its window closes.
                    StreamFate::Counted { published_ms, .. }
                        if self.config.streaming.output_mode == OutputMode::Append =>
                    {
                        published_ms
                            .and(rows.get(&(s.window.0, a.key)))
                            .map(|r| r.first_ms)
                    }
                    StreamFate::Counted { published_ms, .. }
                    | StreamFate::Served { published_ms, .. } => published_ms,
                    // A late firing publishes the event as it is served.
                    StreamFate::LateFired { done_ms, .. } => Some(done_ms),
                    StreamFate::Unknown => {
                        complete = false;
                        None
                    }
                    _ => None,
                },
            };
            if let Some(at) = at {
                ranked.push((at - a.event_time_ms, a.id, published.len() as u32));
                published.push((s, at));
            }
        }
        // Equal latencies by id: the same order on every machine.
        ranked.sort_unstable();
        let measured = ranked.len() as u64;
        let rank = if measured == 0 {
            0
        } else {
            ((percentile.quantile() * measured as f64).ceil() as u64).clamp(1, measured)
        };
        let at = rank.saturating_sub(1) as usize;
        let first = at.saturating_sub(AROUND);
        let last = (at + AROUND + 1).min(ranked.len());
        let events = ranked[first..last]
            .iter()
            .zip(first as u64 + 1..)
            .map(|(&(latency_ms, _, i), rank)| {
                let (story, published_ms) = published[i as usize];
                TimedEvent {
                    story,
                    published_ms,
                    latency_ms,
                    rank,
                }
            })
            .collect();
        LatencyStory {
            pipeline,
            percentile,
            measured,
            rank,
            value_ms: ranked.get(at).map_or(0, |t| t.0),
            events,
            faster: first as u64,
            slower: measured - last as u64,
            complete,
        }
    }
}

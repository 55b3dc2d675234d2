//! What happened to each event in each pipeline: which micro-batch or batch run
//! read it, whether it was late and why.
//!
//! Derived from what the pipelines record (the micro-batch log with each
//! batch's start and watermark, the batch run log with each run's data
//! cut-off), not from a second copy of their rules: a micro-batch reads
//! everything that arrived up to its start, so an event belongs to the first
//! batch that started at or after its arrival; that batch drops it when its
//! window ended at or before the watermark of the batch before (Spark's rule,
//! `docs/spark-semantics.md`). A batch run reads its event-time period as it
//! stands when the run starts; what arrives later is missed.

use std::collections::VecDeque;

use serde::Serialize;

use crate::batch::BatchRun;
use crate::config::WindowConfig;
use crate::microbatch::MicroBatchInfo;
use crate::time::TimeMs;

/// The event-time windows an event belongs to, as `(start, end)` in ms,
/// earliest end first: the one place the picture and the explanations ask.
/// Tumbling windows: exactly one; sliding: `size / slide`; cumulative: one per
/// remaining step of the period.
///
/// # Examples
/// ```
/// use bslab_engine::fate::windows_of;
/// use bslab_engine::WindowConfig;
/// let minutes = WindowConfig { size_ms: 60_000, ..WindowConfig::default() };
/// assert_eq!(windows_of(&minutes, 61_000).collect::<Vec<_>>(), vec![(60_000, 120_000)]);
/// ```
pub fn windows_of(
    window: &WindowConfig,
    event_time_ms: TimeMs,
) -> impl Iterator<Item = (TimeMs, TimeMs)> {
    crate::window::windows_in(window, event_time_ms).map(|w| (w.start, w.end))
}

/// An event's fate in the streaming pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "fate", rename_all = "snake_case")]
pub enum StreamFate {
    /// Arrived; no micro-batch has read it yet.
    Waiting,
    /// Read by micro-batch `batch_id` and added to its window; published when
    /// that batch ended at `published_ms` (None: the batch is still running).
    Counted {
        /// The micro-batch that read it.
        batch_id: u64,
        /// When that batch ended and published, in ms.
        published_ms: Option<TimeMs>,
    },
    /// Dropped by micro-batch `batch_id`: its window ended at or before
    /// `watermark_ms`, the watermark of the batch before.
    Dropped {
        /// The micro-batch that read and dropped it.
        batch_id: u64,
        /// The watermark its window's end was compared with, in ms.
        watermark_ms: TimeMs,
        /// When that batch ended and counted the drop, in ms (None: still running).
        counted_ms: Option<TimeMs>,
    },
    /// Per record: served by a worker until `done_ms` and added to its window;
    /// published then (update mode) or when its window closed (append mode;
    /// None while it is open).
    Served {
        /// When its service ended, in ms.
        done_ms: TimeMs,
        /// When the first result including it was published, in ms.
        published_ms: Option<TimeMs>,
    },
    /// Per record: served until `done_ms`, then dropped: its window had ended
    /// at or before `watermark_ms`, the watermark at that instant.
    Discarded {
        /// When its service ended (and the drop was counted), in ms.
        done_ms: TimeMs,
        /// The watermark its window's end was compared with, in ms.
        watermark_ms: TimeMs,
    },
    /// Per record, Flink's allowed lateness: served until `done_ms` after its
    /// window had fired (its end at or before `watermark_ms`) but before the
    /// window's state was cleared; added to it and published at once, a late firing.
    LateFired {
        /// When its service ended and the window fired again, in ms.
        done_ms: TimeMs,
        /// The watermark its window's end was compared with, in ms.
        watermark_ms: TimeMs,
    },
    /// Not known: the batch (or completion) that read it is older than the kept log.
    Unknown,
}

impl StreamFate {
    /// Whether the pipeline dropped it as late.
    pub fn is_late(&self) -> bool {
        matches!(self, Self::Dropped { .. } | Self::Discarded { .. })
    }
}

/// An event's fate in the batch pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "fate", rename_all = "snake_case")]
pub enum BatchFate {
    /// The run of its period has not started yet.
    Waiting,
    /// Read by the run that started at `run_start_ms`; published when it ended
    /// at `published_ms` (None: still running).
    Read {
        /// When the run started (its data cut-off), in ms.
        run_start_ms: TimeMs,
        /// When the run ended and published, in ms.
        published_ms: Option<TimeMs>,
    },
    /// Arrived after the run of its period had started at `run_start_ms`: missed.
    Missed {
        /// When the run of its period started, in ms.
        run_start_ms: TimeMs,
    },
    /// The run of its period is older than the kept log.
    Unknown,
}

/// The micro-batches so far: the kept log (oldest first) and the running one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MicroBatches<'a> {
    pub(crate) finished: &'a VecDeque<MicroBatchInfo>,
    pub(crate) running: Option<&'a MicroBatchInfo>,
}

impl MicroBatches<'_> {
    /// The fate of an event that arrived at `arrival_ms`, of a window ending at
    /// `window_end_ms`. Arrivals taken in arrival order share `cursor` (from 0):
    /// it only moves forward, so a whole picture costs one pass over the log.
    pub(crate) fn fate_in_order(
        &self,
        cursor: &mut usize,
        arrival_ms: TimeMs,
        window_end_ms: TimeMs,
    ) -> StreamFate {
        if *cursor == 0 {
            *cursor = self.finished.partition_point(|b| b.start_ms < arrival_ms);
        }
        while self
            .finished
            .get(*cursor)
            .is_some_and(|b| b.start_ms < arrival_ms)
        {
            *cursor += 1;
        }
        self.fate_at(*cursor, arrival_ms, window_end_ms)
    }

    /// The fate when `finished[i]` is the first batch started at or after the arrival.
    fn fate_at(&self, i: usize, arrival_ms: TimeMs, window_end_ms: TimeMs) -> StreamFate {
        let (batch, published_ms, before) = match self.finished.get(i) {
            Some(b) => (
                b,
                Some(b.end_ms),
                i.checked_sub(1).map(|j| &self.finished[j]),
            ),
            None => match self.running.filter(|r| r.start_ms >= arrival_ms) {
                Some(r) => (r, None, self.finished.back()),
                None => return StreamFate::Waiting,
            },
        };
        // The first batch has no batch before: its late filter uses watermark 0.
        let previous_watermark = match before {
            Some(b) => b.watermark_ms,
            None if batch.id == 0 => 0,
            None => return StreamFate::Unknown,
        };
        if window_end_ms <= previous_watermark {
            StreamFate::Dropped {
                batch_id: batch.id,
                watermark_ms: previous_watermark,
                counted_ms: published_ms,
            }
        } else {
            StreamFate::Counted {
                batch_id: batch.id,
                published_ms,
            }
        }
    }

    /// The watermark of the newest finished batch (0 before any): windows
    /// ending at or before it are final.
    pub(crate) fn final_watermark(&self) -> TimeMs {
        self.finished.back().map_or(0, |b| b.watermark_ms)
    }
}

/// The batch runs so far: the kept log (oldest first), the running one, the interval.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BatchRuns<'a> {
    pub(crate) finished: &'a VecDeque<BatchRun>,
    pub(crate) running: Option<&'a BatchRun>,
    pub(crate) interval_ms: TimeMs,
}

impl BatchRuns<'_> {
    /// The fate of an event that happened at `event_ms` and arrived at `arrival_ms`.
    pub(crate) fn fate(&self, event_ms: TimeMs, arrival_ms: TimeMs) -> BatchFate {
        let period = event_ms.div_euclid(self.interval_ms) * self.interval_ms;
        let i = self
            .finished
            .partition_point(|r| r.period_start_ms < period);
        let (run, published_ms) = match self.finished.get(i) {
            Some(r) if r.period_start_ms == period => (r, Some(r.end_ms)),
            _ => match self.running.filter(|r| r.period_start_ms == period) {
                Some(r) => (r, None),
                None if i == 0
                    && self
                        .finished
                        .front()
                        .is_some_and(|r| r.period_start_ms > period) =>
                {
                    return BatchFate::Unknown
                }
                None => return BatchFate::Waiting,
            },
        };
        if arrival_ms <= run.start_ms {
            BatchFate::Read {
                run_start_ms: run.start_ms,
                published_ms,
            }
        } else {
            BatchFate::Missed {
                run_start_ms: run.start_ms,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(id: u64, start_ms: TimeMs, watermark_ms: TimeMs) -> MicroBatchInfo {
        MicroBatchInfo {
            id,
            start_ms,
            end_ms: start_ms + 5,
            input_rows: 1,
            dropped_rows: 0,
            dropped_groups: 0,
            watermark_ms,
            emitted_rows: 0,
            stats: Default::default(),
        }
    }

    #[test]
    fn an_event_belongs_to_the_first_batch_started_at_or_after_its_arrival() {
        let finished: VecDeque<_> = [batch(0, 10, 0), batch(1, 20, 100)].into();
        let running = batch(2, 30, 150);
        let b = MicroBatches {
            finished: &finished,
            running: Some(&running),
        };
        assert_eq!(
            b.fate_in_order(&mut 0, 10, 1_000),
            StreamFate::Counted {
                batch_id: 0,
                published_ms: Some(15)
            }
        );
        assert_eq!(
            b.fate_in_order(&mut 0, 25, 1_000),
            StreamFate::Counted {
                batch_id: 2,
                published_ms: None
            }
        );
        // Batch 2 filters with batch 1's watermark (100): a window ending at 100 is late.
        assert_eq!(
            b.fate_in_order(&mut 0, 25, 100),
            StreamFate::Dropped {
                batch_id: 2,
                watermark_ms: 100,
                counted_ms: None
            }
        );
        // Batch 1 filters with batch 0's watermark (0): the same window is on time.
        assert!(!b.fate_in_order(&mut 0, 15, 100).is_late());
        assert_eq!(b.fate_in_order(&mut 0, 31, 1_000), StreamFate::Waiting);
    }

    #[test]
    fn a_batch_run_misses_what_arrives_after_its_start() {
        let run = |p: TimeMs, s: TimeMs| BatchRun {
            period_start_ms: p,
            due_ms: s,
            start_ms: s,
            end_ms: s + 10,
            events: 0,
        };
        let finished: VecDeque<_> = [run(100, 250)].into();
        let runs = BatchRuns {
            finished: &finished,
            running: None,
            interval_ms: 100,
        };
        assert_eq!(
            runs.fate(150, 250),
            BatchFate::Read {
                run_start_ms: 250,
                published_ms: Some(260)
            }
        );
        assert_eq!(runs.fate(150, 251), BatchFate::Missed { run_start_ms: 250 });
        assert_eq!(runs.fate(50, 60), BatchFate::Unknown);
        assert_eq!(runs.fate(250, 260), BatchFate::Waiting);
    }
}

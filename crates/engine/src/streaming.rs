//! The streaming pipeline: micro-batch or continuous, behind one interface.

use crate::config::{StreamingConfig, StreamingMode};
use crate::continuous::{Continuous, ContinuousParams};
use crate::event::Event;
use crate::microbatch::{MicroBatch, MicroBatchInfo, MicroBatchParams};
use crate::output::Output;
use crate::queueing::QueueTally;
use crate::rng::{rng, Stream};
use crate::runlog::RunLog;
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::window::Geometry;

#[derive(Debug, Clone)]
pub(crate) enum StreamingPipeline {
    MicroBatch(Box<MicroBatch>),
    Continuous(Box<Continuous>),
}

impl StreamingPipeline {
    pub(crate) fn new(
        cfg: &StreamingConfig,
        geometry: Geometry,
        scenario: Scenario,
        seed: u64,
    ) -> Self {
        match &cfg.mode {
            StreamingMode::MicroBatch {
                trigger_ms,
                batch_overhead_ms,
                per_event_cost_us,
                workers,
            } => Self::MicroBatch(Box::new(MicroBatch::new(
                MicroBatchParams {
                    trigger_ms: *trigger_ms,
                    overhead_ms: *batch_overhead_ms,
                    cost_us: *per_event_cost_us,
                    workers: *workers,
                    watermark_delay_ms: cfg.watermark_delay_ms,
                    output: cfg.output_mode,
                },
                geometry,
                scenario,
            ))),
            StreamingMode::Continuous {
                workers,
                service,
                service_mean_ms,
            } => Self::Continuous(Box::new(Continuous::new(
                ContinuousParams {
                    workers: *workers,
                    service: *service,
                    service_mean_ms: *service_mean_ms,
                    watermark_delay_ms: cfg.watermark_delay_ms,
                    output: cfg.output_mode,
                },
                geometry,
                scenario,
                rng(seed, Stream::Service),
            ))),
        }
    }

    #[inline]
    pub(crate) fn on_arrival(&mut self, event: &Event, key: u32) {
        match self {
            Self::MicroBatch(m) => m.on_arrival(event, key),
            Self::Continuous(c) => c.on_arrival(event, key),
        }
    }

    pub(crate) fn next_time(&self) -> TimeMs {
        match self {
            Self::MicroBatch(m) => m.next_time(),
            Self::Continuous(c) => c.next_time(),
        }
    }

    /// Whether only an arrival can make it do anything (micro-batch with nothing
    /// to read; per-record mode is woken by its arrivals directly).
    pub(crate) fn idle(&self) -> bool {
        match self {
            Self::MicroBatch(m) => m.idle(),
            Self::Continuous(_) => false,
        }
    }

    pub(crate) fn advance(&mut self, now: TimeMs) {
        match self {
            Self::MicroBatch(m) => m.advance(now),
            Self::Continuous(c) => c.advance(now),
        }
    }

    pub(crate) fn out(&self) -> &Output {
        match self {
            Self::MicroBatch(m) => &m.out,
            Self::Continuous(c) => &c.out,
        }
    }

    pub(crate) fn out_mut(&mut self) -> &mut Output {
        match self {
            Self::MicroBatch(m) => &mut m.out,
            Self::Continuous(c) => &mut c.out,
        }
    }

    pub(crate) fn waiting(&self) -> u64 {
        match self {
            Self::MicroBatch(m) => m.waiting(),
            Self::Continuous(c) => c.waiting(),
        }
    }

    pub(crate) fn complete_up_to(&self, now: TimeMs) -> TimeMs {
        match self {
            Self::MicroBatch(m) => m.complete_up_to(now),
            Self::Continuous(c) => c.complete_up_to(now),
        }
    }

    /// Events processed by `now`, work under way counted in proportion to its progress.
    pub(crate) fn processed_spread(&self, now: TimeMs) -> f64 {
        match self {
            Self::MicroBatch(m) => m.processed_spread(now),
            // Services last milliseconds: counted when they complete.
            Self::Continuous(c) => c.out.processed as f64,
        }
    }

    /// Earliest event time of the events arrived and not yet processed.
    pub(crate) fn oldest_waiting(&self) -> Option<TimeMs> {
        match self {
            Self::MicroBatch(m) => m.oldest_waiting(),
            Self::Continuous(c) => c.oldest_waiting(),
        }
    }

    pub(crate) fn cost_at(&self, now: TimeMs) -> (f64, f64) {
        match self {
            Self::MicroBatch(m) => m.cost_at(now),
            Self::Continuous(c) => c.cost_at(now),
        }
    }

    pub(crate) fn watermark_ms(&self) -> TimeMs {
        match self {
            Self::MicroBatch(m) => m.watermark_ms(),
            Self::Continuous(c) => c.watermark_ms(),
        }
    }

    pub(crate) fn open_windows(&self) -> usize {
        match self {
            Self::MicroBatch(m) => m.open_windows(),
            Self::Continuous(c) => c.open_windows(),
        }
    }

    /// The micro-batch log (None in continuous mode).
    pub(crate) fn batch_log(&self) -> Option<&RunLog<MicroBatchInfo>> {
        match self {
            Self::MicroBatch(m) => Some(&m.log),
            Self::Continuous(_) => None,
        }
    }

    /// Queue statistics (continuous mode only).
    pub(crate) fn queue_tally(&self) -> Option<&QueueTally> {
        match self {
            Self::MicroBatch(_) => None,
            Self::Continuous(c) => Some(&c.tally),
        }
    }

    /// Whether work is under way (a micro-batch running, or events in service).
    pub(crate) fn busy(&self) -> bool {
        match self {
            Self::MicroBatch(m) => m.running(),
            Self::Continuous(c) => c.waiting() > 0,
        }
    }
}

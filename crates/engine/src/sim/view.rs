//! What the app shows of a running [`Simulation`] every frame: live counters
//! for the animated diagram and each pipeline's dashboard.

use super::Simulation;
use crate::live::{BatchLive, DashboardRow, Live, StreamingLive};
use crate::time::TimeMs;

impl Simulation {
    /// Live counters for the animated diagram.
    pub fn live(&self) -> Live {
        Live {
            t_ms: self.now,
            generated: self.generator.generated(),
            in_transit: self.transit.len(),
            batch: self.batch_live(),
            streaming: self.streaming_live(),
        }
    }

    fn batch_live(&self) -> BatchLive {
        let batch = self.batch();
        let (queued_runs, next_run_ms) = batch.schedule().unwrap_or((0, TimeMs::MAX));
        BatchLive {
            waiting: batch.waiting(),
            processed: batch.out().processed,
            dropped_late: batch.out().dropped_late,
            running: batch.busy(),
            queued_runs,
            next_run_ms,
            complete_up_to_ms: batch.complete_up_to(self.now),
        }
    }

    fn streaming_live(&self) -> StreamingLive {
        let streaming = self.streaming();
        StreamingLive {
            waiting: streaming.waiting(),
            processed: streaming.out().processed,
            dropped_late: streaming.out().dropped_late,
            busy: streaming.busy(),
            watermark_ms: streaming.watermark_ms().unwrap_or(0),
            open_windows: streaming.open_windows() as u32,
            complete_up_to_ms: streaming.complete_up_to(self.now),
        }
    }

    /// Published totals per group key next to the truth so far, largest truth
    /// first, at most `limit` rows (the "live dashboard" of each pipeline).
    pub fn dashboard(&self, limit: usize) -> Vec<DashboardRow> {
        let batch = &self.batch().out().totals;
        let streaming = &self.streaming().out().totals;
        let truth = self.truth.totals(&self.scenario);
        // Rank the keys first and decode only the lines shown: the app asks every
        // frame, and social has up to 30,000 keys.
        let shown = (0..truth.len())
            .filter(|&k| truth[k].count > 0 || batch[k].count > 0 || streaming[k].count > 0)
            .map(|k| (truth[k].count, k as u32));
        crate::rank::most_first(shown)
            .take(limit)
            .map(|k| k as usize)
            .map(|k| DashboardRow {
                key: self.scenario.decode_key(k as u32),
                truth: truth[k],
                batch: batch[k],
                streaming: streaming[k],
            })
            .collect()
    }
}

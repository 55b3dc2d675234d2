//! The metric time series: one [`Sample`] per sample interval, taken after the
//! pipelines have advanced to the sample's instant. Apart from the stepping
//! (`sim/mod.rs`) because it only reads the pipelines and the counters.

use super::Simulation;
use crate::metrics::{PipelineSample, Sample};
use crate::time::TimeMs;

impl Simulation {
    /// Records the sample of `now`, and when the next one is due.
    pub(super) fn take_sample(&mut self) {
        // A sample reads the interval's latencies, not the rows: the rows
        // gathered stay gathered (written when a step ends or before a fold),
        // so a row updated across many samples is written to the ordered
        // table once, not at each sample (a search of its far end each time).
        self.pipelines
            .iter_mut()
            .for_each(|p| p.out_mut().latency.flush());
        let now = self.now;
        let interval_s = self
            .samples
            .last()
            .map_or(0.0, |s| (now - s.t_ms) as f64 / 1_000.0);
        let mut lanes = [PipelineSample::default(); 2];
        for (i, p) in self.pipelines.iter_mut().enumerate() {
            let at = p.at(now);
            lanes[i] = at.sample(p.out_mut(), now, self.previous_spread[i], interval_s);
            self.previous_spread[i] = at.spread;
        }
        let [batch, streaming] = lanes;
        self.samples.push(Sample {
            t_ms: now,
            generated: self.generator.generated(),
            in_transit: self.transit.len(),
            arrival_rate_eps: if interval_s > 0.0 {
                (self.arrived - self.previous_arrived) as f64 / interval_s
            } else {
                0.0
            },
            watermark_ms: self.streaming().watermark_ms().unwrap_or(0),
            streaming_backpressured_ms: self.streaming().backpressured_ms(now),
            batch,
            streaming,
        });
        self.previous_arrived = self.arrived;
        self.settle();
        self.next_sample_ms =
            (now + self.config.sample_every_ms).min(self.config.duration_ms.max(now + 1));
        if now >= self.config.duration_ms {
            self.next_sample_ms = TimeMs::MAX;
        }
    }

    /// The metric time series so far (one point per sample interval, from t = 0).
    pub fn samples(&self) -> &[Sample] {
        &self.samples
    }
}

//! The micro-batch progress log (Spark's `StreamingQueryProgress`, from the engine)
//! folded into at most [`MAX_POINTS`] chart points, so that a run of a million
//! micro-batches draws as fast as one of ten: consecutive batches whose trigger
//! falls in the same slice of the run's duration share a point. Rates are the
//! slice's totals divided by its times (the mean a teacher would compute), the
//! batch duration its peak (a slow batch is never smoothed away), the watermark
//! gap and state rows its last batch's, rows dropped by watermark its sum.

use bslab_engine::{QueryProgress, Simulation, TimeMs};

use crate::runner::MAX_POINTS;

/// The micro-batches of one slice of the run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SparkPoint {
    /// Trigger time of the slice's last batch, in ms.
    pub t_ms: TimeMs,
    /// Micro-batches in the slice.
    pub batches: u64,
    /// Rows read by the slice's batches that have a previous batch (input rate).
    rows_after_gap: u64,
    /// Σ time since the previous trigger of the same batches, in ms.
    gap_ms: TimeMs,
    /// Rows read by all the slice's batches.
    rows: u64,
    /// Σ batch durations, in ms (each at least 1 ms, as Spark counts them).
    busy_ms: TimeMs,
    /// Longest batch duration (Spark's `durationMs.triggerExecution`), in ms.
    pub max_duration_ms: TimeMs,
    /// Trigger time − watermark of the last batch (Spark's global watermark gap), in ms.
    pub watermark_gap_ms: TimeMs,
    /// Σ `numRowsDroppedByWatermark`: (window, key) groups dropped as late.
    pub dropped: u64,
    /// `numRowsTotal` after the last batch: (window, key) rows in state.
    pub state_rows: u64,
    /// Largest `numRowsUpdated` of a batch of the slice.
    pub updated_rows: u64,
}

impl SparkPoint {
    /// Spark's `inputRowsPerSecond` over the slice (None: no gap measured yet).
    pub fn input_rate(&self) -> Option<f64> {
        (self.gap_ms > 0).then(|| self.rows_after_gap as f64 * 1_000.0 / self.gap_ms as f64)
    }

    /// Spark's `processedRowsPerSecond` over the slice.
    pub fn process_rate(&self) -> Option<f64> {
        (self.busy_ms > 0).then(|| self.rows as f64 * 1_000.0 / self.busy_ms as f64)
    }
}

/// The progress log folded into slices of equal length, filled as batches finish.
#[derive(Debug, Clone, PartialEq)]
pub struct SparkPoints {
    slice_ms: TimeMs,
    points: Vec<SparkPoint>,
    slices: Vec<TimeMs>,
    next_id: u64,
    /// Trigger time of the batch before `next_id`, if folded in.
    previous_start: Option<TimeMs>,
}

impl SparkPoints {
    /// Empty, for a run of `duration_ms`.
    pub fn new(duration_ms: TimeMs) -> Self {
        Self {
            slice_ms: (duration_ms / MAX_POINTS as TimeMs).max(1),
            points: Vec::new(),
            slices: Vec::new(),
            next_id: 0,
            previous_start: None,
        }
    }

    /// The first batch id not yet folded in.
    pub fn next_id(&self) -> u64 {
        self.next_id
    }

    /// The points so far, oldest first.
    pub fn points(&self) -> &[SparkPoint] {
        &self.points
    }

    /// Folds in the batches `sim` finished since the last call; whether there were any.
    pub fn follow(&mut self, sim: &Simulation) -> bool {
        let new = sim.progress_since(self.next_id);
        new.iter().for_each(|p| self.add(p));
        !new.is_empty()
    }

    /// Folds in one batch's progress (batches arrive in id order; older ones are ignored).
    pub fn add(&mut self, p: &QueryProgress) {
        if p.batch_id < self.next_id {
            return;
        }
        let consecutive = p.batch_id == self.next_id;
        let previous = self.previous_start.filter(|_| consecutive);
        self.next_id = p.batch_id + 1;
        self.previous_start = Some(p.timestamp);
        let slice = p.timestamp / self.slice_ms;
        if self.slices.last() != Some(&slice) {
            self.slices.push(slice);
            self.points.push(SparkPoint::default());
        }
        let Some(point) = self.points.last_mut() else {
            return;
        };
        let state = p.state_operators[0];
        let duration = p.duration_ms.trigger_execution.max(1);
        point.t_ms = p.timestamp;
        point.batches += 1;
        if let Some(previous) = previous {
            point.rows_after_gap += p.num_input_rows;
            point.gap_ms += p.timestamp - previous;
        }
        point.rows += p.num_input_rows;
        point.busy_ms += duration;
        point.max_duration_ms = point.max_duration_ms.max(duration);
        point.watermark_gap_ms = (p.timestamp - p.event_time.watermark).max(0);
        point.dropped += state.num_rows_dropped_by_watermark;
        point.state_rows = state.num_rows_total;
        point.updated_rows = point.updated_rows.max(state.num_rows_updated);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bslab_engine::presets;

    #[test]
    fn a_long_log_folds_into_bounded_points_that_keep_its_totals() {
        let mut config = presets::by_name("late-data-watermark")
            .expect("preset")
            .config;
        config.duration_ms = 4 * 3_600_000; // 2,880 micro-batches of 5 s
        let mut sim = Simulation::new(config.clone()).expect("valid");
        let mut points = SparkPoints::new(config.duration_ms);
        // Followed as the page does, a piece at a time.
        for hour in 1..=4 {
            sim.step_until(hour * 3_600_000).expect("forward");
            points.follow(&sim);
        }
        let log = sim.progress_log();
        let pts = points.points();
        assert!(pts.len() <= MAX_POINTS + 1 && log.len() > 4 * MAX_POINTS);
        let sum = |f: fn(&QueryProgress) -> u64| log.iter().map(f).sum::<u64>();
        assert_eq!(pts.iter().map(|p| p.batches).sum::<u64>(), log.len() as u64);
        assert_eq!(
            pts.iter().map(|p| p.dropped).sum::<u64>(),
            sum(|p| p.state_operators[0].num_rows_dropped_by_watermark)
        );
        assert!(sum(|p| p.state_operators[0].num_rows_dropped_by_watermark) > 0);
        let last = log.last().expect("batches");
        assert_eq!(
            pts.last().map(|p| p.state_rows),
            Some(last.state_operators[0].num_rows_total)
        );
        let longest = log.iter().map(|p| p.duration_ms.trigger_execution).max();
        assert_eq!(pts.iter().map(|p| p.max_duration_ms).max(), longest);
        // Σ rows ÷ Σ gaps: the whole run's input rate, from the points' totals.
        let rows: u64 = pts.iter().map(|p| p.rows_after_gap).sum();
        let gaps: i64 = pts.iter().map(|p| p.gap_ms).sum();
        assert_eq!(gaps, last.timestamp - log[0].timestamp);
        assert_eq!(rows, sum(|p| p.num_input_rows) - log[0].num_input_rows);
    }
}

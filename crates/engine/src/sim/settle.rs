//! Folding away the rows every party is done with ([`crate::settled`]), at
//! each sample: the only place that sees the truth and both pipelines at once.

use super::Simulation;
use crate::settled::HeldRows;

impl Simulation {
    /// Folds the settled rows once too many are held, where this config's
    /// rows fold at all ([`crate::settled::folds`]).
    pub(super) fn settle(&mut self) {
        if !crate::settled::folds(&self.config) {
            return;
        }
        // Writing the gathered rows (update mode's `output/fresh.rs`) at every
        // sample wrote each fraud alert row about once a sample (5,000 a
        // minute at 1,000 events/s) for a fold that runs past 100,000 rows:
        // they count at most once each, so below that nothing is written.
        // (Per-record mode, whose rows gather in its own table, never folds.)
        let held_at_most = self
            .pipelines
            .iter()
            .map(|p| p.out().rows_at_most())
            .fold(self.truth.rows.len(), usize::max);
        if !self.settled.may_fold(held_at_most) {
            return;
        }
        // The fold reads the rows: the gathered ones first.
        self.pipelines.iter_mut().for_each(|p| p.write_gathered());
        let settled_before = self
            .pipelines
            .iter()
            .map(|p| p.settled_before())
            .fold(self.truth.settled_before(), Ord::min);
        let [batch, streaming] = &mut self.pipelines;
        let rows = HeldRows {
            truth: &mut self.truth.rows,
            published: [&mut batch.out_mut().rows, &mut streaming.out_mut().rows],
        };
        let bursts = self
            .scenario
            .kind()
            .bursts()
            .is_some()
            .then(|| self.generator.fraud_bursts());
        self.settled
            .fold(rows, settled_before, &self.geometry, bursts);
    }
}

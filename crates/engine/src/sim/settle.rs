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
        let settled_before = self
            .pipelines
            .iter()
            .map(|p| p.settled_before())
            .fold(self.truth.settled_before(), Ord::min);
        let [batch, streaming] = &mut self.pipelines;
        let rows = HeldRows {
            truth: &mut self.truth.rows,
            // Folding configs run micro-batch streaming, whose gathered rows
            // are its output's own (`Output::write_gathered` is the pipelines'
            // `write_gathered`).
            published: [batch.out_mut(), streaming.out_mut()],
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

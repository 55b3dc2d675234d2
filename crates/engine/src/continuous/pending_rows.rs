//! The rows per-record mode publishes, gathered and written to the output
//! when the simulation is about to read its rows ([`crate::pipeline::Pipeline::write_gathered`]:
//! when a step ends; a sample reads only the latencies).
//!
//! In update and complete modes every served event republishes its (window,
//! key) row: one search of the output's ordered map per event, the dearest
//! step of serving one (the newest windows sit at the map's far end, so the
//! search scans every node on its way down). Most events land on the few
//! rows of the newest window, so each row's publications are gathered in a
//! slot ([`Publications`]) and the map is searched once per row, when another
//! row takes its slot or a step ends. Nothing reads the rows in between, and what the gathered
//! publications leave in it is what publishing them one by one leaves
//! ([`Output::publish_gathered`]).

use crate::output::{Output, Publications};
use crate::scenario::Scenario;
use crate::time::TimeMs;
use crate::window::Agg;

/// Slots, chosen by group key: a few windows' worth for the scenarios with a
/// handful of keys, a bounded 4 KB whatever the key space (with many keys,
/// two keys sharing a slot write the older row out early).
const SLOTS: usize = 64;

/// A row being gathered: (window start, key) and its publications so far.
type Slot = Option<((TimeMs, u32), Publications)>;

/// Rows published since the last [`PendingRows::write_to`], not in the output yet.
#[derive(Debug, Clone)]
pub(super) struct PendingRows {
    slots: Box<[Slot; SLOTS]>,
    /// The filled slots, to write out.
    filled: Vec<u8>,
}

impl Default for PendingRows {
    fn default() -> Self {
        Self {
            slots: Box::new([None; SLOTS]),
            filled: Vec::with_capacity(SLOTS),
        }
    }
}

impl PendingRows {
    /// Publishes `value` as the row (window start, key) at `now`, unless the
    /// query filters it out; another row in its slot is written to `out` first.
    #[inline]
    pub(super) fn publish(
        &mut self,
        out: &mut Output,
        scenario: &Scenario,
        row: (TimeMs, u32),
        value: Agg,
        now: TimeMs,
    ) {
        if !scenario.passes(&value) {
            return;
        }
        let i = row.1 as usize % SLOTS;
        match &mut self.slots[i] {
            Some((held, p)) if *held == row => p.then(value, now),
            slot @ Some(_) => {
                if let Some((held, p)) = slot.replace((row, Publications::once(value, now))) {
                    out.publish_gathered(held, p);
                }
            }
            slot @ None => {
                *slot = Some((row, Publications::once(value, now)));
                // SLOTS fits in a u8.
                self.filled.push(i as u8);
            }
        }
    }

    /// Writes every gathered row to `out` and empties the slots.
    pub(super) fn write_to(&mut self, out: &mut Output) {
        for i in self.filled.drain(..) {
            if let Some((row, p)) = self.slots[usize::from(i)].take() {
                out.publish_gathered(row, p);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ScenarioConfig;
    use crate::window::{assigner, Geometry};

    /// Gathered or one by one, the output holds the same rows and totals,
    /// whichever keys share a slot.
    #[test]
    fn gathered_rows_equal_rows_published_one_by_one() {
        let scenario = Scenario::new(&ScenarioConfig::default());
        let geometry = Geometry::new(assigner(&Default::default()));
        let (mut one_by_one, mut gathered) = (
            Output::new(scenario.key_space(), &geometry),
            Output::new(scenario.key_space(), &geometry),
        );
        let mut pending = PendingRows::default();
        let mut value = Agg::default();
        for i in 0..2_000_i64 {
            // Keys 0..200 (slots shared), windows going back and forth.
            let row = ((i % 7) * 60_000, ((i * 37) % 200) as u32);
            value.add(i % 500);
            one_by_one.publish_value(&scenario, row, value, i);
            pending.publish(&mut gathered, &scenario, row, value, i);
            if i % 97 == 0 {
                pending.write_to(&mut gathered);
                assert_eq!(gathered.rows, one_by_one.rows, "after {i}");
            }
        }
        pending.write_to(&mut gathered);
        assert_eq!(gathered.rows, one_by_one.rows);
        assert_eq!(gathered.totals, one_by_one.totals);
    }
}

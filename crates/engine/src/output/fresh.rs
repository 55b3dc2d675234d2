//! Update mode's publications gathered per row, outside the ordered table.
//!
//! A micro-batch in update mode republishes every row its events changed: at
//! 1,000 events/s over 5,000 cards (the fraud benchmark) that is about one
//! publication per event, each a search of a `BTreeMap` of tens of thousands
//! of rows (two fifths of the run's time). Most publications land in the
//! newest window or two, so the rows of the newest [`WINDOWS`] windows gather
//! here instead, found by key in O(1): the successive publications of a row
//! are kept as one [`Publications`], written to the table once when the
//! simulation reads the rows (when a step ends, see
//! [`super::Output::write_gathered`]) or when a newer window needs the place.
//! Publications in between leave the same row and totals as writing each at
//! once (see [`super::Output::publish_gathered`]).

use super::Publications;
use crate::time::TimeMs;

/// Windows gathered at once: the newest window and the one or two before it
/// that late events and overlapping windows update.
const WINDOWS: usize = 4;

/// No entry for this key.
const NONE: u32 = u32::MAX;

/// The gathered rows of one window.
#[derive(Debug, Clone, Default)]
struct Window {
    start: TimeMs,
    /// Index in `rows` of each key's entry, [`NONE`] where none (one per key
    /// of the key space, allocated once).
    slot: Vec<u32>,
    /// The gathered rows, in the order first published.
    rows: Vec<(u32, Publications)>,
}

/// The gathered rows of the newest windows.
#[derive(Debug, Clone, Default)]
pub(super) struct FreshRows {
    windows: Vec<Window>,
    /// Keys of the key space: the size of each window's `slot`.
    keys: u32,
}

impl FreshRows {
    /// None gathered, for `keys` group keys.
    pub(super) fn new(keys: u32) -> Self {
        Self {
            windows: Vec::new(),
            keys,
        }
    }

    /// Whether no row is gathered (nothing to write).
    #[inline]
    pub(super) fn is_empty(&self) -> bool {
        self.windows.iter().all(|w| w.rows.is_empty())
    }

    /// Rows gathered, each of which writes one row of the table.
    pub(super) fn len(&self) -> usize {
        self.windows.iter().map(|w| w.rows.len()).sum()
    }

    /// Gathers one publication of `value` at `now` as row (start, key), or
    /// gives it back when the row cannot be gathered (a key outside the key
    /// space, or a window older than every gathered one when all places are
    /// taken): the caller writes it to the table itself. A newer window takes
    /// the oldest's place; `evict` writes the rows it held first.
    pub(super) fn gather(
        &mut self,
        (start, key): (TimeMs, u32),
        p: Publications,
        evict: impl FnMut((TimeMs, u32), Publications),
    ) -> Result<(), Publications> {
        if key >= self.keys {
            return Err(p);
        }
        let w = match self.windows.iter().position(|w| w.start == start) {
            Some(i) => &mut self.windows[i],
            None => match self.place_for(start, evict) {
                Some(w) => w,
                None => return Err(p),
            },
        };
        let slot = &mut w.slot[key as usize];
        match w.rows.get_mut(*slot as usize) {
            Some((_, gathered)) => gathered.then(p.value, p.last_ms),
            None => {
                *slot = w.rows.len() as u32;
                w.rows.push((key, p));
            }
        }
        Ok(())
    }

    /// A place for window `start`: a free one (new or emptied), else the
    /// oldest window's if `start` is newer, its rows written by `evict` first.
    fn place_for(
        &mut self,
        start: TimeMs,
        mut evict: impl FnMut((TimeMs, u32), Publications),
    ) -> Option<&mut Window> {
        let i = match self.windows.iter().position(|w| w.rows.is_empty()) {
            Some(i) => i,
            None if self.windows.len() < WINDOWS => {
                self.windows.push(Window {
                    start,
                    slot: vec![NONE; self.keys as usize],
                    rows: Vec::new(),
                });
                self.windows.len() - 1
            }
            None => {
                let (i, oldest) = self
                    .windows
                    .iter_mut()
                    .enumerate()
                    .min_by_key(|(_, w)| w.start)?;
                if oldest.start > start {
                    return None;
                }
                oldest.drain(&mut evict);
                i
            }
        };
        let w = &mut self.windows[i];
        w.start = start;
        Some(w)
    }

    /// Hands every gathered row to `write` and forgets them.
    pub(super) fn drain(&mut self, mut write: impl FnMut((TimeMs, u32), Publications)) {
        for w in &mut self.windows {
            w.drain(&mut write);
        }
    }
}

impl Window {
    /// Hands its rows to `write`, in the order first published, and empties it.
    fn drain(&mut self, write: &mut impl FnMut((TimeMs, u32), Publications)) {
        for (key, p) in self.rows.drain(..) {
            self.slot[key as usize] = NONE;
            write((self.start, key), p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Output;
    use crate::config::{FraudConfig, ScenarioConfig, WindowConfig, WindowKind};
    use crate::scenario::Scenario;
    use crate::window::{assigner, Agg, Geometry};

    /// Gathered (written at every 97th, with windows going back and forth past
    /// [`super::WINDOWS`] and keys past the key space) or one by one, the output
    /// holds the same rows and totals: tumbling windows, and sliding ones whose
    /// totals count only the windows that tile event time.
    #[test]
    fn gathered_rows_equal_rows_published_one_by_one() {
        let scenario = Scenario::new(&ScenarioConfig::Fraud(FraudConfig {
            cards: 200,
            alert_threshold: 3,
            ..FraudConfig::default()
        }));
        let sliding = WindowConfig {
            kind: WindowKind::Sliding,
            size_ms: 120_000,
            slide_ms: 60_000,
            ..WindowConfig::default()
        };
        for window in [WindowConfig::default(), sliding] {
            let geometry = Geometry::new(assigner(&window));
            let (mut one_by_one, mut gathered) = (
                Output::new(scenario.key_space(), &geometry),
                Output::new(scenario.key_space(), &geometry),
            );
            let mut value = Agg::default();
            for i in 0..5_000_i64 {
                // Seven windows, mostly the newest few; keys 0..210 (200 cards).
                let start = (i / 600 + [0, 0, 0, -1, -2, -6, 1][(i % 7) as usize]) * 60_000;
                let row = (start, ((i * 37) % 210) as u32);
                value.add(i % 500);
                if i % 11 == 0 {
                    value = Agg::default();
                }
                one_by_one.publish_value(&scenario, row, value, i);
                gathered.publish_update(&scenario, row, value, i);
                if i % 97 == 0 {
                    gathered.write_gathered();
                    assert_eq!(gathered.rows, one_by_one.rows, "after {i}");
                    assert_eq!(gathered.totals, one_by_one.totals, "after {i}");
                }
            }
            gathered.write_gathered();
            assert_eq!(gathered.rows, one_by_one.rows);
            assert_eq!(gathered.totals, one_by_one.totals);
            assert!(gathered.rows.len() > 300, "{} rows", gathered.rows.len());
        }
    }
}

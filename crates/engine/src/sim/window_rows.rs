//! The report's window rows, made one at a time from the run's own state, so a
//! caller can write every row (`bslab run --windows`) without holding them all.

use super::Simulation;
use crate::report::WindowRow;

impl Simulation {
    /// Every window row of the report (`Report::windows`): each (window, key)
    /// with its truth or a published value, in (window start, key) order. A
    /// merge of the three sorted tables (truth, batch, streaming), so nothing
    /// is collected: rows are made as they are taken.
    pub fn window_rows(&self) -> impl Iterator<Item = WindowRow> + '_ {
        let mut truth = self.truth.rows_in_order(&self.scenario).peekable();
        let mut batch = self.batch().out().rows.iter().peekable();
        let mut streaming = self.streaming().out().rows.iter().peekable();
        std::iter::from_fn(move || {
            let k = [
                truth.peek().map(|(k, _)| *k),
                batch.peek().map(|(k, _)| **k),
                streaming.peek().map(|(k, _)| **k),
            ]
            .into_iter()
            .flatten()
            .min()?;
            let t = truth.next_if(|(x, _)| *x == k).map(|(_, a)| a);
            let b = batch.next_if(|(x, _)| **x == k).map(|(_, r)| r);
            let s = streaming.next_if(|(x, _)| **x == k).map(|(_, r)| r);
            let window = self.geometry.window_at(k.0);
            let (batch_end_ms, streaming_end_ms) = (
                b.and_then(|r| r.session_end_ms),
                s.and_then(|r| r.session_end_ms),
            );
            Some(WindowRow {
                window_start_ms: window.start,
                // A session's end is the true session's, or else a pipeline's.
                window_end_ms: self
                    .truth
                    .session_end(k)
                    .or(streaming_end_ms)
                    .or(batch_end_ms)
                    .unwrap_or(window.end),
                batch_end_ms,
                streaming_end_ms,
                key: self.scenario.decode_key(k.1),
                truth: t.unwrap_or_default(),
                batch: b.map(|r| r.value),
                streaming: s.map(|r| r.value),
                streaming_first_ms: s.map(|r| r.first_ms),
                batch_first_ms: b.map(|r| r.first_ms),
            })
        })
    }
}

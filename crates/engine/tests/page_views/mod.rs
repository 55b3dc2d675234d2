//! Seeded page views for session-window tests and the Spark parity export:
//! visitors (the keys) read a few pages per visit, pause between visits, and
//! each view is delayed in transit. Shared by `tests/sessions.rs` and
//! `examples/session_parity.rs` (included by path).

use bslab_engine::time::TimeMs;
use bslab_engine::window::SessionRow;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Session gap of the tests, in ms: 30 s.
pub const GAP_MS: TimeMs = 30_000;

/// One page view as it travels: its row and when it arrives.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// (visitor, event time, time on page in ms).
    pub row: SessionRow,
    /// When it arrives, in ms.
    pub arrival_ms: TimeMs,
}

/// Page views of `visitors` over about an hour. Pauses are whole seconds, so a
/// pause of exactly the gap happens (the `<=` of the merge rule is exercised).
/// Delays are below `max_delay_ms`.
pub fn page_views(seed: u64, visitors: u32, max_delay_ms: TimeMs) -> Vec<View> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut views = Vec::new();
    for visitor in 0..visitors {
        let mut t: TimeMs = rng.random_range(0..600) * 1_000;
        for _visit in 0..rng.random_range(1..6) {
            for _page in 0..rng.random_range(1..8) {
                let delay = if max_delay_ms > 0 {
                    rng.random_range(0..max_delay_ms)
                } else {
                    0
                };
                let dwell_ms = rng.random_range(1..500);
                views.push(View {
                    row: (visitor, t, dwell_ms),
                    arrival_ms: t + delay,
                });
                t += rng.random_range(1..=(GAP_MS / 1_000 + 2)) * 1_000;
            }
            t += rng.random_range(0..=600) * 1_000;
        }
    }
    views.sort_by_key(|v| (v.arrival_ms, v.row.0, v.row.1));
    views
}

//! A simulated day of page views at 1,000 per second (86.4 million) through
//! session windows under Spark's micro-batch rule, generated on the fly: its
//! peak memory shows that session state is bounded by the open sessions, not by
//! the events (`/usr/bin/time -v`, docs/performance.md).
//!
//! ```text
//! cargo build --release -p bslab-engine --example session_day
//! /usr/bin/time -v target/release/examples/session_day [HOURS]
//! ```

use std::collections::BTreeMap;
use std::{env, process::ExitCode};

use bslab_engine::time::TimeMs;
use bslab_engine::window::{MicroBatchSessions, SessionRow};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const RATE_PER_S: TimeMs = 1_000;
/// Visitors come in cohorts: each 20 minutes, 5,000 new visitors share the page views,
/// so visits end and the watermark closes their sessions.
const COHORT_MS: TimeMs = 20 * 60_000;
const COHORT: u32 = 5_000;
const GAP_MS: TimeMs = 30 * 60_000;
const TRIGGER_MS: TimeMs = 10_000;
const WATERMARK_DELAY_MS: TimeMs = 60_000;
const MAX_TRANSIT_MS: TimeMs = 120_000;

fn main() -> ExitCode {
    let hours = match env::args().nth(1).map(|h| h.parse::<TimeMs>()) {
        None => 24,
        Some(Ok(h)) if (1..=24 * 7).contains(&h) => h,
        _ => {
            eprintln!("session_day: HOURS must be a whole number from 1 to 168");
            return ExitCode::from(2);
        }
    };
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut m = MicroBatchSessions::new(GAP_MS, WATERMARK_DELAY_MS);
    // Rows waiting for their micro-batch, by batch (arrival time / trigger).
    let mut pending: BTreeMap<TimeMs, Vec<SessionRow>> = BTreeMap::new();
    let (mut emitted, mut dropped, mut merging, mut most_open) = (0u64, 0u64, 0u64, 0usize);
    let events = hours * 3_600 * RATE_PER_S;
    for i in 0..=events {
        let t = i * 1_000 / RATE_PER_S;
        if i < events {
            let arrival = t + rng.random_range(0..MAX_TRANSIT_MS);
            let visitor = (t / COHORT_MS) as u32 * COHORT + rng.random_range(0..COHORT);
            let row = (visitor, t, rng.random_range(1..500));
            pending.entry(arrival / TRIGGER_MS).or_default().push(row);
        }
        // Every batch before the one `t` falls in can receive nothing more.
        while let Some(entry) = pending.first_entry() {
            if i < events && *entry.key() >= t / TRIGGER_MS {
                break;
            }
            let b = m.run_batch(&entry.remove());
            emitted += b.emitted.len() as u64;
            dropped += b.dropped_rows;
            merging += b.merging_rows;
            most_open = most_open.max(m.open_sessions());
        }
    }
    println!(
        "{events} page views: {emitted} sessions emitted, {} open, {dropped} dropped late, \
         {merging} rows joined sessions; at most {most_open} sessions in state",
        m.open_sessions()
    );
    ExitCode::SUCCESS
}

//! Writes a session-window case for the Spark parity test (`spark/session_parity_test.py`):
//! seeded page views with late ones, cut into micro-batches by arrival time, one
//! CSV file per micro-batch (an empty one for a no-data batch), and what the
//! engine computes: the batch's complete sessions and, per micro-batch, the
//! watermark, the rows dropped and the sessions emitted (append mode).
//!
//! ```text
//! cargo run -p bslab-engine --example session_parity -- OUT_DIR [SEED]
//! ```

use std::fmt::Write as _;
use std::{env, fs, path::Path, process::ExitCode};

use bslab_engine::time::TimeMs;
use bslab_engine::window::{sessionize, MicroBatchSessions, Session, SessionRow};

#[path = "../tests/page_views/mod.rs"]
mod page_views;
use page_views::{page_views, GAP_MS};

/// Visitors, trigger interval, watermark delay and longest transit delay of the case:
/// delays up to 5 minutes against a 20 s watermark make rows late and merge sessions.
const VISITORS: u32 = 20;
const TRIGGER_MS: TimeMs = 60_000;
const WATERMARK_DELAY_MS: TimeMs = 20_000;
const MAX_TRANSIT_MS: TimeMs = 300_000;

const HEADER: &str = "visitor,event_time_ms,dwell_ms\n";

fn session_json((key, s): (u32, &Session)) -> String {
    format!(
        "[{},{},{},{},{}]",
        s.start, s.end, key, s.agg.count, s.agg.sum_cents
    )
}

fn csv(rows: &[SessionRow]) -> String {
    let mut text = String::from(HEADER);
    for (visitor, t, dwell) in rows {
        let _ = writeln!(text, "{visitor},{t},{dwell}");
    }
    text
}

fn write(dir: &Path, seed: u64) -> std::io::Result<()> {
    let views = page_views(seed, VISITORS, MAX_TRANSIT_MS);
    let all: Vec<SessionRow> = views.iter().map(|v| v.row).collect();
    let events = dir.join("events");
    fs::create_dir_all(&events)?;
    fs::write(dir.join("all.csv"), csv(&all))?;

    let mut m = MicroBatchSessions::new(GAP_MS, WATERMARK_DELAY_MS);
    let (mut batches, mut next, mut now) = (Vec::new(), 0, 0);
    while next < views.len() || m.needs_batch() {
        now += TRIGGER_MS;
        let rows: Vec<SessionRow> = views[next..]
            .iter()
            .take_while(|v| v.arrival_ms < now)
            .map(|v| v.row)
            .collect();
        if rows.is_empty() && !m.needs_batch() {
            continue;
        }
        next += rows.len();
        let id = batches.len();
        fs::write(events.join(format!("part-{id:05}.csv")), csv(&rows))?;
        let b = m.run_batch(&rows);
        let emitted: Vec<String> = b
            .emitted
            .iter()
            .map(|(k, s)| session_json((*k, s)))
            .collect();
        batches.push(format!(
            "{{\"batch_id\":{id},\"input_rows\":{},\"watermark_ms\":{},\"dropped_rows\":{},\"merging_rows\":{},\"emitted\":[{}]}}",
            rows.len(),
            b.watermark_ms,
            b.dropped_rows,
            b.merging_rows,
            emitted.join(",")
        ));
    }
    let batch: Vec<String> = sessionize(&all, GAP_MS)
        .iter()
        .map(|(&(_, key), s)| session_json((key, s)))
        .collect();
    let expected = format!(
        "{{\"seed\":{seed},\"gap_ms\":{GAP_MS},\"watermark_delay_ms\":{WATERMARK_DELAY_MS},\"batch_sessions\":[{}],\"micro_batches\":[\n{}\n]}}\n",
        batch.join(","),
        batches.join(",\n")
    );
    fs::write(dir.join("expected.json"), expected)
}

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: session_parity OUT_DIR [SEED]");
        return ExitCode::from(2);
    };
    let seed = match args.get(1).map(|s| s.parse::<u64>()) {
        None => 7,
        Some(Ok(seed)) => seed,
        Some(Err(e)) => {
            eprintln!("session_parity: SEED must be a whole number ≥ 0: {e}");
            return ExitCode::from(2);
        }
    };
    match write(Path::new(dir), seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("session_parity: cannot write {dir}: {e}");
            ExitCode::FAILURE
        }
    }
}

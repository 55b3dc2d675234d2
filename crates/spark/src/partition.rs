//! Events split into one file per micro-batch, by arrival time.
//!
//! Micro-batch k of the simulated streaming pipeline reads every event that
//! arrived after batch k−1 started and up to (including) the instant batch k
//! started. Writing exactly those events to file k, and an empty file for a
//! batch that read nothing, makes Spark's file source (`maxFilesPerTrigger=1`)
//! run the same batches with the same ids (see `docs/spark.md`).

use bslab_engine::{Event, MicroBatchInfo};

use crate::ExportError;

/// The events of each micro-batch, in arrival order (ties: event id).
pub(crate) fn by_micro_batch(
    events: &[Event],
    log: &[MicroBatchInfo],
) -> Result<Vec<Vec<Event>>, ExportError> {
    let starts: Vec<i64> = log.iter().map(|m| m.start_ms).collect();
    let mut batches: Vec<Vec<Event>> = log
        .iter()
        .map(|m| Vec::with_capacity(m.input_rows as usize))
        .collect();
    for e in events {
        let k = starts.partition_point(|&s| s < e.arrival_time_ms);
        let batch = batches.get_mut(k).ok_or_else(|| {
            ExportError::Drain(format!(
                "event {} arrived at {} ms, after the last micro-batch started",
                e.id, e.arrival_time_ms
            ))
        })?;
        batch.push(*e);
    }
    for (batch, info) in batches.iter_mut().zip(log) {
        batch.sort_by_key(|e| (e.arrival_time_ms, e.id));
        if batch.len() as u64 != info.input_rows {
            return Err(ExportError::Drain(format!(
                "micro-batch {} read {} events, but {} arrived before it started",
                info.id,
                info.input_rows,
                batch.len()
            )));
        }
    }
    Ok(batches)
}

/// Digits of the zero-padded file number (at least 5), so names sort in batch order.
pub(crate) fn name_width(files: usize) -> usize {
    files.saturating_sub(1).to_string().len().max(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(id: u64, start_ms: i64, input_rows: u64) -> MicroBatchInfo {
        MicroBatchInfo {
            id,
            start_ms,
            end_ms: start_ms + 1,
            input_rows,
            dropped_rows: 0,
            dropped_groups: 0,
            watermark_ms: 0,
            emitted_rows: 0,
            stats: Default::default(),
        }
    }

    fn event(id: u64, arrival_time_ms: i64) -> Event {
        Event {
            id,
            event_time_ms: 0,
            arrival_time_ms,
            entity: 0,
            detail: 0,
            amount_cents: 0,
        }
    }

    #[test]
    fn a_batch_reads_arrivals_up_to_and_including_its_start() {
        let log = [info(0, 10, 2), info(1, 20, 0), info(2, 30, 1)];
        let events = [event(0, 10), event(1, 3), event(2, 25)];
        let batches = by_micro_batch(&events, &log).expect("consistent");
        let ids: Vec<Vec<u64>> = batches
            .iter()
            .map(|b| b.iter().map(|e| e.id).collect())
            .collect();
        assert_eq!(ids, vec![vec![1, 0], vec![], vec![2]]);
    }

    #[test]
    fn an_event_after_the_last_batch_is_an_error() {
        let log = [info(0, 10, 1)];
        assert!(by_micro_batch(&[event(0, 5), event(1, 11)], &log).is_err());
    }

    #[test]
    fn names_sort_in_batch_order() {
        assert_eq!(name_width(0), 5);
        assert_eq!(name_width(100_000), 5);
        assert_eq!(name_width(100_001), 6);
    }
}

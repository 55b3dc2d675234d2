//! Events split into one file per micro-batch, by arrival time.
//!
//! Micro-batch k of the simulated streaming pipeline reads every event that
//! arrived after batch k−1 started and up to (including) the instant batch k
//! started. Writing exactly those events to file k, and an empty file for a
//! batch that read nothing, makes Spark's file source (`maxFilesPerTrigger=1`)
//! run the same batches with the same ids (see `docs/spark.md`).

use std::collections::BTreeMap;

use bslab_engine::{Event, MicroBatchInfo};

use crate::ExportError;

/// Hands `write` the events of each micro-batch in turn (batch 0, 1, …, every
/// one, empty or not), in arrival order (ties: event id), taking `events` in
/// event-time order (as [`bslab_engine::event_stream`] gives them).
///
/// Holds only the events of batches still open: an event arrives at or after
/// its event time, so once an event time passes a batch's start, no later event
/// can belong to that batch and it is written. What is held is what the run
/// itself held (in transit or waiting), which validation bounds.
pub(crate) fn for_each_batch(
    events: impl IntoIterator<Item = Event>,
    log: &[MicroBatchInfo],
    mut write: impl FnMut(usize, &[Event]) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut open: BTreeMap<usize, Vec<Event>> = BTreeMap::new();
    let mut next = 0;
    let mut close = |k: usize, open: &mut BTreeMap<usize, Vec<Event>>| {
        let mut batch = open.remove(&k).unwrap_or_default();
        batch.sort_by_key(|e| (e.arrival_time_ms, e.id));
        check_count(&log[k], batch.len())?;
        write(k, &batch)
    };
    for e in events {
        while next < log.len() && log[next].start_ms < e.event_time_ms {
            close(next, &mut open)?;
            next += 1;
        }
        let k = log.partition_point(|m| m.start_ms < e.arrival_time_ms);
        if k >= log.len() {
            return Err(ExportError::Drain(format!(
                "event {} arrived at {} ms, after the last micro-batch started",
                e.id, e.arrival_time_ms
            )));
        }
        if k < next {
            return Err(ExportError::Drain(format!(
                "event {} (event time {} ms) came after a later one: events must come in event-time order",
                e.id, e.event_time_ms
            )));
        }
        open.entry(k).or_default().push(e);
    }
    while next < log.len() {
        close(next, &mut open)?;
        next += 1;
    }
    Ok(())
}

/// The events found for a micro-batch must be those it read.
fn check_count(info: &MicroBatchInfo, found: usize) -> Result<(), ExportError> {
    if found as u64 == info.input_rows {
        return Ok(());
    }
    Err(ExportError::Drain(format!(
        "micro-batch {} read {} events, but {found} arrived before it started",
        info.id, info.input_rows
    )))
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

    fn event(id: u64, event_time_ms: i64, arrival_time_ms: i64) -> Event {
        Event {
            id,
            event_time_ms,
            arrival_time_ms,
            entity: 0,
            detail: 0,
            amount_cents: 0,
        }
    }

    /// Every batch `for_each_batch` writes, as event ids.
    fn ids(events: &[Event], log: &[MicroBatchInfo]) -> Result<Vec<Vec<u64>>, ExportError> {
        let mut out = Vec::new();
        for_each_batch(events.iter().copied(), log, |k, batch| {
            assert_eq!(k, out.len(), "batches in order");
            out.push(batch.iter().map(|e| e.id).collect());
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn a_batch_reads_arrivals_up_to_and_including_its_start() {
        let log = [info(0, 10, 2), info(1, 20, 0), info(2, 30, 1)];
        let events = [event(0, 0, 10), event(1, 1, 3), event(2, 2, 25)];
        let batches = ids(&events, &log).expect("consistent");
        assert_eq!(batches, vec![vec![1, 0], vec![], vec![2]]);
    }

    #[test]
    fn a_batch_is_written_once_event_times_pass_its_start() {
        // Event 1 (event time 15) closes batch 0 (start 10): it is written
        // before event 2 is taken.
        let log = [info(0, 10, 1), info(1, 40, 2)];
        let events = [event(0, 5, 6), event(1, 15, 40), event(2, 16, 17)];
        let seen = std::cell::RefCell::new(Vec::new());
        let taken = events
            .iter()
            .inspect(|e| seen.borrow_mut().push(format!("take {}", e.id)));
        for_each_batch(taken.copied(), &log, |k, _| {
            seen.borrow_mut().push(format!("write {k}"));
            Ok(())
        })
        .expect("consistent");
        assert_eq!(
            seen.into_inner(),
            ["take 0", "take 1", "write 0", "take 2", "write 1"]
        );
    }

    #[test]
    fn an_event_after_the_last_batch_is_an_error() {
        let log = [info(0, 10, 1)];
        assert!(ids(&[event(0, 5, 5), event(1, 6, 11)], &log).is_err());
    }

    #[test]
    fn a_wrong_count_or_order_is_an_error() {
        let log = [info(0, 10, 2), info(1, 20, 1)];
        assert!(ids(&[event(0, 5, 5), event(1, 6, 20)], &log).is_err());
        let log = [info(0, 10, 1), info(1, 20, 1)];
        assert!(ids(&[event(0, 15, 15), event(1, 5, 5)], &log).is_err());
    }

    #[test]
    fn names_sort_in_batch_order() {
        assert_eq!(name_width(0), 5);
        assert_eq!(name_width(100_000), 5);
        assert_eq!(name_width(100_001), 6);
    }
}

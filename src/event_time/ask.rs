//! The questions the picture asks the running simulation, and their answers:
//! an event's story, a published row's, a late count's or a latency
//! percentile's "why".

use bslab_engine::config::WindowKind;
use bslab_engine::explain::{EventStory, LateStory, Pipeline, RowStory};
use bslab_engine::explain_latency::{LatencyStory, Percentile};
use bslab_engine::scenario::GroupKey;
use bslab_engine::{Simulation, TimeMs};

/// A question about the current run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// What happened to event `id`?
    Event(u64),
    /// Why does `pipeline`'s row (window start, group key) hold its value?
    Row(Pipeline, TimeMs, u32),
    /// Why does `pipeline` count so many late (streaming) or missed (batch) events?
    Late(Pipeline),
    /// Why is `pipeline`'s latency percentile what it is?
    Latency(Pipeline, Percentile),
}

/// An answer, with the group key decoded for people.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// An event's story.
    Event(EventStory, GroupKey),
    /// A published row's events.
    Row(RowStory, GroupKey),
    /// The late events.
    Late(LateStory),
    /// The events ranked around a latency percentile.
    Latency(LatencyStory),
    /// The row has not been published (yet).
    NotPublished,
}

/// Answers `q` from `sim` (None: the event is no longer kept).
pub fn answer(sim: &Simulation, q: Question) -> Option<Answer> {
    let decode = |key| sim.scenario().decode_key(key);
    Some(match q {
        Question::Event(id) => {
            let story = sim.explain_event(id)?;
            Answer::Event(story, decode(story.arrival.key))
        }
        Question::Row(pipeline, start, key) => match sim
            .explain_row(pipeline, start, key)
            .or_else(|| sim.explain_row(pipeline, session_holding(sim, pipeline, start, key)?, key))
        {
            Some(row) => Answer::Row(row, decode(key)),
            None => Answer::NotPublished,
        },
        Question::Late(pipeline) => Answer::Late(sim.explain_late(pipeline)?),
        Question::Latency(pipeline, p) => Answer::Latency(sim.explain_latency(pipeline, p)?),
    })
}

/// With session windows, the start of `pipeline`'s published session of `key`
/// that holds an event at `event_time_ms` (an event's read-out knows its time,
/// not the session's start, which the key's other events set).
fn session_holding(
    sim: &Simulation,
    pipeline: Pipeline,
    event_time_ms: TimeMs,
    key: u32,
) -> Option<TimeMs> {
    let window = &sim.config().window;
    if window.kind != WindowKind::Session {
        return None;
    }
    // Sessions of a key never overlap: the latest one starting by then is the only candidate.
    let (&(start, _), row) = sim
        .published_rows(pipeline)
        .range(..=(event_time_ms, u32::MAX))
        .rev()
        .find(|(&(_, k), _)| k == key)?;
    let end = row.session_end_ms.unwrap_or(start + window.gap_ms);
    (event_time_ms + window.gap_ms <= end).then_some(start)
}

//! The picture's words: an event's read-out (its times, group, window and what
//! each pipeline did with it) and the "why this number?" answers, in the
//! page's language. Every figure comes from the engine's stories.

use bslab_engine::explain::{EventStory, LateStory, Pipeline, RowStory};
use bslab_engine::explain_latency::{LatencyStory, Percentile};
use bslab_engine::fate::{BatchFate, StreamFate};
use bslab_engine::scenario::GroupKey;
use bslab_engine::TimeMs;

use crate::components::dashboard::group_name;
use crate::format;
use crate::i18n::{flink, Key, Lang};

/// An instant to the millisecond: `00:12:03.250`.
pub fn instant(ms: TimeMs) -> String {
    format!("{}.{:03}", format::clock(ms), ms.rem_euclid(1_000))
}

/// A window as `[start, end)`.
pub fn window((start, end): (TimeMs, TimeMs)) -> String {
    format!("[{}, {})", format::clock(start), format::clock(end))
}

/// The lines read out for an event: what it is, then its fate in each pipeline.
pub fn event_lines(s: &EventStory, key: &GroupKey, lang: Lang) -> [String; 3] {
    let a = &s.arrival;
    let what = lang.fill(
        Key::EtReadout,
        &[
            ("id", a.id.to_string()),
            ("event", instant(a.event_time_ms)),
            ("arrival", instant(a.arrival_time_ms)),
            ("key", group_name(key, lang)),
            ("window", window(s.window)),
        ],
    );
    [what, stream_line(s, lang), batch_line(&s.batch, lang)]
}

fn stream_line(s: &EventStory, lang: Lang) -> String {
    match s.streaming {
        StreamFate::Waiting => lang.t(Key::EtStreamWaiting).to_string(),
        StreamFate::Counted {
            batch_id,
            published_ms: Some(at),
        } => lang.fill(
            Key::EtStreamCounted,
            &[("batch", batch_id.to_string()), ("at", instant(at))],
        ),
        StreamFate::Counted { batch_id, .. } => {
            lang.fill(Key::EtStreamRunning, &[("batch", batch_id.to_string())])
        }
        StreamFate::Dropped {
            batch_id,
            watermark_ms,
            ..
        } => lang.fill(
            Key::EtStreamDropped,
            &[
                ("batch", batch_id.to_string()),
                ("end", instant(s.window.1)),
                ("watermark", instant(watermark_ms)),
            ],
        ),
        StreamFate::Served {
            done_ms,
            published_ms: Some(at),
        } => lang.fill(
            Key::EtStreamServed,
            &[("done", instant(done_ms)), ("at", instant(at))],
        ),
        StreamFate::Served { done_ms, .. } => {
            lang.fill(Key::EtStreamServedOpen, &[("done", instant(done_ms))])
        }
        StreamFate::Discarded {
            done_ms,
            watermark_ms,
        } => lang.fill(
            Key::EtStreamDiscarded,
            &[
                ("done", instant(done_ms)),
                ("end", instant(s.window.1)),
                ("watermark", instant(watermark_ms)),
            ],
        ),
        StreamFate::LateFired {
            done_ms,
            watermark_ms,
        } => crate::i18n::fill(
            flink::t(lang, flink::Text::StreamLateFired),
            &[
                ("done", instant(done_ms)),
                ("end", instant(s.window.1)),
                ("watermark", instant(watermark_ms)),
            ],
        ),
        StreamFate::Unknown => lang.t(Key::EtStreamUnknown).to_string(),
    }
}

fn batch_line(fate: &BatchFate, lang: Lang) -> String {
    match *fate {
        BatchFate::Waiting => lang.t(Key::EtBatchWaiting).to_string(),
        BatchFate::Read {
            run_start_ms,
            published_ms: Some(at),
        } => lang.fill(
            Key::EtBatchRead,
            &[("start", instant(run_start_ms)), ("at", instant(at))],
        ),
        BatchFate::Read { run_start_ms, .. } => {
            lang.fill(Key::EtBatchRunning, &[("start", instant(run_start_ms))])
        }
        BatchFate::Missed { run_start_ms } => {
            lang.fill(Key::EtBatchMissed, &[("start", instant(run_start_ms))])
        }
        BatchFate::Unknown => lang.t(Key::EtBatchUnknown).to_string(),
    }
}

/// `p50` or `p99`.
pub fn percentile_name(p: Percentile) -> &'static str {
    match p {
        Percentile::P50 => "p50",
        Percentile::P99 => "p99",
    }
}

/// The pipeline's name in `lang`.
pub fn pipeline_name(p: Pipeline, lang: Lang) -> &'static str {
    lang.t(match p {
        Pipeline::Batch => Key::Batch,
        Pipeline::Streaming => Key::Streaming,
    })
}

/// One listed event of an answer, and what `pipeline` did with it.
pub fn step_line(s: &EventStory, pipeline: Pipeline, lang: Lang) -> String {
    let a = &s.arrival;
    let fate = match pipeline {
        Pipeline::Streaming => stream_line(s, lang),
        Pipeline::Batch => batch_line(&s.batch, lang),
    };
    let what = lang.fill(
        Key::WhyStep,
        &[
            ("id", a.id.to_string()),
            ("event", instant(a.event_time_ms)),
            ("arrival", instant(a.arrival_time_ms)),
            ("amount", format::money(a.amount_cents, lang)),
        ],
    );
    format!("{what} {fate}")
}

/// The answer for a published row: its headline and the notes under the list.
pub fn row_answer(r: &RowStory, key: &GroupKey, lang: Lang) -> (String, Vec<String>) {
    let head = lang.fill(
        Key::WhyRow,
        &[
            ("pipeline", pipeline_name(r.pipeline, lang).to_string()),
            ("count", format::count(r.published.value.count, lang)),
            ("amount", format::money(r.published.value.sum_cents, lang)),
            ("window", window(r.window)),
            ("key", group_name(key, lang)),
            ("at", instant(r.published.last_ms)),
        ],
    );
    let mut notes = Vec::new();
    let mut note = |n: u64, k: Key| {
        if n > 0 {
            notes.push(lang.fill(k, &[("n", format::count(n, lang))]));
        }
    };
    note(r.more, Key::WhyMore);
    note(r.late, Key::WhyLateOut);
    note(r.pending, Key::WhyPending);
    if !r.complete {
        notes.push(lang.t(Key::WhyIncomplete).to_string());
    }
    (head, notes)
}

/// The answer for a late count (streaming) or a missed count (batch).
pub fn late_answer(l: &LateStory, lang: Lang) -> (String, Vec<String>) {
    let head = lang.fill(
        match l.pipeline {
            Pipeline::Streaming => Key::WhyLate,
            Pipeline::Batch => Key::WhyMissed,
        },
        &[
            ("pipeline", pipeline_name(l.pipeline, lang).to_string()),
            ("n", format::count(l.late, lang)),
        ],
    );
    let mut notes = Vec::new();
    if l.more > 0 {
        notes.push(lang.fill(Key::WhyMore, &[("n", format::count(l.more, lang))]));
    }
    if !l.complete {
        notes.push(lang.t(Key::WhyIncomplete).to_string());
    }
    (head, notes)
}

/// The answer for a latency percentile: its headline, one line per listed
/// event (the one that sets it marked) and the notes.
pub fn latency_answer(l: &LatencyStory, lang: Lang) -> (String, Vec<String>, Vec<String>) {
    let head = lang.fill(
        Key::WhyLatency,
        &[
            ("pipeline", pipeline_name(l.pipeline, lang).to_string()),
            ("p", percentile_name(l.percentile).to_string()),
            ("value", format::duration_in(l.value_ms, lang)),
            ("rank", format::count(l.rank, lang)),
            ("n", format::count(l.measured, lang)),
        ],
    );
    let lines = l
        .events
        .iter()
        .map(|e| {
            let a = &e.story.arrival;
            let line = lang.fill(
                Key::WhyLatencyStep,
                &[
                    ("rank", format::count(e.rank, lang)),
                    ("id", a.id.to_string()),
                    ("event", instant(a.event_time_ms)),
                    ("arrival", instant(a.arrival_time_ms)),
                    ("published", instant(e.published_ms)),
                    ("latency", format::duration_in(e.latency_ms, lang)),
                ],
            );
            if e.rank == l.rank {
                format!("▶ {line}")
            } else {
                line
            }
        })
        .collect();
    let mut notes = Vec::new();
    for (n, key) in [(l.faster, Key::WhyFaster), (l.slower, Key::WhySlower)] {
        if n > 0 {
            notes.push(lang.fill(key, &[("n", format::count(n, lang))]));
        }
    }
    if !l.complete {
        notes.push(lang.t(Key::WhyIncomplete).to_string());
    }
    (head, lines, notes)
}

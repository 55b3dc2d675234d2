//! Chart series built from the engine's samples and report: a pure mapping,
//! the numbers are the engine's.

use bslab_engine::{PipelineSample, Sample};

use super::{Marker, Series, BATCH, BATCH_DASH, CAPACITY, INPUT, STREAMING, WAITING_DASH};
use crate::i18n::{Key, Lang};
use crate::runner::WindowPoint;

/// Which pipeline a series belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pipe {
    /// Batch.
    Batch,
    /// Streaming.
    Streaming,
}

impl Pipe {
    fn pick(self, s: &Sample) -> &PipelineSample {
        match self {
            Pipe::Batch => &s.batch,
            Pipe::Streaming => &s.streaming,
        }
    }

    fn style(self, name: String, width: f64, points: Vec<(f64, Option<f64>)>) -> Series {
        let (id, color, dash, marker) = match self {
            Pipe::Batch => ("batch", BATCH, BATCH_DASH, Marker::Square),
            Pipe::Streaming => ("streaming", STREAMING, None, Marker::Circle),
        };
        Series {
            id,
            name,
            color,
            dash,
            width,
            marker,
            points,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        lang.t(match self {
            Pipe::Batch => Key::Batch,
            Pipe::Streaming => Key::Streaming,
        })
    }
}

const BOTH: [Pipe; 2] = [Pipe::Batch, Pipe::Streaming];

fn per_pipe(
    samples: &[Sample],
    lang: Lang,
    f: impl Fn(&PipelineSample) -> Option<f64>,
) -> Vec<Series> {
    BOTH.iter()
        .map(|&p| {
            let pts = samples
                .iter()
                .map(|s| (s.t_ms as f64, f(p.pick(s))))
                .collect();
            p.style(p.name(lang).to_string(), 3.0, pts)
        })
        .collect()
}

/// Result latency p50 (thick) and p99 (thin) per pipeline, and, dotted, the age of
/// its oldest waiting event wherever nothing was published (overload, or between batch
/// runs): the least latency its next result will have, so the chart is never blank
/// exactly when latency is worst.
pub fn latency(samples: &[Sample], lang: Lang) -> Vec<Series> {
    let mut out = Vec::new();
    for p in BOTH {
        let p50 = samples
            .iter()
            .map(|s| (s.t_ms as f64, p.pick(s).latency_p50_ms.map(|v| v as f64)))
            .collect();
        let p99 = samples
            .iter()
            .map(|s| (s.t_ms as f64, p.pick(s).latency_p99_ms.map(|v| v as f64)))
            .collect();
        let waiting = samples
            .iter()
            .map(|s| {
                let ps = p.pick(s);
                let silent = ps.latency_p50_ms.is_none();
                let age = ps.oldest_waiting_ms.filter(|_| silent);
                (s.t_ms as f64, age.map(|v| v as f64))
            })
            .collect();
        let ids = match p {
            Pipe::Batch => ["batch-p50", "batch-p99", "batch-oldest-waiting"],
            Pipe::Streaming => ["streaming-p50", "streaming-p99", "streaming-oldest-waiting"],
        };
        out.push(Series {
            id: ids[0],
            ..p.style(format!("{} p50", p.name(lang)), 3.5, p50)
        });
        out.push(Series {
            id: ids[1],
            ..p.style(format!("{} p99", p.name(lang)), 1.5, p99)
        });
        let name = format!("{}: {}", p.name(lang), lang.t(Key::OldestWaiting));
        out.push(Series {
            id: ids[2],
            dash: WAITING_DASH,
            marker: Marker::None,
            ..p.style(name, 2.5, waiting)
        });
    }
    out
}

/// Process rate per pipeline, the input (arrival) rate, and the streaming
/// pipeline's capacity as a flat line across the whole axis (`x_max`, in ms).
pub fn throughput(
    samples: &[Sample],
    lang: Lang,
    capacity: Option<f64>,
    x_max: f64,
) -> Vec<Series> {
    let rest = samples.get(1..).unwrap_or_default();
    let mut out = vec![Series {
        id: "input",
        name: lang.t(Key::ArrivalRate).to_string(),
        color: INPUT,
        dash: Some("2 4"),
        width: 3.0,
        marker: Marker::None,
        points: rest
            .iter()
            .map(|s| (s.t_ms as f64, Some(s.arrival_rate_eps)))
            .collect(),
    }];
    out.extend(per_pipe(rest, lang, |p| Some(p.throughput_eps)));
    if let Some(c) = capacity {
        out.push(Series {
            id: "capacity",
            name: lang.t(Key::CapacityLine).to_string(),
            color: CAPACITY,
            dash: Some("10 4 2 4"),
            width: 2.5,
            marker: Marker::None,
            points: vec![(0.0, Some(c)), (x_max, Some(c))],
        });
    }
    out
}

/// Backlog (waiting events) per pipeline.
pub fn backlog(samples: &[Sample], lang: Lang) -> Vec<Series> {
    per_pipe(samples, lang, |p| Some(p.waiting as f64))
}

/// Freshness (staleness) per pipeline, in ms.
pub fn freshness(samples: &[Sample], lang: Lang) -> Vec<Series> {
    per_pipe(samples, lang, |p| Some(p.freshness_ms as f64))
}

/// Provisioned (thick) and busy (thin) worker-seconds per pipeline.
pub fn cost(samples: &[Sample], lang: Lang) -> Vec<Series> {
    let mut out = Vec::new();
    let (paid, busy) = (lang.t(Key::Paid), lang.t(Key::BusyWord));
    for p in BOTH {
        let prov = samples
            .iter()
            .map(|s| (s.t_ms as f64, Some(p.pick(s).provisioned_worker_s)))
            .collect();
        let used = samples
            .iter()
            .map(|s| (s.t_ms as f64, Some(p.pick(s).busy_worker_s)))
            .collect();
        out.push(p.style(format!("{} {paid}", p.name(lang)), 3.5, prov));
        out.push(p.style(format!("{} {busy}", p.name(lang)), 1.5, used));
    }
    out
}

/// Completeness per finished window: % of the true count published, per pipeline.
pub fn completeness(windows: &[WindowPoint], lang: Lang) -> Vec<Series> {
    let pct = |n: u64, truth: u64| (truth > 0).then(|| 100.0 * n as f64 / truth as f64);
    BOTH.iter()
        .map(|&p| {
            let pts = windows
                .iter()
                .map(|w| {
                    let n = match p {
                        Pipe::Batch => w.batch,
                        Pipe::Streaming => w.streaming,
                    };
                    (w.start_ms as f64, pct(n, w.truth))
                })
                .collect();
            p.style(p.name(lang).to_string(), 3.0, pts)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(t_ms: i64, p50: Option<u64>, oldest: Option<i64>) -> Sample {
        let mut s = Sample {
            t_ms,
            ..Sample::default()
        };
        s.streaming.latency_p50_ms = p50;
        s.streaming.oldest_waiting_ms = oldest;
        s
    }

    #[test]
    fn oldest_waiting_is_drawn_only_where_nothing_is_published() {
        let samples = [
            sample(0, Some(10), Some(5)),
            sample(1_000, None, Some(900)),
            sample(2_000, None, None),
        ];
        let series = latency(&samples, Lang::En);
        let waiting = series
            .iter()
            .find(|s| s.id == "streaming-oldest-waiting")
            .expect("series");
        let ys: Vec<_> = waiting.points.iter().map(|p| p.1).collect();
        assert_eq!(ys, vec![None, Some(900.0), None]);
    }

    #[test]
    fn capacity_spans_the_axis() {
        let series = throughput(&[sample(0, None, None)], Lang::Pt, Some(250.0), 7_200_000.0);
        let cap = series.iter().find(|s| s.id == "capacity").expect("line");
        assert_eq!(
            cap.points,
            vec![(0.0, Some(250.0)), (7_200_000.0, Some(250.0))]
        );
        assert!(throughput(&[], Lang::En, None, 1.0)
            .iter()
            .all(|s| s.id != "capacity"));
    }
}

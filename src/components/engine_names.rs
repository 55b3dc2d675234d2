//! The run summary's second table: the streaming pipeline's figures under the
//! names Spark's and Flink's UIs give them, each with its one-line explanation.

use std::rc::Rc;

use bslab_engine::{QueryProgress, StreamingMode};
use yew::prelude::*;

use crate::charts::spark_points::SparkPoint;
use crate::flink::{FlinkPools, PoolTime};
use crate::format;
use crate::i18n::{Key, Lang};

/// Properties of [`engine_names`].
pub struct EngineNamesProps {
    /// Language.
    pub lang: Lang,
    /// The streaming mode (trigger interval; no Spark rows in continuous mode).
    pub mode: StreamingMode,
    /// The newest micro-batch's progress.
    pub latest: Option<Rc<QueryProgress>>,
    /// The progress log folded into points (rows dropped over the whole run).
    pub points: Rc<Vec<SparkPoint>>,
    /// The pools' time per second over the whole run.
    pub pools: Option<FlinkPools>,
}

fn spark_rows(
    lang: Lang,
    p: &QueryProgress,
    trigger_ms: i64,
    dropped: u64,
) -> Vec<(Key, String, Key)> {
    let rate = |x: f64| {
        format!(
            "{} {}",
            format::number(x, 1, lang),
            lang.t(Key::AxisEventsPerSecond)
        )
    };
    let state = p.state_operators[0];
    vec![
        (
            Key::SummaryRates,
            format!(
                "{} / {}",
                rate(p.input_rows_per_second),
                rate(p.processed_rows_per_second)
            ),
            Key::SparkRatesNote,
        ),
        (
            Key::SummaryDuration,
            format!(
                "{} / {}",
                format::duration_in(p.duration_ms.trigger_execution, lang),
                format::duration_in(trigger_ms, lang)
            ),
            Key::SparkDurationNote,
        ),
        (
            Key::SummaryWatermarkGap,
            format::duration_in((p.timestamp - p.event_time.watermark).max(0), lang),
            Key::SparkWatermarkGapNote,
        ),
        (
            Key::SummaryDropped,
            format::count(dropped, lang),
            Key::SparkDroppedNote,
        ),
        (
            Key::SummaryState,
            format!(
                "{} / {}",
                format::count(state.num_rows_total, lang),
                format::count(state.num_rows_updated, lang)
            ),
            Key::SparkStateNote,
        ),
    ]
}

fn pools_text(lang: Lang, pools: &FlinkPools) -> String {
    let t = |p: PoolTime| {
        [p.busy, p.backpressured, p.idle]
            .map(|ms| format::count(u64::from(ms), lang))
            .join(" / ")
    };
    format!(
        "{}: {} · {}: {}",
        lang.t(Key::FlinkSource),
        t(pools.source),
        lang.t(Key::FlinkWorkers),
        t(pools.workers)
    )
}

/// The table; empty until a micro-batch or a sample interval has passed. A plain
/// function, not a component: its props change with each micro-batch and sample
/// interval, and its few rows cost less to draw than a component type's code.
pub fn engine_names(p: &EngineNamesProps) -> Html {
    let lang = p.lang;
    let mut rows = Vec::new();
    if let (StreamingMode::MicroBatch { trigger_ms, .. }, Some(latest)) = (&p.mode, &p.latest) {
        let dropped = p.points.iter().map(|pt| pt.dropped).sum();
        rows = spark_rows(lang, latest, *trigger_ms, dropped);
    }
    if let Some(pools) = &p.pools {
        rows.push((Key::SummaryFlink, pools_text(lang, pools), Key::FlinkNote));
    }
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="summary engine-names" aria-labelledby="engine-names-title" data-testid="engine-names">
            <h2 id="engine-names-title">{ lang.t(Key::SummaryEngineTitle) }</h2>
            <table>
                <tbody>
                    { for rows.into_iter().map(|(name, value, note)| html! {
                        <tr>
                            <th scope="row">{ lang.t(name) }<span class="row-note">{ lang.t(note) }</span></th>
                            <td class="num">{ value }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

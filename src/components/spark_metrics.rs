//! "As Spark's UI shows it": the charts of Spark's Structured Streaming tab for the
//! streaming pipeline in micro-batch mode, with Spark's names and a one-line
//! explanation each, and the latest `StreamingQueryProgress` as `query.lastProgress`
//! prints it. Students meet these words in their first Spark job.

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, QueryProgress, StreamingMode};
use yew::prelude::*;

use crate::charts::line::LineChart;
use crate::charts::spark;
use crate::charts::spark_points::SparkPoint;
use crate::charts::Unit;
use crate::i18n::{Key, Lang};

/// Properties of [`SparkMetrics`].
#[derive(Properties, PartialEq)]
pub struct SparkMetricsProps {
    /// Language.
    pub lang: Lang,
    /// The progress log, folded into chart points.
    pub points: Rc<Vec<SparkPoint>>,
    /// The newest micro-batch's progress.
    pub latest: Option<Rc<QueryProgress>>,
    /// The experiment (trigger interval, duration).
    pub config: Rc<ExperimentConfig>,
}

/// Five charts and the latest progress; nothing in continuous mode (no micro-batches).
#[function_component(SparkMetrics)]
pub fn spark_metrics(p: &SparkMetricsProps) -> Html {
    let lang = p.lang;
    let x_max = p.config.duration_ms as f64;
    let trigger_ms = match p.config.streaming.mode {
        StreamingMode::MicroBatch { trigger_ms, .. } => Some(trigger_ms as f64),
        StreamingMode::Continuous { .. } => None,
    };
    let series = use_memo(
        (p.points.clone(), lang, trigger_ms),
        move |(pts, lang, t)| {
            (
                Rc::new(spark::rates(pts, *lang)),
                Rc::new(spark::duration(pts, *lang, t.unwrap_or(0.0), x_max)),
                Rc::new(spark::watermark_gap(pts, *lang)),
                Rc::new(spark::dropped(pts, *lang)),
                Rc::new(spark::state_rows(pts, *lang)),
            )
        },
    );
    if trigger_ms.is_none() {
        return html! {};
    }
    let (t, x) = (Key::AxisTime, x_max);
    html! { <>
        <h2 class="charts-title">{ lang.t(Key::SparkTitle) }</h2>
        <p class="section-note">{ lang.t(Key::SparkNote) }</p>
        <section class="charts" aria-label={lang.t(Key::SparkTitle)} data-testid="spark-metrics">
            <LineChart testid="chart-spark-rates" {lang} title={Key::SparkRatesTitle} what={Key::SparkRatesWhat} note={Some(Key::SparkRatesNote)} y_label={Key::AxisEventsPerSecond} x_label={t} unit={Unit::Rate} series={series.0.clone()} x_max={x} log_option=true />
            <LineChart testid="chart-spark-duration" {lang} title={Key::SparkDurationTitle} what={Key::SparkDurationWhat} note={Some(Key::SparkDurationNote)} y_label={Key::AxisDuration} x_label={t} unit={Unit::Duration} series={series.1.clone()} x_max={x} log_option=true log_default=true />
            <LineChart testid="chart-spark-watermark-gap" {lang} title={Key::SparkWatermarkGapTitle} what={Key::SparkWatermarkGapWhat} note={Some(Key::SparkWatermarkGapNote)} y_label={Key::AxisDuration} x_label={t} unit={Unit::Duration} series={series.2.clone()} x_max={x} />
            <LineChart testid="chart-spark-dropped" {lang} title={Key::SparkDroppedTitle} what={Key::SparkDroppedWhat} note={Some(Key::SparkDroppedNote)} y_label={Key::AxisGroups} x_label={t} unit={Unit::Count} series={series.3.clone()} x_max={x} />
            <LineChart testid="chart-spark-state" {lang} title={Key::SparkStateTitle} what={Key::SparkStateWhat} note={Some(Key::SparkStateNote)} y_label={Key::AxisStateRows} x_label={t} unit={Unit::Count} series={series.4.clone()} x_max={x} />
            <ProgressCard {lang} latest={p.latest.clone()} />
        </section>
    </> }
}

/// Properties of [`ProgressCard`].
#[derive(Properties, PartialEq)]
pub struct ProgressCardProps {
    /// Language.
    pub lang: Lang,
    /// The newest micro-batch's progress.
    pub latest: Option<Rc<QueryProgress>>,
}

/// The newest `StreamingQueryProgress`, as `print(query.lastProgress)` shows it.
#[function_component(ProgressCard)]
pub fn progress_card(p: &ProgressCardProps) -> Html {
    let lang = p.lang;
    let json = p.latest.as_ref().map_or_else(
        || lang.t(Key::NoDataYet).to_string(),
        |l| serde_json::to_string_pretty(&**l).unwrap_or_default(),
    );
    html! {
        <figure class="chart progress-card" data-testid="spark-progress">
            <figcaption>
                <h3>{ lang.t(Key::SparkProgressTitle) }</h3>
                <p class="what">{ lang.t(Key::SparkProgressWhat) }</p>
            </figcaption>
            <pre tabindex="0" aria-label={lang.t(Key::SparkProgressTitle)}>{ json }</pre>
        </figure>
    }
}

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
use crate::charts::Series;
use crate::charts::Unit;
use crate::i18n::{Key, Lang};

/// The five charts' series, from the progress log folded into points.
pub type SparkSeries = [Rc<Vec<Series>>; 5];

/// The streaming pipeline's trigger interval (`None` in continuous mode: no
/// micro-batches, no Spark charts).
pub fn trigger_ms(config: &ExperimentConfig) -> Option<f64> {
    match config.streaming.mode {
        StreamingMode::MicroBatch { trigger_ms, .. } => Some(trigger_ms as f64),
        StreamingMode::Continuous { .. } => None,
    }
}

/// The five charts' series (the charts panel keeps them in a memo keyed by the
/// points, the language and the trigger interval).
pub fn series(pts: &[SparkPoint], lang: Lang, trigger_ms: f64, x_max: f64) -> SparkSeries {
    [
        Rc::new(spark::rates(pts, lang)),
        Rc::new(spark::duration(pts, lang, trigger_ms, x_max)),
        Rc::new(spark::watermark_gap(pts, lang)),
        Rc::new(spark::dropped(pts, lang)),
        Rc::new(spark::state_rows(pts, lang)),
    ]
}

/// Five charts and the newest micro-batch's progress (`latest`), over `x_max` ms;
/// nothing without `series` (continuous mode). A plain function drawn by the charts
/// panel just above it, not a component type of its own.
pub fn spark_metrics(
    lang: Lang,
    series: Option<&SparkSeries>,
    latest: &Option<Rc<QueryProgress>>,
    x_max: f64,
) -> Html {
    let Some(series) = series else {
        return html! {};
    };
    let (t, x) = (Key::AxisTime, x_max);
    html! { <>
        <h2 class="charts-title">{ lang.t(Key::SparkTitle) }</h2>
        <p class="section-note">{ lang.t(Key::SparkNote) }</p>
        <section class="charts" aria-label={lang.t(Key::SparkTitle)} data-testid="spark-metrics">
            <LineChart testid="chart-spark-rates" {lang} title={Key::SparkRatesTitle} what={Key::SparkRatesWhat} note={Some(Key::SparkRatesNote)} y_label={Key::AxisEventsPerSecond} x_label={t} unit={Unit::Rate} series={series[0].clone()} x_max={x} log_option=true />
            <LineChart testid="chart-spark-duration" {lang} title={Key::SparkDurationTitle} what={Key::SparkDurationWhat} note={Some(Key::SparkDurationNote)} y_label={Key::AxisDuration} x_label={t} unit={Unit::Duration} series={series[1].clone()} x_max={x} log_option=true log_default=true />
            <LineChart testid="chart-spark-watermark-gap" {lang} title={Key::SparkWatermarkGapTitle} what={Key::SparkWatermarkGapWhat} note={Some(Key::SparkWatermarkGapNote)} y_label={Key::AxisDuration} x_label={t} unit={Unit::Duration} series={series[2].clone()} x_max={x} />
            <LineChart testid="chart-spark-dropped" {lang} title={Key::SparkDroppedTitle} what={Key::SparkDroppedWhat} note={Some(Key::SparkDroppedNote)} y_label={Key::AxisGroups} x_label={t} unit={Unit::Count} series={series[3].clone()} x_max={x} />
            <LineChart testid="chart-spark-state" {lang} title={Key::SparkStateTitle} what={Key::SparkStateWhat} note={Some(Key::SparkStateNote)} y_label={Key::AxisStateRows} x_label={t} unit={Unit::Count} series={series[4].clone()} x_max={x} />
            { progress_card(lang, latest) }
        </section>
    </> }
}

/// The newest `StreamingQueryProgress` (`latest`), as `print(query.lastProgress)`
/// shows it. A plain function, not a component: the charts around it are drawn
/// again when a micro-batch ends, which is also when `latest` changes.
fn progress_card(lang: Lang, latest: &Option<Rc<QueryProgress>>) -> Html {
    let json = latest.as_ref().map_or_else(
        || lang.t(Key::NoDataYet).to_string(),
        |l| bslab_engine::pretty_json::indent(&l.to_json()),
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

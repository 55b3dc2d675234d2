//! The comparison charts, both pipelines on the same axes, under the two panels.

use std::rc::Rc;

use yew::prelude::*;

use super::line::LineChart;
use super::Unit;
use super::{band, data};
use crate::components::save_picture::save_all_button;
use crate::components::spark_metrics;
use crate::i18n::{Key, Lang};
use crate::runner::Snapshot;
use crate::timeline::ghost;
use bslab_engine::ExperimentConfig;

/// Properties of [`ChartsPanel`].
#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// Language.
    pub lang: Lang,
    /// The current picture.
    pub view: Rc<Snapshot>,
    /// The experiment (the streaming capacity, and when the input passes it).
    pub config: Rc<ExperimentConfig>,
    /// The run before a fork, drawn faint under this one (see `timeline::ghost`).
    #[prop_or_default]
    pub ghost: Option<Rc<Snapshot>>,
}

/// Six charts: latency, throughput, backlog, freshness, completeness, cost; then
/// Spark's charts in micro-batch mode.
#[function_component(ChartsPanel)]
pub fn charts_panel(p: &ChartsPanelProps) -> Html {
    let lang = p.lang;
    let samples = p.view.samples.clone();
    let x_max = p.view.duration_ms as f64;
    let capacity = p.config.streaming.mode.capacity_eps();
    let series = use_memo((samples, lang, capacity), move |(s, lang, capacity)| {
        (
            Rc::new(data::latency(s, *lang)),
            Rc::new(data::throughput(s, *lang, *capacity, x_max)),
            Rc::new(data::backlog(s, *lang)),
            Rc::new(data::freshness(s, *lang)),
            Rc::new(data::cost(s, *lang)),
        )
    });
    let windows = p
        .view
        .report
        .as_ref()
        .map(|r| Rc::clone(&r.windows))
        .unwrap_or_default();
    let complete = use_memo((windows, lang), |(w, lang)| {
        Rc::new(data::completeness(w, *lang))
    });
    // Shown up to the last sample drawn: the class sees it when it happens.
    let drawn_to = p.view.samples.last().map_or(0.0, |s| s.t_ms as f64);
    let ghosts = use_memo((p.ghost.clone(), lang), move |(g, lang)| {
        let g = g.as_ref()?;
        let s = &g.samples;
        let before = lang.t(Key::GhostBefore);
        let windows = g
            .report
            .as_ref()
            .map(|r| Rc::clone(&r.windows))
            .unwrap_or_default();
        Some([
            ghost::faded(data::latency(s, *lang), before),
            ghost::faded(data::throughput(s, *lang, None, x_max), before),
            ghost::faded(data::backlog(s, *lang), before),
            ghost::faded(data::freshness(s, *lang), before),
            ghost::faded(data::completeness(&windows, *lang), before),
            ghost::faded(data::cost(s, *lang), before),
        ])
    });
    let g = |i: usize| ghosts.as_ref().as_ref().map(|all| &all[i]);
    let series = (
        ghost::under(g(0), &series.0),
        ghost::under(g(1), &series.1),
        ghost::under(g(2), &series.2),
        ghost::under(g(3), &series.3),
        ghost::under(g(4), &complete),
        ghost::under(g(5), &series.4),
    );
    // The Spark charts under these (micro-batch mode only), drawn here rather than by
    // a component of their own.
    let (trigger_ms, spark_x_max) = (
        spark_metrics::trigger_ms(&p.config),
        p.config.duration_ms as f64,
    );
    let spark = use_memo(
        (p.view.spark.clone(), lang, trigger_ms),
        move |(pts, lang, t)| t.map(|t| spark_metrics::series(pts, *lang, t, spark_x_max)),
    );
    let bands = use_memo((p.config.clone(), drawn_to), move |(c, to)| {
        Rc::new(band::overload(&c.workload, capacity, x_max, *to))
    });
    html! { <>
        <h2 class="charts-title">{ lang.t(Key::Charts) }</h2>
        <section class="charts" aria-label={lang.t(Key::Charts)}>
            <LineChart testid="chart-latency" {lang} title={Key::ChartLatency} what={Key::ChartLatencyWhat} y_label={Key::AxisLatency} x_label={Key::AxisTime} unit={Unit::Duration} series={series.0.clone()} {x_max} log_option=true log_default=true />
            <LineChart testid="chart-throughput" {lang} title={Key::ChartThroughput} what={Key::ChartThroughputWhat} y_label={Key::AxisEventsPerSecond} x_label={Key::AxisTime} unit={Unit::Rate} series={series.1.clone()} {x_max} log_option=true log_default=true bands={(*bands).clone()} />
            <LineChart testid="chart-backlog" {lang} title={Key::ChartBacklog} what={Key::ChartBacklogWhat} y_label={Key::AxisEvents} x_label={Key::AxisTime} unit={Unit::Count} series={series.2.clone()} {x_max} log_option=true />
            <LineChart testid="chart-freshness" {lang} title={Key::ChartFreshness} what={Key::ChartFreshnessWhat} y_label={Key::AxisFreshness} x_label={Key::AxisTime} unit={Unit::Duration} series={series.3.clone()} {x_max} log_option=true />
            <LineChart testid="chart-completeness" {lang} title={Key::ChartCompleteness} what={Key::ChartCompletenessWhat} y_label={Key::AxisPercent} x_label={Key::AxisWindowStart} unit={Unit::Percent} series={series.4.clone()} {x_max} y_max={Some(100.0)} />
            <LineChart testid="chart-cost" {lang} title={Key::ChartCost} what={Key::ChartCostWhat} y_label={Key::AxisWorkerSeconds} x_label={Key::AxisTime} unit={Unit::WorkerSeconds} series={series.5.clone()} {x_max} />
        </section>
        // Under the charts: above them, it would push the first charts off a 1024×768 screen.
        <div class="charts-foot">{ save_all_button(lang) }</div>
        { spark_metrics::spark_metrics(lang, spark.as_ref().as_ref(), &p.view.latest_progress, spark_x_max) }
    </> }
}

//! One pipeline panel (Batch or Streaming): title and configuration in one line,
//! "what am I seeing?", the animated diagram and the live dashboard.

use std::rc::Rc;

use bslab_engine::ExperimentConfig;
use yew::prelude::*;

use super::config_line::{config_line, workers_of};
use super::dashboard::{dashboard, DashboardProps};
use super::diagram::{diagram, DiagramData, DiagramProps};
use crate::format;
use crate::i18n::{Key, Lang};
use crate::runner::Snapshot;

/// Properties of [`pipeline_panel`].
pub struct PipelinePanelProps {
    /// Language.
    pub lang: Lang,
    /// Batch (true) or streaming.
    pub batch: bool,
    /// The applied config (worker counts, scenario).
    pub config: Rc<ExperimentConfig>,
    /// The current picture.
    pub view: Rc<Snapshot>,
}

fn diagram_data(p: &PipelinePanelProps) -> DiagramData {
    let (lang, live) = (p.lang, &p.view.live);
    let flowing = !p.view.finished;
    let clock = |t: i64| format::clock(t.max(0));
    if p.batch {
        let b = &live.batch;
        let first = if b.running {
            lang.t(Key::JobRunning).to_string()
        } else {
            format!(
                "{} · {} {}",
                lang.t(Key::JobIdle),
                lang.t(Key::NextRun),
                clock(b.next_run_ms)
            )
        };
        let queued = if b.queued_runs > 0 {
            format!(" · {} {}", b.queued_runs, lang.t(Key::QueuedRuns))
        } else {
            String::new()
        };
        let second = format!(
            "{} {}{queued}",
            lang.t(Key::CompleteUpTo),
            clock(b.complete_up_to_ms)
        );
        DiagramData {
            batch: true,
            generated: live.generated,
            in_transit: live.in_transit,
            waiting: b.waiting,
            processed: b.processed,
            dropped: b.dropped_late,
            busy: b.running,
            workers: p.config.batch.workers,
            status: vec![first, second],
            flowing,
            pools: None,
        }
    } else {
        let s = &live.streaming;
        let status = vec![
            format!(
                "{} · {} {}",
                lang.t(if s.busy { Key::Busy } else { Key::Idle }),
                lang.t(Key::Watermark),
                clock(s.watermark_ms)
            ),
            format!(
                "{} {} · {} {}",
                lang.t(Key::OpenWindows),
                s.open_windows,
                lang.t(Key::CompleteUpTo),
                clock(s.complete_up_to_ms)
            ),
        ];
        DiagramData {
            batch: false,
            generated: live.generated,
            in_transit: live.in_transit,
            waiting: s.waiting,
            processed: s.processed,
            dropped: s.dropped_late,
            busy: s.busy,
            workers: workers_of(&p.config.streaming.mode),
            status,
            flowing,
            pools: p.view.pools.0,
        }
    }
}

/// Pipeline panel: a plain function, not a component (its props hold the frame's
/// picture, so they change every frame).
pub fn pipeline_panel(p: &PipelinePanelProps) -> Html {
    let lang = p.lang;
    let (title, what, class) = if p.batch {
        (Key::Batch, Key::BatchWhat, "batch")
    } else {
        (Key::Streaming, Key::StreamingWhat, "streaming")
    };
    let scenario = match p.config.scenario.name() {
        "sales" => super::dashboard::Kind::Sales,
        "social" => super::dashboard::Kind::Social,
        "fraud" => super::dashboard::Kind::Fraud,
        "iot" => super::dashboard::Kind::Iot,
        "web" => super::dashboard::Kind::Web,
        _ => super::dashboard::Kind::Other,
    };
    let mode = config_line(lang, p.batch, &p.config);
    html! {
        <section class={classes!("pipeline", class)} data-testid={format!("panel-{class}")} aria-labelledby={format!("title-{class}")}>
            <div class="pipeline-head">
                <h2 id={format!("title-{class}")}><span class="swatch" aria-hidden="true" />{ lang.t(title) }</h2>
                <span class="pipeline-mode" title={mode.clone()}>{ mode }</span>
            </div>
            <details class="what"><summary>{ lang.t(Key::WhatAmISeeing) }</summary><p>{ lang.t(what) }</p></details>
            { diagram(&DiagramProps { lang, data: diagram_data(p) }) }
            { dashboard(&DashboardProps { lang, batch: p.batch, rows: p.view.dashboard.clone(), scenario }) }
        </section>
    }
}

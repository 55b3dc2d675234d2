//! One pipeline panel (Batch or Streaming): title, "what am I seeing?",
//! animated diagram and live dashboard.

use std::rc::Rc;

use bslab_engine::{ExperimentConfig, ScenarioConfig, StreamingMode};
use yew::prelude::*;

use super::dashboard::Dashboard;
use super::diagram::{Diagram, DiagramData};
use crate::format;
use crate::i18n::{Key, Lang};
use crate::runner::Snapshot;

/// Properties of [`PipelinePanel`].
#[derive(Properties, PartialEq)]
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
    if p.batch {
        let b = &live.batch;
        let mut status = vec![if b.running {
            lang.t(Key::JobRunning).to_string()
        } else {
            format!(
                "{} · {} {}",
                lang.t(Key::JobIdle),
                lang.t(Key::NextRun),
                format::clock(b.next_run_ms)
            )
        }];
        let queued = if b.queued_runs > 0 {
            format!(" · {} {}", b.queued_runs, lang.t(Key::QueuedRuns))
        } else {
            String::new()
        };
        status.push(format!(
            "{} {}{queued}",
            lang.t(Key::CompleteUpTo),
            format::clock(b.complete_up_to_ms)
        ));
        DiagramData {
            batch: true,
            t_ms: live.t_ms,
            generated: live.generated,
            in_transit: live.in_transit,
            waiting: b.waiting,
            processed: b.processed,
            dropped: b.dropped_late,
            busy: b.running,
            workers: p.config.batch.workers,
            status,
            flowing,
        }
    } else {
        let s = &live.streaming;
        let workers = match p.config.streaming.mode {
            StreamingMode::MicroBatch { workers, .. }
            | StreamingMode::Continuous { workers, .. } => workers,
        };
        let status = vec![
            format!(
                "{} · {} {}",
                lang.t(if s.busy { Key::Busy } else { Key::Idle }),
                lang.t(Key::Watermark),
                format::clock(s.watermark_ms)
            ),
            format!(
                "{} {} · {} {}",
                lang.t(Key::OpenWindows),
                s.open_windows,
                lang.t(Key::CompleteUpTo),
                format::clock(s.complete_up_to_ms)
            ),
        ];
        DiagramData {
            batch: false,
            t_ms: live.t_ms,
            generated: live.generated,
            in_transit: live.in_transit,
            waiting: s.waiting,
            processed: s.processed,
            dropped: s.dropped_late,
            busy: s.busy,
            workers,
            status,
            flowing,
        }
    }
}

/// Pipeline panel.
#[function_component(PipelinePanel)]
pub fn pipeline_panel(p: &PipelinePanelProps) -> Html {
    let lang = p.lang;
    let money = !matches!(p.config.scenario, ScenarioConfig::Social { .. });
    let (title, what, class) = if p.batch {
        (Key::Batch, Key::BatchWhat, "batch")
    } else {
        (Key::Streaming, Key::StreamingWhat, "streaming")
    };
    html! {
        <section class={classes!("pipeline", class)} data-testid={format!("panel-{class}")} aria-label={lang.t(title)}>
            <h2><span class="swatch" aria-hidden="true" />{ lang.t(title) }</h2>
            <details class="what"><summary>{ lang.t(Key::WhatAmISeeing) }</summary><p>{ lang.t(what) }</p></details>
            <Diagram {lang} data={diagram_data(p)} />
            <Dashboard {lang} batch={p.batch} rows={p.view.dashboard.clone()} {money} />
        </section>
    }
}

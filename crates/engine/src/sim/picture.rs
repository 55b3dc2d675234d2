//! The event-time picture and "why this number?" of a [`Simulation`] at its
//! current instant: the recent arrivals and the pipelines' logs handed to
//! [`crate::event_time`] and [`crate::explain`].

use std::collections::BTreeMap;

use super::Simulation;
use crate::completions::Served;
use crate::config::OutputMode;
use crate::event_time::{EventTimePicture, PictureBuild, Sources};
use crate::explain::{EventStory, LateStory, Pipeline, RowStory};
use crate::explain_latency::{LatencyStory, Percentile};
use crate::fate::{BatchRuns, MicroBatches};
use crate::output::PublishedRow;
use crate::time::TimeMs;

impl Simulation {
    fn sources(&self) -> Option<(Sources<'_>, bool)> {
        let recent = self.recent.as_ref()?;
        let (batch, streaming) = (self.batch(), self.streaming());
        let sources = Sources {
            config: &self.config,
            now: self.now,
            arrivals: recent.arrivals(),
            micro_batches: streaming.micro_batches().map(|log| MicroBatches {
                finished: log.kept(),
                running: streaming.running_micro_batch(),
            }),
            batch_runs: BatchRuns {
                finished: batch.batch_runs()?.kept(),
                running: batch.running_run(),
                interval_ms: self.config.batch.interval_ms,
            },
            watermark_ms: streaming.watermark_ms().unwrap_or(0),
            served: streaming.completions().map(|c| Served {
                by_arrival: c.by_arrival(),
                rows: &self.streaming().out().rows,
                append: self.config.streaming.output_mode == OutputMode::Append,
            }),
        };
        Some((sources, recent.forgotten() > 0))
    }

    /// The event-time picture at the current instant, at most `max_marks`
    /// marks plus the late ones (None unless built [`Simulation::with_recent`]).
    pub fn event_time_picture(&self, max_marks: usize) -> Option<EventTimePicture> {
        self.sources()
            .map(|(s, _)| self.with_session_groups(s.picture(max_marks)))
    }

    /// [`Simulation::event_time_picture`] in parts (an app spreads them over frames): this
    /// starts it, [`Simulation::continue_event_time_picture`] takes the arrivals in view,
    /// [`Simulation::finish_event_time_picture`] makes the same picture.
    pub fn start_event_time_picture(&self, max_marks: usize) -> Option<PictureBuild> {
        self.sources().map(|(s, _)| s.start_picture(max_marks))
    }

    /// Takes up to `count` more arrivals in view into `build`; false if the simulation
    /// moved since `build` was started (start again).
    pub fn continue_event_time_picture(&self, build: &mut PictureBuild, count: usize) -> bool {
        let Some((s, _)) = self
            .sources()
            .filter(|(s, _)| build.started_on(s.now, s.arrivals.len()))
        else {
            return false;
        };
        s.continue_picture(build, count);
        true
    }

    /// The picture `build` made, once it took every arrival in view (None if not, or if
    /// the simulation moved since it was started).
    pub fn finish_event_time_picture(&self, build: PictureBuild) -> Option<EventTimePicture> {
        let (s, _) = self.sources()?;
        (build.started_on(s.now, s.arrivals.len()) && build.remaining() == 0)
            .then(|| self.with_session_groups(s.finish_picture(build)))
    }

    /// `p` with its session keys decoded for people.
    fn with_session_groups(&self, mut p: EventTimePicture) -> EventTimePicture {
        p.session_groups = p
            .session_keys
            .iter()
            .map(|&k| self.scenario().decode_key(k))
            .collect();
        p
    }

    /// What each pipeline did with the event `id`, if it is still recorded.
    pub fn explain_event(&self, id: u64) -> Option<EventStory> {
        let (s, _) = self.sources()?;
        s.arrivals.iter().find(|a| a.id == id).map(|a| s.story(a))
    }

    /// Why `pipeline`'s published row (window `start`, `key`) holds its value
    /// (None if it has not published it, or nothing is recorded).
    pub fn explain_row(&self, pipeline: Pipeline, start: TimeMs, key: u32) -> Option<RowStory> {
        let (s, forgotten) = self.sources()?;
        let row = *self.published_rows(pipeline).get(&(start, key))?;
        Some(s.explain_row(pipeline, (start, key), row, forgotten))
    }

    /// Why `pipeline`'s late count is what it is (None unless recorded).
    pub fn explain_late(&self, pipeline: Pipeline) -> Option<LateStory> {
        let (s, forgotten) = self.sources()?;
        Some(s.explain_late(pipeline, forgotten))
    }

    /// Why `pipeline`'s latency `percentile` is what it is: the events ranked
    /// around it (None unless recorded).
    pub fn explain_latency(
        &self,
        pipeline: Pipeline,
        percentile: Percentile,
    ) -> Option<LatencyStory> {
        let (s, forgotten) = self.sources()?;
        let rows = self.published_rows(pipeline);
        Some(s.explain_latency(pipeline, percentile, rows, forgotten))
    }

    /// `pipeline`'s published rows by (window start, group key).
    pub fn published_rows(&self, pipeline: Pipeline) -> &BTreeMap<(TimeMs, u32), PublishedRow> {
        match pipeline {
            Pipeline::Batch => &self.batch().out().rows,
            Pipeline::Streaming => &self.streaming().out().rows,
        }
    }
}

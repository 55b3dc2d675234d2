//! Guided lessons: data, not code. Each lesson is a bilingual JSON file in
//! `lessons/` (embedded in the page, so it works offline and from the single
//! file): a title and a sequence of *beats*. A beat is an experiment (a preset
//! plus an optional JSON Merge Patch, the same shape as a share link's base and
//! patch), the instant to run to and pause at, a caption, the part of the page
//! to highlight and, optionally, a predict-then-reveal question whose value is
//! read from the run's report. `tests.rs` checks every beat of every lesson.
//!
//! File format (`at` takes the parameter fields' durations: `90 s`, `1 h 30 min`):
//!
//! ```json
//! { "id": "sales", "title": { "en": "…", "pt": "…" },
//!   "beats": [ { "preset": "sales-daily-vs-live", "patch": { "seed": 7 }, "at": "68 min",
//!                "highlight": "panel-batch", "caption": { "en": "…", "pt": "…" },
//!                "ask": { "en": "…", "pt": "…", "value": "/batch/latency_ms/p50",
//!                         "unit": "duration" } } ] }
//! ```

mod navigate;
pub mod progress;
pub mod reveal;

use std::sync::OnceLock;

use bslab_engine::{duration, presets, ExperimentConfig, TimeMs};
use serde_json::Value;

use crate::i18n::Lang;
use crate::share;
use reveal::Unit;

/// The lesson files, in the order the picker lists them (the course's order).
const FILES: [&str; 7] = [
    include_str!("../../lessons/1-batch-strengths.json"),
    include_str!("../../lessons/2-streaming-strengths.json"),
    include_str!("../../lessons/3-sales.json"),
    include_str!("../../lessons/4-social.json"),
    include_str!("../../lessons/5-fraud.json"),
    include_str!("../../lessons/6-late-data.json"),
    include_str!("../../lessons/7-backpressure.json"),
];

/// Parts of the page a beat may highlight (their `data-testid`).
pub const HIGHLIGHTS: [&str; 10] = [
    "panel-batch",
    "panel-streaming",
    "chart-latency",
    "chart-throughput",
    "chart-backlog",
    "chart-freshness",
    "chart-completeness",
    "chart-cost",
    "summary",
    "queueing",
];

/// A text in every language, by [`Lang`] (a language the lesson file does not have
/// yet reads the default language's, so a new UI language needs no lesson edit).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<String>);

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        self.0.get(lang as usize).map_or("", String::as_str)
    }
}

/// A predict-then-reveal question: the class guesses, the next click shows the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Ask {
    /// The question.
    pub question: Text,
    /// JSON pointer into the run's report (`/streaming/latency_ms/p50`).
    pub value: String,
    /// How to show the value.
    pub unit: Unit,
}

/// One step of a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Beat {
    /// The preset the experiment starts from.
    pub preset: String,
    /// JSON Merge Patch applied to the preset's config (`Value::Null`: none).
    pub patch: Value,
    /// The instant to run to and pause at, in ms.
    pub at_ms: TimeMs,
    /// `data-testid` of the part of the page to highlight (one of [`HIGHLIGHTS`]).
    pub highlight: String,
    /// What the teacher says, in a few sentences.
    pub caption: Text,
    /// The optional question.
    pub ask: Option<Ask>,
}

/// A lesson: one idea of the course, a few beats.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// Stable name (used by the page and the embedding API).
    pub id: String,
    /// Title.
    pub title: Text,
    /// The beats, in order (at least one).
    pub beats: Vec<Beat>,
}

/// Why a beat's experiment could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum BeatError {
    /// No preset of that name.
    UnknownPreset(String),
    /// The patched config is not an experiment, or is invalid (the engine's first
    /// complaint). Kept as data: formatting it would bring Rust's float printer
    /// into the page for a message no one sees.
    BadConfig(share::ShareError),
}

impl Beat {
    /// The beat's experiment: its preset with the patch applied, validated.
    pub fn config(&self) -> Result<ExperimentConfig, BeatError> {
        let preset = presets::by_name(&self.preset)
            .ok_or_else(|| BeatError::UnknownPreset(self.preset.clone()))?;
        if self.patch.is_null() {
            return Ok(preset.config);
        }
        let json = serde_json::to_string(&preset.config).unwrap_or_default();
        let mut value = bslab_engine::read_value(&json).unwrap_or_default();
        share::patch::apply(&mut value, &self.patch);
        let config = share::parse_config(&value.to_string()).map_err(BeatError::BadConfig)?;
        Ok(config)
    }
}

/// The text of each language, by its file's code (`"en"`, `"pt"`): the default one is required.
fn text(v: &Value) -> Option<Text> {
    let in_lang = |lang: Lang| v.get(lang.code())?.as_str().map(str::to_string);
    let default = in_lang(Lang::default())?;
    Some(Text(
        Lang::ALL
            .into_iter()
            .map(|lang| in_lang(lang).unwrap_or_else(|| default.clone()))
            .collect(),
    ))
}

fn ask(v: &Value) -> Option<Ask> {
    Some(Ask {
        question: text(v)?,
        value: v.get("value")?.as_str()?.to_string(),
        unit: Unit::from_name(v.get("unit")?.as_str()?)?,
    })
}

fn beat(v: &Value) -> Option<Beat> {
    Some(Beat {
        preset: v.get("preset")?.as_str()?.to_string(),
        patch: v.get("patch").cloned().unwrap_or(Value::Null),
        at_ms: duration::parse_whole_ms(v.get("at")?.as_str()?).ok()?,
        highlight: v.get("highlight")?.as_str()?.to_string(),
        caption: text(v.get("caption")?)?,
        ask: match v.get("ask") {
            Some(a) => Some(ask(a)?),
            None => None,
        },
    })
}

/// Reads one lesson file; `None` if any part of it is missing or malformed.
pub fn parse(json: &str) -> Option<Lesson> {
    let v = bslab_engine::read_value(json).ok()?;
    let beats = v
        .get("beats")?
        .as_array()?
        .iter()
        .map(beat)
        .collect::<Option<Vec<_>>>()?;
    (!beats.is_empty()).then_some(())?;
    Some(Lesson {
        id: v.get("id")?.as_str()?.to_string(),
        title: text(v.get("title")?)?,
        beats,
    })
}

/// Every lesson, in course order, read once. A malformed file is left out
/// (never a panic); the lesson test fails on it first.
pub fn all() -> &'static [Lesson] {
    static LESSONS: OnceLock<Vec<Lesson>> = OnceLock::new();
    LESSONS.get_or_init(|| FILES.iter().filter_map(|f| parse(f)).collect())
}

/// The lesson named `id`, with its index.
pub fn by_id(id: &str) -> Option<(usize, &'static Lesson)> {
    all().iter().enumerate().find(|(_, l)| l.id == id)
}

#[cfg(test)]
mod tests;

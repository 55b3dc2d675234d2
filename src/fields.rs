//! Every editable parameter of an experiment, addressed by the engine's dotted
//! field path (`batch.interval_ms`). Reading and writing a field is a pure
//! function of the config; whether a value is allowed is *only* decided by
//! [`ExperimentConfig::validate`] (the allowed range shown in the UI is the
//! engine's own text, obtained by probing it with an impossible value).

use bslab_engine::{DailyProfile, ExperimentConfig, FieldError, ScenarioConfig, StreamingMode};

use crate::i18n::Lang;
use crate::numbers::{self, NumberError};

mod values;
use values::{read, write, Value};

/// One editable parameter. Paths follow the engine's validation paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    /// `seed`
    Seed,
    /// `duration_ms`
    Duration,
    /// `sample_every_ms`
    SampleEvery,
    /// `scenario.categories`
    Categories,
    /// `scenario.mean_amount_cents`
    MeanAmount,
    /// `scenario.posts`
    Posts,
    /// `scenario.zipf_exponent`
    Zipf,
    /// `scenario.cards`
    Cards,
    /// `scenario.alert_threshold`
    AlertThreshold,
    /// `scenario.bursts_per_hour`
    FraudBurstsPerHour,
    /// `scenario.burst_transactions`
    FraudBurstTransactions,
    /// `scenario.burst_duration_ms`
    FraudBurstDuration,
    /// `workload.rate_eps`
    Rate,
    /// `workload.daily_profile` (choice)
    Profile,
    /// `workload.daily_profile.amplitude`
    Amplitude,
    /// `workload.daily_profile.peak_hour`
    PeakHour,
    /// `workload.bursts[i].start_ms`
    BurstStart(usize),
    /// `workload.bursts[i].duration_ms`
    BurstDuration(usize),
    /// `workload.bursts[i].multiplier`
    BurstMultiplier(usize),
    /// `delay.mean_ms`
    DelayMean,
    /// `delay.jitter_ms`
    DelayJitter,
    /// `delay.late_fraction`
    LateFraction,
    /// `delay.late_mean_ms`
    LateMean,
    /// `window.size_ms`
    WindowSize,
    /// `batch.interval_ms`
    BatchInterval,
    /// `batch.offset_ms`
    BatchOffset,
    /// `batch.startup_ms`
    BatchStartup,
    /// `batch.per_event_cost_us`
    BatchCost,
    /// `batch.workers`
    BatchWorkers,
    /// `streaming.mode` (choice)
    Mode,
    /// `streaming.mode.trigger_ms`
    Trigger,
    /// `streaming.mode.batch_overhead_ms`
    Overhead,
    /// `streaming.mode.per_event_cost_us`
    StreamCost,
    /// `streaming.mode.workers`
    StreamWorkers,
    /// `streaming.mode.service` (choice)
    Service,
    /// `streaming.mode.service_mean_ms`
    ServiceMean,
    /// `streaming.watermark_delay_ms`
    WatermarkDelay,
    /// `streaming.output_mode` (choice)
    Output,
}

/// The groups of the parameter panel, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Seed, duration, sampling, window, scenario payload.
    Experiment,
    /// Arrival process.
    Workload,
    /// Ingestion delay and late data.
    Delay,
    /// Batch pipeline.
    Batch,
    /// Streaming pipeline.
    Streaming,
}

/// What kind of input a field needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Whole number.
    Int,
    /// Decimal number.
    Float,
    /// One of a few machine names.
    Choice(&'static [&'static str]),
}

/// Every field that is not one of a list's items (bursts).
pub const FIXED: [FieldId; 35] = {
    use FieldId::*;
    [
        Seed,
        Duration,
        SampleEvery,
        Categories,
        MeanAmount,
        Posts,
        Zipf,
        Cards,
        AlertThreshold,
        FraudBurstsPerHour,
        FraudBurstTransactions,
        FraudBurstDuration,
        Rate,
        Profile,
        Amplitude,
        PeakHour,
        DelayMean,
        DelayJitter,
        LateFraction,
        LateMean,
        WindowSize,
        BatchInterval,
        BatchOffset,
        BatchStartup,
        BatchCost,
        BatchWorkers,
        Mode,
        Trigger,
        Overhead,
        StreamCost,
        StreamWorkers,
        Service,
        ServiceMean,
        WatermarkDelay,
        Output,
    ]
};

impl FieldId {
    /// The field at an engine path (`batch.workers`, `workload.bursts[0].multiplier`).
    pub fn from_path(path: &str) -> Option<FieldId> {
        if let Some(f) = FIXED.iter().find(|f| f.path() == path) {
            return Some(*f);
        }
        let rest = path.strip_prefix("workload.bursts[")?;
        let (index, name) = rest.split_once("].")?;
        let i = index.parse().ok()?;
        match name {
            "start_ms" => Some(FieldId::BurstStart(i)),
            "duration_ms" => Some(FieldId::BurstDuration(i)),
            "multiplier" => Some(FieldId::BurstMultiplier(i)),
            _ => None,
        }
    }

    /// The engine's dotted path of the field.
    pub fn path(self) -> String {
        let fixed = match self {
            FieldId::Seed => "seed",
            FieldId::Duration => "duration_ms",
            FieldId::SampleEvery => "sample_every_ms",
            FieldId::Categories => "scenario.categories",
            FieldId::MeanAmount => "scenario.mean_amount_cents",
            FieldId::Posts => "scenario.posts",
            FieldId::Zipf => "scenario.zipf_exponent",
            FieldId::Cards => "scenario.cards",
            FieldId::AlertThreshold => "scenario.alert_threshold",
            FieldId::FraudBurstsPerHour => "scenario.bursts_per_hour",
            FieldId::FraudBurstTransactions => "scenario.burst_transactions",
            FieldId::FraudBurstDuration => "scenario.burst_duration_ms",
            FieldId::Rate => "workload.rate_eps",
            FieldId::Profile => "workload.daily_profile",
            FieldId::Amplitude => "workload.daily_profile.amplitude",
            FieldId::PeakHour => "workload.daily_profile.peak_hour",
            FieldId::BurstStart(i) => return format!("workload.bursts[{i}].start_ms"),
            FieldId::BurstDuration(i) => return format!("workload.bursts[{i}].duration_ms"),
            FieldId::BurstMultiplier(i) => return format!("workload.bursts[{i}].multiplier"),
            FieldId::DelayMean => "delay.mean_ms",
            FieldId::DelayJitter => "delay.jitter_ms",
            FieldId::LateFraction => "delay.late_fraction",
            FieldId::LateMean => "delay.late_mean_ms",
            FieldId::WindowSize => "window.size_ms",
            FieldId::BatchInterval => "batch.interval_ms",
            FieldId::BatchOffset => "batch.offset_ms",
            FieldId::BatchStartup => "batch.startup_ms",
            FieldId::BatchCost => "batch.per_event_cost_us",
            FieldId::BatchWorkers => "batch.workers",
            FieldId::Mode => "streaming.mode",
            FieldId::Trigger => "streaming.mode.trigger_ms",
            FieldId::Overhead => "streaming.mode.batch_overhead_ms",
            FieldId::StreamCost => "streaming.mode.per_event_cost_us",
            FieldId::StreamWorkers => "streaming.mode.workers",
            FieldId::Service => "streaming.mode.service",
            FieldId::ServiceMean => "streaming.mode.service_mean_ms",
            FieldId::WatermarkDelay => "streaming.watermark_delay_ms",
            FieldId::Output => "streaming.output_mode",
        };
        fixed.to_string()
    }

    /// The kind of input.
    pub fn kind(self) -> Kind {
        match self {
            FieldId::Profile => Kind::Choice(&["flat", "diurnal"]),
            FieldId::Mode => Kind::Choice(&["micro_batch", "continuous"]),
            FieldId::Service => Kind::Choice(&["fixed", "exponential"]),
            FieldId::Output => Kind::Choice(&["append", "update"]),
            FieldId::Zipf
            | FieldId::FraudBurstsPerHour
            | FieldId::Rate
            | FieldId::Amplitude
            | FieldId::PeakHour
            | FieldId::BurstMultiplier(_)
            | FieldId::DelayMean
            | FieldId::DelayJitter
            | FieldId::LateFraction
            | FieldId::LateMean
            | FieldId::BatchCost
            | FieldId::StreamCost
            | FieldId::ServiceMean => Kind::Float,
            _ => Kind::Int,
        }
    }

    /// Whether the value is a duration in ms (shown and typed with a unit: `5 min`).
    pub fn is_ms(self) -> bool {
        self.path().ends_with("_ms")
    }
}

/// The fields that apply to `config`, by group (scenario- and mode-specific ones only when they apply).
pub fn fields_for(config: &ExperimentConfig) -> Vec<(Group, Vec<FieldId>)> {
    use FieldId::*;
    let mut experiment = vec![Duration, SampleEvery, WindowSize];
    experiment.extend(match config.scenario {
        ScenarioConfig::Sales { .. } => vec![Categories, MeanAmount],
        ScenarioConfig::Social { .. } => vec![Posts, Zipf],
        ScenarioConfig::Fraud { .. } => vec![
            Cards,
            MeanAmount,
            AlertThreshold,
            FraudBurstsPerHour,
            FraudBurstTransactions,
            FraudBurstDuration,
        ],
    });
    let mut workload = vec![Rate, Profile];
    if matches!(config.workload.daily_profile, DailyProfile::Diurnal { .. }) {
        workload.extend([Amplitude, PeakHour]);
    }
    for i in 0..config.workload.bursts.len() {
        workload.extend([BurstStart(i), BurstDuration(i), BurstMultiplier(i)]);
    }
    let mut streaming = vec![Mode];
    streaming.extend(match config.streaming.mode {
        StreamingMode::MicroBatch { .. } => vec![Trigger, Overhead, StreamCost, StreamWorkers],
        StreamingMode::Continuous { .. } => vec![StreamWorkers, Service, ServiceMean],
    });
    streaming.extend([WatermarkDelay, Output]);
    vec![
        (Group::Experiment, experiment),
        (Group::Workload, workload),
        (
            Group::Delay,
            vec![DelayMean, DelayJitter, LateFraction, LateMean],
        ),
        (
            Group::Batch,
            vec![
                BatchInterval,
                BatchOffset,
                BatchStartup,
                BatchCost,
                BatchWorkers,
            ],
        ),
        (Group::Streaming, streaming),
    ]
}

/// The current value of a field as text in `lang` (`None`: the field does not
/// apply to this config). Durations are written in their largest exact unit
/// (`2 h`), numbers with the language's separators (`8.000`, `2,5` in Portuguese),
/// so they read back the same.
pub fn get(config: &ExperimentConfig, id: FieldId, lang: Lang) -> Option<String> {
    if id == FieldId::Seed {
        return Some(config.seed.to_string());
    }
    read(config, id).map(|v| match v {
        Value::Int(i) if id.is_ms() => numbers::duration_text(i as f64, lang),
        Value::Float(f) if id.is_ms() => numbers::duration_text(f, lang),
        Value::Int(i) => numbers::show(i as f64, lang),
        Value::Float(f) => numbers::show(f, lang),
        Value::Choice(i) => match id.kind() {
            Kind::Choice(names) => names.get(i).copied().unwrap_or("").to_string(),
            _ => String::new(),
        },
    })
}

/// Why a typed value could not even be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadInput {
    /// Not a number.
    NotANumber,
    /// A fraction where a whole number is needed.
    NotWhole,
    /// Not a duration (`30 s`, `5 min`…).
    NotADuration,
    /// Separators the page's language cannot mean (`2.5` in Portuguese).
    Separators,
    /// A duration unit that does not exist (`2 weeks`).
    UnknownUnit,
    /// A seed below 0 or above the largest one.
    SeedRange,
}

impl From<NumberError> for BadInput {
    fn from(e: NumberError) -> Self {
        match e {
            NumberError::NotANumber => BadInput::NotANumber,
            NumberError::Separators => BadInput::Separators,
            NumberError::UnknownUnit => BadInput::UnknownUnit,
        }
    }
}

fn parse_seed(text: &str) -> Result<u64, BadInput> {
    let text = text.trim();
    if let Ok(seed) = text.parse::<u64>() {
        return Ok(seed);
    }
    // A whole number, but negative or too large; anything else is not a number.
    let digits = text.strip_prefix(['-', '−', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        Err(BadInput::SeedRange)
    } else {
        Err(BadInput::NotWhole)
    }
}

/// `config` with the field set from `text`; `Err` when `text` cannot be read as
/// the field's kind of value. The result is NOT validated: call `validate`.
pub fn set(
    config: &ExperimentConfig,
    id: FieldId,
    text: &str,
    lang: Lang,
) -> Result<ExperimentConfig, BadInput> {
    if id == FieldId::Seed {
        let seed = parse_seed(text)?;
        return Ok(ExperimentConfig {
            seed,
            ..config.clone()
        });
    }
    let whole = |x: f64| {
        if x.fract() == 0.0 && x.abs() < 9.0e15 {
            Ok(Value::Int(x as i64))
        } else {
            Err(BadInput::NotWhole)
        }
    };
    let duration = |text: &str| {
        numbers::parse_duration_ms(text, lang).map_err(|e| match e {
            NumberError::NotANumber => BadInput::NotADuration,
            e => e.into(),
        })
    };
    let value = match id.kind() {
        Kind::Int if id.is_ms() => whole(duration(text)?)?,
        Kind::Float if id.is_ms() => Value::Float(duration(text)?),
        Kind::Int => whole(numbers::parse_number(text, lang)?)?,
        Kind::Float => Value::Float(numbers::parse_number(text, lang)?),
        Kind::Choice(names) => Value::Choice(
            names
                .iter()
                .position(|n| *n == text.trim())
                .ok_or(BadInput::NotANumber)?,
        ),
    };
    write(config.clone(), id, value).ok_or(BadInput::NotANumber)
}

/// The field's problem in `config`, if any: the engine's error for that path.
pub fn problem(config: &ExperimentConfig, id: FieldId) -> Option<FieldError> {
    let errors = config.validate().err()?;
    errors.for_field(&id.path()).cloned()
}

/// The allowed range of a field, in the engine's words (e.g. `1 to 64 categories`),
/// found by asking the engine to validate an impossible value.
pub fn allowed(config: &ExperimentConfig, id: FieldId) -> Option<String> {
    // 0 first for decimals: a field that must be more than 0 says so only for 0
    // (for NaN the engine gives its plain range, `0 to …`).
    let probes = match id.kind() {
        Kind::Int if id == FieldId::Seed => return None,
        Kind::Int => vec![Value::Int(i64::MIN)],
        Kind::Float => vec![Value::Float(0.0), Value::Float(f64::NAN)],
        Kind::Choice(_) => return None,
    };
    probes.into_iter().find_map(|probe| {
        let probed = write(config.clone(), id, probe)?;
        problem(&probed, id).map(|e| e.allowed)
    })
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;

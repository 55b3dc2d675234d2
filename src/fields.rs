//! The parameter panel's view of the engine's parameter table
//! ([`bslab_engine::params`]): which fields apply to a config and in which
//! group, and each value as text in the page's language, read and written.
//! Bounds, units and where a field lives are the table's; whether a value is
//! allowed is only decided by [`ExperimentConfig::validate`].

use bslab_engine::params::{self, Bounds, Value};
use bslab_engine::{ExperimentConfig, FieldError};

use crate::i18n::Lang;
use crate::numbers::{self, NumberError};

pub use bslab_engine::params::{FieldId, Kind};

/// The groups of the parameter panel, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Duration, sampling, window, scenario payload.
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

const GROUPS: [Group; 5] = [
    Group::Experiment,
    Group::Workload,
    Group::Delay,
    Group::Batch,
    Group::Streaming,
];

/// The seed, shown above the groups.
pub fn seed() -> FieldId {
    FieldId::from_path("seed").unwrap_or_else(|| unreachable!("the table has a seed row"))
}

/// The group of a field, from the config section its path starts with (`None`: the seed).
pub fn group(id: FieldId) -> Option<Group> {
    let path = id.param().path;
    Some(match path.split(['.', '[']).next().unwrap_or(path) {
        "seed" => return None,
        "workload" => Group::Workload,
        "delay" => Group::Delay,
        "batch" => Group::Batch,
        "streaming" => Group::Streaming,
        _ => Group::Experiment,
    })
}

/// The fields that apply to `config`, by group, in the table's order.
pub fn fields_for(config: &ExperimentConfig) -> Vec<(Group, Vec<FieldId>)> {
    let all = params::applying(config, true);
    GROUPS
        .into_iter()
        .map(|g| {
            (
                g,
                all.iter()
                    .copied()
                    .filter(|id| group(*id) == Some(g))
                    .collect(),
            )
        })
        .collect()
}

/// The allowed values of a number field in `config` (the table's bounds).
pub fn bounds(config: &ExperimentConfig, id: FieldId) -> Option<Bounds> {
    id.param().bounds(config)
}

/// The current value of a field as text in `lang` (`None`: the field does not
/// apply to this config). Durations are written in their largest exact unit
/// (`2 h`), numbers with the language's separators (`8.000`, `2,5` in Portuguese),
/// so they read back the same.
pub fn get(config: &ExperimentConfig, id: FieldId, lang: Lang) -> Option<String> {
    if id == seed() {
        return Some(config.seed.to_string());
    }
    id.get(config).map(|v| match v {
        Value::Int(i) if id.is_ms() => numbers::duration_text(i as f64, lang),
        Value::Float(f) if id.is_ms() => numbers::duration_text(f, lang),
        Value::Int(i) => numbers::show(i as f64, lang),
        Value::Float(f) => numbers::show(f, lang),
        Value::Choice(i) => choice_name(id, i as f64).unwrap_or("").to_string(),
    })
}

/// The machine name of choice number `i` of `id` (`side_output`), if `id` is a choice.
pub fn choice_name(id: FieldId, i: f64) -> Option<&'static str> {
    match id.param().kind {
        Kind::Choice(names) => names.get(i as usize).copied(),
        _ => None,
    }
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

/// Why a typed value was not applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The text could not be read as the field's kind of value.
    Input(BadInput),
    /// The engine refused the value (for this field or another one it affects).
    Field(FieldError),
}

/// `config` with the field set from `text`; `Err` when `text` cannot be read as
/// the field's kind of value, or does not even fit it. The result is NOT
/// validated: the caller validates it once.
pub fn set(
    config: &ExperimentConfig,
    id: FieldId,
    text: &str,
    lang: Lang,
) -> Result<ExperimentConfig, Refusal> {
    let input = Refusal::Input;
    if id == seed() {
        let seed = parse_seed(text).map_err(input)?;
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
    let value = match id.param().kind {
        Kind::Int if id.is_ms() => duration(text).and_then(whole),
        Kind::Float if id.is_ms() => duration(text).map(Value::Float),
        Kind::Int => numbers::parse_number(text, lang)
            .map_err(BadInput::from)
            .and_then(whole),
        Kind::Float => numbers::parse_number(text, lang)
            .map(Value::Float)
            .map_err(BadInput::from),
        Kind::Choice(names) => names
            .iter()
            .position(|n| *n == text.trim())
            .map(Value::Choice)
            .ok_or(BadInput::NotANumber),
    }
    .map_err(input)?;
    match id.set(config, value) {
        Ok(Some(c)) => Ok(c),
        Ok(None) => Err(input(BadInput::NotANumber)),
        Err(e) => Err(Refusal::Field(e)),
    }
}

#[cfg(test)]
#[path = "fields_tests.rs"]
mod tests;

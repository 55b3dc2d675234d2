//! Reading the config's internally tagged objects (`scenario`,
//! `workload.daily_profile`, `streaming.mode`: `{"kind": "…", …}`) from a
//! JSON [`Value`] by hand, with serde's own words for every refusal.
//!
//! Serde's derived reader of an internally tagged enum buffers the object in
//! its own generic tree first, which was about 28 KB of the page's wasm for
//! three small enums. The config is always read from a `Value`
//! ([`crate::parse`]), so the object is already a tree: this reads it the
//! way the derived code did (the `kind` first; then the entries in order,
//! the first unknown or ill-typed one refused; then the first missing field
//! in declaration order), so messages and the field they blame are unchanged.
//!
//! A new streaming mode or daily profile is added here too (its kind, fields
//! and constructor); a new scenario is not: its module lists its fields and
//! their slots (`crate::scenario::registry`), read by [`read_registered`].
//! `tests/invalid.rs` and the presets' round trip cover them.

use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error as _, Unexpected};
use serde_json::{Error, Map, Value};

use crate::config::{DailyProfile, ScenarioConfig, StreamingMode};
use crate::params::Slot;
use crate::scenario::Registered;

/// The key naming the variant.
const TAG: &str = "kind";

/// One field of a variant: its name and the check of its type.
struct Field {
    name: &'static str,
    check: fn(&Value) -> Result<(), Error>,
}

const fn field<T: DeserializeOwned>(name: &'static str) -> Field {
    Field {
        name,
        check: check::<T>,
    }
}

fn check<T: DeserializeOwned>(value: &Value) -> Result<(), Error> {
    T::deserialize(value).map(drop)
}

/// What `value` is, as serde names it in a refusal.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => Unexpected::Unsigned(u),
            (None, Some(i)) => Unexpected::Signed(i),
            _ => Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

/// The object of `enum_name` in `value` and the kind it names, one of `kinds`.
fn tagged(
    value: Value,
    enum_name: &str,
    kinds: &'static [&'static str],
) -> Result<(&'static str, Map<String, Value>), Error> {
    let Value::Object(map) = value else {
        let expected = format!("internally tagged enum {enum_name}");
        return Err(Error::invalid_type(unexpected(&value), &expected.as_str()));
    };
    let kind = match map.get(TAG) {
        None => return Err(Error::missing_field(TAG)),
        Some(Value::String(s)) => kinds
            .iter()
            .find(|k| *k == s)
            .ok_or_else(|| Error::unknown_variant(s, kinds))?,
        Some(other) => {
            return Err(Error::invalid_type(
                unexpected(other),
                &"variant identifier",
            ))
        }
    };
    Ok((kind, map))
}

/// The fields of one variant, every entry checked in the object's order.
struct Fields(Map<String, Value>);

impl Fields {
    fn read(mut map: Map<String, Value>, fields: &[Field]) -> Result<Self, Error> {
        map.remove(TAG);
        for (key, value) in &map {
            match fields.iter().find(|f| f.name == key) {
                Some(f) => (f.check)(value)?,
                None => {
                    let names: Vec<&'static str> = fields.iter().map(|f| f.name).collect();
                    return Err(unknown_field(key, &names));
                }
            }
        }
        Ok(Self(map))
    }

    /// The field `name` (already checked by [`Fields::read`]).
    fn get<T: DeserializeOwned>(&mut self, name: &'static str) -> Result<T, Error> {
        let value = self
            .0
            .remove(name)
            .ok_or_else(|| Error::missing_field(name))?;
        T::deserialize(value)
    }
}

/// Serde's refusal of an unknown field (its `expected` list wants a static slice).
fn unknown_field(key: &str, names: &[&'static str]) -> Error {
    let expected = match names {
        [] => "there are no fields".to_string(),
        [one] => format!("expected `{one}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => format!("expected one of `{}`", names.join("`, `")),
    };
    Error::custom(format_args!("unknown field `{key}`, {expected}"))
}

fn scenario(value: Value) -> Result<ScenarioConfig, Error> {
    let (kind, map) = tagged(value, "ScenarioConfig", ScenarioConfig::KINDS)?;
    ScenarioConfig::read(kind, map)
}

/// A registered scenario's config from its object (`crate::scenario::registry`).
pub(crate) fn read_registered<T: Registered>(map: Map<String, Value>) -> Result<T, Error> {
    let mut config = T::default();
    read_fields(map, T::FIELDS, &mut |field, value| {
        config.slot(field).map(|slot| fill(slot, value))
    })?;
    Ok(config)
}

/// Sets a field from its value: `None` if there is no such field, an error if the value is not of its type.
type SetField<'a> = dyn FnMut(&str, Value) -> Option<Result<(), Error>> + 'a;

/// Sets every entry of `map` through `set` in the object's order (the first
/// unknown or ill-typed one refused), then refuses the first of `fields`
/// missing. Not generic, so the page carries it once for every scenario.
fn read_fields(
    mut map: Map<String, Value>,
    fields: &'static [&'static str],
    set: &mut SetField<'_>,
) -> Result<(), Error> {
    map.remove(TAG);
    let mut seen = vec![false; fields.len()];
    for (key, value) in map {
        match fields.iter().position(|f| *f == key) {
            Some(i) => match set(&key, value) {
                Some(done) => {
                    done?;
                    seen[i] = true;
                }
                None => return Err(unknown_field(&key, fields)),
            },
            None => return Err(unknown_field(&key, fields)),
        }
    }
    match seen.iter().position(|s| !s) {
        Some(i) => Err(Error::missing_field(fields[i])),
        None => Ok(()),
    }
}

/// Sets a field from its JSON value, refused with serde's words if it is not of the field's type.
fn fill(slot: Slot<'_>, value: Value) -> Result<(), Error> {
    match slot {
        // By reference, as `check` reads the other tagged objects' fields: one copy of each reader.
        Slot::U64(x) => *x = u64::deserialize(&value)?,
        Slot::I64(x) => *x = i64::deserialize(&value)?,
        Slot::U32(x) => *x = u32::deserialize(&value)?,
        Slot::F64(x) => *x = f64::deserialize(&value)?,
    }
    Ok(())
}

fn daily_profile(value: Value) -> Result<DailyProfile, Error> {
    const DIURNAL: &[Field] = &[field::<f64>("amplitude"), field::<f64>("peak_hour")];
    let (kind, map) = tagged(value, "DailyProfile", &["flat", "diurnal"])?;
    Ok(match kind {
        // A unit variant: serde's derived reader ignores any other entry.
        "flat" => DailyProfile::Flat,
        _ => {
            let mut f = Fields::read(map, DIURNAL)?;
            DailyProfile::Diurnal {
                amplitude: f.get("amplitude")?,
                peak_hour: f.get("peak_hour")?,
            }
        }
    })
}

fn streaming_mode(value: Value) -> Result<StreamingMode, Error> {
    const MICRO_BATCH: &[Field] = &[
        field::<i64>("trigger_ms"),
        field::<i64>("batch_overhead_ms"),
        field::<f64>("per_event_cost_us"),
        field::<u32>("workers"),
    ];
    const CONTINUOUS: &[Field] = &[
        field::<u32>("workers"),
        field::<crate::config::ServiceTime>("service"),
        field::<f64>("service_mean_ms"),
    ];
    let (kind, map) = tagged(value, "StreamingMode", &["micro_batch", "continuous"])?;
    Ok(match kind {
        "micro_batch" => {
            let mut f = Fields::read(map, MICRO_BATCH)?;
            StreamingMode::MicroBatch {
                trigger_ms: f.get("trigger_ms")?,
                batch_overhead_ms: f.get("batch_overhead_ms")?,
                per_event_cost_us: f.get("per_event_cost_us")?,
                workers: f.get("workers")?,
            }
        }
        _ => {
            let mut f = Fields::read(map, CONTINUOUS)?;
            StreamingMode::Continuous {
                workers: f.get("workers")?,
                service: f.get("service")?,
                service_mean_ms: f.get("service_mean_ms")?,
            }
        }
    })
}

/// `Deserialize` for a tagged enum through its reader above: the config is
/// only ever deserialized from a `Value`, whose errors carry no position.
macro_rules! from_value {
    ($type:ty, $reader:ident) => {
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $reader(Value::deserialize(deserializer)?).map_err(D::Error::custom)
            }
        }
    };
}

from_value!(ScenarioConfig, scenario);
from_value!(DailyProfile, daily_profile);
from_value!(StreamingMode, streaming_mode);

#[cfg(test)]
mod tests {
    use crate::config::{ExperimentConfig, ServiceTime, StreamingConfig, WorkloadConfig};

    use super::*;

    fn refusal(text: &str) -> String {
        match ExperimentConfig::from_json(text) {
            Err(e) => e.to_string(),
            Ok(c) => panic!("{text} accepted: {c:?}"),
        }
    }

    #[test]
    fn every_variant_reads_back_what_it_writes() {
        let scenarios = [
            ScenarioConfig::default(),
            ScenarioConfig::Social(crate::config::SocialConfig {
                posts: 7,
                zipf_exponent: 1.25,
            }),
            ScenarioConfig::Fraud(crate::config::FraudConfig {
                cards: 9,
                mean_amount_cents: 1_234,
                alert_threshold: 3,
                bursts_per_hour: 0.5,
                burst_transactions: 11,
                burst_duration_ms: 60_000,
            }),
        ];
        let modes = [
            StreamingMode::default(),
            StreamingMode::Continuous {
                workers: 3,
                service: ServiceTime::Exponential,
                service_mean_ms: 12.5,
            },
        ];
        let profiles = [
            DailyProfile::Flat,
            DailyProfile::Diurnal {
                amplitude: 0.3,
                peak_hour: 18.5,
            },
        ];
        // Every preset's scenario too, so a new scenario kind is covered by its preset.
        let presets: Vec<ScenarioConfig> = crate::presets::all()
            .into_iter()
            .map(|p| p.config.scenario)
            .collect();
        for scenario in scenarios.iter().chain(&presets) {
            for mode in &modes {
                for profile in &profiles {
                    let defaults = ExperimentConfig::default();
                    let config = ExperimentConfig {
                        scenario: scenario.clone(),
                        streaming: StreamingConfig {
                            mode: mode.clone(),
                            ..defaults.streaming
                        },
                        workload: WorkloadConfig {
                            daily_profile: profile.clone(),
                            ..defaults.workload
                        },
                        ..defaults
                    };
                    let back = ExperimentConfig::from_json(&config.to_json_pretty());
                    assert_eq!(back.ok().as_ref(), Some(&config));
                }
            }
        }
    }

    #[test]
    fn refusals_follow_the_entries_order_with_serde_words() {
        // The first bad entry in the object's order is blamed, not the first field declared.
        let text = r#"{"scenario": {"kind": "sales", "categories": "x", "zz": 1}}"#;
        assert!(
            refusal(text).contains("scenario.categories: invalid type: string \"x\", expected u32")
        );
        let text = r#"{"scenario": {"kind": "sales", "aa": 1, "categories": "x"}}"#;
        assert!(refusal(text).contains(
            "scenario.aa: unknown field `aa`, expected `categories` or `mean_amount_cents`"
        ));
        let text = r#"{"streaming": {"mode": {"kind": "micro_batch", "trigger_ms": 1000}}}"#;
        assert!(refusal(text).contains("streaming.mode: missing field `batch_overhead_ms`"));
        let text = r#"{"workload": {"daily_profile": {"kind": 1}}}"#;
        assert!(refusal(text).contains("invalid type: integer `1`, expected variant identifier"));
        let text = r#"{"workload": {"daily_profile": "flat"}}"#;
        assert!(refusal(text).contains("expected internally tagged enum DailyProfile"));
    }
}

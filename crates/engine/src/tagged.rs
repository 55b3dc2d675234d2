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
//! A new variant of one of these enums is added here too (its kind, fields
//! and constructor); `tests/invalid.rs` and the presets' round trip cover it.

use serde::de::{Deserialize, DeserializeOwned, Deserializer, Error as _, Unexpected};
use serde_json::{Error, Map, Value};

use crate::config::{DailyProfile, ScenarioConfig, StreamingMode};

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
    const SALES: &[Field] = &[
        field::<u32>("categories"),
        field::<i64>("mean_amount_cents"),
    ];
    const SOCIAL: &[Field] = &[field::<u32>("posts"), field::<f64>("zipf_exponent")];
    const FRAUD: &[Field] = &[
        field::<u32>("cards"),
        field::<i64>("mean_amount_cents"),
        field::<u32>("alert_threshold"),
        field::<f64>("bursts_per_hour"),
        field::<u32>("burst_transactions"),
        field::<i64>("burst_duration_ms"),
    ];
    const IOT: &[Field] = &[
        field::<u32>("sensors"),
        field::<i64>("mean_centi"),
        field::<i64>("noise_centi"),
        field::<i64>("alert_above_centi"),
        field::<f64>("anomalies_per_hour"),
        field::<u32>("anomaly_readings"),
        field::<i64>("anomaly_duration_ms"),
        field::<f64>("offline_fraction"),
        field::<i64>("offline_ms"),
    ];
    let (kind, map) = tagged(
        value,
        "ScenarioConfig",
        &["sales", "social", "fraud", "iot", "web"],
    )?;
    const WEB: &[Field] = &[
        field::<u32>("visitors"),
        field::<f64>("pages_per_visit"),
        field::<f64>("bounce_fraction"),
        field::<i64>("think_ms"),
        field::<f64>("offline_fraction"),
        field::<i64>("offline_ms"),
    ];
    Ok(match kind {
        "web" => {
            let mut f = Fields::read(map, WEB)?;
            ScenarioConfig::Web(crate::config::WebConfig {
                visitors: f.get("visitors")?,
                pages_per_visit: f.get("pages_per_visit")?,
                bounce_fraction: f.get("bounce_fraction")?,
                think_ms: f.get("think_ms")?,
                offline_fraction: f.get("offline_fraction")?,
                offline_ms: f.get("offline_ms")?,
            })
        }
        "sales" => {
            let mut f = Fields::read(map, SALES)?;
            ScenarioConfig::Sales {
                categories: f.get("categories")?,
                mean_amount_cents: f.get("mean_amount_cents")?,
            }
        }
        "social" => {
            let mut f = Fields::read(map, SOCIAL)?;
            ScenarioConfig::Social {
                posts: f.get("posts")?,
                zipf_exponent: f.get("zipf_exponent")?,
            }
        }
        "iot" => {
            let mut f = Fields::read(map, IOT)?;
            ScenarioConfig::Iot {
                sensors: f.get("sensors")?,
                mean_centi: f.get("mean_centi")?,
                noise_centi: f.get("noise_centi")?,
                alert_above_centi: f.get("alert_above_centi")?,
                anomalies_per_hour: f.get("anomalies_per_hour")?,
                anomaly_readings: f.get("anomaly_readings")?,
                anomaly_duration_ms: f.get("anomaly_duration_ms")?,
                offline_fraction: f.get("offline_fraction")?,
                offline_ms: f.get("offline_ms")?,
            }
        }
        _ => {
            let mut f = Fields::read(map, FRAUD)?;
            ScenarioConfig::Fraud {
                cards: f.get("cards")?,
                mean_amount_cents: f.get("mean_amount_cents")?,
                alert_threshold: f.get("alert_threshold")?,
                bursts_per_hour: f.get("bursts_per_hour")?,
                burst_transactions: f.get("burst_transactions")?,
                burst_duration_ms: f.get("burst_duration_ms")?,
            }
        }
    })
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
            ScenarioConfig::Social {
                posts: 7,
                zipf_exponent: 1.25,
            },
            ScenarioConfig::Fraud {
                cards: 9,
                mean_amount_cents: 1_234,
                alert_threshold: 3,
                bursts_per_hour: 0.5,
                burst_transactions: 11,
                burst_duration_ms: 60_000,
            },
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

use super::*;
use crate::config::{DailyProfile, ScenarioConfig, StreamingMode, WindowKind};
use crate::error::Problem;
use crate::presets;

/// Configs that together make every row apply (every scenario, both modes,
/// a diurnal profile and a spike).
fn configs() -> Vec<ExperimentConfig> {
    presets::all()
        .into_iter()
        .map(|p| p.config)
        .chain([{
            let mut c = ExperimentConfig::default();
            c.workload.daily_profile = DailyProfile::Diurnal {
                amplitude: 0.5,
                peak_hour: 20.0,
            };
            c.workload.bursts.push(crate::config::Burst {
                start_ms: 0,
                duration_ms: 60_000,
                multiplier: 2.0,
            });
            c
        }])
        .collect()
}

#[test]
fn every_row_applies_somewhere_and_its_path_reads_back() {
    for (row, p) in PARAMS.iter().enumerate() {
        let found = configs()
            .iter()
            .flat_map(|c| applying(c, true))
            .find(|id| id.row == row);
        let id = found.unwrap_or_else(|| panic!("{} applies to no preset", p.path));
        assert_eq!(FieldId::from_path(&id.path()), Some(id), "{}", p.path);
    }
}

#[test]
fn paths_are_the_configs_json_paths() {
    for c in configs() {
        let json = serde_json::to_value(&c).expect("a config is JSON");
        for id in applying(&c, true) {
            let pointer = format!("/{}", id.path().replace(['.', '['], "/").replace(']', ""));
            let at = json.pointer(&pointer);
            // Tumbling, the default kind, is left out of the JSON (old links).
            let default_kind = id.path() == "window.kind" && c.window.kind == WindowKind::Tumbling;
            // Flink's rules, when default, are left out too (old links).
            let default_flink =
                id.path().starts_with("streaming.flink.") && c.streaming.flink.is_default();
            assert!(
                at.is_some() || default_kind || default_flink,
                "{} is not in the JSON config",
                id.path()
            );
        }
    }
}

#[test]
fn values_just_outside_the_bounds_are_refused_naming_the_field_and_bounds() {
    for c in configs() {
        for id in applying(&c, true) {
            let Some(b) = id.param().bounds(&c) else {
                continue;
            };
            let outside = [
                b.max + 1.0,
                if b.min_excluded { b.min } else { b.min - 1.0 },
            ];
            for x in outside {
                let value = match id.param().kind {
                    Kind::Int => Value::Int(x as i64),
                    _ => Value::Float(x),
                };
                let Ok(Some(bad)) = id.set(&c, value) else {
                    continue;
                };
                let err = bad.validate().expect_err(&id.path());
                let e = err
                    .for_field(&id.path())
                    .unwrap_or_else(|| panic!("{}: {err}", id.path()));
                assert_eq!(e.value, x, "{}", id.path());
                assert_eq!(e.unit, id.param().unit);
                let (min, max) = match e.problem {
                    Problem::OutOfRange { min, max } | Problem::TooShortForClock { min, max } => {
                        (min, max)
                    }
                    Problem::NotPositive { max } => (0.0, max),
                    other => panic!("{}: {other:?}", id.path()),
                };
                assert_eq!((min, max), (b.min, b.max), "{}", id.path());
            }
        }
    }
}

#[test]
fn a_value_too_large_for_its_type_is_an_error_with_the_typed_value() {
    let c = ExperimentConfig::default();
    let workers = FieldId::from_path("batch.workers").expect("a row");
    let e = workers
        .set(&c, Value::Int(-3))
        .expect_err("negative workers");
    assert_eq!(
        (e.value, e.problem),
        (
            -3.0,
            Problem::OutOfRange {
                min: 1.0,
                max: 1024.0
            }
        )
    );
}

#[test]
fn fields_of_other_scenarios_and_modes_do_not_apply() {
    let c = ExperimentConfig::default();
    assert!(matches!(c.scenario, ScenarioConfig::Sales { .. }));
    assert!(matches!(c.streaming.mode, StreamingMode::MicroBatch { .. }));
    let paths: Vec<String> = applying(&c, true).into_iter().map(FieldId::path).collect();
    for absent in [
        "scenario.posts",
        "scenario.cards",
        "streaming.mode.service_mean_ms",
        "streaming.mode.service",
    ] {
        assert!(!paths.iter().any(|p| p == absent), "{absent}");
    }
    let posts = FieldId::from_path("scenario.posts").expect("a row");
    assert_eq!(posts.get(&c), None);
    assert_eq!(posts.set(&c, Value::Int(3)), Ok(None));
}

#[test]
fn the_default_config_is_valid() {
    let valid = crate::ValidConfig::default();
    assert_eq!(valid.validate(), Ok(()));
}

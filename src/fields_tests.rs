//! Tests of [`super`] (the parameter paths, reading and writing values).

use super::*;
use crate::i18n::Lang::{En, Pt};

#[test]
fn every_applicable_field_reads_writes_and_has_a_range() {
    for preset in bslab_engine::presets::all() {
        let c = &preset.config;
        for (_, ids) in fields_for(c) {
            for (id, lang) in ids.into_iter().flat_map(|id| [(id, En), (id, Pt)]) {
                let text = get(c, id, lang).unwrap_or_else(|| panic!("{}: {:?}", preset.name, id));
                assert_eq!(
                    set(c, id, &text, lang).as_ref(),
                    Ok(c),
                    "{} {:?} {lang:?}",
                    preset.name,
                    id
                );
                if !matches!(id.kind(), Kind::Choice(_)) {
                    assert!(
                        allowed(c, id).is_some(),
                        "{} {:?} has no range",
                        preset.name,
                        id
                    );
                }
            }
        }
    }
}

#[test]
fn an_invalid_value_is_reported_on_its_own_path() {
    let c = ExperimentConfig::default();
    let bad = set(&c, FieldId::BatchWorkers, "0", En).expect("a number");
    assert_eq!(
        problem(&bad, FieldId::BatchWorkers).map(|e| e.field),
        Some("batch.workers".into())
    );
    assert_eq!(
        set(&c, FieldId::Rate, "fast", En),
        Err(BadInput::NotANumber)
    );
    assert_eq!(
        set(&c, FieldId::BatchWorkers, "1.5", En),
        Err(BadInput::NotWhole)
    );
    assert_eq!(
        allowed(&c, FieldId::BatchWorkers).as_deref(),
        Some("1 to 1024 workers")
    );
    assert_eq!(
        allowed(&c, FieldId::Rate).as_deref(),
        Some("more than 0, at most 1000000 events/s")
    );
    assert_eq!(
        allowed(&c, FieldId::DelayMean).as_deref(),
        Some("0 to 604800000 ms")
    );
}

#[test]
fn paths_map_back_to_fields() {
    for f in FIXED {
        assert_eq!(FieldId::from_path(&f.path()), Some(f));
    }
    let b = FieldId::BurstMultiplier(3);
    assert_eq!(FieldId::from_path(&b.path()), Some(b));
    assert_eq!(FieldId::from_path("nope"), None);
}

#[test]
fn durations_read_and_write_with_units() {
    let c = ExperimentConfig::default();
    assert_eq!(get(&c, FieldId::BatchInterval, En).as_deref(), Some("1 h"));
    assert_eq!(get(&c, FieldId::DelayMean, En).as_deref(), Some("500 ms"));
    let set_ms =
        |text: &str| set(&c, FieldId::BatchInterval, text, Pt).map(|c| c.batch.interval_ms);
    assert_eq!(set_ms("2 h"), Ok(7_200_000));
    assert_eq!(set_ms("90s"), Ok(90_000));
    assert_eq!(set_ms("5 min"), Ok(300_000));
    assert_eq!(set_ms("1,5 d"), Ok(129_600_000));
    assert_eq!(set_ms("2500"), Ok(2_500));
    assert_eq!(set_ms("15m"), Ok(900_000));
    assert_eq!(set_ms("0,5 ms"), Err(BadInput::NotWhole));
    assert_eq!(set_ms("1.5 h"), Err(BadInput::Separators));
    assert_eq!(set_ms("2 weeks"), Err(BadInput::UnknownUnit));
    assert_eq!(set_ms("ms"), Err(BadInput::NotADuration));
}

#[test]
fn numbers_are_read_in_the_page_language() {
    let c = bslab_engine::presets::by_name("sales-daily-vs-live")
        .expect("preset")
        .config;
    let amount = |text: &str, lang| {
        set(&c, FieldId::MeanAmount, text, lang).map(|c| match c.scenario {
            ScenarioConfig::Sales {
                mean_amount_cents, ..
            } => mean_amount_cents,
            _ => 0,
        })
    };
    assert_eq!(amount("8.000", Pt), Ok(8_000));
    assert_eq!(amount("8,000", En), Ok(8_000));
    assert_eq!(amount("8.000", En), Ok(8));
    assert_eq!(amount("8,5", Pt), Err(BadInput::NotWhole));
    let rate = |text: &str, lang| set(&c, FieldId::Rate, text, lang).map(|c| c.workload.rate_eps);
    assert_eq!(rate("1.000", Pt), Ok(1_000.0));
    assert_eq!(rate("2,5", Pt), Ok(2.5));
    assert_eq!(rate("2.5", Pt), Err(BadInput::Separators));
    assert_eq!(rate("2,5", En), Err(BadInput::Separators));
    let mut half = c.clone();
    half.workload.rate_eps = 2.5;
    assert_eq!(get(&half, FieldId::Rate, Pt).as_deref(), Some("2,5"));
    assert_eq!(get(&half, FieldId::Rate, En).as_deref(), Some("2.5"));
}

#[test]
fn a_seed_out_of_range_is_not_called_a_fraction() {
    let c = ExperimentConfig::default();
    assert_eq!(set(&c, FieldId::Seed, "-1", En), Err(BadInput::SeedRange));
    assert_eq!(
        set(&c, FieldId::Seed, "99999999999999999999", En),
        Err(BadInput::SeedRange)
    );
    assert_eq!(set(&c, FieldId::Seed, "1.5", En), Err(BadInput::NotWhole));
    assert_eq!(set(&c, FieldId::Seed, "42", Pt).map(|c| c.seed), Ok(42));
}

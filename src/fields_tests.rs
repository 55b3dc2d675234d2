//! Tests of [`super`] (the parameter paths, reading and writing values).

use super::*;
use crate::i18n::Lang::{En, Pt};
use bslab_engine::ScenarioConfig;

/// The field at `path` (a test typo fails loudly).
fn f(path: &str) -> FieldId {
    FieldId::from_path(path).unwrap_or_else(|| panic!("no parameter {path}"))
}

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
                if !matches!(id.param().kind, Kind::Choice(_)) && id != seed() {
                    assert!(
                        bounds(c, id).is_some(),
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
fn text_that_is_not_a_value_of_the_kind_is_refused_before_validation() {
    let c = ExperimentConfig::default();
    let input = |b| Err(Refusal::Input(b));
    assert_eq!(
        set(&c, f("workload.rate_eps"), "fast", En),
        input(BadInput::NotANumber)
    );
    assert_eq!(
        set(&c, f("batch.workers"), "1.5", En),
        input(BadInput::NotWhole)
    );
    let Err(Refusal::Field(e)) = set(&c, f("batch.workers"), "-2", En) else {
        panic!("a negative count does not fit the field");
    };
    assert_eq!((e.field.as_str(), e.value), ("batch.workers", -2.0));
}

#[test]
fn the_panel_shows_the_tables_fields_grouped_in_its_order() {
    let c = ExperimentConfig::default();
    let groups = fields_for(&c);
    let paths = |g: Group| -> Vec<String> {
        let ids = &groups.iter().find(|(h, _)| *h == g).expect("group").1;
        ids.iter().map(|id| id.path()).collect()
    };
    assert_eq!(
        paths(Group::Experiment),
        [
            "duration_ms",
            "sample_every_ms",
            "window.kind",
            "window.size_ms",
            "scenario.categories",
            "scenario.mean_amount_cents"
        ]
    );
    assert_eq!(paths(Group::Batch)[0], "batch.interval_ms");
    let shown: usize = groups.iter().map(|(_, ids)| ids.len()).sum();
    assert_eq!(
        shown + 1,
        bslab_engine::params::applying(&c, true).len(),
        "every field but the seed"
    );
}

#[test]
fn durations_read_and_write_with_units() {
    let c = ExperimentConfig::default();
    assert_eq!(get(&c, f("batch.interval_ms"), En).as_deref(), Some("1 h"));
    assert_eq!(get(&c, f("delay.mean_ms"), En).as_deref(), Some("500 ms"));
    let set_ms =
        |text: &str| set(&c, f("batch.interval_ms"), text, Pt).map(|c| c.batch.interval_ms);
    assert_eq!(set_ms("2 h"), Ok(7_200_000));
    assert_eq!(set_ms("90s"), Ok(90_000));
    assert_eq!(set_ms("5 min"), Ok(300_000));
    assert_eq!(set_ms("1,5 d"), Ok(129_600_000));
    assert_eq!(set_ms("2500"), Ok(2_500));
    assert_eq!(set_ms("15m"), Ok(900_000));
    assert_eq!(set_ms("0,5 ms"), Err(Refusal::Input(BadInput::NotWhole)));
    assert_eq!(set_ms("1.5 h"), Err(Refusal::Input(BadInput::Separators)));
    assert_eq!(
        set_ms("2 weeks"),
        Err(Refusal::Input(BadInput::UnknownUnit))
    );
    assert_eq!(set_ms("ms"), Err(Refusal::Input(BadInput::NotADuration)));
}

#[test]
fn numbers_are_read_in_the_page_language() {
    let c = bslab_engine::presets::by_name("sales-daily-vs-live")
        .expect("preset")
        .config;
    let amount = |text: &str, lang| {
        set(&c, f("scenario.mean_amount_cents"), text, lang).map(|c| match c.scenario {
            ScenarioConfig::Sales(s) => s.mean_amount_cents,
            _ => 0,
        })
    };
    assert_eq!(amount("8.000", Pt), Ok(8_000));
    assert_eq!(amount("8,000", En), Ok(8_000));
    assert_eq!(amount("8.000", En), Ok(8));
    assert_eq!(amount("8,5", Pt), Err(Refusal::Input(BadInput::NotWhole)));
    let rate =
        |text: &str, lang| set(&c, f("workload.rate_eps"), text, lang).map(|c| c.workload.rate_eps);
    assert_eq!(rate("1.000", Pt), Ok(1_000.0));
    assert_eq!(rate("2,5", Pt), Ok(2.5));
    assert_eq!(rate("2.5", Pt), Err(Refusal::Input(BadInput::Separators)));
    assert_eq!(rate("2,5", En), Err(Refusal::Input(BadInput::Separators)));
    let mut half = c.clone();
    half.workload.rate_eps = 2.5;
    assert_eq!(
        get(&half, f("workload.rate_eps"), Pt).as_deref(),
        Some("2,5")
    );
    assert_eq!(
        get(&half, f("workload.rate_eps"), En).as_deref(),
        Some("2.5")
    );
}

#[test]
fn a_seed_out_of_range_is_not_called_a_fraction() {
    let c = ExperimentConfig::default();
    assert_eq!(
        set(&c, f("seed"), "-1", En),
        Err(Refusal::Input(BadInput::SeedRange))
    );
    assert_eq!(
        set(&c, f("seed"), "99999999999999999999", En),
        Err(Refusal::Input(BadInput::SeedRange))
    );
    assert_eq!(
        set(&c, f("seed"), "1.5", En),
        Err(Refusal::Input(BadInput::NotWhole))
    );
    assert_eq!(set(&c, f("seed"), "42", Pt).map(|c| c.seed), Ok(42));
}

//! Tests of [`super`]: sentences a teacher can read out, in both languages.

use super::*;
use crate::components::field::check;
use crate::i18n::Lang::{En, Pt};
use bslab_engine::{presets, ExperimentConfig};

/// The field at `path` (a test typo fails loudly).
fn f(path: &str) -> FieldId {
    FieldId::from_path(path).unwrap_or_else(|| panic!("no parameter {path}"))
}

/// English words that must never show up in a Portuguese sentence (parser and
/// engine words included).
const ENGLISH: [&str; 24] = [
    "the",
    "is",
    "not",
    "allowed",
    "must",
    "range",
    "to",
    "at",
    "most",
    "least",
    "more",
    "than",
    "while",
    "parsing",
    "line",
    "column",
    "string",
    "EOF",
    "invalid",
    "type",
    "expected",
    "seconds",
    "duration_ms",
    "out",
];

fn assert_portuguese(text: &str) {
    for word in text.split(|c: char| c.is_whitespace() || ",.:;()“”".contains(c)) {
        assert!(
            !ENGLISH.contains(&word),
            "English word {word:?} in a Portuguese message: {text}"
        );
    }
}

fn sales() -> ExperimentConfig {
    presets::by_name("sales-daily-vs-live")
        .expect("preset")
        .config
}

#[test]
fn a_refusal_names_the_field_the_value_and_the_rule() {
    let c = sales();
    let rate0 = check(En, &c, f("workload.rate_eps"), "0").expect_err("refused");
    assert_eq!(
        rate0,
        "Arrival rate: 0 is not allowed: it must be more than 0 and at most 1,000,000 events per second."
    );
    let rate0 = check(Pt, &c, f("workload.rate_eps"), "0").expect_err("refused");
    assert_eq!(
        rate0,
        "Taxa de chegada: 0 não é permitido: precisa ser maior que 0 e no máximo 1.000.000 eventos por segundo."
    );
    let seed = check(En, &c, f("seed"), "-1").expect_err("refused");
    assert!(
        seed.contains("-1") && seed.contains("from 0 to 18,446,744,073,709,551,615"),
        "{seed}"
    );
    assert!(!seed.contains("whole number."), "{seed}");
    let long = check(Pt, &c, f("duration_ms"), "100 d").expect_err("too many samples");
    assert!(
        !long.contains("duration_ms") && !long.contains('/'),
        "{long}"
    );
    assert!(long.starts_with("Amostrar a cada: "), "{long}");
    assert_portuguese(&long);
}

#[test]
fn every_refusal_in_portuguese_is_portuguese() {
    let c = sales();
    let typed = [
        (f("workload.rate_eps"), "0"),
        (f("workload.rate_eps"), "rápido"),
        (f("workload.rate_eps"), "2.5"),
        (f("seed"), "-1"),
        (f("duration_ms"), "100 d"),
        (f("duration_ms"), "2 semanas"),
        (f("duration_ms"), "agora"),
        (f("batch.workers"), "1,5"),
        (f("batch.workers"), "0"),
        (f("batch.interval_ms"), "90 s"),
        (f("sample_every_ms"), "1 ms"),
        (f("workload.daily_profile.amplitude"), "3"),
    ];
    for (id, text) in typed {
        let why = check(Pt, &c, id, text).expect_err(text);
        assert_portuguese(&why);
        if let Err(en) = check(En, &c, id, text) {
            assert_ne!(why, en, "{text}: the same sentence in both languages");
        }
    }
    let mut cont = c.clone();
    cont.streaming.mode = bslab_engine::StreamingMode::Continuous {
        workers: 1,
        service: bslab_engine::ServiceTime::Fixed,
        service_mean_ms: 150.0,
    };
    let short =
        check(Pt, &cont, f("streaming.mode.service_mean_ms"), "1 ms").expect_err("clock bias");
    assert!(short.contains("1 %") && short.contains("100 ms"), "{short}");
    assert_portuguese(&short);
}

#[test]
fn notices_are_sentences_in_the_page_language() {
    let bad = ExperimentConfig {
        seed: 1,
        batch: bslab_engine::BatchConfig {
            workers: 0,
            ..Default::default()
        },
        ..Default::default()
    };
    let field = bad.validate().expect_err("invalid").fields[0].clone();
    let notices = [
        Notice::BadLink(ShareError::Damaged),
        Notice::BadLink(ShareError::Invalid(field.clone())),
        Notice::BadLink(ShareError::Newer("7".into())),
        Notice::BadStorage(ShareError::Damaged),
        Notice::BadStorage(ShareError::Invalid(field.clone())),
        Notice::IgnoredParams(vec!["utm".into()]),
        Notice::Clamped {
            asked_ms: 90_000_000,
            end_ms: 10_800_000,
        },
    ];
    for n in &notices {
        let pt = notice(Pt, n);
        assert_portuguese(&pt);
        assert_ne!(pt, notice(En, n));
    }
    assert!(notice(Pt, &notices[5]).contains("utm"));
    assert!(notice(En, &notices[6]).contains("03:00:00"));
}

#[test]
fn spikes_are_named_with_their_number() {
    assert_eq!(label(En, f("workload.bursts[1].start_ms")), "Spike start 2");
    assert_eq!(
        label(Pt, f("workload.bursts[0].multiplier")),
        "Multiplicador do pico 1"
    );
    assert_eq!(label(En, f("workload.rate_eps")), "Arrival rate");
}

#[test]
fn whole_experiment_limits_quote_the_engine_limit_in_both_languages() {
    // Events held at once: a long mean delay at a high rate (in transit = rate × delay).
    let mut c = sales();
    c.workload.rate_eps = 20_000.0;
    c.duration_ms = 600_000;
    c.sample_every_ms = 1_000;
    c.delay.mean_ms = 300_000.0;
    let errors = c.validate().expect_err("too many held at once").fields;
    let held = errors
        .iter()
        .find(|e| matches!(e.problem, bslab_engine::Problem::TooManyHeld { .. }))
        .unwrap_or_else(|| panic!("no held-at-once error in {errors:?}"));
    for lang in [Pt, En] {
        let why = field_error(lang, held);
        let max = crate::format::count(bslab_engine::resources::MAX_IN_FLIGHT_EVENTS as u64, lang);
        assert!(
            why.contains(&max),
            "{why}: does not quote the engine's limit {max}"
        );
        if lang == Pt {
            assert_portuguese(&why);
        }
    }
}

/// Configs that together make every row of the parameter table apply.
fn every_kind_of_config() -> Vec<ExperimentConfig> {
    let mut spiky = sales();
    spiky.workload.daily_profile = bslab_engine::DailyProfile::Diurnal {
        amplitude: 0.5,
        peak_hour: 20.0,
    };
    spiky.workload.bursts.push(bslab_engine::Burst {
        start_ms: 0,
        duration_ms: 60_000,
        multiplier: 2.0,
    });
    presets::all()
        .into_iter()
        .map(|p| p.config)
        .chain([spiky])
        .collect()
}

/// Words of the engine's English wording of `e` that a Portuguese sentence
/// must not contain (the vocabulary both languages share is left out).
fn engine_english_words(e: &bslab_engine::FieldError) -> Vec<String> {
    const SHARED: [&str; 7] = [
        "workers",
        "posts",
        "ms",
        "µs",
        "batch",
        "streaming",
        "micro",
    ];
    e.to_string()
        .split(|c: char| !c.is_alphabetic() && c != '_')
        .filter(|w| w.len() > 1 && !SHARED.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_parameter_out_of_range_is_worded_in_both_languages() {
    use bslab_engine::params::{applying, Kind, Value};
    let mut walked = std::collections::BTreeSet::new();
    for c in every_kind_of_config() {
        for id in applying(&c, true) {
            let Some(b) = crate::fields::bounds(&c, id) else {
                continue;
            };
            let low = if b.min_excluded { b.min } else { b.min - 1.0 };
            for x in [low, b.max + 1.0] {
                let value = match id.param().kind {
                    Kind::Int => Value::Int(x as i64),
                    _ => Value::Float(x),
                };
                let Ok(Some(bad)) = id.set(&c, value) else {
                    continue;
                };
                let errors = bad.validate().expect_err(&id.path());
                let e = errors.for_field(&id.path()).expect("the field is named");
                walked.insert(id.param().path);
                let (pt, en) = (field_error(Pt, e), field_error(En, e));
                assert_portuguese(&pt);
                let after_label = pt.trim_start_matches(label(Pt, id).as_str());
                assert!(
                    !after_label.contains(['_', '/']),
                    "a path or formula in: {pt}"
                );
                for word in engine_english_words(e) {
                    let words: Vec<&str> =
                        pt.split(|c: char| !c.is_alphabetic() && c != '_').collect();
                    assert!(
                        !words.contains(&word.as_str()),
                        "{word:?} of the engine in: {pt}"
                    );
                }
                assert!(en.starts_with(&format!("{}: ", label(En, id))), "{en}");
                assert!(en.contains(&value_text(En, id, x)), "{en}: no value {x}");
                if !b.min_excluded {
                    let min = format!("from {} to", value_text(En, id, b.min));
                    assert!(en.contains(&min), "{en}: no lower bound {}", b.min);
                }
                let max = bound_text(En, id, b.max);
                assert!(en.contains(&max), "{en}: no bound {max}");
                assert!(
                    pt.contains(&bound_text(Pt, id, b.max)),
                    "{pt}: no bound {}",
                    b.max
                );
            }
        }
    }
    let numbers = bslab_engine::params::PARAMS
        .iter()
        .filter(|p| !matches!(p.kind, Kind::Choice(_)) && p.path != "seed");
    for p in numbers {
        assert!(walked.contains(p.path), "{} was never walked", p.path);
    }
}

/// A bound as a message writes it: its number and unit (`1,024 workers`, `1 h`).
fn bound_text(lang: Lang, id: FieldId, x: f64) -> String {
    if id.is_ms() {
        return value_text(lang, id, x);
    }
    match lang.unit(id.param().unit).1 {
        "" => value_text(lang, id, x),
        word => format!("{} {word}", value_text(lang, id, x)),
    }
}

#[test]
fn every_parameter_has_a_label_and_help_in_both_languages() {
    for p in bslab_engine::params::PARAMS.iter() {
        let id = FieldId::from_path(&p.path.replace("[]", "[0]")).expect("its own path");
        let (en, pt) = (Lang::En.field(id), Lang::Pt.field(id));
        assert!(!en.1.is_empty() && !pt.1.is_empty(), "{}: no label", p.path);
        assert_ne!(en, pt, "{}: the same words in both languages", p.path);
    }
}

/// Flink's late-data rules set in a micro-batch config (a hand-written JSON
/// config or link; the parameter table resets them with the mode): each is
/// refused in both languages, naming the field, the value and why.
#[test]
fn a_flink_rule_in_micro_batch_mode_is_refused_in_both_languages() {
    let mut c = presets::by_name("late-data-spark-vs-flink")
        .expect("preset")
        .config;
    c.streaming.mode = bslab_engine::StreamingMode::default();
    let errors = c.validate().expect_err("Flink's rules in micro-batch mode");
    assert_eq!(errors.fields.len(), 3, "{errors}");
    for e in &errors.fields {
        let id = f(&e.field);
        let (pt, en) = (field_error(Pt, e), field_error(En, e));
        assert_portuguese(&pt);
        let value = |lang: Lang| match fields::choice_name(id, e.value) {
            Some(name) => lang.word(name).to_string(),
            None => value_text(lang, id, e.value),
        };
        assert!(
            en.starts_with(&format!("{}: {} ", label(En, id), value(En))),
            "{en}"
        );
        assert!(
            pt.starts_with(&format!("{}: {} ", label(Pt, id), value(Pt))),
            "{pt}"
        );
        assert!(en.contains("only to per-record streaming mode"), "{en}");
        assert!(pt.contains("só para o streaming por registro"), "{pt}");
    }
}

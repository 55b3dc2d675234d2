//! Tests of [`super`]: sentences a teacher can read out, in both languages.

use super::*;
use crate::components::field::check;
use crate::i18n::Lang::{En, Pt};
use bslab_engine::{presets, ExperimentConfig};

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
    let rate0 = check(En, &c, FieldId::Rate, "0").expect_err("refused");
    assert_eq!(
        rate0,
        "Arrival rate: 0 is not allowed: it must be more than 0 and at most 1,000,000."
    );
    let seed = check(En, &c, FieldId::Seed, "-1").expect_err("refused");
    assert!(
        seed.contains("-1") && seed.contains("from 0 to 18,446,744,073,709,551,615"),
        "{seed}"
    );
    assert!(!seed.contains("whole number."), "{seed}");
    let long = check(Pt, &c, FieldId::Duration, "100 d").expect_err("too many samples");
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
        (FieldId::Rate, "0"),
        (FieldId::Rate, "rápido"),
        (FieldId::Rate, "2.5"),
        (FieldId::Seed, "-1"),
        (FieldId::Duration, "100 d"),
        (FieldId::Duration, "2 semanas"),
        (FieldId::Duration, "agora"),
        (FieldId::BatchWorkers, "1,5"),
        (FieldId::BatchWorkers, "0"),
        (FieldId::BatchInterval, "90 s"),
        (FieldId::SampleEvery, "1 ms"),
        (FieldId::Amplitude, "3"),
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
    let short = check(Pt, &cont, FieldId::ServiceMean, "1 ms").expect_err("clock bias");
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
        Notice::BadConfig(Some(field)),
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
    assert!(notice(Pt, &notices[6]).contains("utm"));
    assert!(notice(En, &notices[7]).contains("03:00:00"));
}

#[test]
fn rules_are_read_from_the_engine_words() {
    assert_eq!(rule("1 to 1024 workers"), Some(Rule::Between(1.0, 1024.0)));
    assert_eq!(rule("more than 0, at most 5 "), Some(Rule::Positive(5.0)));
    assert_eq!(
        rule("at least 86401 ms (duration_ms / 100000)"),
        Some(Rule::AtLeast(86_401.0))
    );
    assert_eq!(
        rule("a multiple of window.size_ms (60000 ms)"),
        Some(Rule::Multiple(60_000.0))
    );
    assert_eq!(rule("at most 2e9 events in the whole run"), None);
}

#[test]
fn spikes_are_named_with_their_number() {
    assert_eq!(label(En, FieldId::BurstStart(1)), "Spike start 2");
    assert_eq!(
        label(Pt, FieldId::BurstMultiplier(0)),
        "Multiplicador do pico 1"
    );
    assert_eq!(label(En, FieldId::Rate), "Arrival rate");
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
        .find(|e| e.problem.starts_with("too many events held at once"))
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

use bslab_engine::{ReportDetail, Simulation};

use super::progress::LessonAt;
use super::*;

#[test]
fn every_lesson_file_is_read() {
    assert_eq!(all().len(), FILES.len(), "a lesson file is malformed");
    let mut ids: Vec<&str> = all().iter().map(|l| l.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), FILES.len(), "lesson ids are unique");
}

/// Every beat's experiment is valid, its instant inside the run, its highlight a
/// part of the page, and its question's value a number of the report at that
/// instant (greater than zero: a value of nothing teaches nothing).
#[test]
fn every_beat_is_a_valid_state_and_its_numbers_exist() {
    for lesson in all() {
        for (i, beat) in lesson.beats.iter().enumerate() {
            let at = format!("lesson {} beat {}", lesson.id, i + 1);
            let config = beat.config().unwrap_or_else(|e| panic!("{at}: {e:?}"));
            assert!(
                (0..=config.duration_ms).contains(&beat.at_ms),
                "{at}: instant {} outside the run",
                beat.at_ms
            );
            assert!(
                HIGHLIGHTS.contains(&beat.highlight.as_str()),
                "{at}: highlight {}",
                beat.highlight
            );
            for text in Lang::ALL.map(|lang| beat.caption.get(lang)) {
                assert!(text.len() > 20, "{at}: caption missing");
            }
            let Some(ask) = &beat.ask else { continue };
            let mut sim = Simulation::new(config).expect("valid");
            sim.step_until(beat.at_ms).expect("forward");
            let report = sim.report(ReportDetail::default());
            let value = reveal::value(&report, &ask.value)
                .unwrap_or_else(|| panic!("{at}: no number at {}", ask.value));
            assert!(value > 0.0, "{at}: {} is {value}", ask.value);
        }
    }
}

/// Words that give away English in a Portuguese caption (the product's own
/// loan words — batch, streaming, job, worker, backlog, watermark, append — are
/// what Brazilian courses say, and allowed).
const ENGLISH: [&str; 24] = [
    " the ",
    " and ",
    " of ",
    " is ",
    " are ",
    " with ",
    " when ",
    " after ",
    " before ",
    " until ",
    " its ",
    " it ",
    " this ",
    " that ",
    " what ",
    " how ",
    " many ",
    " much ",
    " events ",
    " late ",
    " orders ",
    " likes ",
    " results ",
    " hour ",
];

/// Native only: the build script's code is compiled into native tests only (`i18n`).
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn a_language_a_lesson_lacks_reads_the_default_one() {
    // build.rs's split: every text object becomes an index from `first` on (in the
    // order of serde_json's map, by key), each language's list has one string per
    // index, the reference's where one lacks.
    let file = r#"{"title": {"en": "Hello"}, "beats": [{"ask": {"en": "Why?", "pt": "Por quê?", "value": "/x"}}]}"#;
    let split = crate::i18n::build_locales::lessons::split(
        &[("1-a.json".to_string(), file.to_string())],
        &["en", "pt"],
        900,
    )
    .expect("split");
    assert_eq!(split.texts, [["Why?", "Hello"], ["Por quê?", "Hello"]]);
    let structure: serde_json::Value = serde_json::from_str(&split.files[0]).expect("JSON");
    assert_eq!(
        structure,
        serde_json::json!({"title": {"text": 901}, "beats": [{"ask": {"text": 900, "value": "/x"}}]})
    );
    assert_eq!(text(&structure["title"]), Some(Text(901)));
    assert!(
        text(&serde_json::json!({ "pt": "Olá" })).is_none(),
        "an index is required"
    );
}

#[test]
fn every_text_is_in_every_language() {
    // The tables end with the lessons' texts: each title and caption is found there.
    for lesson in all() {
        for lang in Lang::ALL {
            assert_ne!(lesson.title.get(lang), "", "{}", lesson.id);
        }
    }
}

#[test]
fn portuguese_texts_have_no_english_leaking() {
    for lesson in all() {
        let mut texts = vec![lesson.title.get(Lang::Pt)];
        for beat in &lesson.beats {
            texts.push(beat.caption.get(Lang::Pt));
            if let Some(ask) = &beat.ask {
                texts.push(ask.question.get(Lang::Pt));
            }
        }
        for text in texts {
            let padded = format!(" {} ", text.to_lowercase());
            for word in ENGLISH {
                assert!(
                    !padded.contains(word),
                    "{}: “{word}” in “{text}”",
                    lesson.id
                );
            }
            assert_ne!(text.trim(), "", "{}: empty Portuguese text", lesson.id);
        }
    }
}

#[test]
fn next_then_previous_walks_the_same_states_back() {
    for (i, lesson) in all().iter().enumerate() {
        let mut forward = vec![LessonAt::start(i)];
        while let Some(next) = forward.last().and_then(|at| at.next()) {
            forward.push(next);
        }
        let asks = lesson.beats.iter().filter(|b| b.ask.is_some()).count();
        assert_eq!(
            forward.len(),
            lesson.beats.len() + asks + 1,
            "{}",
            lesson.id
        );
        assert!(forward.last().is_some_and(|at| at.finished()));
        let mut back = vec![*forward.last().expect("states")];
        while let Some(previous) = back.last().and_then(|at| at.previous()) {
            back.push(previous);
        }
        back.reverse();
        assert_eq!(back, forward, "{}", lesson.id);
    }
}

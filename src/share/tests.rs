//! Tests of the share link: round trips, old links, damaged links, length.

use super::*;

#[test]
fn base64_round_trips_every_length() {
    for len in 0..40u8 {
        let bytes: Vec<u8> = (0..len)
            .map(|i| i.wrapping_mul(37).wrapping_add(200))
            .collect();
        assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }
    assert_eq!(base64url_encode(b"Man"), "TWFu");
    assert_eq!(base64url_decode("not base64!"), None);
}

#[test]
fn every_preset_round_trips_through_the_hash() {
    for (i, preset) in bslab_engine::presets::all().into_iter().enumerate() {
        let t_ms = i as i64 * 1_000;
        let hash = encode_hash(&preset.config, t_ms);
        assert_eq!(hash.contains("&t="), t_ms > 0);
        let shared = Shared {
            config: preset.config,
            t_ms,
            ignored: Vec::new(),
        };
        assert_eq!(decode_hash(&hash), Some(Ok(shared)), "{}", preset.name);
    }
}

#[test]
fn garbage_is_an_error_and_no_config_is_none() {
    assert_eq!(decode_hash(""), None);
    assert_eq!(decode_hash("#other"), None);
    assert_eq!(decode_hash("#c=%%%"), Some(Err(ShareError::Damaged)));
    let bad = format!("#c={}", base64url_encode(br#"{"seed": "x"}"#));
    assert_eq!(decode_hash(&bad), Some(Err(ShareError::Damaged)));
    let invalid = format!("#c={}", base64url_encode(br#"{"batch": {"workers": 0}}"#));
    assert!(matches!(
        decode_hash(&invalid),
        Some(Err(ShareError::Invalid(e))) if e.field == "batch.workers"
    ));
}

/// The fingerprint of a config's whole run (what the app shows and compares).
fn fingerprint(config: &ExperimentConfig) -> String {
    let mut sim = bslab_engine::Simulation::new(config.clone()).expect("a valid config");
    sim.step_until(config.duration_ms).expect("the run ends");
    sim.report(bslab_engine::ReportDetail::default()).digest()
}

/// `config` with `path=value` set (`-`: unchanged), as the fixture file writes it.
fn changed(config: &ExperimentConfig, change: &str) -> ExperimentConfig {
    let mut json = serde_json::to_value(config).expect("serialisable");
    if let Some((path, value)) = change.split_once('=') {
        let leaf = path
            .split('.')
            .fold(&mut json, |v, key| v.get_mut(key).expect("a known field"));
        *leaf = serde_json::from_str(value).expect("a JSON value");
    }
    serde_json::from_value(json).expect("a config")
}

#[test]
fn links_of_earlier_versions_open_to_the_same_experiment_and_fingerprint() {
    let fixtures: Vec<&str> = include_str!("old_links.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    assert!(fixtures.len() >= 3);
    for line in fixtures {
        let mut parts = line.split(' ');
        let (name, change, link) = (parts.next(), parts.next(), parts.next());
        let (Some(name), Some(change), Some(link)) = (name, change, link) else {
            panic!("fixture line `{line}`");
        };
        let preset = bslab_engine::presets::by_name(name).expect("a preset");
        let old = decode_hash(link)
            .and_then(Result::ok)
            .unwrap_or_else(|| panic!("{name}: the old link opens"));
        assert_eq!(old.config, changed(&preset.config, change), "{name}");
        let new_hash = encode_hash(&old.config, old.t_ms);
        assert!(new_hash.starts_with("#v=2&b="), "{new_hash}");
        let new = decode_hash(&new_hash)
            .and_then(Result::ok)
            .unwrap_or_else(|| panic!("{name}: the new link opens"));
        assert_eq!((&new.config, new.t_ms), (&old.config, old.t_ms), "{name}");
        assert_eq!(fingerprint(&new.config), fingerprint(&old.config), "{name}");
    }
}

#[test]
fn a_typical_experiment_fits_in_a_short_link() {
    for preset in bslab_engine::presets::all() {
        let mut config = preset.config.clone();
        config.seed = 20_261_126;
        config.batch.workers += 3;
        config.streaming.watermark_delay_ms *= 2;
        config.delay.late_fraction = 0.125;
        let hash = encode_hash(&config, 3_600_000);
        assert!(
            hash.len() < 200,
            "{}: {} chars: {hash}",
            preset.name,
            hash.len()
        );
        let untouched = encode_hash(&preset.config, 0);
        assert!(untouched.len() < 40, "{}: {untouched}", preset.name);
        let opened = decode_hash(&hash).and_then(Result::ok).expect("opens");
        assert_eq!(opened.config, config, "{}", preset.name);
    }
}

#[test]
fn newer_and_damaged_version_2_links_are_refused() {
    let hash = encode_hash(&ExperimentConfig::default(), 5_000);
    let newer = hash.replacen("v=2", "v=3", 1);
    assert_eq!(
        decode_hash(&newer),
        Some(Err(ShareError::Newer("3".into())))
    );
    assert_eq!(decode_hash("#v=2&b=999&d="), Some(Err(ShareError::Damaged)));
    assert_eq!(decode_hash("#v=2&b=0&d=%%"), Some(Err(ShareError::Damaged)));
    let not_json = format!("#v=2&b=0&d={}", base64url_encode(b"{oops"));
    assert_eq!(decode_hash(&not_json), Some(Err(ShareError::Damaged)));
    let bad = format!(
        "#v=2&b=0&d={}",
        base64url_encode(br#"{"batch":{"workers":0}}"#)
    );
    assert!(matches!(
        decode_hash(&bad),
        Some(Err(ShareError::Invalid(e))) if e.field == "batch.workers"
    ));
}

#[test]
fn every_frozen_base_is_still_a_valid_experiment() {
    let bases = bases_v2();
    assert!(bases.len() >= 7);
    for (i, base) in bases.iter().enumerate() {
        assert!(parse_config(&base.to_string()).is_ok(), "base {i}");
    }
}

#[test]
fn unknown_or_unreadable_parameters_are_ignored_and_named() {
    let good = encode_hash(&ExperimentConfig::default(), 0);
    let shared = decode_hash(&format!("{good}&utm_source=mail&t=x"))
        .and_then(Result::ok)
        .expect("the experiment is kept");
    assert_eq!(shared.config, ExperimentConfig::default());
    assert_eq!(shared.ignored, ["utm_source", "t"]);
    assert_eq!(shared.t_ms, 0);
}

//! The share link: the whole experiment (config and seed) in the URL hash, as
//! base64url of its compact JSON, plus the link format's version and the instant
//! it was shared at: `#v=1&c=<base64url(json)>&t=<ms>`. The encoding is
//! deterministic (serde's field order). Links made before the version existed
//! (`#c=…&t=…`) are version 1. A parameter this version does not know is ignored
//! and reported, never a reason to throw the experiment away. Decoding validates
//! with the engine; anything unreadable is an error the app turns into
//! "defaults + a visible notice".

use bslab_engine::{ExperimentConfig, FieldError, SimError};

/// Version of the link format this app writes (and the newest it reads).
pub const LINK_VERSION: u32 = 1;

/// What a share link holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The experiment, seed included.
    pub config: ExperimentConfig,
    /// The simulated instant it was shared at, in ms (0: the start).
    pub t_ms: i64,
    /// Parameters of the link this version does not know or cannot read (ignored).
    pub ignored: Vec<String>,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a shared config could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Not base64url, not UTF-8 or not an experiment's JSON: damaged (often cut
    /// off when copied) or edited by hand.
    Damaged,
    /// A readable experiment with a value out of its allowed range (the engine's
    /// first complaint).
    Invalid(FieldError),
    /// Made by a newer version of the app (its link version).
    Newer(String),
}

/// base64url without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let idx = ((n >> (18 - 6 * i)) & 63) as usize;
            out.push(char::from(ALPHABET[idx]));
        }
    }
    out
}

/// Decodes base64url (padding and standard `+/` tolerated); `None` if malformed.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
        }
    }
    // 6 leftover bits cannot come from a valid encoding.
    (bits < 6).then_some(out)
}

/// The URL hash of the config (and, when not 0, of the instant `t_ms`): `#v=1&c=…&t=…`.
pub fn encode_hash(config: &ExperimentConfig, t_ms: i64) -> String {
    let json = serde_json::to_string(config).unwrap_or_default();
    let mut hash = format!("#v={LINK_VERSION}&c={}", base64url_encode(json.as_bytes()));
    if t_ms > 0 {
        hash.push_str(&format!("&t={t_ms}"));
    }
    hash
}

/// What a URL hash holds: `None` if it holds no config at all.
pub fn decode_hash(hash: &str) -> Option<Result<Shared, ShareError>> {
    let params: Vec<(&str, &str)> = hash
        .strip_prefix('#')?
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect();
    let value = |key: &str| params.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let payload = value("c")?;
    if let Some(v) = value("v") {
        if v.parse::<u32>().map_or(true, |v| v > LINK_VERSION) {
            return Some(Err(ShareError::Newer(v.to_string())));
        }
    }
    let mut ignored: Vec<String> = params
        .iter()
        .filter(|(k, _)| !matches!(*k, "v" | "c" | "t"))
        .map(|(k, _)| k.to_string())
        .collect();
    let t_ms = match value("t").map(|t| t.parse::<i64>()) {
        None => 0,
        Some(Ok(t)) if t >= 0 => t,
        Some(_) => {
            ignored.push("t".to_string());
            0
        }
    };
    Some(decode_payload(payload).map(|config| Shared {
        config,
        t_ms,
        ignored,
    }))
}

fn decode_payload(payload: &str) -> Result<ExperimentConfig, ShareError> {
    let bytes = base64url_decode(payload).ok_or(ShareError::Damaged)?;
    let json = String::from_utf8(bytes).map_err(|_| ShareError::Damaged)?;
    parse_config(&json)
}

/// Parses and validates a config JSON (URL or local storage).
pub fn parse_config(json: &str) -> Result<ExperimentConfig, ShareError> {
    let config = ExperimentConfig::from_json(json).map_err(|e| match e {
        SimError::InvalidConfig(errors) => errors
            .fields
            .into_iter()
            .next()
            .map_or(ShareError::Damaged, ShareError::Invalid),
        _ => ShareError::Damaged,
    })?;
    config.validate().map_err(|e| {
        e.fields
            .into_iter()
            .next()
            .map_or(ShareError::Damaged, ShareError::Invalid)
    })?;
    Ok(config)
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn links_carry_a_version_and_old_links_still_open() {
        let config = ExperimentConfig::default();
        let hash = encode_hash(&config, 5_000);
        assert!(hash.starts_with("#v=1&c="), "{hash}");
        let old = hash.replacen("v=1&", "", 1);
        let opened = decode_hash(&old)
            .and_then(Result::ok)
            .expect("an old link opens");
        assert_eq!((opened.config, opened.t_ms), (config, 5_000));
        let newer = hash.replacen("v=1", "v=2", 1);
        assert_eq!(
            decode_hash(&newer),
            Some(Err(ShareError::Newer("2".into())))
        );
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
}

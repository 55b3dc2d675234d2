//! The share link: the whole experiment (config and seed) in the URL hash, as
//! base64url of its compact JSON, plus the instant it was shared at:
//! `#c=<base64url(json)>&t=<ms>`. The encoding is deterministic (serde's field
//! order). Decoding validates with the engine; anything malformed is an error the
//! app turns into "defaults + a visible notice".

use bslab_engine::ExperimentConfig;

/// Prefix of the config in the URL hash: `#c=<base64url(json)>`.
pub const HASH_PREFIX: &str = "#c=";

/// What a share link holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// The experiment, seed included.
    pub config: ExperimentConfig,
    /// The simulated instant it was shared at, in ms (0: the start).
    pub t_ms: i64,
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Why a shared config could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// Not base64url, not UTF-8, or a malformed instant.
    Encoding,
    /// Not an experiment (JSON or field error), with the engine's message.
    Config(String),
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

/// The config (and, when not 0, the instant `t_ms`) as the URL hash (`#c=…&t=…`).
pub fn encode_hash(config: &ExperimentConfig, t_ms: i64) -> String {
    let json = serde_json::to_string(config).unwrap_or_default();
    let mut hash = format!("{HASH_PREFIX}{}", base64url_encode(json.as_bytes()));
    if t_ms > 0 {
        hash.push_str(&format!("&t={t_ms}"));
    }
    hash
}

/// What a URL hash holds: `None` if it holds no config at all.
pub fn decode_hash(hash: &str) -> Option<Result<Shared, ShareError>> {
    let rest = hash.strip_prefix(HASH_PREFIX)?;
    let (payload, t) = match rest.split_once('&') {
        Some((payload, t)) => (payload, Some(t)),
        None => (rest, None),
    };
    let t_ms = match t.map(|t| t.strip_prefix("t=").and_then(|v| v.parse::<i64>().ok())) {
        None => 0,
        Some(Some(t)) if t >= 0 => t,
        Some(_) => return Some(Err(ShareError::Encoding)),
    };
    Some(decode_payload(payload).map(|config| Shared { config, t_ms }))
}

fn decode_payload(payload: &str) -> Result<ExperimentConfig, ShareError> {
    let bytes = base64url_decode(payload).ok_or(ShareError::Encoding)?;
    let json = String::from_utf8(bytes).map_err(|_| ShareError::Encoding)?;
    parse_config(&json)
}

/// Parses and validates a config JSON (URL or local storage).
pub fn parse_config(json: &str) -> Result<ExperimentConfig, ShareError> {
    let config =
        ExperimentConfig::from_json(json).map_err(|e| ShareError::Config(e.to_string()))?;
    config
        .validate()
        .map_err(|e| ShareError::Config(e.to_string()))?;
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
            };
            assert_eq!(decode_hash(&hash), Some(Ok(shared)), "{}", preset.name);
        }
    }

    #[test]
    fn garbage_is_an_error_and_no_config_is_none() {
        assert_eq!(decode_hash(""), None);
        assert_eq!(decode_hash("#other"), None);
        assert_eq!(decode_hash("#c=%%%"), Some(Err(ShareError::Encoding)));
        let good = encode_hash(&ExperimentConfig::default(), 0);
        for t in ["&t=-5", "&t=x", "&x=1"] {
            let tampered = format!("{good}{t}");
            assert_eq!(
                decode_hash(&tampered),
                Some(Err(ShareError::Encoding)),
                "{t}"
            );
        }
        let bad = format!("#c={}", base64url_encode(br#"{"seed": "x"}"#));
        assert!(matches!(
            decode_hash(&bad),
            Some(Err(ShareError::Config(_)))
        ));
        let invalid = format!("#c={}", base64url_encode(br#"{"batch": {"workers": 0}}"#));
        assert!(matches!(
            decode_hash(&invalid),
            Some(Err(ShareError::Config(_)))
        ));
    }
}

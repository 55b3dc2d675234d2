//! The share link: the whole experiment (config and seed) in the URL hash, plus
//! the link format's version and the instant it was shared at.
//!
//! Version 2 (written now): `#v=2&b=<base>&d=<base64url(patch)>&t=<ms>`, where
//! `base` indexes a frozen list of configs (`bases_v2.json`, the presets; a new
//! preset's config is appended, an entry is never edited) and `patch` is the JSON Merge Patch from that base to the
//! experiment: a preset with a knob changed fits in well under 100 characters,
//! short enough to read off a projector or put in a QR code. The encoder picks
//! the base giving the shortest link, so the encoding is deterministic.
//!
//! Version 1 (`#v=1&c=<base64url(json)>&t=<ms>`) and links made before the
//! version existed (`#c=…&t=…`) still open: `old_links.txt` keeps real ones as
//! test fixtures. A parameter this version does not know is ignored and
//! reported, never a reason to throw the experiment away. Decoding validates
//! with the engine; anything unreadable is an error the app turns into
//! "defaults + a visible notice".

pub use bslab_engine::merge_patch as patch;
use bslab_engine::{ExperimentConfig, FieldError, SimError};
use serde_json::Value;

/// Version of the link format this app writes (and the newest it reads).
pub const LINK_VERSION: u32 = 2;

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
#[derive(Debug, Clone, PartialEq)]
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

/// The frozen base configs of link version 2, in link order (append-only).
const BASES_V2: &str = include_str!("bases_v2.json");

// Every JSON tree here is parsed by `patch::parse` and written by `Value`'s
// `Display` only: serde's generic code used from this crate (`from_str`,
// `to_value`, a typed `Vec<Value>`) would add a second copy of what the engine
// has already to the page's wasm.
fn bases_v2() -> Vec<Value> {
    match patch::parse(BASES_V2) {
        Some(Value::Array(bases)) => bases,
        _ => Vec::new(),
    }
}

/// The URL hash of the config (and, when not 0, of the instant `t_ms`):
/// `#v=2&b=…&d=…&t=…` (see the module docs).
pub fn encode_hash(config: &ExperimentConfig, t_ms: i64) -> String {
    let json = serde_json::to_string(config).unwrap_or_default();
    let target = patch::parse(&json).unwrap_or_default();
    let (base, delta) = bases_v2()
        .iter()
        .enumerate()
        .map(|(i, base)| {
            let json = patch::diff(base, &target).map_or_else(String::new, |p| p.to_string());
            (i, base64url_encode(json.as_bytes()))
        })
        .min_by_key(|(i, delta)| (delta.len(), *i))
        .unwrap_or_default();
    let mut hash = format!("#v={LINK_VERSION}&b={base}&d={delta}");
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
    let version = match value("v") {
        None => 1,
        Some(v) => match v.parse::<u32>() {
            Ok(v) if v <= LINK_VERSION => v,
            _ => return Some(Err(ShareError::Newer(v.to_string()))),
        },
    };
    let config = if version >= 2 {
        let base = value("b")?;
        decode_patch(base, value("d").unwrap_or(""))
    } else {
        decode_payload(value("c")?)
    };
    let mut ignored: Vec<String> = params
        .iter()
        .filter(|(k, _)| !matches!(*k, "v" | "c" | "b" | "d" | "t"))
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
    Some(config.map(|config| Shared {
        config,
        t_ms,
        ignored,
    }))
}

/// A version-2 config: the frozen base `base` with the merge patch `delta`.
fn decode_patch(base: &str, delta: &str) -> Result<ExperimentConfig, ShareError> {
    let mut config = base
        .parse::<usize>()
        .ok()
        .and_then(|i| bases_v2().into_iter().nth(i))
        .ok_or(ShareError::Damaged)?;
    let bytes = base64url_decode(delta).ok_or(ShareError::Damaged)?;
    if !bytes.is_empty() {
        let text = String::from_utf8(bytes).map_err(|_| ShareError::Damaged)?;
        let change = patch::parse(&text).ok_or(ShareError::Damaged)?;
        patch::apply(&mut config, &change);
    }
    parse_config(&config.to_string())
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
mod tests;

//! Reading a JSON config as strictly as validation checks it: one JSON object,
//! nothing after it, arrays only where the config has lists, and every refusal
//! names the innermost field, says what it allows and never echoes more than a
//! short piece of what it was given.

use serde::Deserialize;
use serde_json::Value;

use crate::config::ExperimentConfig;
use crate::error::SimError;
use crate::strict_json::{self, Position};

/// Largest config text accepted, in bytes (a full config is about 1 KB; the
/// limit keeps a hostile file from costing memory or time).
pub const MAX_CONFIG_BYTES: usize = 64 * 1024;

/// Longest piece of the user's text quoted in a message, in characters.
const MAX_QUOTED_CHARS: usize = 40;

/// The only place a config holds a list.
const LIST_FIELD: &str = "workload.bursts";

/// Parses `text` (see [`ExperimentConfig::from_json`]).
pub(crate) fn parse(text: &str) -> Result<ExperimentConfig, SimError> {
    if text.len() > MAX_CONFIG_BYTES {
        return Err(SimError::Parse(format!(
            "config: {} bytes is too long (allowed: at most {MAX_CONFIG_BYTES} bytes)",
            text.len()
        )));
    }
    // One reading of the text: it refuses trailing text and keys given twice,
    // and knows the field it was in when the text stopped being JSON.
    let position = Position::default();
    let value = strict_json::read(text, &position).map_err(|e| {
        SimError::Parse(format!(
            "{}: {}",
            field_name(&position.path()),
            cut_quoted(&e.to_string())
        ))
    })?;
    check_shape(&value, "")?;
    deserialize(&value).map_err(|message| SimError::Parse(explain(&value, &message)))
}

/// The config in `value`, or serde's words for what is wrong with it.
///
/// Read without path tracking: a path-tracking reader is a second, larger copy
/// of every deserializer of the config in the page's wasm. The field to blame
/// is found afterwards, only for a refused config ([`locate`]).
fn deserialize(value: &Value) -> Result<ExperimentConfig, String> {
    ExperimentConfig::deserialize(value).map_err(|e| e.to_string())
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Refuses what serde would read positionally: a config, or any object in it,
/// given as an array (`[]` would otherwise run the defaults).
fn check_shape(value: &Value, path: &str) -> Result<(), SimError> {
    let wrong = |path: &str, v: &Value| {
        let at = if path.is_empty() { "config" } else { path };
        Err(SimError::Parse(format!(
            "{}: expected an object {{…}}, got {}",
            cut(at),
            kind_of(v)
        )))
    };
    match value {
        Value::Object(map) => map.iter().try_for_each(|(k, v)| {
            let child = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            check_shape(v, &child)
        }),
        Value::Array(items) if path == LIST_FIELD => {
            items.iter().enumerate().try_for_each(|(i, item)| {
                let child = format!("{path}[{i}]");
                match item {
                    Value::Object(_) => check_shape(item, &child),
                    other => wrong(&child, other),
                }
            })
        }
        Value::Array(_) => wrong(path, value),
        _ if path.is_empty() => wrong(path, value),
        _ => Ok(()),
    }
}

/// One line for a refusal: the innermost field, serde's words and the range
/// validation allows for that field.
fn explain(value: &Value, message: &str) -> String {
    let path = locate(value, message);
    let allowed = allowed_range(&path)
        .map(|a| format!(" (allowed: {a})"))
        .unwrap_or_default();
    format!("{}: {}{allowed}", field_name(&path), cut_quoted(message))
}

/// A path for a message: `config` for the whole, cut if long.
fn field_name(path: &str) -> String {
    if matches!(path, "" | ".") {
        "config".to_string()
    } else {
        cut(path)
    }
}

/// The innermost field to blame for `message`, serde's refusal of `value`.
///
/// Serde reads an object's entries in order and stops at the first bad one,
/// so the field to blame is the last entry of the shortest leading part of
/// the object that is refused with the same words (found by halving, so a
/// long object costs a few readings, not one per entry); then the same
/// inside that field. An internally tagged object (`scenario`,
/// `streaming.mode`, `workload.daily_profile`) keeps its `kind` in every
/// part, or serde could not read any of it.
fn locate(value: &Value, message: &str) -> String {
    let same = |probe: &Value| matches!(deserialize(probe), Err(m) if m == message);
    let mut path = String::new();
    loop {
        let keys: Vec<Result<String, usize>> = match at_path(value, &path) {
            Some(Value::Object(map)) => map
                .keys()
                .filter(|k| k.as_str() != "kind")
                .map(|k| Ok(k.clone()))
                .collect(),
            Some(Value::Array(items)) => (0..items.len()).map(Err).collect(),
            _ => return path,
        };
        let keep = |n: usize| {
            let mut probe = value.clone();
            match at_path_mut(&mut probe, &path) {
                Some(Value::Object(map)) => {
                    map.retain(|k, _| k == "kind" || keys[..n].contains(&Ok(k.clone())))
                }
                Some(Value::Array(items)) => items.truncate(n),
                _ => {}
            }
            probe
        };
        if same(&keep(0)) {
            // Nothing but `kind` (if any) is needed for the refusal.
            let mut bare = keep(0);
            if let Some(Value::Object(map)) = at_path_mut(&mut bare, &path) {
                map.clear();
            }
            let kind = at_path(value, &path).and_then(|v| v.get("kind")).is_some();
            if kind && !message.starts_with("missing field") && !same(&bare) {
                return join(&path, &Ok("kind".to_string()));
            }
            return path;
        }
        // `keep(low)` is accepted or refused differently, `keep(high)` the same.
        let (mut low, mut high) = (0, keys.len());
        while high - low > 1 {
            let mid = low + (high - low) / 2;
            if same(&keep(mid)) {
                high = mid;
            } else {
                low = mid;
            }
        }
        let Some(step) = high.checked_sub(1).and_then(|i| keys.get(i)) else {
            return path;
        };
        let next = join(&path, step);
        // Only an object can lack a field: a shorter part of the object that
        // lacks it may lack another required field first.
        let container = matches!(
            at_path(value, &next),
            Some(Value::Object(_) | Value::Array(_))
        );
        if message.starts_with("missing field") && !container {
            return path;
        }
        path = next;
    }
}

fn join(path: &str, step: &Result<String, usize>) -> String {
    match step {
        Ok(key) if path.is_empty() => key.clone(),
        Ok(key) => format!("{path}.{key}"),
        Err(i) => format!("{path}[{i}]"),
    }
}

/// What validation allows at `path`, from the parameter table (bounds that
/// depend on other fields are given for the defaults).
fn allowed_range(path: &str) -> Option<String> {
    let id = crate::params::FieldId::from_path(path)?;
    let bounds = id.param().bounds(&ExperimentConfig::default())?;
    Some(bounds.english(id.param().unit))
}

/// Splits `a.b[2].c` into keys and indices.
fn segments(path: &str) -> Vec<Result<&str, usize>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Ok(key));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Err(i));
            }
        }
    }
    out
}

fn at_path<'v>(value: &'v Value, path: &str) -> Option<&'v Value> {
    segments(path).into_iter().try_fold(value, |v, s| match s {
        Ok(key) => v.get(key),
        Err(i) => v.get(i),
    })
}

fn at_path_mut<'v>(value: &'v mut Value, path: &str) -> Option<&'v mut Value> {
    segments(path).into_iter().try_fold(value, |v, s| match s {
        Ok(key) => v.get_mut(key),
        Err(i) => v.get_mut(i),
    })
}

/// `text`, cut to [`MAX_QUOTED_CHARS`] characters with an ellipsis.
pub(crate) fn cut(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTED_CHARS {
        return text.to_string();
    }
    let kept: String = text.chars().take(MAX_QUOTED_CHARS - 1).collect();
    format!("{kept}…")
}

/// `message` with every quoted piece (between `` ` `` or `"`) cut: serde quotes
/// the user's keys and strings whole, however long.
fn cut_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(512));
    let mut rest = message;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        let body_start = open + 1;
        let Some(len) = rest[body_start..].find(quote) else {
            break;
        };
        out.push_str(&rest[..body_start]);
        out.push_str(&cut(&rest[body_start..body_start + len]));
        out.push(quote);
        rest = &rest[body_start + len + 1..];
    }
    out.push_str(&cut_tail(rest));
    out
}

/// An unquoted tail longer than a line is cut too (a message never runs on).
fn cut_tail(text: &str) -> String {
    if text.chars().count() <= 4 * MAX_QUOTED_CHARS {
        return text.to_string();
    }
    let kept: String = text.chars().take(4 * MAX_QUOTED_CHARS).collect();
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_quoted_pieces_are_cut_and_short_ones_kept() {
        let long = "k".repeat(10_000);
        let m = cut_quoted(&format!("unknown field `{long}`, expected `seed`"));
        assert!(m.len() < 120, "{m}");
        assert!(m.ends_with(", expected `seed`"), "{m}");
    }

    fn refusal(text: &str) -> String {
        match parse(text) {
            Err(SimError::Parse(m)) => m,
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn the_field_to_blame_is_the_innermost_one() {
        // In a list, after fields that sort before and after `kind`, and past
        // required fields that a shorter part of the object would miss.
        let bursts = r#"{"workload": {"bursts": [
            {"start_ms": 0, "duration_ms": 1, "multiplier": 2},
            {"duration_ms": 1, "multiplier": "x", "start_ms": 0}]}}"#;
        assert!(
            refusal(bursts).starts_with("workload.bursts[1].multiplier: invalid type"),
            "{}",
            refusal(bursts)
        );
        let mode = r#"{"streaming": {"mode": {"kind": "continuous", "a_workers": 1,
            "workers": "two", "zzz": 1}}}"#;
        assert!(refusal(mode).starts_with("streaming.mode.a_workers: unknown field"));
        let mode = mode.replace("\"a_workers\": 1,", "");
        assert!(refusal(&mode).starts_with("streaming.mode.workers: invalid type"));
        let missing = r#"{"workload": {"bursts": [{"start_ms": 0}]}}"#;
        assert!(refusal(missing).starts_with("workload.bursts[0]: missing field"));
        let kind = r#"{"scenario": {"bursts_per_hour": 1, "kind": "weather"}}"#;
        assert!(refusal(kind).starts_with("scenario.kind: unknown variant"));
    }

    #[test]
    fn paths_split_into_keys_and_indices() {
        assert_eq!(
            segments("workload.bursts[2].multiplier"),
            vec![Ok("workload"), Ok("bursts"), Err(2), Ok("multiplier")]
        );
    }
}

//! Reading a JSON config as strictly as validation checks it: one JSON object,
//! nothing after it, arrays only where the config has lists, and every refusal
//! names the innermost field, says what it allows and never echoes more than a
//! short piece of what it was given.

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
    deserialize(&value).map_err(|(path, message)| SimError::Parse(explain(&value, path, message)))
}

/// The config in `value`, or the error's (path, message) as serde found them.
fn deserialize(value: &Value) -> Result<ExperimentConfig, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        (path, e.into_inner().to_string())
    })
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
fn explain(value: &Value, path: String, message: String) -> String {
    let (path, message) = innermost(value, path, message);
    let allowed = allowed_range(&path)
        .map(|a| format!(" (allowed: {a})"))
        .unwrap_or_default();
    format!("{}: {}{allowed}", field_name(&path), cut_quoted(&message))
}

/// A path for a message: `config` for the whole, cut if long.
fn field_name(path: &str) -> String {
    if matches!(path, "" | ".") {
        "config".to_string()
    } else {
        cut(path)
    }
}

/// Serde reports an error inside an internally tagged object (`scenario`,
/// `streaming.mode`, `workload.daily_profile`) at the object itself. The field
/// to blame is the one whose removal changes the error.
fn innermost(value: &Value, path: String, message: String) -> (String, String) {
    let Some(Value::Object(map)) = at_path(value, &path) else {
        return (path, message);
    };
    if !map.contains_key("kind") || message.starts_with("missing field") {
        return (path, message);
    }
    for key in map.keys().filter(|k| k.as_str() != "kind") {
        let mut probe = value.clone();
        if let Some(Value::Object(m)) = at_path_mut(&mut probe, &path) {
            m.remove(key);
        }
        let changed = match deserialize(&probe) {
            Ok(_) => true,
            Err((_, m)) => m != message,
        };
        if changed {
            return (format!("{path}.{key}"), message);
        }
    }
    (path, message)
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

    #[test]
    fn paths_split_into_keys_and_indices() {
        assert_eq!(
            segments("workload.bursts[2].multiplier"),
            vec![Ok("workload"), Ok("bursts"), Err(2), Ok("multiplier")]
        );
    }
}

//! JSON Merge Patch (RFC 7396) between two experiment configs: the web app's
//! share link carries only what differs from a frozen base config, so a preset
//! with one changed knob is a few dozen characters instead of the whole config.
//!
//! Here rather than in the app because Rust instantiates generic code once per
//! crate: the JSON tree ([`Value`]) is parsed and its maps built here already
//! (config parsing), and the page's wasm keeps a single copy of that code.

use serde_json::{Map, Value};

/// Parses JSON text into a tree; `None` if it is not JSON, or gives a key
/// twice (the config's reader, [`crate::read_value`]: one JSON text reader in the page).
pub fn parse(text: &str) -> Option<Value> {
    crate::read_value(text).ok()
}

/// The merge patch that turns `base` into `target`; `None` when they are equal.
/// Objects are diffed key by key (a key only in `base` becomes `null`), any
/// other value is replaced whole.
pub fn diff(base: &Value, target: &Value) -> Option<Value> {
    match (base, target) {
        (Value::Object(a), Value::Object(b)) => {
            let mut patch = Map::new();
            for (key, new) in b {
                match a.get(key) {
                    Some(old) => {
                        if let Some(p) = diff(old, new) {
                            patch.insert(key.clone(), p);
                        }
                    }
                    None => {
                        patch.insert(key.clone(), new.clone());
                    }
                }
            }
            for key in a.keys().filter(|k| !b.contains_key(*k)) {
                patch.insert(key.clone(), Value::Null);
            }
            (!patch.is_empty()).then_some(Value::Object(patch))
        }
        _ => (base != target).then(|| target.clone()),
    }
}

/// Applies a merge patch to `base` in place (RFC 7396 `MergePatch`).
pub fn apply(base: &mut Value, patch: &Value) {
    let Value::Object(changes) = patch else {
        *base = patch.clone();
        return;
    };
    if !base.is_object() {
        *base = Value::Object(Map::new());
    }
    if let Value::Object(fields) = base {
        for (key, change) in changes {
            if change.is_null() {
                fields.remove(key);
            } else {
                apply(fields.entry(key.clone()).or_insert(Value::Null), change);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_patch_turns_the_base_into_the_target() {
        let base = json!({"a": 1, "b": {"c": 2, "d": 3}, "k": {"kind": "x", "p": 1}});
        let target = json!({"a": 1, "b": {"c": 5, "d": 3}, "k": {"kind": "y", "q": [1, 2]}});
        let patch = diff(&base, &target).expect("they differ");
        assert_eq!(
            patch,
            json!({"b": {"c": 5}, "k": {"kind": "y", "p": null, "q": [1, 2]}})
        );
        let mut rebuilt = base.clone();
        apply(&mut rebuilt, &patch);
        assert_eq!(rebuilt, target);
        assert_eq!(diff(&target, &target), None);
    }
}

//! The lesson files (`lessons/*.json`, bilingual) split at build time: their texts
//! go to each language's string table, after the UI's strings, and the page's wasm
//! keeps only the lessons' structure, each text replaced by its index in the table
//! (`"text": 812`). A visitor then fetches the lessons' texts in its own language
//! only, with the table it already waits for (`src/i18n/tables.rs`), and the page's
//! wasm no longer carries them in every language (`src/lessons/mod.rs` reads the
//! structure).

use serde_json::{Map, Value};

/// The lessons split: their structure and their texts.
pub struct Split {
    /// Each file's JSON with every text object (`{"en": "…", "pt": "…"}`, beside an
    /// ask's `value` and `unit`) replaced by its index: `{"text": 812, …}`.
    pub files: Vec<String>,
    /// Every text, in each language of `codes` (in that order), in index order: a
    /// language a lesson lacks reads the reference's (the first code), so a new UI
    /// language needs no lesson edit.
    pub texts: Vec<Vec<String>>,
}

/// Splits the lesson files `files` (`(name, json)`), whose texts are keyed by the
/// language codes `codes` (the reference first); the first text takes index `first`.
pub fn split(files: &[(String, String)], codes: &[&str], first: usize) -> Result<Split, String> {
    let mut texts = vec![Vec::new(); codes.len()];
    let mut out = Vec::new();
    for (name, json) in files {
        let mut value: Value =
            serde_json::from_str(json).map_err(|e| format!("lessons/{name}: {e}"))?;
        replace_texts(&mut value, codes, first, &mut texts)
            .map_err(|e| format!("lessons/{name}: {e}"))?;
        out.push(value.to_string());
    }
    Ok(Split { files: out, texts })
}

/// Replaces every text object under `value` by its index, pushing its strings.
fn replace_texts(
    value: &mut Value,
    codes: &[&str],
    first: usize,
    texts: &mut [Vec<String>],
) -> Result<(), String> {
    match value {
        Value::Object(map) if map.get(codes[0]).is_some_and(Value::is_string) => {
            let strings = take_text(map, codes)?;
            map.insert("text".to_string(), Value::from(first + texts[0].len()));
            for (list, s) in texts.iter_mut().zip(strings) {
                list.push(s);
            }
        }
        Value::Object(map) => {
            for child in map.values_mut() {
                replace_texts(child, codes, first, texts)?;
            }
        }
        Value::Array(items) => {
            for child in items {
                replace_texts(child, codes, first, texts)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// Removes a text object's strings, one per language (the reference's where one lacks).
fn take_text(map: &mut Map<String, Value>, codes: &[&str]) -> Result<Vec<String>, String> {
    let strings: Vec<Option<String>> = codes
        .iter()
        .map(|code| match map.remove(*code) {
            Some(Value::String(s)) => Ok(Some(s)),
            None => Ok(None),
            Some(_) => Err(format!("`{code}` is not a string")),
        })
        .collect::<Result<_, _>>()?;
    let reference = strings[0].clone().unwrap_or_default();
    let strings: Vec<String> = strings
        .into_iter()
        .map(|s| s.unwrap_or_else(|| reference.clone()))
        .collect();
    match strings
        .iter()
        .find(|s| s.contains(super::tables::SEPARATOR))
    {
        Some(s) => Err(format!(
            "{s:?} holds the character U+001F, which separates the strings"
        )),
        None => Ok(strings),
    }
}

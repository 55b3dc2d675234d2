//! Reading config text into a [`Value`] in one pass that also does what a
//! plain `Value` cannot: refuse a key given twice (a `Value` keeps the last)
//! and know which field the reader was in when the text stopped being JSON.
//!
//! This replaces reading the text a second time as a typed, path-tracked
//! config: that second typed reader was a large share of the page's code.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Where in the document the reader is: `a.b[2].c` once joined.
#[derive(Default)]
pub(crate) struct Position(RefCell<Vec<Step>>);

enum Step {
    Key(String),
    Index(usize),
}

impl Position {
    /// The path as messages name fields: `a.b[2].c` (empty for the whole document).
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for step in self.0.borrow().iter() {
            match step {
                Step::Key(key) if out.is_empty() => out.push_str(key),
                Step::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    /// `read` one step deeper; on error the step stays, so the position names
    /// where the error happened.
    fn within<T, E>(&self, step: Step, read: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        self.0.borrow_mut().push(step);
        let value = read()?;
        self.0.borrow_mut().pop();
        Ok(value)
    }
}

/// `text` as a [`Value`]: one JSON value and nothing after it, no key twice in
/// an object. On error, `position` holds the field being read.
pub(crate) fn read(text: &str, position: &Position) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Reader(position).deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// `text` as a [`Value`], as `serde_json::from_str` reads it but refusing a
/// key given twice: callers that read other JSON than a config (lesson files,
/// the report) use it so the page's wasm carries one JSON text reader, not two.
pub fn read_value(text: &str) -> Result<Value, serde_json::Error> {
    read(text, &Position::default())
}

#[derive(Clone, Copy)]
struct Reader<'p>(&'p Position);

impl<'de> DeserializeSeed<'de> for Reader<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Reader<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let index = items.len();
            match self
                .0
                .within(Step::Index(index), || seq.next_element_seed(self))?
            {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                // serde's own words for a struct field given twice.
                return Err(A::Error::custom(format_args!("duplicate field `{key}`")));
            }
            let value = self
                .0
                .within(Step::Key(key.clone()), || map.next_value_seed(self))?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_at(text: &str) -> (String, String) {
        let position = Position::default();
        let e = read(text, &position).expect_err("refused");
        (position.path(), e.to_string())
    }

    #[test]
    fn a_key_given_twice_is_refused_where_it_is() {
        let (path, message) = error_at(r#"{"a": {"b": [1, {"c": 1, "c": 2}]}}"#);
        assert_eq!(path, "a.b[1]");
        assert!(message.starts_with("duplicate field `c`"), "{message}");
    }

    #[test]
    fn a_syntax_error_names_the_field_being_read() {
        let (path, _) = error_at(r#"{"a": {"b": 1, "c": tru}}"#);
        assert_eq!(path, "a.c");
        let (path, message) = error_at(r#"{"a": 1} x"#);
        assert_eq!(path, "");
        assert!(message.starts_with("trailing characters"), "{message}");
    }

    #[test]
    fn valid_text_reads_as_serde_json_reads_it() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": []}"#;
        let position = Position::default();
        let expected: Value = serde_json::from_str(text).expect("valid");
        assert_eq!(read(text, &position).expect("valid"), expected);
        assert_eq!(position.path(), "");
    }
}

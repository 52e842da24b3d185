//! The JSON value tree that poster templates, their data, reward rules and carts arrive as,
//! and [`read`], which reads it key by key with the path of every value.
//!
//! In WebAssembly, JSON text is parsed by [`json`], a small RFC 8259 parser (documents given
//! to the JavaScript API as objects cross as `JSON.stringify` text). Natively, `serde_json`
//! parses through the `Deserialize` impl below. Objects keep their keys in input order, so
//! "unknown field" errors name the first offender the author wrote.

pub mod json;
pub mod read;

#[cfg(not(target_arch = "wasm32"))]
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
#[cfg(not(target_arch = "wasm32"))]
use std::fmt;

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    /// `null` (and JS `undefined`).
    #[default]
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// Any number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, keys in input order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// A short description of the value's type for error messages: `a string`, `an array`.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Follows a dotted path (`user.name`, `items.0.title`): object keys, or array indices.
    pub fn lookup(&self, path: &str) -> Option<&Value> {
        path.split('.').try_fold(self, |v, part| match v {
            Value::Object(_) => v.get(part),
            Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
            _ => None,
        })
    }

    /// Present and non-empty: not null, not `false`, not `""`, not an empty array or object.
    /// This is what `if` tests.
    pub fn is_present(&self) -> bool {
        match self {
            Value::Null | Value::Bool(false) => false,
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Object(o) => !o.is_empty(),
            Value::Bool(true) | Value::Number(_) => true,
        }
    }

    /// The text a `{{binding}}` is replaced with: strings as they are, numbers as
    /// JavaScript prints them (`12`, `12.5`), booleans as `true`/`false`. Null, arrays and
    /// objects have no text.
    pub fn as_text(&self) -> Option<String> {
        match self {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(number_text(*n)),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A number as JavaScript's `String(n)` prints it for the values posters show: integers
/// without a fraction, others in the shortest form that reads back to the same value (see
/// [`crate::error`]'s twin, which every message uses).
pub fn number_text(n: f64) -> String {
    crate::error::number_text(n)
}

#[cfg(not(target_arch = "wasm32"))]
struct ValueVisitor;

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members: Vec<(String, Value)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            // JSON allows a repeated key; JavaScript keeps the last one, and so do we.
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key, value)),
            }
        }
        Ok(Value::Object(members))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom("binary data is not allowed in a template or its data"))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// Parses JSON text (`what` names it in errors: `"template"`, `"data"`).
///
/// # Errors
/// [`crate::ErrorKind::TemplateInvalid`] with the line and column of the syntax error.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str, what: &str) -> crate::Result<Value> {
    parse_json_as(text, what, crate::ErrorKind::TemplateInvalid)
}

/// As [`parse_json`], with the error code of the document's own kind.
///
/// # Errors
/// `kind`, with the line and column of the syntax error.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json_as(text: &str, what: &str, kind: crate::ErrorKind) -> crate::Result<Value> {
    serde_json::from_str(text)
        .map_err(|e| crate::Error::new(kind, format!("the {what} is not valid JSON: {e}")).at(what))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn lookup_follows_keys_and_indices() {
        let v = parse_json(r#"{"a":{"b":[{"c":"x"}]},"n":12.5}"#, "data").unwrap();
        assert_eq!(v.lookup("a.b.0.c"), Some(&Value::String("x".into())));
        assert_eq!(v.lookup("a.b.1.c"), None);
        assert_eq!(v.lookup("n").and_then(Value::as_text).as_deref(), Some("12.5"));
    }

    #[test]
    fn numbers_print_as_javascript_does() {
        for (n, s) in
            [(12.0, "12"), (-0.5, "-0.5"), (0.1 + 0.2, "0.30000000000000004"), (1e20, "100000000000000000000")]
        {
            assert_eq!(number_text(n), s);
        }
    }

    #[test]
    fn presence_is_non_empty() {
        for (json, present) in [
            ("null", false),
            ("\"\"", false),
            ("[]", false),
            ("{}", false),
            ("false", false),
            ("0", true),
            ("\"a\"", true),
        ] {
            assert_eq!(parse_json(json, "data").unwrap().is_present(), present, "{json}");
        }
    }

    #[test]
    fn a_repeated_key_keeps_the_last_value() {
        assert_eq!(parse_json(r#"{"a":1,"a":2}"#, "t").unwrap().get("a"), Some(&Value::Number(2.0)));
    }
}

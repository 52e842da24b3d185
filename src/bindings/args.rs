//! Reading JavaScript arguments: strings, safe integers and flat option objects.
//!
//! Options are read key by key with `js_sys` rather than through serde's deserializer:
//! the result is the same (typed values, unknown keys refused, the path of every error)
//! at a fraction of the size. serde-wasm-bindgen plus serde_path_to_error cost 60 KB of
//! the `.wasm` here, most of it generic visitor code and float formatting for messages
//! such as "invalid type: floating point `1.5`". TypeScript still sees the generated
//! declarations of the option types.

use crate::error::{Error, ErrorKind, Result};
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};

fn invalid(path: &str, message: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, message).at(path)
}

/// Formats a number with JavaScript's own `String(n)` (Rust's float formatting would add
/// kilobytes for the sake of error messages).
pub(crate) fn number_text(n: f64) -> String {
    js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

/// What a value is, for messages: `a string`, `the number 1.5`, `an array`…
pub(crate) fn describe(value: &JsValue) -> String {
    if let Some(n) = value.as_f64() {
        format!("the number {}", number_text(n))
    } else if value.is_string() {
        "a string".into()
    } else if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if value.as_bool().is_some() {
        "a boolean".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else if value.is_function() {
        "a function".into()
    } else if value.is_bigint() {
        "a BigInt".into()
    } else {
        "an object".into()
    }
}

/// Reads a string argument.
pub(crate) fn string(value: &JsValue, path: &str) -> Result<String> {
    value.as_string().ok_or_else(|| invalid(path, format!("{path} must be a string, not {}", describe(value))))
}

/// Reads a number that must be an integer in `min..=max` (`max <= 2^53-1`). A value that is
/// not a number is `INVALID_ARGUMENT` (the caller passed the wrong type); a number out of
/// range, fractional or NaN is reported with `kind`, the code of its domain. Never truncates
/// or wraps.
pub(crate) fn integer(value: &JsValue, path: &str, min: u64, max: u64, kind: ErrorKind) -> Result<u64> {
    let n = value.as_f64().ok_or_else(|| invalid(path, format!("{path} must be a number, not {}", describe(value))))?;
    let ok = n.fract() == 0.0 && n >= min as f64 && n <= max as f64;
    if ok {
        Ok(n as u64)
    } else {
        let why = if n.is_nan() {
            "NaN"
        } else if n.fract() != 0.0 && n.is_finite() {
            "not an integer"
        } else if n < min as f64 {
            "too small"
        } else {
            "too large"
        };
        Err(Error::new(
            kind,
            format!("{path} is {} ({why}); it must be an integer from {min} to {max}", number_text(n)),
        )
        .at(path))
    }
}

/// A plain object argument, read key by key; [`finish`](Self::finish) refuses keys that
/// were not read, so a misspelt option is an error rather than silently ignored.
pub(crate) struct ObjectArg {
    object: js_sys::Object,
    path: String,
    read: Vec<&'static str>,
}

impl ObjectArg {
    /// `undefined` and `null` are `None`.
    pub(crate) fn optional(value: JsValue, path: &str) -> Result<Option<Self>> {
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        let plain = value.is_object() && !value.is_function() && !js_sys::Array::is_array(&value);
        if !plain {
            return Err(invalid(path, format!("{path} must be an object, not {}", describe(&value))));
        }
        Ok(Some(ObjectArg { object: value.unchecked_into(), path: path.to_string(), read: Vec::new() }))
    }

    /// Like [`optional`](Self::optional), but absent is an error.
    pub(crate) fn required(value: JsValue, path: &str) -> Result<Self> {
        Self::optional(value, path)?.ok_or_else(|| invalid(path, format!("{path} is required")))
    }

    fn child(&self, key: &str) -> String {
        format!("{}.{key}", self.path)
    }

    /// The value of `key`; `undefined` and `null` read as absent.
    fn get(&mut self, key: &'static str) -> Option<JsValue> {
        self.read.push(key);
        let value = js_sys::Reflect::get(&self.object, &JsValue::from_str(key)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    }

    /// The raw value of `key`, for options that take more than one type.
    pub(crate) fn value(&mut self, key: &'static str) -> Option<JsValue> {
        self.get(key)
    }

    /// The path of `key` inside this object, for messages.
    pub(crate) fn path_of(&self, key: &str) -> String {
        self.child(key)
    }

    pub(crate) fn string(&mut self, key: &'static str) -> Result<Option<String>> {
        let path = self.child(key);
        self.get(key).map(|v| string(&v, &path)).transpose()
    }

    pub(crate) fn required_string(&mut self, key: &'static str) -> Result<String> {
        let path = self.child(key);
        self.string(key)?.ok_or_else(|| invalid(&path, format!("{path} is required")))
    }

    pub(crate) fn integer(&mut self, key: &'static str, min: u64, max: u64, kind: ErrorKind) -> Result<Option<u64>> {
        let path = self.child(key);
        self.get(key).map(|v| integer(&v, &path, min, max, kind)).transpose()
    }

    pub(crate) fn required_integer(&mut self, key: &'static str, min: u64, max: u64, kind: ErrorKind) -> Result<u64> {
        let path = self.child(key);
        self.integer(key, min, max, kind)?.ok_or_else(|| invalid(&path, format!("{path} is required")))
    }

    /// Any number, NaN and infinities included (the core checks the range and reports
    /// it with its own code); a value of another type is `INVALID_ARGUMENT`.
    pub(crate) fn number(&mut self, key: &'static str) -> Result<Option<f64>> {
        let path = self.child(key);
        self.get(key)
            .map(|v| v.as_f64().ok_or_else(|| invalid(&path, format!("{path} must be a number, not {}", describe(&v)))))
            .transpose()
    }

    pub(crate) fn strings(&mut self, key: &'static str) -> Result<Option<Vec<String>>> {
        let path = self.child(key);
        let Some(value) = self.get(key) else { return Ok(None) };
        let array: js_sys::Array = value
            .dyn_into()
            .map_err(|v| invalid(&path, format!("{path} must be an array of strings, not {}", describe(&v))))?;
        array.iter().enumerate().map(|(i, v)| string(&v, &format!("{path}[{i}]"))).collect::<Result<_>>().map(Some)
    }

    pub(crate) fn object(&mut self, key: &'static str) -> Result<Option<ObjectArg>> {
        let path = self.child(key);
        match self.get(key) {
            Some(v) => ObjectArg::optional(v, &path),
            None => Ok(None),
        }
    }

    /// Bytes: a `Uint8Array` (or any typed array view over bytes) or an `ArrayBuffer`.
    /// The bytes are copied once into wasm memory.
    pub(crate) fn bytes(&mut self, key: &'static str) -> Result<Option<Vec<u8>>> {
        let path = self.child(key);
        let Some(value) = self.get(key) else { return Ok(None) };
        if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
            return Ok(Some(array.to_vec()));
        }
        if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
            return Ok(Some(js_sys::Uint8Array::new(buffer).to_vec()));
        }
        Err(invalid(&path, format!("{path} must be a Uint8Array or an ArrayBuffer, not {}", describe(&value))))
    }

    /// An object whose values are all strings (`{ campaign: "d11" }`).
    pub(crate) fn string_map(&mut self, key: &'static str) -> Result<BTreeMap<String, String>> {
        let Some(inner) = self.object(key)? else { return Ok(BTreeMap::new()) };
        let mut map = BTreeMap::new();
        for k in js_sys::Object::keys(&inner.object).iter().filter_map(|k| k.as_string()) {
            let path = inner.child(&k);
            let v = js_sys::Reflect::get(&inner.object, &JsValue::from_str(&k)).unwrap_or(JsValue::UNDEFINED);
            // `null` and `undefined` mean absent here as everywhere else.
            if !v.is_undefined() && !v.is_null() {
                map.insert(k, string(&v, &path)?);
            }
        }
        Ok(map)
    }

    /// Refuses keys that were never read.
    pub(crate) fn finish(self) -> Result<()> {
        let unknown = js_sys::Object::keys(&self.object)
            .iter()
            .filter_map(|k| k.as_string())
            .find(|k| !self.read.contains(&k.as_str()));
        match unknown {
            None => Ok(()),
            Some(key) => Err(invalid(
                &self.child(&key),
                format!("{} is not an option here; known: {}", self.child(&key), self.read.join(", ")),
            )),
        }
    }
}

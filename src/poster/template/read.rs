//! Reading a [`Value`] tree key by key with the path of every value, so that an error says
//! `elements[3].font.size: must be between 1 and 512`, and refusing keys nobody read, so
//! that a typo (`fontsize`) is an error instead of a silently ignored setting.

use crate::error::{quote, Error, ErrorKind, Result};
use crate::poster::value::Value;

/// A `TEMPLATE_INVALID` error at `path`.
pub(crate) fn invalid(path: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::TemplateInvalid, format!("{path}: {}", message.into())).at(path)
}

/// An object being read. Call [`Obj::finish`] after the last key.
pub(crate) struct Obj<'a> {
    members: &'a [(String, Value)],
    read: Vec<bool>,
    known: Vec<&'static str>,
    pub(crate) path: String,
}

impl<'a> Obj<'a> {
    pub(crate) fn new(value: &'a Value, path: &str) -> Result<Self> {
        match value {
            Value::Object(members) => {
                Ok(Obj { members, read: vec![false; members.len()], known: Vec::new(), path: path.to_owned() })
            }
            // The root has no path of its own; call it what the caller passed.
            other => Err(invalid(
                if path.is_empty() { "template" } else { path },
                format!("must be an object, not {}", other.kind()),
            )),
        }
    }

    /// The path of `key` inside this object.
    pub(crate) fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The value of `key`, if present and not null.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.known.push(key);
        let i = self.members.iter().position(|(k, _)| k == key)?;
        self.read[i] = true;
        Some(&self.members[i].1).filter(|v| **v != Value::Null)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.members.iter().any(|(k, v)| k == key && *v != Value::Null)
    }

    pub(crate) fn required(&mut self, key: &'static str) -> Result<&'a Value> {
        let path = self.at(key);
        self.get(key).ok_or_else(|| invalid(&path, "is required"))
    }

    pub(crate) fn number(&mut self, key: &'static str, min: f32, max: f32) -> Result<Option<f32>> {
        let path = self.at(key);
        self.get(key).map(|v| number(v, &path, min, max)).transpose()
    }

    pub(crate) fn required_number(&mut self, key: &'static str, min: f32, max: f32) -> Result<f32> {
        let path = self.at(key);
        number(self.required(key)?, &path, min, max)
    }

    pub(crate) fn integer(&mut self, key: &'static str, min: u32, max: u32) -> Result<Option<u32>> {
        let path = self.at(key);
        self.get(key).map(|v| integer(v, &path, min, max)).transpose()
    }

    pub(crate) fn string(&mut self, key: &'static str) -> Result<Option<&'a str>> {
        let path = self.at(key);
        self.get(key).map(|v| string(v, &path)).transpose()
    }

    pub(crate) fn required_string(&mut self, key: &'static str) -> Result<&'a str> {
        let path = self.at(key);
        string(self.required(key)?, &path)
    }

    pub(crate) fn boolean(&mut self, key: &'static str) -> Result<Option<bool>> {
        let path = self.at(key);
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => Err(invalid(&path, format!("must be true or false, not {}", other.kind()))),
        }
    }

    /// A string that must be one of `names`.
    pub(crate) fn choice<T: Copy>(&mut self, key: &'static str, names: &[(&str, T)]) -> Result<Option<T>> {
        let path = self.at(key);
        let Some(name) = self.string(key)? else { return Ok(None) };
        choose(name, names, &path).map(Some)
    }

    pub(crate) fn array(&mut self, key: &'static str) -> Result<Option<&'a [Value]>> {
        let path = self.at(key);
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(other) => Err(invalid(&path, format!("must be an array, not {}", other.kind()))),
        }
    }

    /// Fails on the first key that was not read: a typo or a setting this version does
    /// not have.
    pub(crate) fn finish(self) -> Result<()> {
        match self.read.iter().position(|r| !r) {
            None => Ok(()),
            Some(i) => {
                let key = &self.members[i].0;
                let mut known = self.known.clone();
                // Alphabetical by insertion: the lists are short, and a standard sort of
                // strings is 9 KB of `.wasm` for this one message.
                for i in 1..known.len() {
                    let mut j = i;
                    while j > 0 && known[j - 1] > known[j] {
                        known.swap(j - 1, j);
                        j -= 1;
                    }
                }
                known.dedup();
                Err(invalid(
                    &self.at(key),
                    format!("unknown field {}; this object takes {}", quote(key), known.join(", ")),
                ))
            }
        }
    }
}

pub(crate) fn choose<T: Copy>(name: &str, names: &[(&str, T)], path: &str) -> Result<T> {
    // The search and the error are not generic: one copy in the `.wasm`, not one per `T`.
    let keys: Vec<&str> = names.iter().map(|n| n.0).collect();
    choose_index(name, &keys, path).map(|i| names[i].1)
}

fn choose_index(name: &str, names: &[&str], path: &str) -> Result<usize> {
    names.iter().position(|n| *n == name).ok_or_else(|| {
        let known: Vec<String> = names.iter().map(|n| quote(n)).collect();
        invalid(path, format!("{} is not one of {}", quote(name), known.join(", ")))
    })
}

pub(crate) fn number(value: &Value, path: &str, min: f32, max: f32) -> Result<f32> {
    match value {
        Value::Number(n) if n.is_finite() && *n >= min as f64 && *n <= max as f64 => Ok(*n as f32),
        Value::Number(n) => Err(invalid(path, format!("must be between {min} and {max}, not {n}"))),
        other => Err(invalid(path, format!("must be a number, not {}", other.kind()))),
    }
}

pub(crate) fn integer(value: &Value, path: &str, min: u32, max: u32) -> Result<u32> {
    match value {
        Value::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => Ok(*n as u32),
        Value::Number(n) => Err(invalid(path, format!("must be a whole number from {min} to {max}, not {n}"))),
        other => Err(invalid(path, format!("must be a number, not {}", other.kind()))),
    }
}

pub(crate) fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(invalid(path, format!("must be a string, not {}", other.kind()))),
    }
}

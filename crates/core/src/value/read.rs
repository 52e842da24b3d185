//! Reading a [`Value`] tree key by key with the path of every value, so that an error says
//! `elements[3].font.size: must be between 1 and 512`, and refusing keys nobody read, so
//! that a typo (`fontsize`) is an error instead of a silently ignored setting.

use super::{number_text, Value};
use crate::error::{quote, Error, ErrorKind, Result};

/// A `TEMPLATE_INVALID` error at `path` (poster templates are the first documents read).
pub fn invalid(path: &str, message: impl Into<String>) -> Error {
    invalid_as(ErrorKind::TemplateInvalid, path, message)
}

/// An error of `kind` at `path`, the path leading the message.
pub fn invalid_as(kind: ErrorKind, path: &str, message: impl Into<String>) -> Error {
    Error::new(kind, format!("{path}: {}", message.into())).at(path)
}

/// An object being read. Call [`Obj::finish`] after the last key.
///
/// Reading a 50-line cart makes about 50 of these, so an `Obj` allocates nothing of its own
/// for objects of up to 64 members and 32 asked keys (every object this crate reads): its
/// path is text only once an error or a child object needs it, and which members were read
/// is a bitmask.
pub struct Obj<'a, 'p> {
    members: &'a [(String, Value)],
    /// Bit i: member i was read (members past 64 in `read_more`).
    read: u64,
    read_more: Vec<bool>,
    /// The keys asked for, for the "unknown field" message.
    known: [&'static str; KNOWN_INLINE],
    known_len: usize,
    known_more: Vec<&'static str>,
    place: Place<'p>,
    /// The code of every error about this object and its values.
    pub kind: ErrorKind,
}

const KNOWN_INLINE: usize = 32;

/// Where an object sits in its document.
enum Place<'p> {
    /// A path (`elements[2].font`; empty at the root).
    Path(String),
    /// Item `index` of the array at the path.
    Item(&'p str, usize),
}

impl<'a, 'p> Obj<'a, 'p> {
    /// A template object (errors are `TEMPLATE_INVALID`).
    pub fn new(value: &'a Value, path: &str) -> Result<Self> {
        Obj::new_as(value, path, ErrorKind::TemplateInvalid, "template")
    }

    /// An object of a document whose errors are `kind`; `root` names the document when
    /// `path` is empty.
    pub fn new_as(value: &'a Value, path: &str, kind: ErrorKind, root: &str) -> Result<Self> {
        Obj::at_place(value, Place::Path(path.to_owned()), kind, root)
    }

    /// Item `index` of the array at `list_path`, an object of a document whose errors are
    /// `kind`. Its path (`lines[3]`) is written out only if it is needed.
    pub fn item(value: &'a Value, list_path: &'p str, index: usize, kind: ErrorKind) -> Result<Self> {
        Obj::at_place(value, Place::Item(list_path, index), kind, "")
    }

    fn at_place(value: &'a Value, place: Place<'p>, kind: ErrorKind, root: &str) -> Result<Self> {
        match value {
            Value::Object(members) => Ok(Obj {
                members,
                read: 0,
                read_more: if members.len() > 64 { vec![false; members.len() - 64] } else { Vec::new() },
                known: [""; KNOWN_INLINE],
                known_len: 0,
                known_more: Vec::new(),
                place,
                kind,
            }),
            // The root has no path of its own; call it what the caller passed.
            other => {
                let path = match &place {
                    Place::Path(p) if p.is_empty() => root.to_owned(),
                    _ => place_text(&place),
                };
                Err(invalid_as(kind, &path, format!("must be an object, not {}", other.kind())))
            }
        }
    }

    /// This object's path (`commission.overrides[2]`).
    pub fn path(&self) -> String {
        place_text(&self.place)
    }

    /// The object under `key` of this one, read with the same error code.
    pub fn object(&mut self, key: &'static str) -> Result<Option<Obj<'a, 'static>>> {
        let Some(v) = self.get(key) else { return Ok(None) };
        Obj::new_as(v, &self.at(key), self.kind, "").map(Some)
    }

    /// An error of this object's kind at `path`.
    pub fn error(&self, path: &str, message: impl Into<String>) -> Error {
        invalid_as(self.kind, path, message)
    }

    /// The path of `key` inside this object. (Built only for errors and child objects: a
    /// cart of 50 lines reads 500 values, and formatting every path was most of the time.)
    pub fn at(&self, key: &str) -> String {
        match &self.place {
            Place::Path(p) if p.is_empty() => key.to_owned(),
            place => format!("{}.{key}", place_text(place)),
        }
    }

    /// The value of `key`, if present and not null.
    pub fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        if self.known_len < KNOWN_INLINE {
            self.known[self.known_len] = key;
            self.known_len += 1;
        } else {
            self.known_more.push(key);
        }
        let i = self.members.iter().position(|(k, _)| k == key)?;
        if i < 64 {
            self.read |= 1 << i;
        } else {
            self.read_more[i - 64] = true;
        }
        Some(&self.members[i].1).filter(|v| **v != Value::Null)
    }

    fn was_read(&self, i: usize) -> bool {
        if i < 64 {
            self.read & (1 << i) != 0
        } else {
            self.read_more[i - 64]
        }
    }

    /// Whether `key` is present and not null (without counting it as read).
    pub fn has(&self, key: &str) -> bool {
        self.members.iter().any(|(k, v)| k == key && *v != Value::Null)
    }

    /// The value of `key`; an error when it is missing or null.
    pub fn required(&mut self, key: &'static str) -> Result<&'a Value> {
        match self.get(key) {
            Some(v) => Ok(v),
            None => Err(invalid_as(self.kind, &self.at(key), "is required")),
        }
    }

    /// A number in `min..=max`, if present.
    pub fn number(&mut self, key: &'static str, min: f32, max: f32) -> Result<Option<f32>> {
        let Some(v) = self.get(key) else { return Ok(None) };
        number_as(self.kind, v, &|| self.at(key), min, max).map(Some)
    }

    /// A number in `min..=max` that must be present.
    pub fn required_number(&mut self, key: &'static str, min: f32, max: f32) -> Result<f32> {
        let v = self.required(key)?;
        number_as(self.kind, v, &|| self.at(key), min, max)
    }

    /// A whole number in `min..=max`, if present.
    pub fn integer(&mut self, key: &'static str, min: u32, max: u32) -> Result<Option<u32>> {
        let Some(v) = self.get(key) else { return Ok(None) };
        integer_as(self.kind, v, &|| self.at(key), min, max).map(Some)
    }

    /// A string, if present.
    pub fn string(&mut self, key: &'static str) -> Result<Option<&'a str>> {
        let Some(v) = self.get(key) else { return Ok(None) };
        string_as(self.kind, v, &|| self.at(key)).map(Some)
    }

    /// A string that must be present.
    pub fn required_string(&mut self, key: &'static str) -> Result<&'a str> {
        let v = self.required(key)?;
        string_as(self.kind, v, &|| self.at(key))
    }

    /// `true` or `false`, if present.
    pub fn boolean(&mut self, key: &'static str) -> Result<Option<bool>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(other) => {
                Err(invalid_as(self.kind, &self.at(key), format!("must be true or false, not {}", other.kind())))
            }
        }
    }

    /// A string that must be one of `names`.
    pub fn choice<T: Copy>(&mut self, key: &'static str, names: &[(&str, T)]) -> Result<Option<T>> {
        let Some(name) = self.string(key)? else { return Ok(None) };
        if let Some((_, v)) = names.iter().find(|(n, _)| *n == name) {
            return Ok(Some(*v));
        }
        let keys: Vec<&str> = names.iter().map(|n| n.0).collect();
        choose_index(self.kind, name, &keys, &self.at(key)).map(|i| Some(names[i].1))
    }

    /// An array, if present.
    pub fn array(&mut self, key: &'static str) -> Result<Option<&'a [Value]>> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(other) => Err(invalid_as(self.kind, &self.at(key), format!("must be an array, not {}", other.kind()))),
        }
    }

    /// Fails on the first key that was not read: a typo or a setting this version does
    /// not have.
    pub fn finish(self) -> Result<()> {
        match (0..self.members.len()).find(|&i| !self.was_read(i)) {
            None => Ok(()),
            Some(i) => {
                let key = &self.members[i].0;
                let mut known: Vec<&str> = self.known[..self.known_len].to_vec();
                known.extend_from_slice(&self.known_more);
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
                Err(invalid_as(
                    self.kind,
                    &self.at(key),
                    format!("unknown field {}; this object takes {}", quote(key), known.join(", ")),
                ))
            }
        }
    }
}

fn place_text(place: &Place) -> String {
    match place {
        Place::Path(p) => p.clone(),
        Place::Item(list, i) => format!("{list}[{i}]"),
    }
}

/// The value named `name` among `names`; a `TEMPLATE_INVALID` error at `path` listing them
/// otherwise.
pub fn choose<T: Copy>(name: &str, names: &[(&str, T)], path: &str) -> Result<T> {
    // The search and the error are not generic: one copy in the `.wasm`, not one per `T`.
    let keys: Vec<&str> = names.iter().map(|n| n.0).collect();
    choose_index(ErrorKind::TemplateInvalid, name, &keys, path).map(|i| names[i].1)
}

fn choose_index(kind: ErrorKind, name: &str, names: &[&str], path: &str) -> Result<usize> {
    names.iter().position(|n| *n == name).ok_or_else(|| {
        let known: Vec<String> = names.iter().map(|n| quote(n)).collect();
        invalid_as(kind, path, format!("{} is not one of {}", quote(name), known.join(", ")))
    })
}

/// The path of a value, built only when there is an error to report.
type PathOf<'p> = &'p dyn Fn() -> String;

/// `value` as a number in `min..=max`, or a `TEMPLATE_INVALID` error at `path`.
pub fn number(value: &Value, path: &str, min: f32, max: f32) -> Result<f32> {
    number_as(ErrorKind::TemplateInvalid, value, &|| path.to_owned(), min, max)
}

fn number_as(kind: ErrorKind, value: &Value, path: PathOf, min: f32, max: f32) -> Result<f32> {
    match value {
        Value::Number(n) if n.is_finite() && *n >= min as f64 && *n <= max as f64 => Ok(*n as f32),
        Value::Number(n) => {
            let (min, max, n) = (number_text(min as f64), number_text(max as f64), number_text(*n));
            Err(invalid_as(kind, &path(), format!("must be between {min} and {max}, not {n}")))
        }
        other => Err(invalid_as(kind, &path(), format!("must be a number, not {}", other.kind()))),
    }
}

/// `value` as a whole number in `min..=max`, or a `TEMPLATE_INVALID` error at `path`.
pub fn integer(value: &Value, path: &str, min: u32, max: u32) -> Result<u32> {
    integer_as(ErrorKind::TemplateInvalid, value, &|| path.to_owned(), min, max)
}

fn integer_as(kind: ErrorKind, value: &Value, path: PathOf, min: u32, max: u32) -> Result<u32> {
    match value {
        Value::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => Ok(*n as u32),
        Value::Number(n) => Err(invalid_as(
            kind,
            &path(),
            format!("must be a whole number from {min} to {max}, not {}", number_text(*n)),
        )),
        other => Err(invalid_as(kind, &path(), format!("must be a number, not {}", other.kind()))),
    }
}

/// `value` as a string, or a `TEMPLATE_INVALID` error at `path`.
pub fn string<'a>(value: &'a Value, path: &str) -> Result<&'a str> {
    string_as(ErrorKind::TemplateInvalid, value, &|| path.to_owned())
}

/// `value` as a string, or an error of `kind` at the path `path` builds.
pub fn string_as<'a>(kind: ErrorKind, value: &'a Value, path: PathOf) -> Result<&'a str> {
    match value {
        Value::String(s) => Ok(s),
        other => Err(invalid_as(kind, &path(), format!("must be a string, not {}", other.kind()))),
    }
}

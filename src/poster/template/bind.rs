//! `{{path.to.value}}` bindings in template strings, parsed once with the template (so a
//! malformed binding is a template error with its path) and filled from the data object
//! per render.

use super::read::invalid;
use crate::error::{Error, ErrorKind, Result};
use crate::poster::value::Value;

/// Longest string a template may hold, in characters (bindings may make it longer; the
/// text element checks its own result).
pub const MAX_STRING_CHARS: usize = 10_000;

#[derive(Clone, Debug, PartialEq)]
enum Part {
    Text(String),
    Var(String),
}

/// A template string with its bindings.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Bound {
    parts: Vec<Part>,
}

impl Bound {
    /// Parses `s`. `{{` always opens a binding, closed by the next `}}`; the path inside is
    /// trimmed and may not be empty or hold braces.
    ///
    /// # Errors
    /// `TEMPLATE_INVALID` for an unclosed or empty binding, `TEMPLATE_LIMIT` for a string
    /// longer than [`MAX_STRING_CHARS`].
    pub fn parse(s: &str, path: &str) -> Result<Bound> {
        if s.chars().nth(MAX_STRING_CHARS).is_some() {
            return Err(Error::new(
                ErrorKind::TemplateLimit,
                format!("{path}: strings may hold at most {MAX_STRING_CHARS} characters"),
            )
            .at(path));
        }
        let mut parts = Vec::new();
        let mut rest = s;
        while let Some(open) = rest.find("{{") {
            if open > 0 {
                parts.push(Part::Text(rest[..open].to_owned()));
            }
            let after = &rest[open + 2..];
            let close = after.find("}}").ok_or_else(|| invalid(path, "a {{ binding is not closed by }}"))?;
            let name = after[..close].trim();
            if name.is_empty() || name.contains(['{', '}']) || name.split('.').any(str::is_empty) {
                return Err(invalid(path, format!("{{{{{}}}}} is not a data path like {{{{user.name}}}}", name)));
            }
            parts.push(Part::Var(name.to_owned()));
            rest = &after[close + 2..];
        }
        if !rest.is_empty() {
            parts.push(Part::Text(rest.to_owned()));
        }
        Ok(Bound { parts })
    }

    /// The string itself when it has no bindings.
    pub fn literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [] => Some(""),
            [Part::Text(t)] => Some(t),
            _ => None,
        }
    }

    /// The string with every binding replaced by its value's text. A path the data does not
    /// have (or that holds null, an array or an object) becomes `""` and is added to
    /// `missing`.
    pub fn resolve(&self, data: &Value, missing: &mut Vec<String>) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => match data.lookup(name).and_then(Value::as_text) {
                    Some(text) => out.push_str(&text),
                    None => missing.push(name.clone()),
                },
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Value {
        Value::Object(vec![
            ("user".into(), Value::Object(vec![("name".into(), Value::String("小鹿".into()))])),
            ("price".into(), Value::Number(299.0)),
        ])
    }

    #[test]
    fn bindings_are_replaced_and_missing_paths_reported() {
        let b = Bound::parse("{{ user.name }} 只要 ¥{{price}}{{nope.x}}!", "t").unwrap();
        let mut missing = Vec::new();
        assert_eq!(b.resolve(&data(), &mut missing), "小鹿 只要 ¥299!");
        assert_eq!(missing, ["nope.x"]);
        assert_eq!(b.literal(), None);
        assert_eq!(Bound::parse("plain", "t").unwrap().literal(), Some("plain"));
    }

    #[test]
    fn malformed_bindings_are_template_errors_at_their_path() {
        for bad in ["{{", "a {{user", "{{}}", "{{ a..b }}", "{{a{b}}"] {
            let e = Bound::parse(bad, "elements[2].text").unwrap_err();
            assert_eq!((e.code(), e.path()), ("TEMPLATE_INVALID", Some("elements[2].text")), "{bad}");
        }
        let long = "x".repeat(MAX_STRING_CHARS + 1);
        assert_eq!(Bound::parse(&long, "t").unwrap_err().code(), "TEMPLATE_LIMIT");
    }
}

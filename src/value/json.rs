//! JSON text to [`Value`] and back, small enough for the `.wasm`.
//!
//! Arguments that cross the JavaScript boundary as one string and are parsed here cost one
//! copy; walked value by value through `js_sys` they cost a call per key and per value (a
//! 50-line reward preview in Node: 370-510 µs before, 300-340 µs with text both ways).
//! `serde_json` does the same natively (and parses the tests' files); in wasm it would be
//! tens of kilobytes.

use super::Value;

/// Deepest nesting accepted (arrays and objects), so that hostile input cannot exhaust the
/// stack.
const MAX_DEPTH: usize = 128;

/// Why text is not JSON: the byte offset and what was wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the text.
    pub at: usize,
    /// What was expected or found.
    pub what: &'static str,
}

struct Parser<'t> {
    text: &'t [u8],
    at: usize,
}

/// Parses JSON text (RFC 8259). Objects keep their keys in order; a repeated key keeps the
/// last value, as `JSON.parse` does.
///
/// # Errors
/// [`SyntaxError`] at the first offending byte.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { text: text.as_bytes(), at: 0 };
    let v = p.value(0)?;
    p.space();
    if p.at != p.text.len() {
        return Err(p.fail("text after the JSON value"));
    }
    Ok(v)
}

impl Parser<'_> {
    fn fail(&self, what: &'static str) -> SyntaxError {
        SyntaxError { at: self.at, what }
    }

    fn space(&mut self) {
        while matches!(self.text.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        let hit = self.text[self.at..].starts_with(word);
        if hit {
            self.at += word.len();
        }
        hit
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.fail("nesting deeper than 128 levels"));
        }
        self.space();
        match self.text.get(self.at) {
            None => Err(self.fail("a value, not the end of the text")),
            Some(b'{') => self.object(depth),
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.eat(b"]") {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    if self.eat(b"]") {
                        return Ok(Value::Array(items));
                    }
                    if !self.eat(b",") {
                        return Err(self.fail("',' or ']'"));
                    }
                }
            }
            Some(b'"') => self.string().map(Value::String),
            Some(b't') if self.eat(b"true") => Ok(Value::Bool(true)),
            Some(b'f') if self.eat(b"false") => Ok(Value::Bool(false)),
            Some(b'n') if self.eat(b"null") => Ok(Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fail("a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut members: Vec<(String, Value)> = Vec::new();
        self.space();
        if self.eat(b"}") {
            return Ok(Value::Object(members));
        }
        loop {
            self.space();
            if self.text.get(self.at) != Some(&b'"') {
                return Err(self.fail("a key in double quotes"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b":") {
                return Err(self.fail("':'"));
            }
            let value = self.value(depth + 1)?;
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key, value)),
            }
            self.space();
            if self.eat(b"}") {
                return Ok(Value::Object(members));
            }
            if !self.eat(b",") {
                return Err(self.fail("',' or '}'"));
            }
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let digits = |p: &mut Parser| {
            let from = p.at;
            while matches!(p.text.get(p.at), Some(b'0'..=b'9')) {
                p.at += 1;
            }
            p.at > from
        };
        self.eat(b"-");
        if self.eat(b"0") {
            // No leading zeros.
        } else if !digits(self) {
            return Err(self.fail("a digit"));
        }
        if self.eat(b".") && !digits(self) {
            return Err(self.fail("a digit after the decimal point"));
        }
        if matches!(self.text.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if !self.eat(b"+") {
                self.eat(b"-");
            }
            if !digits(self) {
                return Err(self.fail("a digit in the exponent"));
            }
        }
        // The slice is ASCII digits and signs, so it is UTF-8 and a valid float literal.
        let text = std::str::from_utf8(&self.text[start..self.at]).map_err(|_| self.fail("a number"))?;
        text.parse::<f64>().map(Value::Number).map_err(|_| self.fail("a number"))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.at..self.at + 4).ok_or_else(|| self.fail("four hex digits"))?;
        let mut v = 0;
        for &d in digits {
            v = v * 16 + (d as char).to_digit(16).ok_or_else(|| self.fail("four hex digits"))?;
        }
        self.at += 4;
        Ok(v)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let run = self.text[self.at..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            let Some(len) = run else { return Err(self.fail("the closing quote")) };
            // The text is a &str and the run ends at an ASCII byte: a char boundary.
            out.push_str(std::str::from_utf8(&self.text[self.at..self.at + len]).map_err(|_| self.fail("UTF-8"))?);
            self.at += len;
            match self.text[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let Some(&e) = self.text.get(self.at) else { return Err(self.fail("an escape")) };
                    self.at += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) && self.eat(b"\\u") {
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                                } else {
                                    // An unpaired surrogate: JavaScript keeps it, Rust strings cannot.
                                    out.push('\u{FFFD}');
                                    lo
                                }
                            } else {
                                hi
                            };
                            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.fail("a valid escape")),
                    }
                }
                _ => return Err(self.fail("no control character inside a string")),
            }
        }
    }
}

/// Appends `s` as a JSON string.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// Native only: they compare with serde_json, a native dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parses_what_json_allows() {
        let v =
            parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "a": {}} "#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Object(Vec::new())), "a repeated key keeps the last value");
        assert_eq!(v.get("b"), Some(&Value::String("x\"\\/\né😀".into())));
        let Value::Object(members) = &v else { panic!() };
        assert_eq!(members[0].0, "a");
        assert_eq!(
            parse("[1,-2.5e3,0.5]").unwrap(),
            Value::Array(vec![Value::Number(1.0), Value::Number(-2500.0), Value::Number(0.5)])
        );
    }

    #[test]
    fn refuses_what_json_does_not() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "-",
            "\"a",
            "tru",
            "{a:1}",
            "[1] x",
            "\"\t\"",
            "\"\\x\"",
            "1e",
            "\u{feff}1",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().what, "nesting deeper than 128 levels");
    }

    #[test]
    fn agrees_with_serde_json_on_numbers_and_strings() {
        for text in [
            "0",
            "-0.0",
            "123456789012345",
            "1e300",
            "2.2250738585072014e-308",
            "0.1",
            "\"汉字\\u4e2d\"",
            "[\"\\ud800x\"]",
        ] {
            let ours = parse(text).unwrap();
            if text.contains("ud800") {
                continue; // serde_json refuses lone surrogates; JavaScript (and we) keep going
            }
            let theirs = super::super::parse_json(text, "t").unwrap();
            assert_eq!(ours, theirs, "{text}");
        }
        let mut s = String::new();
        write_string(&mut s, "a\"b\\c\n\u{1}é");
        assert_eq!(s, r#""a\"b\\c\n\u0001é""#);
        assert_eq!(parse(&s).unwrap(), Value::String("a\"b\\c\n\u{1}é".into()));
    }
}

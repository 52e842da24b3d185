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

    #[inline]
    fn space(&mut self) {
        while matches!(self.text.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    #[inline]
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
        let literal = &self.text[start..self.at];
        // Most numbers in carts and templates are short integers: read them directly (exact
        // below 2^53, which 15 digits are) instead of through the float parser.
        let (negative, digits) = match literal {
            [b'-', rest @ ..] => (true, rest),
            rest => (false, rest),
        };
        if digits.len() <= 15 && digits.iter().all(u8::is_ascii_digit) {
            let n = digits.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0'));
            // `-0` stays negative zero, as the float parser (and JavaScript) read it.
            return Ok(Value::Number(if negative { -(n as f64) } else { n as f64 }));
        }
        // The slice is ASCII digits and signs, so it is UTF-8 and a valid float literal.
        let text = std::str::from_utf8(literal).map_err(|_| self.fail("a number"))?;
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

/// Appends a whole number. (Without `core::fmt`: results hold hundreds of them, and the
/// formatting machinery was a tenth of a preview's time in WebAssembly.)
pub fn write_integer(out: &mut String, v: i64) {
    let mut digits = [0u8; 21];
    let mut at = digits.len();
    let mut n = v.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    // ASCII digits: always UTF-8.
    out.push_str(std::str::from_utf8(&digits[at..]).unwrap_or_default());
}

/// Appends `s` as a JSON string.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    // Runs of characters that need no escape are copied whole (explanation lines are
    // mostly Chinese text; one `push` per character was the slow part).
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is an ASCII byte, so a character boundary.
        out.push_str(&s[from..i]);
        from = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[from..]);
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
            "-999999999999999",
            "9007199254740993",
            "-12345678901234567890",
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
        for n in [0, 7, -7, 10, 1999, -100_000, i64::MAX, i64::MIN] {
            let mut s = String::new();
            write_integer(&mut s, n);
            assert_eq!(s, n.to_string());
        }
        // JavaScript reads `-0` as negative zero (serde_json as the integer 0).
        assert!(matches!(parse("-0").unwrap(), Value::Number(z) if z == 0.0 && z.is_sign_negative()));
        let mut s = String::new();
        write_string(&mut s, "a\"b\\c\n\u{1}é");
        assert_eq!(s, r#""a\"b\\c\n\u0001é""#);
        // Every ASCII character, and text around it, reads back.
        let all: String = (0u8..0x80).map(char::from).chain("分享赚 ¥12.34".chars()).collect();
        for text in [all.as_str(), "\u{1f}x", "x\"", "汉\n字"] {
            let mut s = String::new();
            write_string(&mut s, text);
            assert_eq!(parse(&s).unwrap(), Value::String(text.into()), "{s}");
        }
        assert_eq!(parse(&s).unwrap(), Value::String("a\"b\\c\n\u{1}é".into()));
    }
}

//! The small part of RFC 3986 that share links need: split an absolute `http(s)` URL
//! into its parts, percent-encode and -decode query components.
//!
//! A full URL crate (WHATWG parsing, IDNA tables) would triple the size of the `.wasm`;
//! share links only need the split, so it is done here and tested against the cases
//! browsers produce. Internationalised host names must arrive in punycode (`xn--`), as
//! `location.href` gives them.

use crate::error::{quote, quote_char, Error, ErrorKind, Result};

/// An absolute http(s) URL split into parts. `rest` is everything after the authority
/// up to the query: the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    /// `http` or `https`, lower case.
    pub scheme: String,
    /// `host[:port]`, with any userinfo, as given.
    pub authority: String,
    /// The path, percent-encoded where the input had characters URLs may not hold.
    pub path: String,
    /// The query without `?`, if there is one.
    pub query: Option<String>,
    /// The fragment without `#`, if there is one.
    pub fragment: Option<String>,
}

/// Longest URL accepted, in bytes (browsers and WeChat handle far less in practice).
pub const MAX_URL_LEN: usize = 8192;

fn bad_url(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::LinkBadUrl, msg)
}

impl UrlParts {
    /// Splits `input` (surrounding whitespace ignored, as browsers do).
    ///
    /// # Errors
    /// [`ErrorKind::LinkBadScheme`] for a scheme other than http/https;
    /// [`ErrorKind::LinkBadUrl`] for anything that is not an absolute URL with a host,
    /// for control characters, and for non-ASCII host names.
    pub fn parse(input: &str) -> Result<Self> {
        let input = input.trim();
        if input.len() > MAX_URL_LEN {
            return Err(bad_url(format!("URL is longer than {MAX_URL_LEN} bytes")));
        }
        if let Some(c) = input.chars().find(|c| c.is_control()) {
            return Err(bad_url(format!("URL holds the control character {}", quote_char(c))));
        }
        let colon =
            input.find(':').ok_or_else(|| bad_url(format!("{} is not an absolute URL (no scheme)", quote(input))))?;
        let scheme = &input[..colon];
        let valid_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !valid_scheme {
            return Err(bad_url(format!("{} is not an absolute URL (no scheme)", quote(input))));
        }
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err(Error::new(
                ErrorKind::LinkBadScheme,
                format!("only http and https links are supported, not {scheme}:"),
            ));
        }
        let after = input[colon + 1..]
            .strip_prefix("//")
            .ok_or_else(|| bad_url(format!("{} has no '//' and host after the scheme", quote(input))))?;
        let end_of_authority = after.find(['/', '?', '#']).unwrap_or(after.len());
        let authority = &after[..end_of_authority];
        check_authority(authority)?;
        let rest = &after[end_of_authority..];
        let (rest, fragment) = match rest.split_once('#') {
            Some((r, f)) => (r, Some(encode_loose(f))),
            None => (rest, None),
        };
        let (path, query) = match rest.split_once('?') {
            Some((p, q)) => (p, Some(encode_loose(q))),
            None => (rest, None),
        };
        Ok(UrlParts { scheme, authority: authority.to_string(), path: encode_loose(path), query, fragment })
    }

    /// Reassembles the URL.
    pub fn to_url(&self) -> String {
        let mut out = format!("{}://{}{}", self.scheme, self.authority, self.path);
        if let Some(q) = &self.query {
            out.push('?');
            out.push_str(q);
        }
        if let Some(f) = &self.fragment {
            out.push('#');
            out.push_str(f);
        }
        out
    }
}

fn check_authority(authority: &str) -> Result<()> {
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        // IPv6 literal: [..]:port
        let close = host_port.find(']').ok_or_else(|| bad_url("unterminated IPv6 address in the host"))?;
        let inner = &host_port[1..close];
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return Err(bad_url(format!("[{inner}] is not an IPv6 address")));
        }
        check_port(&host_port[close + 1..])?;
        return Ok(());
    } else {
        match host_port.rsplit_once(':') {
            Some((h, port)) => {
                check_port(&format!(":{port}"))?;
                h
            }
            None => host_port,
        }
    };
    if host.is_empty() {
        return Err(bad_url("the URL has no host"));
    }
    if !host.is_ascii() {
        return Err(bad_url(format!(
            "host {} is not ASCII; give internationalised domain names in punycode (xn--…)",
            quote(host)
        )));
    }
    if let Some(c) = host.chars().find(|c| !(c.is_ascii_alphanumeric() || "-._~".contains(*c))) {
        return Err(bad_url(format!("host {} holds the character {}", quote(host), quote_char(c))));
    }
    Ok(())
}

fn check_port(port: &str) -> Result<()> {
    match port.strip_prefix(':') {
        None if port.is_empty() => Ok(()),
        Some(p)
            if p.is_empty()
                || (p.len() <= 5
                    && p.bytes().all(|b| b.is_ascii_digit())
                    && p.parse::<u32>().is_ok_and(|n| n <= 65535)) =>
        {
            Ok(())
        }
        _ => Err(bad_url(format!("{} is not a port", quote(port)))),
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Percent-encodes the bytes a URL may not hold as they are (non-ASCII, space, `"<>\^`{|}`),
/// keeping existing `%XX` escapes and every reserved character: what a browser does to a
/// typed address.
fn encode_loose(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_graphic() && !b"\"<>\\^`{|}".contains(&b) {
            out.push(b as char);
        } else {
            push_escape(&mut out, b);
        }
    }
    out
}

fn push_escape(out: &mut String, b: u8) {
    out.push('%');
    out.push(HEX[(b >> 4) as usize] as char);
    out.push(HEX[(b & 15) as usize] as char);
}

/// Percent-encodes everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`):
/// safe as a query key or value in any URL, and in a QR code's alphanumeric-friendly form.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            push_escape(&mut out, b);
        }
    }
    out
}

/// Decodes a query component as `URLSearchParams` does: `+` is a space, `%XX` a byte,
/// a malformed `%` stays as it is, and invalid UTF-8 becomes U+FFFD.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Splits a query string into raw `(key, value)` pairs (not decoded), skipping empty pieces.
pub fn raw_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, "")))
}

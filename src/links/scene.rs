//! WeChat mini-program `scene` strings (the payload of an unlimited mini-program code).
//!
//! WeChat allows at most 32 visible characters from `0-9 A-Z a-z ! # $ & ' ( ) * + , / : ;
//! = ? @ - . _ ~`. A packed scene is `key=value` pairs joined by `&`, with one-letter
//! keys for the share fields so they fit: `r` the member code, `c` the campaign, `h` the
//! channel (e.g. `r=K7M2Q9XD&c=d11&h=pst`). Other keys pass through as extras. Values
//! cannot contain `&` or `=` (they delimit the pairs) and WeChat has no escape syntax,
//! so a value outside the allowed set is an error rather than silently altered.
//!
//! The mini-program receives the scene percent-encoded in `onLoad(query)`;
//! [`parse_scene`] accepts it either way.

use crate::error::{quote, quote_char, Error, ErrorKind, Result};
use std::collections::BTreeMap;

/// WeChat's limit on a scene, in characters.
pub const MAX_SCENE_LEN: usize = 32;

const CODE_KEY: &str = "r";
const CAMPAIGN_KEY: &str = "c";
const CHANNEL_KEY: &str = "h";

/// The fields of a scene. Empty strings count as absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SceneFields {
    /// Member code, key `r`.
    pub code: Option<String>,
    /// Campaign, key `c`.
    pub campaign: Option<String>,
    /// Channel, key `h`.
    pub channel: Option<String>,
    /// Other `key=value` pairs, in key order.
    pub extra: BTreeMap<String, String>,
}

/// Whether WeChat accepts `c` in a scene.
pub fn is_scene_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$&'()*+,/:;=?@-._~".contains(c)
}

fn check_value(value: &str, path: &str) -> Result<()> {
    if let Some(c) = value.chars().find(|&c| !is_scene_char(c) || c == '&' || c == '=') {
        return Err(Error::new(
            ErrorKind::SceneBadCharacter,
            format!("{} cannot appear in a scene value (allowed: 0-9 A-Z a-z !#$'()*+,/:;?@-._~)", quote_char(c)),
        )
        .at(path));
    }
    Ok(())
}

/// Packs the fields into a scene of at most 32 characters.
///
/// # Errors
/// [`ErrorKind::SceneBadCharacter`] (path of the field) for a character WeChat does
/// not allow or `&`/`=` in a value; [`ErrorKind::SceneInvalid`] for an extra key that
/// is empty, not alphanumeric, or one of `r`, `c`, `h`, or when nothing is given;
/// [`ErrorKind::SceneTooLong`] when the result exceeds 32 characters.
pub fn pack_scene(fields: &SceneFields) -> Result<String> {
    let mut pairs: Vec<(String, &str, String)> = Vec::new();
    for (key, path, value) in [
        (CODE_KEY, "code", &fields.code),
        (CAMPAIGN_KEY, "campaign", &fields.campaign),
        (CHANNEL_KEY, "channel", &fields.channel),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            pairs.push((key.to_string(), v, path.to_string()));
        }
    }
    for (key, value) in &fields.extra {
        let path = format!("extra.{key}");
        if key.is_empty()
            || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            || [CODE_KEY, CAMPAIGN_KEY, CHANNEL_KEY].contains(&key.as_str())
        {
            return Err(Error::new(
                ErrorKind::SceneInvalid,
                format!("extra key {} must be letters, digits or '_' and not r, c or h (reserved)", quote(key)),
            )
            .at(path));
        }
        if !value.is_empty() {
            pairs.push((key.clone(), value, path));
        }
    }
    if pairs.is_empty() {
        return Err(Error::new(ErrorKind::SceneInvalid, "a scene needs at least one non-empty field"));
    }
    for (_, value, path) in &pairs {
        check_value(value, path)?;
    }
    let scene = pairs.iter().map(|(k, v, _)| format!("{k}={v}")).collect::<Vec<_>>().join("&");
    let len = scene.chars().count();
    if len > MAX_SCENE_LEN {
        return Err(Error::new(
            ErrorKind::SceneTooLong,
            format!(
                "the packed scene {} has {len} characters; WeChat allows {MAX_SCENE_LEN}: shorten the values",
                quote(&scene)
            ),
        ));
    }
    Ok(scene)
}

/// Reads a scene packed by [`pack_scene`] (or any `key=value&…` scene), percent-encoded
/// or not.
///
/// # Errors
/// [`ErrorKind::SceneInvalid`] for an empty scene, a malformed `%` escape, a piece without
/// `=` or a repeated key; [`ErrorKind::SceneBadCharacter`] for characters WeChat does not
/// allow; [`ErrorKind::SceneTooLong`] above 32 characters.
pub fn parse_scene(scene: &str) -> Result<SceneFields> {
    let decoded = if scene.contains('%') { percent_decode_strict(scene)? } else { scene.to_string() };
    if decoded.is_empty() {
        return Err(Error::new(ErrorKind::SceneInvalid, "the scene is empty"));
    }
    if let Some(c) = decoded.chars().find(|&c| !is_scene_char(c)) {
        return Err(Error::new(ErrorKind::SceneBadCharacter, format!("{} cannot appear in a scene", quote_char(c))));
    }
    let len = decoded.chars().count();
    if len > MAX_SCENE_LEN {
        return Err(Error::new(
            ErrorKind::SceneTooLong,
            format!("the scene has {len} characters; WeChat allows {MAX_SCENE_LEN}"),
        ));
    }
    let mut fields = SceneFields::default();
    let mut seen: Vec<&str> = Vec::new();
    for piece in decoded.split('&') {
        // `r=a=b` is refused: pack_scene never writes `=` inside a value.
        let (key, value) =
            piece.split_once('=').filter(|(k, v)| !k.is_empty() && !v.contains('=')).ok_or_else(|| {
                Error::new(ErrorKind::SceneInvalid, format!("scene piece {} is not key=value", quote(piece)))
            })?;
        if seen.contains(&key) {
            return Err(Error::new(ErrorKind::SceneInvalid, format!("scene key {} appears twice", quote(key))));
        }
        seen.push(key);
        let value = (!value.is_empty()).then(|| value.to_string());
        match key {
            CODE_KEY => fields.code = value,
            CAMPAIGN_KEY => fields.campaign = value,
            CHANNEL_KEY => fields.channel = value,
            _ => {
                if let Some(v) = value {
                    fields.extra.insert(key.to_string(), v);
                }
            }
        }
    }
    Ok(fields)
}

fn percent_decode_strict(s: &str) -> Result<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let byte = s
                .get(i + 1..i + 3)
                // from_str_radix alone would accept a sign ("%+1").
                .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| {
                    Error::new(ErrorKind::SceneInvalid, format!("malformed percent escape at position {i}"))
                })?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Error::new(ErrorKind::SceneInvalid, "the percent-decoded scene is not UTF-8"))
}

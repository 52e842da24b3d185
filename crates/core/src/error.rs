//! One error type for the whole crate, with stable machine-readable codes.
//!
//! Every fallible function returns [`Error`]. Its [`ErrorKind`] has a stable string
//! [`code`](ErrorKind::code) (`CODE_BAD_CHECKSUM`, …) that reaches JavaScript as the
//! `code` property of a real `Error` whose `name` is `"ShareEarnError"`. Codes are
//! documented in the README, are never renamed, and are never reused for another meaning.
//!
//! Kinds are grouped by who is at fault, as image-png does: the caller's argument has
//! the wrong shape; the caller's options are unusable; the data (a code or URL typed
//! or received from elsewhere) is bad; a limit was hit; the platform failed.

use std::fmt;

/// What went wrong, as a stable code. Match on it; show [`Error`]'s message to people.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A JavaScript argument has the wrong type or shape: a string where a number or an
    /// object belongs, an unknown option name, a missing required value. A value of the
    /// right type that is out of range gets the code of its domain (an id of 1.5 is
    /// [`ErrorKind::CodeInvalidId`]).
    InvalidArgument,

    /// A member id is not an integer in `0..=2^53-1`.
    CodeInvalidId,
    /// Member code options are unusable (alphabet, minimum length, blocklist).
    CodeInvalidOptions,
    /// A member code has a length that no id encodes to with these options.
    CodeBadLength,
    /// A member code holds a character outside the alphabet.
    CodeBadCharacter,
    /// A member code's check character does not match: a typo.
    CodeBadChecksum,
    /// A member code passes its check but is not a string that encoding produces.
    CodeNotCanonical,
    /// Every permitted re-encryption of an id contains a blocked word.
    CodeBlocklistExhausted,

    /// A voucher pattern is malformed (no `#`, a dangling `\`, too long).
    VoucherBadPattern,
    /// A voucher charset is unusable (duplicates, too few characters, not printable ASCII).
    VoucherBadCharset,
    /// A voucher count is zero or above the per-batch limit.
    VoucherBadCount,
    /// The pattern cannot hold the requested count with the required safety margin.
    VoucherSpaceTooSmall,
    /// The platform's cryptographic random generator failed or is missing.
    RandomUnavailable,

    /// A URL is not an absolute `http`/`https` URL this library can handle.
    LinkBadUrl,
    /// A URL's scheme is not `http` or `https`.
    LinkBadScheme,
    /// A share link parameter is unusable (too long, bad name).
    LinkBadParam,
    /// A packed mini-program scene would exceed 32 characters.
    SceneTooLong,
    /// A scene holds a character WeChat does not allow.
    SceneBadCharacter,
    /// A scene is empty or not `key=value` pairs joined by `&`.
    SceneInvalid,
    /// An attribution record, touch, policy or clock value is unusable.
    AttributionInvalid,

    /// The text does not fit in the largest QR code at the required level.
    QrDataTooLong,
    /// QR options are unusable (level, logo size or padding, colours, sizes).
    QrInvalidOptions,
    /// The requested logo would make the code unreadable (with `oversize: "reject"`).
    QrLogoTooLarge,
    /// The dark colour is not dark enough against the background for scanners.
    QrLowContrast,

    /// Image bytes are not a PNG or JPEG, or are corrupt or truncated.
    ImageInvalid,
    /// An image is larger than the decode limits (dimensions or memory).
    ImageTooLarge,

    /// A poster template is not JSON, has the wrong shape, an unknown field, a value out
    /// of range, a reference to an unknown element or a malformed `{{binding}}`.
    TemplateInvalid,
    /// A poster template exceeds a limit: element count, text length or canvas pixels.
    TemplateLimit,
    /// A template names an asset (image or font) that was not supplied.
    AssetMissing,
    /// Font bytes are not a TrueType/OpenType font, or are truncated or corrupt.
    FontInvalid,
    /// Render options are unusable (format, quality, pixel ratio, pixel limit).
    PosterInvalidOptions,

    /// An amount is not a whole number of minor units within the safe integers
    /// (±2^53-1), or is negative where it cannot be.
    AmountInvalid,
    /// A computation would leave the safe range of amounts.
    AmountOverflow,
    /// A rate cannot be read (`"90%"`, `"9折"`, `0.9`), is negative, finer than a part per
    /// million, or beyond what makes sense where it is used.
    RateInvalid,
    /// An allocation has no weights, a negative weight, weights summing to 0, or an unknown
    /// method.
    AllocationInvalid,
    /// Reward rules are not JSON, have the wrong shape, an unknown field or a value out of
    /// range (a rate above 100%, thresholds out of order).
    RewardRulesInvalid,
    /// A cart or preview context is malformed: no lines, a bad amount or quantity, an
    /// unknown field, a tier the rules do not have.
    RewardCartInvalid,
}

impl ErrorKind {
    /// Every kind, in documentation order (used by tests that check each one is reachable).
    pub const ALL: &'static [ErrorKind] = &[
        ErrorKind::InvalidArgument,
        ErrorKind::CodeInvalidId,
        ErrorKind::CodeInvalidOptions,
        ErrorKind::CodeBadLength,
        ErrorKind::CodeBadCharacter,
        ErrorKind::CodeBadChecksum,
        ErrorKind::CodeNotCanonical,
        ErrorKind::CodeBlocklistExhausted,
        ErrorKind::VoucherBadPattern,
        ErrorKind::VoucherBadCharset,
        ErrorKind::VoucherBadCount,
        ErrorKind::VoucherSpaceTooSmall,
        ErrorKind::RandomUnavailable,
        ErrorKind::LinkBadUrl,
        ErrorKind::LinkBadScheme,
        ErrorKind::LinkBadParam,
        ErrorKind::SceneTooLong,
        ErrorKind::SceneBadCharacter,
        ErrorKind::SceneInvalid,
        ErrorKind::AttributionInvalid,
        ErrorKind::QrDataTooLong,
        ErrorKind::QrInvalidOptions,
        ErrorKind::QrLogoTooLarge,
        ErrorKind::QrLowContrast,
        ErrorKind::ImageInvalid,
        ErrorKind::ImageTooLarge,
        ErrorKind::TemplateInvalid,
        ErrorKind::TemplateLimit,
        ErrorKind::AssetMissing,
        ErrorKind::FontInvalid,
        ErrorKind::PosterInvalidOptions,
        ErrorKind::AmountInvalid,
        ErrorKind::AmountOverflow,
        ErrorKind::RateInvalid,
        ErrorKind::AllocationInvalid,
        ErrorKind::RewardRulesInvalid,
        ErrorKind::RewardCartInvalid,
    ];

    /// The stable string code, e.g. `"CODE_BAD_CHECKSUM"`.
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidArgument => "INVALID_ARGUMENT",
            ErrorKind::CodeInvalidId => "CODE_INVALID_ID",
            ErrorKind::CodeInvalidOptions => "CODE_INVALID_OPTIONS",
            ErrorKind::CodeBadLength => "CODE_BAD_LENGTH",
            ErrorKind::CodeBadCharacter => "CODE_BAD_CHARACTER",
            ErrorKind::CodeBadChecksum => "CODE_BAD_CHECKSUM",
            ErrorKind::CodeNotCanonical => "CODE_NOT_CANONICAL",
            ErrorKind::CodeBlocklistExhausted => "CODE_BLOCKLIST_EXHAUSTED",
            ErrorKind::VoucherBadPattern => "VOUCHER_BAD_PATTERN",
            ErrorKind::VoucherBadCharset => "VOUCHER_BAD_CHARSET",
            ErrorKind::VoucherBadCount => "VOUCHER_BAD_COUNT",
            ErrorKind::VoucherSpaceTooSmall => "VOUCHER_SPACE_TOO_SMALL",
            ErrorKind::RandomUnavailable => "RANDOM_UNAVAILABLE",
            ErrorKind::LinkBadUrl => "LINK_BAD_URL",
            ErrorKind::LinkBadScheme => "LINK_BAD_SCHEME",
            ErrorKind::LinkBadParam => "LINK_BAD_PARAM",
            ErrorKind::SceneTooLong => "SCENE_TOO_LONG",
            ErrorKind::SceneBadCharacter => "SCENE_BAD_CHARACTER",
            ErrorKind::SceneInvalid => "SCENE_INVALID",
            ErrorKind::AttributionInvalid => "ATTRIBUTION_INVALID",
            ErrorKind::QrDataTooLong => "QR_DATA_TOO_LONG",
            ErrorKind::QrInvalidOptions => "QR_INVALID_OPTIONS",
            ErrorKind::QrLogoTooLarge => "QR_LOGO_TOO_LARGE",
            ErrorKind::QrLowContrast => "QR_LOW_CONTRAST",
            ErrorKind::ImageInvalid => "IMAGE_INVALID",
            ErrorKind::ImageTooLarge => "IMAGE_TOO_LARGE",
            ErrorKind::TemplateInvalid => "TEMPLATE_INVALID",
            ErrorKind::TemplateLimit => "TEMPLATE_LIMIT",
            ErrorKind::AssetMissing => "ASSET_MISSING",
            ErrorKind::FontInvalid => "FONT_INVALID",
            ErrorKind::PosterInvalidOptions => "POSTER_INVALID_OPTIONS",
            ErrorKind::AmountInvalid => "AMOUNT_INVALID",
            ErrorKind::AmountOverflow => "AMOUNT_OVERFLOW",
            ErrorKind::RateInvalid => "RATE_INVALID",
            ErrorKind::AllocationInvalid => "ALLOCATION_INVALID",
            ErrorKind::RewardRulesInvalid => "REWARD_RULES_INVALID",
            ErrorKind::RewardCartInvalid => "REWARD_CART_INVALID",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An error: a stable [`ErrorKind`], a message for people, and optionally the path of
/// the offending value inside the caller's input (`options.alphabet`, `utm.source`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<String>,
}

impl Error {
    /// A new error of `kind` with a message that says what was wrong and, where it
    /// helps, what would be right.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, message: message.into(), path: None }
    }

    /// The same error, located at `path` in the caller's input.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// The stable kind.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// Shorthand for `self.kind().code()`.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// The message, without the code.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the caller's input the problem is, if known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}: {} (at {})", self.kind.code(), self.message, path),
            None => write!(f, "{}: {}", self.kind.code(), self.message),
        }
    }
}

impl std::error::Error for Error {}

/// A number as JavaScript's `String(n)` prints it: integers without a fraction, others in
/// the shortest form that reads back to the same value. Every number in a message goes
/// through here: in wasm it is JavaScript's own `String(n)`, so the `.wasm` carries no float
/// formatting of its own (the standard library's is some 20 KB).
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e21 {
        format!("{}", n as i128)
    } else {
        float_text(n)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn float_text(n: f64) -> String {
    // Rust's `Display` for f64 is the shortest round-trip form, as JavaScript's is.
    format!("{n}")
}

#[cfg(target_arch = "wasm32")]
fn float_text(n: f64) -> String {
    js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

/// Quotes user input for a message: at most 60 characters, control characters shown
/// as U+FFFD. (`{:?}` would do, but it links Unicode escaping tables into the `.wasm`.)
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(64) + 2);
    out.push('"');
    out.extend(s.chars().take(60).map(|c| if c.is_control() { '\u{FFFD}' } else { c }));
    if s.chars().nth(60).is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// Quotes one character: `'x'`, or `U+0009` for a character that does not print.
pub fn quote_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_screaming_snake_case() {
        let mut seen = HashSet::new();
        for kind in ErrorKind::ALL {
            let code = kind.code();
            assert!(seen.insert(code), "duplicate code {code}");
            assert!(code.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'), "{code} is not SCREAMING_SNAKE_CASE");
        }
    }

    #[test]
    fn display_carries_code_message_and_path() {
        let e = Error::new(ErrorKind::LinkBadParam, "too long").at("utm.source");
        assert_eq!(e.to_string(), "LINK_BAD_PARAM: too long (at utm.source)");
        assert_eq!(e.path(), Some("utm.source"));
        assert_eq!(e.code(), "LINK_BAD_PARAM");
    }
}

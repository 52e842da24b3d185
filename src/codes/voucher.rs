//! Random voucher batches: `SALE-####-####` filled from a charset with the platform's
//! cryptographic generator (the OS natively, `crypto.getRandomValues` in JavaScript).
//!
//! Each `#` draws one character by rejection sampling (bytes at or above the largest
//! multiple of the charset size are discarded, so every character is equally likely).
//! Codes are unique within a batch. A batch is refused unless the pattern has at least
//! `margin` times as many possible codes as requested, so that a guessed code is
//! valid with probability at most `1 / margin`.

use crate::error::{quote_char, Error, ErrorKind, Result};
use std::collections::HashSet;

/// Default charset: upper-case letters and digits without the easily confused
/// `0 O 1 I L U` (vouchers are matched exactly by servers, so no look-alike mapping).
pub const DEFAULT_VOUCHER_CHARSET: &str = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Most codes in one batch.
pub const MAX_COUNT: usize = 1_000_000;
/// Longest pattern, in characters.
pub const MAX_PATTERN_LEN: usize = 64;
/// Default and smallest accepted safety margin.
pub const DEFAULT_MARGIN: u64 = 1000;
pub const MIN_MARGIN: u64 = 10;

/// What to generate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherOptions {
    /// `#` is a random character; every other character is literal; `\#` is a literal
    /// `#` and `\\` a literal backslash. At most 64 characters, at least one `#`.
    pub pattern: String,
    /// Characters to draw from: 2 to 94 distinct printable ASCII characters.
    /// Default: [`DEFAULT_VOUCHER_CHARSET`].
    pub charset: String,
    /// How many codes, 1 to 1,000,000.
    pub count: usize,
    /// The pattern must allow at least `margin * count` codes. At least 10.
    /// Default: 1000.
    pub margin: u64,
}

impl VoucherOptions {
    /// Options for `count` codes of `pattern` with the default charset and margin.
    pub fn new(pattern: impl Into<String>, count: usize) -> Self {
        VoucherOptions {
            pattern: pattern.into(),
            charset: DEFAULT_VOUCHER_CHARSET.to_string(),
            count,
            margin: DEFAULT_MARGIN,
        }
    }
}

/// A generated batch.
#[derive(Clone, Debug, PartialEq)]
pub struct VoucherBatch {
    /// The codes, unique, in generation order.
    pub codes: Vec<String>,
    /// Probability that `count` independent draws from the pattern space would contain a
    /// repeat (the birthday bound, computed exactly in floating point); the batch itself
    /// has none, because repeats are drawn again.
    pub collision_probability: f64,
}

enum Piece {
    Literal(char),
    Slot,
}

fn parse_pattern(pattern: &str) -> Result<Vec<Piece>> {
    let bad = |msg: String| Err(Error::new(ErrorKind::VoucherBadPattern, msg).at("pattern"));
    if pattern.chars().count() > MAX_PATTERN_LEN {
        return bad(format!("pattern is longer than {MAX_PATTERN_LEN} characters"));
    }
    let mut pieces = Vec::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        pieces.push(match c {
            '#' => Piece::Slot,
            '\\' => match chars.next() {
                Some(e @ ('#' | '\\')) => Piece::Literal(e),
                _ => return bad("'\\' must be followed by '#' or '\\'".to_string()),
            },
            c if c.is_control() => return bad(format!("pattern holds the control character {}", quote_char(c))),
            c => Piece::Literal(c),
        });
    }
    if !pieces.iter().any(|p| matches!(p, Piece::Slot)) {
        return bad("pattern has no '#' to fill".to_string());
    }
    Ok(pieces)
}

fn check_charset(charset: &str) -> Result<&[u8]> {
    let bad = |msg: String| Err(Error::new(ErrorKind::VoucherBadCharset, msg).at("charset"));
    let bytes = charset.as_bytes();
    if !bytes.iter().all(u8::is_ascii_graphic) {
        return bad("charset may hold only printable ASCII characters".to_string());
    }
    if bytes.len() < 2 {
        return bad("charset needs at least 2 characters".to_string());
    }
    let mut seen = [false; 128];
    for &b in bytes {
        if std::mem::replace(&mut seen[b as usize], true) {
            return bad(format!("charset repeats '{}'", b as char));
        }
    }
    Ok(bytes)
}

/// Number of codes a pattern can produce, saturating at `u128::MAX`.
fn space(charset_len: usize, slots: usize) -> u128 {
    (0..slots).try_fold(1u128, |acc, _| acc.checked_mul(charset_len as u128)).unwrap_or(u128::MAX)
}

/// Probability that `count` uniform draws from `space` values contain a repeat:
/// `1 - prod_{i<count} (1 - i/space)`, summed in log space for accuracy.
pub fn collision_probability(space: f64, count: usize) -> f64 {
    if count as f64 > space {
        return 1.0;
    }
    let log_unique: f64 = (1..count).map(|i| (-(i as f64) / space).ln_1p()).sum();
    -log_unique.exp_m1()
}

/// Generates a batch, taking random bytes from `fill` (use [`generate_vouchers`] for the
/// platform generator; tests pass their own).
///
/// # Errors
/// [`ErrorKind::VoucherBadPattern`], [`ErrorKind::VoucherBadCharset`],
/// [`ErrorKind::VoucherBadCount`], [`ErrorKind::VoucherSpaceTooSmall`], and whatever
/// `fill` returns.
pub fn generate_vouchers_with(
    options: &VoucherOptions,
    mut fill: impl FnMut(&mut [u8]) -> Result<()>,
) -> Result<VoucherBatch> {
    let pieces = parse_pattern(&options.pattern)?;
    let charset = check_charset(&options.charset)?;
    if !(1..=MAX_COUNT).contains(&options.count) {
        return Err(Error::new(
            ErrorKind::VoucherBadCount,
            format!("count must be from 1 to {MAX_COUNT}; got {}", options.count),
        )
        .at("count"));
    }
    if options.margin < MIN_MARGIN {
        return Err(Error::new(
            ErrorKind::VoucherBadCount,
            format!("margin must be at least {MIN_MARGIN}; got {}", options.margin),
        )
        .at("margin"));
    }
    let slots = pieces.iter().filter(|p| matches!(p, Piece::Slot)).count();
    let space = space(charset.len(), slots);
    let needed = (options.count as u128).saturating_mul(options.margin as u128);
    if space < needed {
        return Err(Error::new(
            ErrorKind::VoucherSpaceTooSmall,
            // u64 formatting: u128's would add kilobytes to the .wasm for one message.
            format!(
                "the pattern allows {} codes, fewer than {} ({} codes x margin {}); add '#' or characters",
                u64::try_from(space).unwrap_or(u64::MAX),
                u64::try_from(needed).unwrap_or(u64::MAX),
                options.count,
                options.margin
            ),
        ));
    }

    // Rejection sampling: only bytes below `limit` (a multiple of n) are used.
    let n = charset.len();
    let limit = 256 - 256 % n;
    let mut pool = [0u8; 256];
    let mut used = pool.len();
    let mut draw = |fill: &mut dyn FnMut(&mut [u8]) -> Result<()>| -> Result<usize> {
        loop {
            if used == pool.len() {
                fill(&mut pool)?;
                used = 0;
            }
            let b = pool[used] as usize;
            used += 1;
            if b < limit {
                return Ok(b % n);
            }
        }
    };

    let mut seen: HashSet<u128> = HashSet::with_capacity(options.count);
    let mut codes = Vec::with_capacity(options.count);
    let mut code = String::with_capacity(options.pattern.len());
    while codes.len() < options.count {
        code.clear();
        // Equal codes give equal keys. Different codes may share a key only when the space
        // exceeds 2^128 (wrapping), which at worst redraws a code that was unique.
        let mut key = 0u128;
        for piece in &pieces {
            match piece {
                Piece::Literal(c) => code.push(*c),
                Piece::Slot => {
                    let d = draw(&mut fill)?;
                    key = key.wrapping_mul(n as u128).wrapping_add(d as u128);
                    code.push(charset[d] as char);
                }
            }
        }
        if seen.insert(key) {
            codes.push(code.clone());
        }
    }
    Ok(VoucherBatch { codes, collision_probability: collision_probability(space as f64, options.count) })
}

/// Generates a batch with the platform's cryptographic random generator.
///
/// # Errors
/// As [`generate_vouchers_with`], plus [`ErrorKind::RandomUnavailable`].
pub fn generate_vouchers(options: &VoucherOptions) -> Result<VoucherBatch> {
    generate_vouchers_with(options, |buf| {
        getrandom::fill(buf)
            .map_err(|e| Error::new(ErrorKind::RandomUnavailable, format!("the platform random generator failed: {e}")))
    })
}

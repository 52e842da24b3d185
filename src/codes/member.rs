//! Member invite codes: short, typeable, keyed and reversible.
//!
//! A code is `k` payload characters and one check character. Ids are grouped in tiers by
//! size; tier `k` (starting at `minLength - 1`) holds the ids below `alphabet^k / 16`, so
//! every id of a tier has a code of the same length and small ids get short codes.
//!
//! Encoding `id`: pack `x = id * 16 + t`, where the *tweak* `t` (0..16) is the number of
//! earlier attempts whose code contained a blocked word; permute `x` within
//! `0..alphabet^k` with a keyed Feistel permutation (tweaked by `k`); write the result
//! in base `alphabet` with `k` digits; append the check character. Decoding reverses
//! each step and then insists that the code is *canonical*: exactly the string encoding
//! produces (right tier, no unused tweak, no blocked word, no earlier clean tweak).
//!
//! Layout of the key: SHA-256 over a domain tag, the alphabet and the secret gives the
//! 128-bit SipHash key of the permutation. The blocklist is part of the key too: a code
//! whose spelling becomes blocked stops being canonical.

use super::alphabet::{Alphabet, CROCKFORD_BASE32};
use super::blocklist::{Blocklist, DEFAULT_BLOCKLIST};
use super::check::CheckTable;
use super::feistel::Permutation;
use crate::error::{Error, ErrorKind, Result};
use sha2::{Digest, Sha256};

/// Largest member id: `2^53 - 1`, JavaScript's `Number.MAX_SAFE_INTEGER`, so that every id
/// round-trips through a JS `number` exactly.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// Re-encryptions tried before giving up on the blocklist (the tweak's range).
///
/// Measured with the default blocklist, 4.7% of 8-character and 7.9% of 13-character
/// Crockford codes contain a blocked word. With 8 tweaks about 0.079^8 * 2^53 = 10^7
/// large ids would have no clean code; with 16, about 0.02 over the whole id range, at
/// the cost of one bit (8-character codes still hold 2^31 ids).
const TWEAKS: u64 = 16;

/// Smallest and largest accepted `min_length`.
pub const MIN_LENGTH_RANGE: std::ops::RangeInclusive<usize> = 4..=20;

/// Options of a [`MemberCodec`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberCodeOptions {
    /// The brand's secret. Different secrets give unrelated codes for the same id.
    /// In a browser it ships with the page: it keeps codes from being enumerated or
    /// mapped back by outsiders who lack it, it does not authenticate anyone.
    /// Default: `""`.
    pub secret: String,
    /// Characters of codes, in digit order: 10 to 64 distinct printable ASCII characters
    /// other than `-` and space, a count that is odd, a multiple of 4, or 10.
    /// Default: Crockford's base32, [`CROCKFORD_BASE32`].
    pub alphabet: String,
    /// Length of the shortest codes, check character included; larger ids get longer
    /// codes. From 4 to 20. Default: 8 (2.1 billion ids with the default alphabet).
    pub min_length: usize,
    /// Words codes must not contain. `None` means [`DEFAULT_BLOCKLIST`]; `Some(vec![])`
    /// disables the check. Default: `None`.
    pub blocklist: Option<Vec<String>>,
}

impl Default for MemberCodeOptions {
    fn default() -> Self {
        MemberCodeOptions {
            secret: String::new(),
            alphabet: CROCKFORD_BASE32.to_string(),
            min_length: 8,
            blocklist: None,
        }
    }
}

/// Encodes member ids to codes and decodes codes back. Build once, use many times.
#[derive(Clone, Debug)]
pub struct MemberCodec {
    alphabet: Alphabet,
    check: CheckTable,
    permutation: Permutation,
    blocklist: Blocklist,
    /// `domains[i]` is `alphabet^(min_payload + i)`, for the tiers up to the one
    /// that holds [`MAX_ID`].
    domains: Vec<u128>,
    min_payload: usize,
}

impl MemberCodec {
    /// Validates the options and derives the key.
    ///
    /// # Errors
    /// [`ErrorKind::CodeInvalidOptions`] with the path of the offending option.
    pub fn new(options: &MemberCodeOptions) -> Result<Self> {
        let alphabet = Alphabet::new(&options.alphabet)?;
        let check = CheckTable::new(alphabet.len())?;
        if !MIN_LENGTH_RANGE.contains(&options.min_length) {
            return Err(Error::new(
                ErrorKind::CodeInvalidOptions,
                format!(
                    "minLength must be from {} to {}; got {}",
                    MIN_LENGTH_RANGE.start(),
                    MIN_LENGTH_RANGE.end(),
                    options.min_length
                ),
            )
            .at("minLength"));
        }
        let blocklist = match &options.blocklist {
            Some(words) => Blocklist::new(words, alphabet.as_bytes())?,
            None => Blocklist::new(DEFAULT_BLOCKLIST, alphabet.as_bytes())?,
        };
        let min_payload = options.min_length - 1;
        let base = alphabet.len() as u128;
        let mut domains = Vec::new();
        let mut domain = base.pow(min_payload as u32);
        loop {
            if domain > 1 << 64 {
                return Err(Error::new(
                    ErrorKind::CodeInvalidOptions,
                    format!("minLength {} is too long for a {}-character alphabet", options.min_length, alphabet.len()),
                )
                .at("minLength"));
            }
            domains.push(domain);
            if domain / TWEAKS as u128 > MAX_ID as u128 {
                break;
            }
            domain *= base;
        }
        let mut hasher = Sha256::new();
        hasher.update(b"share-earn member code v1\0");
        hasher.update([alphabet.len() as u8]);
        hasher.update(alphabet.as_bytes());
        hasher.update(options.secret.as_bytes());
        let digest = hasher.finalize();
        let mut key = [0u8; 16];
        key.copy_from_slice(&digest[..16]);
        Ok(MemberCodec { alphabet, check, permutation: Permutation::new(key), blocklist, domains, min_payload })
    }

    /// Shortest and longest code length (check character included) with these options.
    pub fn length_range(&self) -> (usize, usize) {
        (self.min_payload + 1, self.min_payload + self.domains.len())
    }

    /// The tier index of `id`: the first whose capacity exceeds it.
    fn tier_of(&self, id: u64) -> usize {
        self.domains.iter().position(|&d| (id as u128) < d / TWEAKS as u128).unwrap_or(self.domains.len() - 1)
    }

    /// The code of `id`.
    ///
    /// # Errors
    /// [`ErrorKind::CodeInvalidId`] if `id > MAX_ID`; [`ErrorKind::CodeBlocklistExhausted`]
    /// if all 16 re-encryptions contain a blocked word (practically only with a blocklist
    /// that blocks a large share of all codes).
    pub fn encode(&self, id: u64) -> Result<String> {
        if id > MAX_ID {
            return Err(Error::new(ErrorKind::CodeInvalidId, format!("id {id} is above the maximum 2^53-1")));
        }
        let tier = self.tier_of(id);
        let mut code = Vec::with_capacity(self.min_payload + tier + 1);
        for tweak in 0..TWEAKS {
            self.spell(id, tweak, tier, &mut code);
            if !self.blocklist.matches(&code) {
                return Ok(code.iter().map(|&c| c as char).collect());
            }
        }
        Err(Error::new(
            ErrorKind::CodeBlocklistExhausted,
            format!("every spelling of id {id} contains a blocked word; shorten the blocklist"),
        ))
    }

    /// Writes the code of `(id, tweak)` in `tier` into `out`, as characters.
    fn spell(&self, id: u64, tweak: u64, tier: usize, out: &mut Vec<u8>) {
        let domain = self.domains[tier];
        let mut y = self.permutation.forward(id * TWEAKS + tweak, domain, self.tweak_of(tier));
        let len = self.min_payload + tier;
        let base = self.alphabet.len() as u64;
        out.clear();
        out.resize(len + 1, 0);
        for slot in out[..len].iter_mut().rev() {
            *slot = (y % base) as u8;
            y /= base;
        }
        out[len] = self.check.check_digit(&out[..len]);
        for c in out.iter_mut() {
            *c = self.alphabet.char_of(*c);
        }
    }

    fn tweak_of(&self, tier: usize) -> u64 {
        (self.min_payload + tier) as u64
    }

    /// The id of `code`. Typed input is normalised first (see [`normalize`](Self::normalize)).
    ///
    /// # Errors
    /// [`ErrorKind::CodeBadCharacter`], [`ErrorKind::CodeBadLength`],
    /// [`ErrorKind::CodeBadChecksum`] (a typo), or [`ErrorKind::CodeNotCanonical`] (the
    /// string passes its check but encoding never produces it).
    pub fn decode(&self, code: &str) -> Result<u64> {
        let mut digits = Vec::with_capacity(code.len());
        self.alphabet.digits_of(code, &mut digits)?;
        let (min, max) = self.length_range();
        if !(min..=max).contains(&digits.len()) {
            return Err(Error::new(
                ErrorKind::CodeBadLength,
                format!("a code has {min} to {max} characters (not counting hyphens); this one has {}", digits.len()),
            ));
        }
        if !self.check.verify(&digits) {
            return Err(Error::new(
                ErrorKind::CodeBadChecksum,
                "the check character does not match: a character is wrong or two are swapped",
            ));
        }
        let tier = digits.len() - 1 - self.min_payload;
        let base = self.alphabet.len() as u64;
        let y = digits[..digits.len() - 1].iter().fold(0u64, |acc, &d| acc * base + d as u64);
        let x = self.permutation.backward(y, self.domains[tier], self.tweak_of(tier));
        let (id, tweak) = (x / TWEAKS, x % TWEAKS);
        let not_canonical =
            |why: &str| Err(Error::new(ErrorKind::CodeNotCanonical, format!("not a code this codec issues: {why}")));
        if id > MAX_ID {
            return not_canonical("the id is above 2^53-1");
        }
        if self.tier_of(id) != tier {
            return not_canonical("the id belongs to codes of another length");
        }
        let spelled: Vec<u8> = digits.iter().map(|&d| self.alphabet.char_of(d)).collect();
        if self.blocklist.matches(&spelled) {
            return not_canonical("it contains a blocked word");
        }
        let mut earlier = Vec::with_capacity(spelled.len());
        for t in 0..tweak {
            self.spell(id, t, tier, &mut earlier);
            if !self.blocklist.matches(&earlier) {
                return not_canonical("the id has an earlier spelling");
            }
        }
        Ok(id)
    }

    /// The canonical spelling of typed input (separators removed, case and look-alikes
    /// mapped), without checking that it is a valid code.
    ///
    /// # Errors
    /// [`ErrorKind::CodeBadCharacter`].
    pub fn normalize(&self, code: &str) -> Result<String> {
        self.alphabet.normalize(code)
    }
}

/// Groups a code for display: `format_member_code("K7M2Q9XD", 4, "-") == "K7M2-Q9XD"`.
/// Existing separators are removed first; a `group` of 0 means no grouping.
pub fn format_member_code(code: &str, group: usize, separator: &str) -> String {
    let chars: Vec<char> = code.chars().filter(|&c| !super::alphabet::is_separator(c)).collect();
    if group == 0 {
        return chars.into_iter().collect();
    }
    let mut out = String::with_capacity(chars.len() + chars.len() / group * separator.len());
    for (i, chunk) in chars.chunks(group).enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.extend(chunk);
    }
    out
}

//! Alphabets for member codes: validation, digit lookup, and the normalisation of codes
//! typed by people.
//!
//! People read codes off posters and type them on phones, so input is forgiving:
//! case is ignored (when the alphabet has each letter in one case only), hyphens, spaces
//! and their full-width and typographic forms are skipped, full-width letters and digits
//! (what a Chinese input method produces) count as their ASCII forms, and the
//! look-alikes `O` -> `0` and `I`/`L` -> `1` are mapped when the alphabet lacks the letter
//! but has the digit (as Crockford's base32 specifies).

use crate::error::{quote_char, Error, ErrorKind, Result};

/// Crockford's base32: digits and upper-case letters without I, L, O and U.
pub const CROCKFORD_BASE32: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Smallest and largest supported alphabet sizes.
pub const MIN_SIZE: usize = 10;
pub const MAX_SIZE: usize = 64;

const NONE: u8 = 0xFF;

/// A validated alphabet of distinct printable ASCII characters.
#[derive(Clone, Debug)]
pub struct Alphabet {
    chars: Vec<u8>,
    /// Byte -> digit value for every byte accepted in typed input (after case folding and
    /// look-alike mapping), [`NONE`] otherwise.
    lookup: [u8; 128],
}

/// What one typed character means.
enum Typed {
    Digit(u8),
    Separator,
    Invalid,
}

impl Alphabet {
    /// Validates `chars`: 10 to 64 distinct printable ASCII characters, no `-` (it is the
    /// display separator) and no space.
    ///
    /// # Errors
    /// [`ErrorKind::CodeInvalidOptions`] with path `alphabet`, saying which rule failed.
    pub fn new(chars: &str) -> Result<Self> {
        let bad = |msg: String| Err(Error::new(ErrorKind::CodeInvalidOptions, msg).at("alphabet"));
        let bytes = chars.as_bytes();
        if let Some(c) = chars.chars().find(|c| !c.is_ascii_graphic() || *c == '-') {
            return bad(format!(
                "alphabet may hold only printable ASCII characters other than '-'; found {}",
                quote_char(c)
            ));
        }
        if !(MIN_SIZE..=MAX_SIZE).contains(&bytes.len()) {
            return bad(format!("alphabet must have {MIN_SIZE} to {MAX_SIZE} characters; it has {}", bytes.len()));
        }
        let mut lookup = [NONE; 128];
        for (i, &b) in bytes.iter().enumerate() {
            if lookup[b as usize] != NONE {
                return bad(format!("alphabet repeats the character '{}'", b as char));
            }
            lookup[b as usize] = i as u8;
        }
        // Case folding only when no letter appears in both cases.
        let case_insensitive = !bytes.iter().any(|b| b.is_ascii_alphabetic() && lookup[flip_case(*b) as usize] != NONE);
        if case_insensitive {
            for &b in bytes.iter().filter(|b| b.is_ascii_alphabetic()) {
                lookup[flip_case(b) as usize] = lookup[b as usize];
            }
        }
        // Look-alikes, only where the alphabet lacks the letter itself.
        for (from, to) in [(b'O', b'0'), (b'I', b'1'), (b'L', b'1')] {
            for from in [from, from.to_ascii_lowercase()] {
                if lookup[from as usize] == NONE && lookup[to as usize] != NONE {
                    lookup[from as usize] = lookup[to as usize];
                }
            }
        }
        Ok(Alphabet { chars: bytes.to_vec(), lookup })
    }

    /// Number of characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The characters, in digit order.
    pub fn as_bytes(&self) -> &[u8] {
        &self.chars
    }

    /// The character of digit `d` (`d < len()`).
    pub fn char_of(&self, d: u8) -> u8 {
        self.chars[d as usize]
    }

    fn classify(&self, c: char) -> Typed {
        let c = fold_full_width(c);
        // Digits first: an alphabet may contain '_', which is otherwise a separator.
        if c.is_ascii() && self.lookup[c as usize] != NONE {
            Typed::Digit(self.lookup[c as usize])
        } else if is_separator(c) {
            Typed::Separator
        } else {
            Typed::Invalid
        }
    }

    /// Turns typed input into digit values, skipping separators.
    ///
    /// # Errors
    /// [`ErrorKind::CodeBadCharacter`] naming the first character that is neither a
    /// digit of this alphabet (after normalisation) nor a separator, and its position.
    pub fn digits_of(&self, input: &str, out: &mut Vec<u8>) -> Result<()> {
        out.clear();
        for (pos, c) in input.chars().enumerate() {
            match self.classify(c) {
                Typed::Digit(d) => out.push(d),
                Typed::Separator => {}
                Typed::Invalid => {
                    return Err(Error::new(
                        ErrorKind::CodeBadCharacter,
                        format!("character {} at position {pos} is not part of the code alphabet", quote_char(c)),
                    ))
                }
            }
        }
        Ok(())
    }

    /// The canonical spelling of typed input: separators removed, case and look-alikes
    /// mapped to the alphabet's own characters.
    ///
    /// # Errors
    /// As [`digits_of`](Self::digits_of).
    pub fn normalize(&self, input: &str) -> Result<String> {
        let mut digits = Vec::with_capacity(input.len());
        self.digits_of(input, &mut digits)?;
        Ok(digits.iter().map(|&d| self.char_of(d) as char).collect())
    }
}

fn flip_case(b: u8) -> u8 {
    if b.is_ascii_uppercase() {
        b.to_ascii_lowercase()
    } else {
        b.to_ascii_uppercase()
    }
}

/// Full-width ASCII forms (U+FF01..U+FF5E) to ASCII; everything else unchanged.
fn fold_full_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Characters people put between groups: spaces and dashes in their common forms.
pub(crate) fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '\t' | '-' | '_' | '\u{00A0}' | '\u{3000}' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{30FC}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crockford_is_valid() {
        assert_eq!(Alphabet::new(CROCKFORD_BASE32).unwrap().len(), 32);
    }

    #[test]
    fn crockford_normalisation_follows_the_spec() {
        // Crockford: "When decoding, upper and lower case letters are accepted, and i and l
        // will be treated as 1 and o will be treated as 0. Hyphens are ignored."
        let a = Alphabet::new(CROCKFORD_BASE32).unwrap();
        assert_eq!(a.normalize("k7m2-q9xd").unwrap(), "K7M2Q9XD");
        assert_eq!(a.normalize("oOiIlL").unwrap(), "001111");
        assert_eq!(a.normalize(" AB CD ").unwrap(), "ABCD");
        // Full-width forms from a Chinese input method, and an ideographic space.
        assert_eq!(a.normalize("ＫＡ７\u{3000}－ｍ").unwrap(), "KA7M");
        let e = a.normalize("K7U2").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::CodeBadCharacter);
        assert!(e.message().contains("'U'") && e.message().contains("position 2"), "{e}");
    }

    #[test]
    fn case_sensitive_alphabets_are_not_folded() {
        let a = Alphabet::new("0123456789abcdefghijABCDEFGHIJ").unwrap();
        assert_eq!(a.normalize("aA").unwrap(), "aA");
        // 'o' and 'O' are absent, '0' present: still mapped.
        assert_eq!(a.normalize("o").unwrap(), "0");
    }

    #[test]
    fn lookalikes_are_not_mapped_when_the_letter_is_in_the_alphabet() {
        let a = Alphabet::new("0123456789OILXYZ").unwrap();
        assert_eq!(a.normalize("OIL01").unwrap(), "OIL01");
    }

    #[test]
    fn rejects_bad_alphabets() {
        for bad in
            ["0123456789ABCDEFGHJKMNPQRSTVWXY0", "ABC", "0123456789-ABCDEF", "0123456789 ABCDE", "0123456789ÄBCDEF"]
        {
            let e = Alphabet::new(bad).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::CodeInvalidOptions, "{bad}");
            assert_eq!(e.path(), Some("alphabet"));
        }
        let long: String = (33u8..=126).map(|b| b as char).filter(|&c| c != '-').collect();
        assert!(Alphabet::new(&long).is_err(), "93 characters is above the maximum");
    }
}

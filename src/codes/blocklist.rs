//! Words a generated code must never contain.
//!
//! Matching is on how a code *reads*, not on its exact characters: letters are compared
//! without case and the usual look-alike digits count as letters (`0`->O, `1`->I, `3`->E,
//! `4`->A, `5`->S, `6`->G, `7`->T, `8`->B; `L`->I; `V`->U, because Crockford's alphabet
//! has no U and `FVCK` reads as what it is). So `5H1T` is caught by `SHIT`. Digits read
//! as letters only next to a real letter: `5H1T` spells SHIT, `58` does not spell SB
//! (without this rule a digits-only alphabet would lose two codes in five to leetspeak).
//! Words that are numbers (`250`) match digits as they are.
//!
//! The default list covers common English profanity and slurs and Chinese pinyin insults
//! and their abbreviations (SB, TMD, NMSL, …) plus the number 250 (二百五, "idiot"). It is
//! deliberately short: every blocked word costs a re-encryption, and the list is part of
//! the code key (changing it changes which codes are canonical).

use crate::error::{quote, Error, ErrorKind, Result};

/// The default blocklist (English and pinyin), written in upper case.
pub const DEFAULT_BLOCKLIST: &[&str] = &[
    // English
    "ANAL", "ANUS", "ARSE", "ASS", "BITCH", "BOOB", "CLIT", "COCK", "COON", "CRAP", "CUM", "CUNT", "DICK", "DIKE",
    "DILDO", "DYKE", "FAG", "FECK", "FUCK", "FUK", "HOMO", "JIZZ", "KIKE", "KILL", "KKK", "NAZI", "NIGGA", "NIGGER",
    "PAKI", "PENIS", "PISS", "POOP", "PORN", "PUSSY", "RAPE", "SEX", "SHIT", "SLUT", "SPIC", "STFU", "SUCK", "TIT",
    "TWAT", "WANK", "WHORE", "WTF", "XXX", // Pinyin and its abbreviations
    "SB", "2B", "250", "SHABI", "CAO", "CNM", "NMSL", "NIMA", "TMD", "TAMADE", "MLGB", "JIBA", "JB", "BIAOZI",
    "JIANREN", "LAJI", "SHAGUA", "BENDAN", "HUNDAN", "WANGBA", "GUNDAN", "QUSI", "BAICHI", "DIAO", "NAOCAN", "ERBI",
    "WOCAO", "SAOHUO", "GOURI", "FEIWU",
];

/// Longest word accepted in a custom list, in characters.
pub const MAX_WORD_LEN: usize = 16;
/// Most words accepted in a custom list.
pub const MAX_WORDS: usize = 1000;

/// How a character reads, for matching.
fn fold(c: u8) -> u8 {
    match c.to_ascii_uppercase() {
        b'0' => b'O',
        b'1' | b'L' => b'I',
        b'3' => b'E',
        b'4' => b'A',
        b'5' => b'S',
        b'6' => b'G',
        b'7' => b'T',
        b'8' => b'B',
        b'V' => b'U',
        other => other,
    }
}

/// A compiled blocklist for one alphabet.
#[derive(Clone, Debug, Default)]
pub struct Blocklist {
    /// Folded words, each with whether it was written in digits only (then it matches
    /// digits as such). Scanned linearly, and only where [`starts`](Self::starts) says a
    /// word may begin: a sorted index would cost a sort routine in the `.wasm` and save
    /// nothing measurable on lists of this size.
    words: Vec<(Vec<u8>, bool)>,
    /// Bit set of folded first-two-character pairs that start some word (128 x 128 bits).
    starts: Vec<u64>,
}

impl Blocklist {
    /// Compiles `words` for codes over `alphabet` (its characters, in digit order).
    /// Words whose letters cannot all be written with the alphabet are dropped: they can
    /// never appear.
    ///
    /// # Errors
    /// [`ErrorKind::CodeInvalidOptions`] (path `blocklist[i]`) for a word that is shorter
    /// than 2 or longer than [`MAX_WORD_LEN`] characters or not printable ASCII, and (path
    /// `blocklist`) for more than [`MAX_WORDS`] words.
    pub fn new<S: AsRef<str>>(words: &[S], alphabet: &[u8]) -> Result<Self> {
        if words.len() > MAX_WORDS {
            return Err(Error::new(
                ErrorKind::CodeInvalidOptions,
                format!("blocklist has {} words; at most {MAX_WORDS} are allowed", words.len()),
            )
            .at("blocklist"));
        }
        let mut readable = [false; 128];
        for &c in alphabet {
            readable[fold(c) as usize] = true;
        }
        let mut folded = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            let word = word.as_ref();
            if !(2..=MAX_WORD_LEN).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(Error::new(
                    ErrorKind::CodeInvalidOptions,
                    format!(
                        "blocked word {} must be 2 to {MAX_WORD_LEN} printable ASCII characters \
                         (to keep a character out of codes, leave it out of the alphabet)",
                        quote(word)
                    ),
                )
                .at(format!("blocklist[{i}]")));
            }
            let numeric = word.bytes().all(|b| b.is_ascii_digit());
            let w: Vec<u8> = if numeric { word.bytes().collect() } else { word.bytes().map(fold).collect() };
            let spellable =
                if numeric { w.iter().all(|c| alphabet.contains(c)) } else { w.iter().all(|&c| readable[c as usize]) };
            if spellable {
                folded.push((w, numeric));
            }
        }
        let mut starts = vec![0u64; 128 * 128 / 64];
        for (w, _) in &folded {
            let pair = pair_index(w[0], w[1]);
            starts[pair / 64] |= 1 << (pair % 64);
        }
        Ok(Blocklist { words: folded, starts })
    }

    /// Whether `code` (ASCII characters) contains a blocked word.
    pub fn matches(&self, code: &[u8]) -> bool {
        if self.words.is_empty() {
            return false;
        }
        let mut buf = [0u8; 32];
        let mut heap = Vec::new();
        let folded = match buf.get_mut(..code.len()) {
            Some(b) => b,
            None => {
                heap.resize(code.len(), 0);
                &mut heap[..]
            }
        };
        for (f, &c) in folded.iter_mut().zip(code) {
            *f = fold(c);
        }
        (0..code.len().saturating_sub(1)).any(|i| self.matches_at(&code[i..], &folded[i..]))
    }

    /// Whether a word starts at the beginning of `code` (`folded` is its folded form).
    fn matches_at(&self, code: &[u8], folded: &[u8]) -> bool {
        let numeric_pair = pair_index(code[0], code[1]);
        let folded_pair = pair_index(folded[0], folded[1]);
        let has = |pair: usize| self.starts[pair / 64] & (1 << (pair % 64)) != 0;
        if !has(folded_pair) && !has(numeric_pair) {
            return false;
        }
        self.candidates(code).any(|(w, numeric)| *numeric && code.starts_with(w))
            || self.candidates(folded).any(|(w, numeric)| {
                !*numeric && folded.starts_with(w) && code[..w.len()].iter().any(u8::is_ascii_alphabetic)
            })
    }

    /// The words starting with the first two characters of `prefix`.
    fn candidates<'a>(&'a self, prefix: &'a [u8]) -> impl Iterator<Item = &'a (Vec<u8>, bool)> + 'a {
        self.words.iter().filter(move |(w, _)| w[..2] == prefix[..2])
    }
}

fn pair_index(a: u8, b: u8) -> usize {
    (a as usize & 127) * 128 + (b as usize & 127)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::alphabet::CROCKFORD_BASE32;

    fn default_list() -> Blocklist {
        Blocklist::new(DEFAULT_BLOCKLIST, CROCKFORD_BASE32.as_bytes()).unwrap()
    }

    #[test]
    fn catches_words_and_their_lookalike_spellings() {
        let b = default_list();
        for code in ["XSHITX", "5H1T", "ZZFVCKZZ", "C0CK", "A55", "K250Q", "QQSBQQ", "7MD", "NM5L"] {
            assert!(b.matches(code.as_bytes()), "{code} should be blocked");
        }
        for code in ["K7M2Q9XD", "ABCDEFGH", "0000", "S9B", "5858"] {
            assert!(!b.matches(code.as_bytes()), "{code} should pass");
        }
    }

    #[test]
    fn drops_words_the_alphabet_cannot_spell() {
        // With digits only, only "250" (and words that fold to digits) can occur.
        let b = Blocklist::new(DEFAULT_BLOCKLIST, b"0123456789").unwrap();
        assert!(b.matches(b"12502"));
        // Leetspeak needs a letter: 58 does not read as SB, 8008 not as BOOB.
        assert!(!b.matches(b"9589"));
        assert!(!b.matches(b"80085"));
        assert!(!b.matches(b"123456"));
    }

    #[test]
    fn custom_words_are_validated_with_paths() {
        let e = Blocklist::new(&["OK", "X"], CROCKFORD_BASE32.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::CodeInvalidOptions);
        assert_eq!(e.path(), Some("blocklist[1]"));
        let e = Blocklist::new(&["CAFÉ"], CROCKFORD_BASE32.as_bytes()).unwrap_err();
        assert_eq!(e.path(), Some("blocklist[0]"));
        let empty: [&str; 0] = [];
        assert!(!Blocklist::new(&empty, CROCKFORD_BASE32.as_bytes()).unwrap().matches(b"SHIT"));
    }
}

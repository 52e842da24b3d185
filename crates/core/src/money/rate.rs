//! Rates (commission, discount, points per yuan, multipliers) as exact parts per million,
//! read once at input from whatever notation the shop's staff typed.

use crate::error::quote;
use crate::{Error, ErrorKind, Result};

/// A non-negative proportion in parts per million: 90% is 900,000, 1.5x is 1,500,000.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rate(i64);

/// The largest rate: 1,000,000x, far beyond any multiplier a rule needs, and small enough
/// that an amount times a rate always fits 128 bits.
const MAX_PPM: i64 = 1_000_000 * Rate::ONE_PPM;

fn bad(text: &str, why: &str) -> Error {
    Error::new(ErrorKind::RateInvalid, format!("{} is not a rate: {why}", quote(text)))
}

impl Rate {
    /// 100%, in parts per million.
    pub const ONE_PPM: i64 = 1_000_000;
    /// 0%.
    pub const ZERO: Rate = Rate(0);
    /// 100%.
    pub const ONE: Rate = Rate(Rate::ONE_PPM);

    /// `ppm` parts per million.
    ///
    /// # Errors
    /// [`ErrorKind::RateInvalid`] when negative or above 1,000,000x.
    pub fn from_ppm(ppm: i64) -> Result<Rate> {
        if !(0..=MAX_PPM).contains(&ppm) {
            return Err(Error::new(ErrorKind::RateInvalid, format!("{ppm} ppm is not a rate from 0 to 1,000,000x")));
        }
        Ok(Rate(ppm))
    }

    /// `percent`% (a whole number of percent).
    ///
    /// # Errors
    /// [`ErrorKind::RateInvalid`] when negative or too large.
    pub fn percent(percent: i64) -> Result<Rate> {
        Rate::from_ppm(percent.saturating_mul(10_000))
    }

    /// The rate in parts per million.
    pub const fn ppm(self) -> i64 {
        self.0
    }

    /// Reads a rate as staff write it:
    ///
    /// - a fraction: `"0.9"`, `"1.5"` (a multiplier), `"0"`;
    /// - a percentage: `"90%"`, `"12.5%"`; per mille: `"5‰"`;
    /// - a Chinese discount: `"9折"` (90%), `"8.5折"` (85%), `"85折"` (85%), `"95折"` (95%):
    ///   one digit, with or without a decimal, counts tenths; two digits count percent
    ///   (`"10折"` to `"90折"` are refused as ambiguous).
    ///
    /// Spaces around are ignored. Precision finer than a part per million is refused rather
    /// than rounded: a rate is exact or it is wrong.
    ///
    /// # Errors
    /// [`ErrorKind::RateInvalid`] with the reason: not a number, negative, too precise, a
    /// `折` outside 0.1-9.9 and 10-99.
    pub fn parse(text: &str) -> Result<Rate> {
        let t = text.trim();
        let (number, unit) = if let Some(n) = t.strip_suffix('%') {
            (n, Unit::Percent)
        } else if let Some(n) = t.strip_suffix('‰') {
            (n, Unit::PerMille)
        } else if let Some(n) = t.strip_suffix('折') {
            (n, Unit::Zhe)
        } else {
            (t, Unit::Fraction)
        };
        let number = number.trim_end();
        if number.starts_with('-') {
            return Err(bad(text, "it is negative"));
        }
        let (int, frac) = number.split_once('.').unwrap_or((number, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() && frac.is_empty() || !digits(int) || !digits(frac) || number.contains("..") {
            return Err(bad(text, "write a number such as 0.9, 90%, 5‰ or 9折"));
        }
        // Decimal places of a part per million at this unit: 6 for a fraction, 4 for percent.
        let places = match unit {
            Unit::Fraction => 6,
            Unit::Percent => 4,
            Unit::PerMille => 3,
            Unit::Zhe => {
                let int_value = int.trim_start_matches('0');
                match (int_value.len(), frac.is_empty()) {
                    // Tenths: 9折, 8.5折, 0.5折.
                    (0 | 1, _) => 5,
                    // Percent: 85折, 95折. "10折" to "90折" are not written (10折 means full
                    // price to some and 10% to others), so they are refused as ambiguous.
                    (2, true) if !int_value.ends_with('0') => 4,
                    _ => return Err(bad(text, "a 折 discount is 0.1折 to 9.9折, or 11折 to 99折 for percent")),
                }
            }
        };
        if frac.len() > places {
            return Err(bad(text, "it is finer than one part per million"));
        }
        let mut ppm: i64 = 0;
        for b in int.bytes().chain(frac.bytes()).chain(std::iter::repeat_n(b'0', places - frac.len())) {
            ppm = ppm
                .checked_mul(10)
                .and_then(|v| v.checked_add((b - b'0') as i64))
                .filter(|&v| v <= MAX_PPM)
                .ok_or_else(|| bad(text, "it is above 1,000,000x"))?;
        }
        if unit == Unit::Zhe && ppm == 0 {
            return Err(bad(text, "0折 is not a discount"));
        }
        Ok(Rate(ppm))
    }

    /// A rate given as a JSON number: a fraction (`0.9` is 90%), read through its shortest
    /// decimal form so that `0.1` is exactly 100,000 ppm.
    ///
    /// # Errors
    /// [`ErrorKind::RateInvalid`] when not finite, negative, too precise or too large.
    pub fn from_fraction(x: f64) -> Result<Rate> {
        if !x.is_finite() {
            return Err(Error::new(ErrorKind::RateInvalid, "a rate must be a finite number"));
        }
        // The shortest digits that read back as the same number (in wasm, JavaScript's).
        Rate::parse(&crate::error::number_text(x))
    }

    /// The rate if it is at most `max`.
    ///
    /// # Errors
    /// [`ErrorKind::RateInvalid`] naming `what` and the limit.
    pub fn at_most(self, max: Rate, what: &str) -> Result<Rate> {
        if self > max {
            return Err(Error::new(
                ErrorKind::RateInvalid,
                format!("{what} is {}; at most {} makes sense here", self.to_percent_string(), max.to_percent_string()),
            ));
        }
        Ok(self)
    }

    /// The rate as a percentage with as many decimals as it needs: `"90%"`, `"12.5%"`,
    /// `"0.0001%"`.
    pub fn to_percent_string(self) -> String {
        let (whole, frac) = (self.0 / 10_000, self.0 % 10_000);
        if frac == 0 {
            return format!("{whole}%");
        }
        let digits = format!("{frac:04}");
        format!("{whole}.{}%", digits.trim_end_matches('0'))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Fraction,
    Percent,
    PerMille,
    Zhe,
}

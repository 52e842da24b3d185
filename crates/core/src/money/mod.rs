//! Money without floating point: amounts in integer minor units, exact rates, and every
//! rounding named.
//!
//! - [`Money`]: an amount in minor units (fen for CNY), within JavaScript's safe integers so
//!   that it crosses to a page exactly;
//! - [`Rate`]: a proportion in parts per million, read once at input from `0.9`, `"90%"`,
//!   `"9折"` or `"5‰"` ([`Rate::parse`]);
//! - [`Rounding`]: down (toward zero), up (away from zero), floor, ceiling, half-up (half
//!   away from zero) and half-even, applied by [`Rounding::div`] to exact integer quotients;
//! - [`Fixed`]: an exact decimal with a chosen number of places, for the backends that
//!   round intermediate yuan values to 4 places (CRMEB's bcmath);
//! - [`allocate`]: splitting an amount by weights into parts that always sum to it.
//!
//! Arithmetic is checked: a result outside the safe range is
//! [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow), never a wrapped value.
//! Float arithmetic is denied here by clippy (a JSON number only passes through as text).
#![deny(clippy::float_arithmetic)]

mod allocate;
mod fixed;
mod rate;

pub use allocate::{allocate, Allocation, MAX_PARTS};
pub use fixed::Fixed;
pub use rate::Rate;

use crate::{Error, ErrorKind, Result};
use std::fmt;

/// The largest amount, in minor units: 2^53 - 1, JavaScript's `Number.MAX_SAFE_INTEGER`
/// (90 trillion yuan).
pub const MAX_MINOR: i64 = (1 << 53) - 1;

/// An amount of money in minor units (fen), from `-MAX_MINOR` to `MAX_MINOR`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(0);

    /// `minor` units (fen).
    ///
    /// # Errors
    /// [`ErrorKind::AmountInvalid`] outside `-MAX_MINOR..=MAX_MINOR`.
    pub fn from_minor(minor: i64) -> Result<Money> {
        if minor.unsigned_abs() > MAX_MINOR as u64 {
            return Err(Error::new(
                ErrorKind::AmountInvalid,
                format!("{minor} minor units is beyond the safe range (at most {MAX_MINOR})"),
            ));
        }
        Ok(Money(minor))
    }

    /// The amount in minor units.
    pub const fn minor(self) -> i64 {
        self.0
    }

    /// `self + other`.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`] beyond the safe range.
    pub fn checked_add(self, other: Money) -> Result<Money> {
        checked(self.0 as i128 + other.0 as i128)
    }

    /// `self - other`.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`] beyond the safe range.
    pub fn checked_sub(self, other: Money) -> Result<Money> {
        checked(self.0 as i128 - other.0 as i128)
    }

    /// `self × n` (a quantity).
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`] beyond the safe range.
    pub fn times(self, n: i64) -> Result<Money> {
        checked(self.0 as i128 * n as i128)
    }

    /// `self × rate`, rounded to whole minor units with `rounding`.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`] beyond the safe range.
    pub fn mul_rate(self, rate: Rate, rounding: Rounding) -> Result<Money> {
        checked(rounding.div(self.0 as i128 * rate.ppm() as i128, Rate::ONE_PPM as i128))
    }

    /// The smaller of the two.
    pub fn min(self, other: Money) -> Money {
        Money(self.0.min(other.0))
    }

    /// The larger of the two.
    pub fn max(self, other: Money) -> Money {
        Money(self.0.max(other.0))
    }

    /// The amount in major units with two decimals, `"12.34"`, `"-0.05"` (no currency sign:
    /// a page formats it for its locale).
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl fmt::Display for Money {
    /// As [`Money::to_decimal_string`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_decimal_string())
    }
}

/// The value called `name` in a table of named choices (rounding modes, allocation
/// methods); an error of `kind` listing the names otherwise.
pub fn by_name<T: Copy>(names: &[(&'static str, T)], name: &str, kind: ErrorKind, what: &str) -> Result<T> {
    if let Some((_, v)) = names.iter().find(|(n, _)| *n == name) {
        return Ok(*v);
    }
    let list: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
    Err(Error::new(kind, format!("{} is not {what} (one of {})", crate::error::quote(name), list.join(", "))))
}

/// The name of `value` in a table of named choices (every value is in its table).
pub fn name_of<T: Copy + PartialEq>(names: &[(&'static str, T)], value: T) -> &'static str {
    names.iter().find(|(_, v)| *v == value).map_or("", |(n, _)| n)
}

/// An `i128` result as [`Money`], or [`ErrorKind::AmountOverflow`].
pub fn checked(v: i128) -> Result<Money> {
    if v.unsigned_abs() > MAX_MINOR as u128 {
        return Err(overflow());
    }
    Ok(Money(v as i64))
}

/// The [`ErrorKind::AmountOverflow`] error.
pub fn overflow() -> Error {
    Error::new(
        ErrorKind::AmountOverflow,
        format!("an amount would exceed the safe range (at most {MAX_MINOR} minor units)"),
    )
}

/// How a quotient that is not whole is made whole. Names as in `rust_decimal` and Java's
/// `RoundingMode`; each rule in the reward model names its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Toward zero (truncation: bcmath, `intdiv`, Java `RoundingMode.DOWN`).
    Down,
    /// Away from zero.
    Up,
    /// Toward negative infinity (`Math.floor`).
    Floor,
    /// Toward positive infinity (`Math.ceil`).
    Ceiling,
    /// To the nearest, halves away from zero (`Math.round` for positive values, PHP `round`,
    /// Java `HALF_UP`).
    HalfUp,
    /// To the nearest, halves to the even neighbour (banker's rounding, Java `HALF_EVEN`).
    HalfEven,
}

impl Rounding {
    /// Every mode, with the name it has in JSON rules and in JavaScript.
    pub const NAMES: [(&'static str, Rounding); 6] = [
        ("down", Rounding::Down),
        ("up", Rounding::Up),
        ("floor", Rounding::Floor),
        ("ceiling", Rounding::Ceiling),
        ("halfUp", Rounding::HalfUp),
        ("halfEven", Rounding::HalfEven),
    ];

    /// The mode called `name` (`"down"`, `"halfEven"`, …).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidArgument`] for another name; the message lists the names.
    pub fn from_name(name: &str) -> Result<Rounding> {
        by_name(&Self::NAMES, name, ErrorKind::InvalidArgument, "a rounding mode")
    }

    /// The name of the mode, as [`Rounding::from_name`] reads it.
    pub fn name(self) -> &'static str {
        name_of(&Self::NAMES, self)
    }

    /// `n / d` made whole by this mode. `d` must be positive (callers divide by scales,
    /// totals and weights they have checked).
    pub fn div(self, n: i128, d: i128) -> i128 {
        debug_assert!(d > 0);
        let d = d.max(1);
        let (q, r) = (n / d, n % d);
        if r == 0 {
            return q;
        }
        // q is truncated toward zero; `away` steps it one further from zero.
        let away = if n < 0 { q - 1 } else { q + 1 };
        let twice = 2 * r.unsigned_abs();
        let d = d.unsigned_abs();
        match self {
            Rounding::Down => q,
            Rounding::Up => away,
            Rounding::Floor => q.min(away),
            Rounding::Ceiling => q.max(away),
            Rounding::HalfUp => {
                if twice >= d {
                    away
                } else {
                    q
                }
            }
            Rounding::HalfEven => {
                if twice > d || (twice == d && q % 2 != 0) {
                    away
                } else {
                    q
                }
            }
        }
    }
}

// Native only: the property tests use proptest, a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

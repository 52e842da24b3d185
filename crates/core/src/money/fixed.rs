//! Exact decimals with a chosen number of places, for formulas that round intermediate
//! values finer than a fen. CRMEB's PHP edition computes in yuan with bcmath and keeps 4
//! decimals between steps (`bcmul($a, $b, 4)` truncates the product to 4 places); its
//! results can only be reproduced with those intermediate roundings.

use super::{overflow, Money, Rate, Rounding};
use crate::Result;

/// Most decimal places a value may carry (10^36 still fits the 128-bit units with room).
const MAX_PLACES: u32 = 30;

/// An exact decimal: `units × 10^-places`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixed {
    units: i128,
    places: u32,
}

fn pow10(n: u32) -> Result<i128> {
    10i128.checked_pow(n).ok_or_else(overflow)
}

impl Fixed {
    /// `units × 10^-places` (`Fixed::new(1234, 2)` is 12.34).
    pub fn new(units: i128, places: u32) -> Fixed {
        Fixed { units, places: places.min(MAX_PLACES) }
    }

    /// A whole number.
    pub fn integer(n: i64) -> Fixed {
        Fixed::new(n as i128, 0)
    }

    /// An amount in major units (yuan): minor units with 2 places.
    pub fn from_money(m: Money) -> Fixed {
        Fixed::new(m.minor() as i128, 2)
    }

    /// A rate as a fraction (0.9 for 90%): parts per million with 6 places.
    pub fn from_rate(r: Rate) -> Fixed {
        Fixed::new(r.ppm() as i128, 6)
    }

    /// The units at `self`'s scale.
    pub fn units(self) -> i128 {
        self.units
    }

    /// The number of decimal places.
    pub fn places(self) -> u32 {
        self.places
    }

    /// The same value with `places` decimals, rounded with `rounding` if that drops digits.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow) when the value does
    /// not fit.
    pub fn round(self, places: u32, rounding: Rounding) -> Result<Fixed> {
        let places = places.min(MAX_PLACES);
        if places >= self.places {
            let units = self.units.checked_mul(pow10(places - self.places)?).ok_or_else(overflow)?;
            return Ok(Fixed { units, places });
        }
        Ok(Fixed { units: rounding.div(self.units, pow10(self.places - places)?), places })
    }

    /// Both at the larger number of places.
    fn aligned(self, other: Fixed) -> Result<(i128, i128, u32)> {
        let places = self.places.max(other.places);
        let (a, b) = (self.round(places, Rounding::Down)?, other.round(places, Rounding::Down)?);
        Ok((a.units, b.units, places))
    }

    /// `self + other`, exact.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow) when it does not fit.
    pub fn checked_add(self, other: Fixed) -> Result<Fixed> {
        let (a, b, places) = self.aligned(other)?;
        Ok(Fixed { units: a.checked_add(b).ok_or_else(overflow)?, places })
    }

    /// `self - other`, exact.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow) when it does not fit.
    pub fn checked_sub(self, other: Fixed) -> Result<Fixed> {
        let (a, b, places) = self.aligned(other)?;
        Ok(Fixed { units: a.checked_sub(b).ok_or_else(overflow)?, places })
    }

    /// `self × other`, exact (the places add up).
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow) when it does not fit.
    pub fn checked_mul(self, other: Fixed) -> Result<Fixed> {
        let units = self.units.checked_mul(other.units).ok_or_else(overflow)?;
        let places = self.places + other.places;
        if places > MAX_PLACES {
            return Err(overflow());
        }
        Ok(Fixed { units, places })
    }

    /// `self ÷ other` with `places` decimals, rounded with `rounding`.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow) when it does not fit
    /// or `other` is zero.
    pub fn div(self, other: Fixed, places: u32, rounding: Rounding) -> Result<Fixed> {
        if other.units == 0 {
            return Err(overflow());
        }
        let places = places.min(MAX_PLACES);
        // self.units / 10^sp ÷ (other.units / 10^op) = self.units × 10^(op - sp) / other.units;
        // scaled to `places`: × 10^places.
        let shift = places as i64 + other.places as i64 - self.places as i64;
        let (mut n, mut d) = (self.units, other.units);
        if shift >= 0 {
            n = n.checked_mul(pow10(shift as u32)?).ok_or_else(overflow)?;
        } else {
            d = d.checked_mul(pow10((-shift) as u32)?).ok_or_else(overflow)?;
        }
        if d < 0 {
            (n, d) = (n.checked_neg().ok_or_else(overflow)?, -d);
        }
        Ok(Fixed { units: rounding.div(n, d), places })
    }

    /// The value in minor units (2 places), rounded with `rounding`.
    ///
    /// # Errors
    /// [`ErrorKind::AmountOverflow`](crate::ErrorKind::AmountOverflow) beyond the safe range.
    pub fn to_money(self, rounding: Rounding) -> Result<Money> {
        super::checked(self.round(2, rounding)?.units)
    }
}

//! Reading the value types of rules and carts: amounts, counts, rates and rounding modes,
//! each checked where it is read, with its path.

use crate::money::{Allocation, Money, Rate, Rounding, MAX_MINOR};
use crate::value::read::Obj;
use crate::value::Value;
use crate::Result;

/// A JSON number as text, the shortest form that reads back as the same number (rates are
/// parsed from it, so `0.1` is exactly 100,000 ppm).
fn number_text(n: f64) -> String {
    crate::value::number_text(n)
}

/// An amount: a whole number of minor units within the safe integers, at least `min`.
#[inline(never)]
pub(crate) fn amount(o: &mut Obj, key: &'static str, min: i64) -> Result<Option<Money>> {
    let Some(v) = o.get(key) else { return Ok(None) };
    match v {
        // The common case, without building the path.
        Value::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= MAX_MINOR as f64 => {
            Money::from_minor(*n as i64).map(Some)
        }
        _ => amount_value(o, v, &o.at(key), min).map(Some),
    }
}

/// See [`amount`].
#[inline(never)]
pub(crate) fn amount_value(o: &Obj, v: &Value, path: &str, min: i64) -> Result<Money> {
    match v {
        Value::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= MAX_MINOR as f64 => {
            Money::from_minor(*n as i64)
        }
        Value::Number(n) => Err(o.error(
            path,
            format!("must be a whole number of minor units (fen) from {min} to {MAX_MINOR}, not {}", number_text(*n)),
        )),
        other => Err(o.error(path, format!("must be an amount in minor units (fen), not {}", other.kind()))),
    }
}

/// A count (quantity, points, days, invites): a whole number from `min` to `max`.
#[inline(never)]
pub(crate) fn count(o: &mut Obj, key: &'static str, min: i64, max: i64) -> Result<Option<i64>> {
    let Some(v) = o.get(key) else { return Ok(None) };
    match v {
        Value::Number(n) if n.fract() == 0.0 && *n >= min as f64 && *n <= max as f64 => Ok(Some(*n as i64)),
        Value::Number(n) => {
            Err(o.error(&o.at(key), format!("must be a whole number from {min} to {max}, not {}", number_text(*n))))
        }
        other => Err(o.error(&o.at(key), format!("must be a whole number, not {}", other.kind()))),
    }
}

/// A rate: a number is a fraction (`0.1`), a string any notation [`Rate::parse`] reads
/// (`"10%"`, `"9折"`); at most `max`.
#[inline(never)]
pub(crate) fn rate_value(o: &Obj, v: &Value, path: &str, max: Rate) -> Result<Rate> {
    let text = match v {
        Value::Number(n) => number_text(*n),
        Value::String(s) => s.clone(),
        other => return Err(o.error(path, format!("must be a rate such as 0.1 or \"10%\", not {}", other.kind()))),
    };
    let rate = Rate::parse(&text).map_err(|e| o.error(path, e.message().to_owned()))?;
    rate.at_most(max, "the rate").map_err(|e| o.error(path, e.message().to_owned()))
}

/// A rate under `key` (see [`rate_value`]).
#[inline(never)]
pub(crate) fn rate(o: &mut Obj, key: &'static str, max: Rate) -> Result<Option<Rate>> {
    let Some(v) = o.get(key) else { return Ok(None) };
    rate_value(o, v, &o.at(key), max).map(Some)
}

/// A list of rates, one to `most` of them.
#[inline(never)]
pub(crate) fn rates(o: &mut Obj, key: &'static str, most: usize, max: Rate) -> Result<Option<Vec<Rate>>> {
    let path = o.at(key);
    let Some(items) = o.array(key)? else { return Ok(None) };
    if items.is_empty() || items.len() > most {
        return Err(o.error(&path, format!("must list 1 to {most} rates, not {}", items.len())));
    }
    let rates = items.iter().enumerate().map(|(i, v)| rate_value(o, v, &format!("{path}[{i}]"), max));
    rates.collect::<Result<Vec<Rate>>>().map(Some)
}

/// A rounding mode by name.
#[inline(never)]
pub(crate) fn rounding(o: &mut Obj, key: &'static str) -> Result<Option<Rounding>> {
    o.choice(key, &Rounding::NAMES)
}

/// An allocation method by name.
#[inline(never)]
pub(crate) fn allocation(o: &mut Obj, key: &'static str) -> Result<Option<Allocation>> {
    o.choice(key, &Allocation::NAMES)
}

/// A list of strings (ids, names), each non-empty.
#[inline(never)]
pub(crate) fn strings(o: &mut Obj, key: &'static str) -> Result<Vec<String>> {
    let path = o.at(key);
    let Some(items) = o.array(key)? else { return Ok(Vec::new()) };
    items
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Value::String(s) if !s.is_empty() => Ok(s.clone()),
            other => Err(o.error(&format!("{path}[{i}]"), format!("must be a non-empty string, not {}", other.kind()))),
        })
        .collect()
}

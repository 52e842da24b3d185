//! Splitting an amount (a coupon, a points deduction, a shipping fee) across lines in
//! proportion to weights, in whole minor units that always sum to the amount.
//!
//! Each part starts as the exact share rounded toward zero; the methods differ only in
//! who receives the units that truncation left over, and each reproduces a system shops
//! run (see [`Allocation`]).

use super::Money;
use crate::{Error, ErrorKind, Result};

/// Most parts one call may split into.
pub const MAX_PARTS: usize = 100_000;

/// Who receives the minor units left after every part is rounded toward zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Allocation {
    /// The last part takes whatever the others leave (CRMEB and yudao allocate coupons this
    /// way): it may differ from its exact share by up to one unit per other part.
    Last,
    /// One unit each to the parts with the largest remainders (the largest-remainder or
    /// Hamilton method): every part is within one unit of its exact share.
    LargestRemainder,
    /// One unit each to the parts with the largest weights.
    LargestWeight,
    /// One unit each to the first parts with a weight: currency.js's `distribute`, and
    /// dinero.js v2's `allocate` (its `distribute` helper walks the ratios in order,
    /// skipping zeros).
    First,
}

impl Allocation {
    /// Every method, with its name in JSON rules and in JavaScript.
    pub const NAMES: [(&'static str, Allocation); 4] = [
        ("last", Allocation::Last),
        ("largestRemainder", Allocation::LargestRemainder),
        ("largestWeight", Allocation::LargestWeight),
        ("first", Allocation::First),
    ];

    /// The method called `name`.
    ///
    /// # Errors
    /// [`ErrorKind::AllocationInvalid`] for another name; the message lists the names.
    pub fn from_name(name: &str) -> Result<Allocation> {
        super::by_name(&Self::NAMES, name, ErrorKind::AllocationInvalid, "an allocation method")
    }

    /// The method's name, as [`Allocation::from_name`] reads it.
    pub fn name(self) -> &'static str {
        super::name_of(&Self::NAMES, self)
    }
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::AllocationInvalid, message)
}

/// Splits `amount` into one part per weight, in proportion to the weights, with `method`
/// deciding where the units left by rounding go; ties go to the lower index. The parts
/// always sum to `amount` exactly. A negative amount is split as its opposite and every
/// part negated. A part whose weight is 0 gets nothing, except under
/// [`Allocation::Last`], where the last part takes the remainder whatever its weight.
///
/// ```
/// use share_earn_core::money::{allocate, Allocation, Money};
/// let coupon = Money::from_minor(500)?; // ¥5.00 over lines of ¥10, ¥20, ¥30
/// let parts = |m| -> share_earn_core::Result<Vec<i64>> {
///     Ok(allocate(coupon, &[1000, 2000, 3000], m)?.iter().map(|p| p.minor()).collect())
/// };
/// // Exact shares 83.3, 166.7 and 250 fen.
/// assert_eq!(parts(Allocation::Last)?, [83, 166, 251]);
/// assert_eq!(parts(Allocation::LargestRemainder)?, [83, 167, 250]);
/// assert_eq!(parts(Allocation::LargestWeight)?, [83, 166, 251]);
/// assert_eq!(parts(Allocation::First)?, [84, 166, 250]);
/// # Ok::<(), share_earn_core::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::AllocationInvalid`] when there are no weights or more than 100,000, when a
/// weight is negative, or when they sum to 0.
pub fn allocate(amount: Money, weights: &[i64], method: Allocation) -> Result<Vec<Money>> {
    if weights.is_empty() || weights.len() > MAX_PARTS {
        return Err(invalid(format!("{} weights given; 1 to {MAX_PARTS} are needed", weights.len())));
    }
    if let Some(i) = weights.iter().position(|&w| w < 0) {
        return Err(invalid(format!("weight {i} is negative ({})", weights[i])).at_index(i));
    }
    let total: i128 = weights.iter().map(|&w| w as i128).sum();
    if total == 0 {
        return Err(invalid("the weights sum to 0, so there is nothing to split by".into()));
    }
    let a = amount.minor().unsigned_abs() as i128;
    // Exact share a × w / total as a whole part and a remainder (in 1/total units).
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut rems: Vec<i128> = Vec::with_capacity(weights.len());
    for &w in weights {
        let share = a * w as i128;
        parts.push(share / total);
        rems.push(share % total);
    }
    let left = a - parts.iter().sum::<i128>();
    let n = weights.len();
    match method {
        Allocation::Last => parts[n - 1] += left,
        Allocation::First => {
            for i in (0..n).filter(|&i| weights[i] > 0).take(left as usize) {
                parts[i] += 1;
            }
        }
        Allocation::LargestRemainder | Allocation::LargestWeight => {
            // Largest key first, lower index first among equals. There are always more
            // parts with a remainder (and so with a weight) than units left.
            let by_remainder = method == Allocation::LargestRemainder;
            let mut order: Vec<(i128, usize)> = (0..n)
                .filter(|&i| if by_remainder { rems[i] > 0 } else { weights[i] > 0 })
                .map(|i| (-if by_remainder { rems[i] } else { weights[i] as i128 }, i))
                .collect();
            heapsort(&mut order);
            for &(_, i) in order.iter().take(left as usize) {
                parts[i] += 1;
            }
        }
    }
    let negative = amount.minor() < 0;
    parts.into_iter().map(|p| super::checked(if negative { -p } else { p })).collect()
}

/// Sorts ascending. By hand: the standard sorts are 5 KB of `.wasm` per element type, and
/// here the keys are unique (they end with the index), so stability does not matter.
fn heapsort(v: &mut [(i128, usize)]) {
    fn sift_down(v: &mut [(i128, usize)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start, v.len());
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

trait AtIndex {
    fn at_index(self, i: usize) -> Error;
}

impl AtIndex for Error {
    fn at_index(self, i: usize) -> Error {
        self.at(format!("weights[{i}]"))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(super) fn heapsort_for_tests(v: &mut [(i128, usize)]) {
    heapsort(v)
}

// The tests compare with floating-point references, which the engine itself never uses.
#![allow(clippy::float_arithmetic)]

use super::*;
use proptest::prelude::*;

/// The table in the documentation of Java's `java.math.RoundingMode`: each mode applied
/// to 5.5, 2.5, 1.6, 1.1, 1.0, -1.0, -1.1, -1.6, -2.5, -5.5.
#[test]
fn rounding_follows_the_java_rounding_mode_table() {
    let inputs = [55, 25, 16, 11, 10, -10, -11, -16, -25, -55];
    let table: [(Rounding, [i128; 10]); 6] = [
        (Rounding::Up, [6, 3, 2, 2, 1, -1, -2, -2, -3, -6]),
        (Rounding::Down, [5, 2, 1, 1, 1, -1, -1, -1, -2, -5]),
        (Rounding::Ceiling, [6, 3, 2, 2, 1, -1, -1, -1, -2, -5]),
        (Rounding::Floor, [5, 2, 1, 1, 1, -1, -2, -2, -3, -6]),
        (Rounding::HalfUp, [6, 3, 2, 1, 1, -1, -1, -2, -3, -6]),
        (Rounding::HalfEven, [6, 2, 2, 1, 1, -1, -1, -2, -2, -6]),
    ];
    for (mode, want) in table {
        let got: Vec<i128> = inputs.iter().map(|&n| mode.div(n, 10)).collect();
        assert_eq!(got, want, "{}", mode.name());
        assert_eq!(Rounding::from_name(mode.name()), Ok(mode));
    }
    assert_eq!(Rounding::from_name("nearest").unwrap_err().kind(), ErrorKind::InvalidArgument);
}

proptest! {
    #[test]
    fn every_rounding_is_within_one_of_the_exact_quotient(n in -1_000_000_000i128..1_000_000_000, d in 1i128..100_000) {
        let exact = n as f64 / d as f64;
        for (_, mode) in Rounding::NAMES {
            let q = mode.div(n, d) as f64;
            prop_assert!((q - exact).abs() < 1.0, "{} {n}/{d} = {q}", mode.name());
        }
        prop_assert!(Rounding::Floor.div(n, d) as f64 <= exact && exact <= Rounding::Ceiling.div(n, d) as f64);
        prop_assert!(Rounding::Down.div(n, d).abs() as f64 <= exact.abs());
        prop_assert!(Rounding::Up.div(n, d).abs() as f64 >= exact.abs());
        for mode in [Rounding::HalfUp, Rounding::HalfEven] {
            // Nearest: never more than half away (compared exactly, in integers).
            prop_assert!((2 * (mode.div(n, d) * d - n)).abs() <= d);
        }
    }
}

#[test]
fn money_stays_within_safe_integers() {
    assert_eq!(Money::from_minor(MAX_MINOR).unwrap().minor(), MAX_MINOR);
    assert_eq!(Money::from_minor(MAX_MINOR + 1).unwrap_err().kind(), ErrorKind::AmountInvalid);
    assert_eq!(Money::from_minor(i64::MIN).unwrap_err().kind(), ErrorKind::AmountInvalid);
    let big = Money::from_minor(MAX_MINOR).unwrap();
    assert_eq!(big.checked_add(Money::from_minor(1).unwrap()).unwrap_err().kind(), ErrorKind::AmountOverflow);
    assert_eq!(big.times(2).unwrap_err().kind(), ErrorKind::AmountOverflow);
    assert_eq!(big.checked_sub(big).unwrap(), Money::ZERO);
    let s = |m: i64| Money::from_minor(m).unwrap().to_decimal_string();
    assert_eq!([s(1234), s(-5), s(0), s(100), s(-123456)], ["12.34", "-0.05", "0.00", "1.00", "-1234.56"]);
}

#[test]
fn an_amount_times_a_rate_is_rounded_as_asked() {
    // ¥299.00 at 5% is exactly ¥14.95; at 3.3% it is 986.7 fen.
    let price = Money::from_minor(29900).unwrap();
    assert_eq!(price.mul_rate(Rate::parse("5%").unwrap(), Rounding::Down).unwrap().minor(), 1495);
    let r = Rate::parse("3.3%").unwrap();
    assert_eq!(price.mul_rate(r, Rounding::Down).unwrap().minor(), 986);
    assert_eq!(price.mul_rate(r, Rounding::HalfUp).unwrap().minor(), 987);
    let huge = Money::from_minor(MAX_MINOR).unwrap();
    assert_eq!(huge.mul_rate(Rate::parse("2").unwrap(), Rounding::Down).unwrap_err().kind(), ErrorKind::AmountOverflow);
}

#[test]
fn rates_are_read_from_every_notation_staff_use() {
    let ppm = |t: &str| Rate::parse(t).map(Rate::ppm);
    let cases = [
        ("0.9", 900_000),
        ("90%", 900_000),
        ("9折", 900_000),
        ("8.5折", 850_000),
        ("85折", 850_000),
        ("95折", 950_000),
        ("0.5折", 50_000),
        (" 12.5 % ", 125_000),
        ("5‰", 5_000),
        ("1.5", 1_500_000),
        ("0", 0),
        ("100%", 1_000_000),
        (".5", 500_000),
        ("0.000001", 1),
    ];
    for (text, want) in cases {
        assert_eq!(ppm(text), Ok(want), "{text}");
    }
    for text in ["", "%", "-5%", "abc", "1e5", "0.1234567", "9.5.1", "10折", "100折", "0折", "85.5折", "1,5", "五折"]
    {
        let e = Rate::parse(text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::RateInvalid, "{text}: {e}");
    }
    // JSON numbers are fractions, read through their shortest decimal form.
    for (x, want) in [(0.9, 900_000), (0.1, 100_000), (0.07, 70_000), (1.0, 1_000_000), (0.000001, 1)] {
        assert_eq!(Rate::from_fraction(x).map(Rate::ppm), Ok(want), "{x}");
    }
    for x in [f64::NAN, f64::INFINITY, -0.5, 0.1234567, 2e6] {
        assert_eq!(Rate::from_fraction(x).unwrap_err().kind(), ErrorKind::RateInvalid, "{x}");
    }
    assert_eq!(
        Rate::parse("120%").unwrap().at_most(Rate::ONE, "the commission").unwrap_err().kind(),
        ErrorKind::RateInvalid
    );
    let pct = |t: &str| Rate::parse(t).unwrap().to_percent_string();
    assert_eq!([pct("0.9"), pct("12.5%"), pct("0.000001"), pct("0")], ["90%", "12.5%", "0.0001%", "0%"]);
}

#[test]
fn fixed_point_reproduces_bcmath_truncation() {
    // bcmul("33.33", "0.1", 4) = "3.3330"; trunc2 -> 3.33. bcmul("19.99", "3", 4) = "59.9700".
    let unit = Fixed::from_money(Money::from_minor(3333).unwrap());
    let rate = Fixed::from_rate(Rate::parse("10%").unwrap()).round(4, Rounding::Down).unwrap();
    let product = unit.checked_mul(rate).unwrap().round(4, Rounding::Down).unwrap();
    assert_eq!((product.units(), product.places()), (33330, 4));
    assert_eq!(product.to_money(Rounding::Down).unwrap().minor(), 333);
    // trunc4(1/3) = 0.3333; 1/3 of ¥100 to the fen, half up: ¥33.33.
    let third = Fixed::integer(1).div(Fixed::integer(3), 4, Rounding::Down).unwrap();
    assert_eq!((third.units(), third.places()), (3333, 4));
    let hundred = Fixed::from_money(Money::from_minor(10000).unwrap());
    assert_eq!(hundred.div(Fixed::integer(3), 2, Rounding::HalfUp).unwrap().units(), 3333);
    assert_eq!(hundred.div(Fixed::integer(-3), 2, Rounding::Floor).unwrap().units(), -3334);
    assert_eq!(hundred.div(Fixed::integer(0), 2, Rounding::Down).unwrap_err().kind(), ErrorKind::AmountOverflow);
    assert_eq!(hundred.checked_add(third).unwrap(), Fixed::new(1_003_333, 4));
    assert_eq!(hundred.checked_sub(third).unwrap(), Fixed::new(996_667, 4));
}

fn minors(parts: Result<Vec<Money>>) -> Vec<i64> {
    parts.unwrap().iter().map(|m| m.minor()).collect()
}

/// Hand-derived: floors of the exact shares, then each method's rule for the rest.
#[test]
fn allocation_methods_place_the_leftover_units_as_documented() {
    let m = |v: i64| Money::from_minor(v).unwrap();
    let all = |amount: i64, weights: &[i64]| -> Vec<Vec<i64>> {
        [Allocation::Last, Allocation::LargestRemainder, Allocation::LargestWeight, Allocation::First]
            .map(|method| minors(allocate(m(amount), weights, method)))
            .to_vec()
    };
    // 100 / 3: floors 33, 33, 33, one unit left; equal weights and remainders: index 0.
    assert_eq!(all(100, &[1, 1, 1]), [vec![33, 33, 34], vec![34, 33, 33], vec![34, 33, 33], vec![34, 33, 33]]);
    // 5 by 1:2:3: exact 0.83, 1.67, 2.5; floors 0, 1, 2; remainders 5/6, 4/6, 3/6; two left.
    assert_eq!(all(5, &[1, 2, 3]), [vec![0, 1, 4], vec![1, 2, 2], vec![0, 2, 3], vec![1, 2, 2]]);
    // A zero weight: 7 by 0:1:1 is 0, 3.5, 3.5; the tie goes to index 1; `last` gives the
    // remainder to the last part.
    assert_eq!(all(7, &[0, 1, 1]), [vec![0, 3, 4], vec![0, 4, 3], vec![0, 4, 3], vec![0, 4, 3]]);
    // Exact shares need no rule.
    assert_eq!(all(1000, &[3, 7]), vec![vec![300, 700]; 4]);
    // Negative amounts mirror positive ones.
    assert_eq!(minors(allocate(m(-100), &[1, 1, 1], Allocation::LargestRemainder)), [-34, -33, -33]);
    // A coupon larger than everything still splits exactly.
    assert_eq!(minors(allocate(m(MAX_MINOR), &[1, 1], Allocation::First)), [MAX_MINOR / 2 + 1, MAX_MINOR / 2]);
    for (weights, path) in
        [(vec![], None), (vec![3, -1], Some("weights[1]")), (vec![0, 0], None), (vec![1; MAX_PARTS + 1], None)]
    {
        let e = allocate(m(100), &weights, Allocation::Last).unwrap_err();
        assert_eq!((e.kind(), e.path()), (ErrorKind::AllocationInvalid, path), "{e}");
    }
    assert_eq!(Allocation::from_name("largestRemainder"), Ok(Allocation::LargestRemainder));
    assert_eq!(Allocation::from_name("hamilton").unwrap_err().kind(), ErrorKind::AllocationInvalid);
}

proptest! {
    #[test]
    fn allocation_always_sums_to_the_amount(
        amount in -MAX_MINOR..=MAX_MINOR,
        weights in prop::collection::vec(0i64..1_000_000_000, 1..40),
        method in 0usize..4,
    ) {
        prop_assume!(weights.iter().any(|&w| w > 0));
        let method = Allocation::NAMES[method].1;
        let parts = minors(allocate(Money::from_minor(amount).unwrap(), &weights, method));
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().map(|&p| p as i128).sum::<i128>(), amount as i128);
        let total: i128 = weights.iter().map(|&w| w as i128).sum();
        let a = amount.unsigned_abs() as i128;
        for (i, (&p, &w)) in parts.iter().zip(&weights).enumerate() {
            let floor = a * w as i128 / total;
            let p = p.unsigned_abs() as i128;
            if method == Allocation::Last && i == parts.len() - 1 {
                prop_assert!(p >= floor && p < floor + parts.len() as i128);
            } else {
                // Within one unit of the exact share, and nothing for a zero weight.
                prop_assert!(p == floor || p == floor + 1, "part {} is {} for a floor of {}", i, p, floor);
                prop_assert!(w > 0 || p == 0);
            }
        }
    }
}

proptest! {
    #[test]
    fn the_heapsort_sorts(mut v in prop::collection::vec((any::<i64>(), 0usize..50), 0..200)) {
        let mut keyed: Vec<(i128, usize)> = v.iter().map(|&(k, i)| (k as i128, i)).collect();
        super::allocate::heapsort_for_tests(&mut keyed);
        v.sort();
        let want: Vec<(i128, usize)> = v.iter().map(|&(k, i)| (k as i128, i)).collect();
        prop_assert_eq!(keyed, want);
    }
}

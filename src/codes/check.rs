//! The check character: one extra character that catches every single-character typo
//! and every swap of two neighbouring characters.
//!
//! The scheme is H. Michael Damm's (2004): fold the digits through a *totally
//! anti-symmetric quasigroup* `*`, starting from 0, and choose the check digit that
//! brings the fold back to 0. A quasigroup (Latin square: every row and every column a
//! permutation) makes any single substitution change the final state. Total
//! anti-symmetry, `(c*x)*y == (c*y)*x  =>  x == y`, makes any adjacent transposition
//! change it too, including a swap with the check digit itself.
//!
//! Such quasigroups exist for every order except 2 and 6. We build them as follows:
//! - odd `n`: `x*y = (2x + y) mod n` (2 and 2-1 are both units mod odd `n`);
//! - `n = 2^k * m`, `k >= 2`, `m` odd: the direct product of `GF(2^k)` with
//!   `x*y = a*x + y` (`a` the field generator, so `a` and `a-1` are non-zero) and the odd
//!   construction on `Z_m`; a product of totally anti-symmetric quasigroups is one;
//! - `n = 10`: Damm's published table of order 10 (digits-only codes).
//!
//! The remaining sizes (`n = 2 mod 4` other than 10: 14, 18, 22, …, 62) have no such
//! simple construction and are rejected with a message that says which sizes work.
//! Every supported table is checked exhaustively in the tests.

use crate::error::{Error, ErrorKind, Result};

/// Damm's quasigroup of order 10 (weakly totally anti-symmetric, zero diagonal).
const DAMM_10: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// Irreducible polynomials of degree k over GF(2), for k = 2..=6 (bit k set).
const GF2_POLY: [u16; 7] = [0, 0, 0b111, 0b1011, 0b1_0011, 0b10_0101, 0b100_0011];

/// A totally anti-symmetric quasigroup of order `n`, as a lookup table.
#[derive(Clone, Debug)]
pub struct CheckTable {
    n: usize,
    table: Vec<u8>,
    /// `zero_of[s]`: the digit `d` with `s * d == 0`.
    zero_of: Vec<u8>,
}

impl CheckTable {
    /// Builds the table for an alphabet of `n` characters.
    ///
    /// # Errors
    /// [`ErrorKind::CodeInvalidOptions`] (path `alphabet`) when `n` is 2 mod 4 and not 10.
    pub fn new(n: usize) -> Result<Self> {
        let op: Box<dyn Fn(usize, usize) -> usize> = if n == 10 {
            Box::new(|x, y| DAMM_10[x][y] as usize)
        } else if n % 2 == 1 {
            Box::new(move |x, y| (2 * x + y) % n)
        } else if n % 4 == 0 && n.trailing_zeros() < GF2_POLY.len() as u32 {
            let k = n.trailing_zeros();
            let m = n >> k;
            Box::new(move |x, y| {
                // Digit x <-> (field element x / m, residue x % m).
                let field = gf2_times_generator(x / m, k) ^ (y / m);
                let odd = (2 * (x % m) + y % m) % m;
                field * m + odd
            })
        } else {
            return Err(Error::new(
                ErrorKind::CodeInvalidOptions,
                format!(
                    "an alphabet of {n} characters cannot carry the check character; use a size \
                     that is odd, a multiple of 4, or 10 (e.g. {} or {})",
                    n - 1,
                    n + 2
                ),
            )
            .at("alphabet"));
        };
        let mut table = vec![0u8; n * n];
        let mut zero_of = vec![0u8; n];
        for x in 0..n {
            for y in 0..n {
                let z = op(x, y);
                table[x * n + y] = z as u8;
                if z == 0 {
                    zero_of[x] = y as u8;
                }
            }
        }
        Ok(CheckTable { n, table, zero_of })
    }

    fn op(&self, state: u8, digit: u8) -> u8 {
        self.table[state as usize * self.n + digit as usize]
    }

    /// The check digit for `digits`.
    pub fn check_digit(&self, digits: &[u8]) -> u8 {
        let state = digits.iter().fold(0, |s, &d| self.op(s, d));
        self.zero_of[state as usize]
    }

    /// Whether `digits`, whose last element is the check digit, are consistent.
    pub fn verify(&self, digits_with_check: &[u8]) -> bool {
        digits_with_check.iter().fold(0, |s, &d| self.op(s, d)) == 0
    }
}

/// Multiplies a field element by the generator `x` in GF(2^k).
fn gf2_times_generator(a: usize, k: u32) -> usize {
    let shifted = (a as u16) << 1;
    let reduced = if shifted >> k & 1 == 1 { shifted ^ GF2_POLY[k as usize] } else { shifted };
    reduced as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::alphabet::{MAX_SIZE, MIN_SIZE};

    /// The sizes the module documentation promises, stated independently of `new`.
    fn supports(n: usize) -> bool {
        n == 10 || n % 2 == 1 || n % 4 == 0
    }

    /// The two laws, checked over every state and every pair of digits: this is the
    /// exhaustive proof that substitutions and adjacent transpositions are caught.
    fn assert_totally_antisymmetric_quasigroup(t: &CheckTable) {
        let n = t.n as u8;
        for c in 0..n {
            for x in 0..n {
                for y in 0..n {
                    if x == y {
                        continue;
                    }
                    assert_ne!(t.op(c, x), t.op(c, y), "n={n}: row {c} not a permutation");
                    assert_ne!(t.op(x, c), t.op(y, c), "n={n}: column {c} not a permutation");
                    assert_ne!(
                        t.op(t.op(c, x), y),
                        t.op(t.op(c, y), x),
                        "n={n}: swap of {x},{y} after state {c} goes unnoticed"
                    );
                }
            }
        }
    }

    #[test]
    fn every_supported_size_is_a_totally_antisymmetric_quasigroup() {
        let mut supported = 0;
        for n in MIN_SIZE..=MAX_SIZE {
            match CheckTable::new(n) {
                Ok(t) => {
                    assert!(supports(n));
                    assert_totally_antisymmetric_quasigroup(&t);
                    supported += 1;
                }
                Err(e) => {
                    assert!(!supports(n));
                    assert_eq!(n % 4, 2, "only sizes 2 mod 4 are refused, not {n}");
                    assert_eq!(e.kind(), ErrorKind::CodeInvalidOptions);
                }
            }
        }
        // 55 sizes from 10 to 64, of which 13 are 2 mod 4 (14, 18, …, 62).
        assert_eq!(supported, 55 - 13);
    }

    #[test]
    fn damm_reference_check_digit() {
        // Damm's worked example (and the standard test vector): 572 -> check digit 4.
        let t = CheckTable::new(10).unwrap();
        assert_eq!(t.check_digit(&[5, 7, 2]), 4);
        assert!(t.verify(&[5, 7, 2, 4]));
        assert!(!t.verify(&[5, 2, 7, 4]));
    }

    #[test]
    fn gf_multiplication_by_generator_is_a_bijection_for_each_degree() {
        for k in 2..=6u32 {
            let mut seen = vec![false; 1 << k];
            for a in 0..1usize << k {
                let b = gf2_times_generator(a, k);
                assert!(b < 1 << k && !seen[b], "k={k}");
                seen[b] = true;
            }
        }
    }
}

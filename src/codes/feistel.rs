//! A keyed permutation of `0..domain` for any `domain <= 2^64`: a balanced Feistel
//! network over the smallest even number of bits that covers the domain, with cycle
//! walking to stay inside it (Black and Rogaway, "Ciphers with Arbitrary Finite Domains").
//!
//! The round function is SipHash-1-3 keyed with 128 bits derived from the brand secret,
//! so neighbouring ids map to unrelated values and two brands' permutations are
//! unrelated. The algorithm is fixed and spelled out here (not `std`'s hasher, whose
//! algorithm may change), because a code issued today must decode in ten years.

use siphasher::sip::SipHasher13;
use std::hash::Hasher;

const ROUNDS: u64 = 8;

/// A keyed family of permutations, one per `(domain, tweak)`.
#[derive(Clone, Debug)]
pub struct Permutation {
    key: [u8; 16],
}

impl Permutation {
    /// A permutation keyed by 16 bytes (derive them from the secret with a hash).
    pub fn new(key: [u8; 16]) -> Self {
        Permutation { key }
    }

    /// Maps `x < domain` to a value `< domain`; `domain >= 1`.
    pub fn forward(&self, x: u64, domain: u128, tweak: u64) -> u64 {
        self.walk(x, domain, tweak, Self::encrypt)
    }

    /// The inverse of [`forward`](Self::forward) for the same `domain` and `tweak`.
    pub fn backward(&self, y: u64, domain: u128, tweak: u64) -> u64 {
        self.walk(y, domain, tweak, Self::decrypt)
    }

    /// Cycle walking: apply the block permutation until the value lands in the domain.
    /// It terminates because `x` itself lies in the domain and on its own cycle; the
    /// block is at most 4x the domain, so fewer than 4 steps are expected.
    fn walk(&self, x: u64, domain: u128, tweak: u64, step: fn(&Self, u64, u32, u64) -> u64) -> u64 {
        debug_assert!((x as u128) < domain && domain <= 1 << 64);
        let half = half_bits(domain);
        let mut y = step(self, x, half, tweak);
        while y as u128 >= domain {
            y = step(self, y, half, tweak);
        }
        y
    }

    fn round(&self, round: u64, half: u32, tweak: u64, value: u64) -> u64 {
        let mut h = SipHasher13::new_with_key(&self.key);
        // Round number, width and tweak in one word: each (domain, tweak) is its own cipher.
        h.write_u64(round | (half as u64) << 8 | tweak << 16);
        h.write_u64(value);
        h.finish() & mask(half)
    }

    fn encrypt(&self, x: u64, half: u32, tweak: u64) -> u64 {
        let (mut left, mut right) = (x >> half, x & mask(half));
        for r in 0..ROUNDS {
            let next = left ^ self.round(r, half, tweak, right);
            left = right;
            right = next;
        }
        left << half | right
    }

    fn decrypt(&self, y: u64, half: u32, tweak: u64) -> u64 {
        let (mut left, mut right) = (y >> half, y & mask(half));
        for r in (0..ROUNDS).rev() {
            let prev = right ^ self.round(r, half, tweak, left);
            right = left;
            left = prev;
        }
        left << half | right
    }
}

/// Half the bits of the smallest even-width block holding `0..domain` (at least 1).
fn half_bits(domain: u128) -> u32 {
    let bits = 128 - (domain.saturating_sub(1)).leading_zeros();
    bits.div_ceil(2).max(1)
}

fn mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn perm(seed: u8) -> Permutation {
        Permutation::new([seed; 16])
    }

    #[test]
    fn is_a_bijection_on_small_domains() {
        let p = perm(7);
        for domain in [1u128, 2, 3, 10, 31, 32, 33, 100, 1000, 1024, 32 * 32 * 32] {
            let mut seen = vec![false; domain as usize];
            for x in 0..domain as u64 {
                let y = p.forward(x, domain, 3);
                assert!((y as u128) < domain);
                assert!(!seen[y as usize], "domain {domain}: {y} hit twice");
                seen[y as usize] = true;
                assert_eq!(p.backward(y, domain, 3), x);
            }
        }
    }

    #[test]
    fn inverts_on_the_largest_domain() {
        let p = perm(1);
        for x in [0u64, 1, u64::MAX, u64::MAX / 3, 1 << 53] {
            let y = p.forward(x, 1 << 64, 0);
            assert_eq!(p.backward(y, 1 << 64, 0), x);
        }
    }

    #[test]
    fn keys_and_tweaks_give_different_permutations() {
        let domain = 1u128 << 35;
        let a: Vec<u64> = (1000..1010).map(|x| perm(1).forward(x, domain, 0)).collect();
        let b: Vec<u64> = (1000..1010).map(|x| perm(2).forward(x, domain, 0)).collect();
        let c: Vec<u64> = (1000..1010).map(|x| perm(1).forward(x, domain, 1)).collect();
        assert!(a.iter().zip(&b).all(|(x, y)| x != y));
        assert!(a.iter().zip(&c).all(|(x, y)| x != y));
    }
}

//! CRC-32 as PNG chunks, zlib's gzip and Ethernet use it (the catalogue's CRC-32/ISO-HDLC:
//! reflected polynomial 0x04C11DB7, initial value and final XOR 0xFFFFFFFF), with the API of
//! the `crc32fast` crate for which it stands in.
//!
//! The update runs "slice by 16": 16 bytes per step through 16 tables of 256 entries. The
//! tables are derived from the polynomial on first use instead of being constants in the
//! binary, which is the point of this crate (see its Cargo.toml).

use std::sync::OnceLock;

/// The reflected polynomial: bit 31 is x^0, bit 0 is x^31 (x^32 is implied).
const POLY: u32 = 0xEDB8_8320;

type Tables = [[u32; 256]; 16];

/// `T[0][b]`: the CRC register after shifting byte `b` through it; `T[k][b]`: the same byte
/// followed by `k` zero bytes.
fn tables() -> &'static Tables {
    static TABLES: OnceLock<Box<Tables>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Box::new([[0u32; 256]; 16]);
        for b in 0..256 {
            t[0][b] = (0..8).fold(b as u32, |c, _| if c & 1 != 0 { (c >> 1) ^ POLY } else { c >> 1 });
        }
        for k in 1..16 {
            for b in 0..256 {
                let prev = t[k - 1][b];
                t[k][b] = (prev >> 8) ^ t[0][(prev & 0xFF) as usize];
            }
        }
        t
    })
}

/// Runs the register (not inverted) over `data`.
fn update_register(mut crc: u32, data: &[u8]) -> u32 {
    let t = tables();
    let mut blocks = data.chunks_exact(16);
    for b in &mut blocks {
        let a = crc ^ u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        crc = t[15][(a & 0xFF) as usize]
            ^ t[14][((a >> 8) & 0xFF) as usize]
            ^ t[13][((a >> 16) & 0xFF) as usize]
            ^ t[12][(a >> 24) as usize]
            ^ t[11][b[4] as usize]
            ^ t[10][b[5] as usize]
            ^ t[9][b[6] as usize]
            ^ t[8][b[7] as usize]
            ^ t[7][b[8] as usize]
            ^ t[6][b[9] as usize]
            ^ t[5][b[10] as usize]
            ^ t[4][b[11] as usize]
            ^ t[3][b[12] as usize]
            ^ t[2][b[13] as usize]
            ^ t[1][b[14] as usize]
            ^ t[0][b[15] as usize];
    }
    for &b in blocks.remainder() {
        crc = (crc >> 8) ^ t[0][((crc ^ b as u32) & 0xFF) as usize];
    }
    crc
}

/// a(x) · b(x) mod P(x), both in the reflected form.
fn multiply_mod_p(a: u32, mut b: u32) -> u32 {
    let mut product = 0;
    // Each term of `a`, from x^0 (bit 31) up, while `b` is multiplied by x each step.
    let mut term = 1u32 << 31;
    while term != 0 {
        if a & term != 0 {
            product ^= b;
        }
        b = if b & 1 != 0 { (b >> 1) ^ POLY } else { b >> 1 };
        term >>= 1;
    }
    product
}

/// x^(8 · bytes) mod P(x): what the register is multiplied by when `bytes` zero bytes pass.
fn x_to_8n_mod_p(bytes: u64) -> u32 {
    let mut result = 1u32 << 31; // x^0
    let mut square = 1u32 << 30; // x^1, then x^2, x^4, ...
    let mut n = bytes as u128 * 8;
    while n != 0 {
        if n & 1 != 0 {
            result = multiply_mod_p(result, square);
        }
        square = multiply_mod_p(square, square);
        n >>= 1;
    }
    result
}

/// A running CRC-32.
#[derive(Clone, Debug)]
pub struct Hasher {
    /// The CRC of what was hashed so far (inverted in and out of the register).
    crc: u32,
    /// How many bytes that was, for [`Hasher::combine`].
    amount: u64,
}

impl Default for Hasher {
    fn default() -> Self {
        Hasher::new()
    }
}

impl Hasher {
    /// The CRC of nothing (0).
    pub fn new() -> Hasher {
        Hasher::new_with_initial(0)
    }

    /// Continues from the CRC `init` of some earlier bytes.
    pub fn new_with_initial(init: u32) -> Hasher {
        Hasher::new_with_initial_len(init, 0)
    }

    /// Continues from the CRC `init` of `amount` earlier bytes (for [`Hasher::combine`]).
    pub fn new_with_initial_len(init: u32, amount: u64) -> Hasher {
        Hasher { crc: init, amount }
    }

    /// Adds `data`.
    pub fn update(&mut self, data: &[u8]) {
        self.crc = !update_register(!self.crc, data);
        self.amount += data.len() as u64;
    }

    /// The CRC of everything added.
    pub fn finalize(self) -> u32 {
        self.crc
    }

    /// Back to the CRC of nothing.
    pub fn reset(&mut self) {
        *self = Hasher::new();
    }

    /// Makes this the CRC of its bytes followed by `other`'s, without the bytes: the CRC of
    /// A then B is CRC(A) · x^(8·|B|) + CRC(B) modulo the polynomial (the initial value and
    /// final XOR cancel out in that sum).
    pub fn combine(&mut self, other: &Hasher) {
        self.crc = multiply_mod_p(x_to_8n_mod_p(other.amount), self.crc) ^ other.crc;
        self.amount += other.amount;
    }
}

impl std::hash::Hasher for Hasher {
    fn write(&mut self, bytes: &[u8]) {
        self.update(bytes);
    }
    fn finish(&self) -> u64 {
        u64::from(self.crc)
    }
}

/// The CRC-32 of `data`.
pub fn hash(data: &[u8]) -> u32 {
    let mut h = Hasher::new();
    h.update(data);
    h.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, a bit at a time.
    fn bitwise(data: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in data {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 != 0 { (crc >> 1) ^ POLY } else { crc >> 1 };
            }
        }
        !crc
    }

    fn bytes(n: usize, seed: u32) -> Vec<u8> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn catalogue_check_values() {
        // The "check" of CRC-32/ISO-HDLC in the CRC catalogue, and two values every zlib gives.
        assert_eq!(hash(b"123456789"), 0xCBF4_3926);
        assert_eq!(hash(b""), 0);
        assert_eq!(hash(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
        // A PNG's IEND chunk ends with the CRC of "IEND": AE 42 60 82.
        assert_eq!(hash(b"IEND"), 0xAE42_6082);
    }

    #[test]
    fn slice_by_16_is_the_definition() {
        for n in (0..70).chain([255, 256, 257, 4096, 10_001]) {
            let data = bytes(n, n as u32 + 7);
            assert_eq!(hash(&data), bitwise(&data), "{n} bytes");
            // Fed in uneven pieces.
            let mut h = Hasher::new();
            for piece in data.chunks(7 + n % 11) {
                h.update(piece);
            }
            assert_eq!(h.finalize(), bitwise(&data), "{n} bytes in pieces");
        }
    }

    #[test]
    fn combine_is_concatenation() {
        let data = bytes(5000, 99);
        for split in [0, 1, 15, 16, 17, 1000, 4999, 5000] {
            let (a, b) = data.split_at(split);
            let mut ha = Hasher::new();
            ha.update(a);
            let mut hb = Hasher::new();
            hb.update(b);
            ha.combine(&hb);
            assert_eq!(ha.finalize(), bitwise(&data), "split at {split}");
        }
    }

    #[test]
    fn reset_and_initial_values() {
        let mut h = Hasher::new();
        h.update(b"abc");
        h.reset();
        h.update(b"123456789");
        assert_eq!(h.finalize(), 0xCBF4_3926);
        let mut h = Hasher::new_with_initial(hash(b"12345"));
        h.update(b"6789");
        assert_eq!(h.finalize(), 0xCBF4_3926);
    }
}

//! The entropy-coded data of a scan: a bit reader that undoes byte stuffing and stops at
//! markers, and Huffman tables with a lookup table for the short codes.

use super::Corrupt;

/// Bits of lookahead resolved by one table lookup: 9 covers nearly every code of
/// photographic JPEGs (the longer ones take the canonical-code walk).
const FAST_BITS: u32 = 9;

/// A Huffman table from a DHT segment, in canonical form (T.81 Annex C).
#[derive(Clone)]
pub struct Table {
    /// `(length << 8) | symbol` for every `FAST_BITS`-bit prefix that starts with a code of
    /// at most `FAST_BITS` bits; 0 where the code is longer.
    fast: [u16; 1 << FAST_BITS],
    /// The largest code of each length (1-16), left-aligned to 16 bits, plus one; 0 when
    /// the length has no codes.
    max_code: [u32; 17],
    /// For each length, what to add to a code (right-aligned) to index `symbols`.
    offset: [i32; 17],
    symbols: Vec<u8>,
    /// For AC tables: for every `FAST_BITS`-bit prefix holding a whole run/size code and
    /// its value bits, `value << 8 | run << 4 | bits used`; 0 otherwise. One lookup then
    /// decodes most coefficients of a photo.
    pub fast_ac: [i16; 1 << FAST_BITS],
}

impl Table {
    /// Builds the table from the 16 code counts and the symbols. Refuses more codes than
    /// a length can hold (a corrupt table would otherwise decode garbage forever).
    pub fn new(counts: &[u8; 16], symbols: &[u8]) -> Result<Table, Corrupt> {
        if counts.iter().map(|&n| n as usize).sum::<usize>() != symbols.len() {
            return Err(Corrupt("a Huffman table's code counts and symbols disagree"));
        }
        let mut t = Table {
            fast: [0; 1 << FAST_BITS],
            max_code: [0; 17],
            offset: [0; 17],
            symbols: symbols.to_vec(),
            fast_ac: [0; 1 << FAST_BITS],
        };
        let mut code: u32 = 0;
        let mut k = 0usize;
        for len in 1..=16u32 {
            let n = counts[len as usize - 1] as usize;
            if n > 0 {
                if code + n as u32 > 1 << len {
                    return Err(Corrupt("a Huffman table has more codes than its lengths can hold"));
                }
                t.offset[len as usize] = k as i32 - code as i32;
                for i in 0..n {
                    if len <= FAST_BITS {
                        // Every FAST_BITS-bit prefix that starts with this code.
                        let first = ((code + i as u32) << (FAST_BITS - len)) as usize;
                        let entry = ((len as u16) << 8) | symbols[k + i] as u16;
                        t.fast[first..first + (1 << (FAST_BITS - len))].fill(entry);
                    }
                }
                code += n as u32;
                k += n;
                t.max_code[len as usize] = code << (16 - len);
            }
            code <<= 1;
        }
        for (prefix, entry) in t.fast.iter().enumerate() {
            let (len, rs) = ((entry >> 8) as u32, (entry & 255) as u32);
            let (run, size) = (rs >> 4, rs & 15);
            if *entry == 0 || size == 0 || len + size > FAST_BITS {
                continue;
            }
            let raw = (prefix as i32 >> (FAST_BITS - len - size)) & ((1 << size) - 1);
            let value = if raw < 1 << (size - 1) { raw - (1 << size) + 1 } else { raw };
            if (-128..128).contains(&value) {
                t.fast_ac[prefix] = ((value << 8) | (run << 4) as i32 | (len + size) as i32) as i16;
            }
        }
        Ok(t)
    }
}

/// Reads the bits of one scan, most significant first. Past the end of the data or at a
/// marker it supplies zero bits, and counts them, so that a truncated file can be told
/// from one that ends where its last code does.
pub struct Bits<'a> {
    data: &'a [u8],
    /// The next byte to read.
    pub pos: usize,
    acc: u64,
    /// Valid bits in `acc`, from the top.
    count: u32,
    /// A marker (other than a stuffed 0xFF00) was reached at `pos`.
    at_marker: bool,
    /// Zero bytes supplied after the end of the data.
    past_end: u32,
}

impl<'a> Bits<'a> {
    pub fn new(data: &'a [u8], pos: usize) -> Bits<'a> {
        Bits { data, pos, acc: 0, count: 0, at_marker: false, past_end: 0 }
    }

    /// Tops up `acc` to at least 57 bits.
    #[inline(always)]
    fn refill(&mut self) {
        // Fast path: eight bytes without a 0xFF among them.
        if !self.at_marker && self.count <= 32 {
            if let Some(next) = self.data.get(self.pos..self.pos + 4) {
                let word = u32::from_be_bytes([next[0], next[1], next[2], next[3]]);
                // No byte is 0xFF (the classic has-a-zero-byte test on the complement).
                let inv = !word;
                if (inv.wrapping_sub(0x0101_0101) & !inv & 0x8080_8080) == 0 {
                    self.acc |= (word as u64) << (32 - self.count);
                    self.count += 32;
                    self.pos += 4;
                }
            }
        }
        while self.count <= 56 {
            let byte = self.next_byte();
            self.acc |= (byte as u64) << (56 - self.count);
            self.count += 8;
        }
    }

    #[inline]
    fn next_byte(&mut self) -> u8 {
        if self.at_marker {
            return 0;
        }
        let Some(&b) = self.data.get(self.pos) else {
            self.past_end = self.past_end.saturating_add(1);
            return 0;
        };
        if b != 0xFF {
            self.pos += 1;
            return b;
        }
        match self.data.get(self.pos + 1) {
            Some(0) => {
                self.pos += 2;
                0xFF
            }
            Some(_) => {
                // A marker: stay on it, so the caller finds it after the scan.
                self.at_marker = true;
                0
            }
            None => {
                self.pos += 1;
                self.past_end = self.past_end.saturating_add(1);
                0
            }
        }
    }

    /// The next `FAST_BITS` bits, as an index of [`Table::fast_ac`].
    #[inline(always)]
    pub fn peek_fast(&mut self) -> usize {
        self.peek(FAST_BITS) as usize
    }

    /// The next `n` (1-16) bits, not consumed.
    #[inline(always)]
    fn peek(&mut self, n: u32) -> u32 {
        if self.count < n {
            self.refill();
        }
        (self.acc >> (64 - n)) as u32
    }

    /// Drops `n` bits, at most as many as the last peek saw.
    #[inline(always)]
    pub fn consume(&mut self, n: u32) {
        self.acc <<= n;
        self.count -= n;
    }

    /// `n` (0-16) bits as an unsigned number.
    #[inline(always)]
    pub fn bits(&mut self, n: u32) -> u32 {
        if n == 0 {
            return 0;
        }
        let v = self.peek(n);
        self.consume(n);
        v
    }

    /// One bit.
    #[inline(always)]
    pub fn bit(&mut self) -> bool {
        self.bits(1) == 1
    }

    /// `n` bits as the signed value of a coefficient of magnitude category `n` (T.81
    /// F.2.2.1: a leading 0 bit means negative).
    #[inline(always)]
    pub fn signed(&mut self, n: u32) -> i32 {
        if n == 0 {
            return 0;
        }
        let v = self.bits(n) as i32;
        if v < 1 << (n - 1) {
            v - (1 << n) + 1
        } else {
            v
        }
    }

    /// The next symbol coded with `t`.
    #[inline(always)]
    pub fn decode(&mut self, t: &Table) -> Result<u8, Corrupt> {
        let look = self.peek(16);
        let e = t.fast[(look >> (16 - FAST_BITS)) as usize];
        if e != 0 {
            self.consume((e >> 8) as u32);
            return Ok(e as u8);
        }
        for len in FAST_BITS + 1..=16 {
            if look < t.max_code[len as usize] {
                self.consume(len);
                let i = (look >> (16 - len)) as i32 + t.offset[len as usize];
                return t.symbols.get(i as usize).copied().ok_or(Corrupt("a Huffman code has no symbol"));
            }
        }
        Err(Corrupt("a bad Huffman code"))
    }

    /// Whether the data ended before the scan did: bits after the end were used.
    pub fn overran(&self) -> bool {
        self.past_end as u64 * 8 > self.count as u64
    }

    /// At a restart interval's end: drops the bits left of the last byte and steps over
    /// the RSTn marker if it is there (a missing one is tolerated, as decoders do).
    pub fn restart(&mut self) {
        self.acc = 0;
        self.count = 0;
        if matches!(self.data.get(self.pos..self.pos + 2), Some([0xFF, 0xD0..=0xD7])) {
            self.pos += 2;
        }
        self.at_marker = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// T.81 Table K.3, the typical luminance DC table: category 0 is `00`, 1-5 are `010`,
    /// `011`, `100`, `101`, `110`, then `1110`, `11110`, ... up to 11 (`111111110`).
    fn luma_dc() -> Table {
        let counts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
        Table::new(&counts, &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).unwrap()
    }

    #[test]
    fn decodes_the_codes_of_table_k3() {
        // 00 | 010 | 111111110 | 1110, then 1-bits to the byte boundary.
        let bits = "00010111111110111011111111";
        let mut bytes = Vec::new();
        for chunk in bits.as_bytes().chunks(8) {
            let s: String = chunk.iter().map(|&c| c as char).collect();
            bytes.push(u8::from_str_radix(&format!("{s:1<8}"), 2).unwrap());
        }
        let mut b = Bits::new(&bytes, 0);
        let t = luma_dc();
        let got: Vec<u8> = (0..4).map(|_| b.decode(&t).unwrap()).collect();
        assert_eq!(got, [0, 1, 11, 6]);
        assert!(!b.overran());
    }

    #[test]
    fn unstuffs_ff00_and_stops_at_markers() {
        let data = [0xFF, 0x00, 0x12, 0xFF, 0xD9];
        let mut b = Bits::new(&data, 0);
        assert_eq!(b.bits(16), 0xFF12);
        // The marker supplies zeros and stays where it is.
        assert_eq!(b.bits(16), 0);
        assert_eq!(b.pos, 3);
        assert!(!b.overran(), "a marker is not the end of the file");
        let mut short = Bits::new(&data[..1], 0);
        short.bits(8);
        assert!(short.overran());
    }

    #[test]
    fn signed_values_follow_f_2_2_1() {
        // Category 3: 000 -> -7, 011 -> -4, 100 -> 4, 111 -> 7.
        let data = [0b0000_1110, 0b0111_0000];
        let mut b = Bits::new(&data, 0);
        assert_eq!([b.signed(3), b.signed(3), b.signed(3), b.signed(3)], [-7, -4, 4, 7]);
    }

    #[test]
    fn fast_ac_entries_decode_run_and_value_together() {
        // One code `0` (1 bit) for run 2 / size 3: the prefix 0 101 xxxxx is run 2, value
        // 5 (101 is positive 5), 4 bits used; 0 010 is value -5.
        let mut counts = [0u8; 16];
        counts[0] = 1;
        let t = Table::new(&counts, &[0x23]).unwrap();
        assert_eq!(t.fast_ac[0b0101_00000], (5 << 8) | (2 << 4) | 4);
        assert_eq!(t.fast_ac[0b0010_11111], (-5 << 8) | (2 << 4) | 4);
        assert_eq!(t.fast_ac[0b1000_00000], 0, "not a code");
    }

    #[test]
    fn overfull_tables_are_refused() {
        let mut counts = [0u8; 16];
        counts[0] = 3; // three 1-bit codes
        assert!(Table::new(&counts, &[1, 2, 3]).is_err());
    }
}

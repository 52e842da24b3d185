//! How large a centred logo can be without making the code unreadable.
//!
//! A logo destroys the codewords whose modules it covers. Reed-Solomon correction works
//! per block, and codewords are interleaved across blocks, so what matters is the worst
//! block, not the share of hidden modules ("hide less than the level's 30%" is known to
//! fail). So: map every module to its codeword and block, count for each block the
//! codewords a square touches, and accept the square only while every block stays within
//! [`LOGO_SHARE`] of what its error-correction codewords can correct (half their number).
//! The rest of the budget is left for what a camera gets wrong. Counting every touched
//! codeword as destroyed is conservative: a codeword whose covered modules were light
//! anyway survives.
//!
//! The module -> codeword map comes from the `qrcode` crate's own placement: data is drawn
//! thirteen times with each codeword's index spelled out one bit per pass, and the
//! modules read back.

use super::encode::{EcLevel, ModuleRect};
use qrcode::bits::Bits;
use qrcode::canvas::Canvas;
use qrcode::{Color, Version};

/// Share of each block's correction capacity a logo may use. The rest absorbs scanning
/// errors: blur, glare, print defects. Checked with an independent decoder in the tests,
/// with extra random module errors on top of the largest logo.
pub const LOGO_SHARE: f64 = 0.6;

/// Number of Reed-Solomon blocks per version (1..=40) and level (L, M, Q, H): ISO/IEC
/// 18004:2015 Table 9. Each block has the same number of error-correction codewords; data
/// codewords differ by at most one between blocks, the longer blocks coming last.
const BLOCKS: [[u8; 4]; 40] = [
    [1, 1, 1, 1],
    [1, 1, 1, 1],
    [1, 1, 2, 2],
    [1, 2, 2, 4], // 1-4
    [1, 2, 4, 4],
    [2, 4, 4, 4],
    [2, 4, 6, 5],
    [2, 4, 6, 6], // 5-8
    [2, 5, 8, 8],
    [4, 5, 8, 8],
    [4, 5, 8, 11],
    [4, 8, 10, 11], // 9-12
    [4, 9, 12, 16],
    [4, 9, 16, 16],
    [6, 10, 12, 18],
    [6, 10, 17, 16], // 13-16
    [6, 11, 16, 19],
    [6, 13, 18, 21],
    [7, 14, 21, 25],
    [8, 16, 20, 25], // 17-20
    [8, 17, 23, 25],
    [9, 17, 23, 34],
    [9, 18, 25, 30],
    [10, 20, 27, 32], // 21-24
    [12, 21, 29, 35],
    [12, 23, 34, 37],
    [12, 25, 34, 40],
    [13, 26, 35, 42], // 25-28
    [14, 28, 38, 45],
    [15, 29, 40, 48],
    [16, 31, 43, 51],
    [17, 33, 45, 54], // 29-32
    [18, 35, 48, 57],
    [19, 37, 51, 60],
    [19, 38, 53, 63],
    [20, 40, 56, 66], // 33-36
    [21, 43, 59, 70],
    [22, 45, 62, 74],
    [24, 47, 65, 77],
    [25, 49, 68, 81], // 37-40
];

/// [`BlockMap::largest_logo`] for every version (1..=40) and level (L, M, Q, H): computing
/// it draws the symbol fourteen times, too slow for every call. A test recomputes every
/// entry, so the table cannot drift from the computation.
const LARGEST_LOGO: [[u8; 4]; 40] = [
    [1, 3, 3, 3],
    [1, 3, 5, 5],
    [3, 5, 5, 7],
    [5, 5, 7, 7], // 1-4
    [5, 7, 9, 11],
    [5, 7, 13, 13],
    [7, 9, 11, 15],
    [9, 11, 15, 15], // 5-8
    [9, 13, 17, 17],
    [11, 13, 17, 19],
    [11, 17, 19, 19],
    [13, 11, 19, 21], // 9-12
    [13, 17, 23, 15],
    [13, 13, 19, 27],
    [15, 17, 23, 17],
    [13, 15, 21, 27], // 13-16
    [15, 23, 23, 31],
    [17, 21, 25, 21],
    [17, 23, 23, 31],
    [15, 23, 29, 29], // 17-20
    [17, 25, 23, 35],
    [21, 29, 27, 37],
    [21, 31, 31, 39],
    [23, 29, 35, 39], // 21-24
    [21, 31, 29, 45],
    [23, 31, 37, 45],
    [25, 33, 39, 47],
    [23, 27, 47, 45], // 25-28
    [23, 35, 43, 49],
    [25, 37, 47, 53],
    [29, 27, 51, 51],
    [31, 35, 47, 51], // 29-32
    [25, 33, 51, 59],
    [17, 23, 53, 55],
    [29, 31, 57, 53],
    [21, 25, 55, 53], // 33-36
    [31, 31, 51, 59],
    [29, 35, 57, 57],
    [37, 47, 55, 55],
    [33, 47, 61, 67], // 37-40
];

/// The side, in modules, of the largest centred logo area a symbol of `version` (1..=40)
/// at `level` affords: [`BlockMap::largest_logo`], from a table.
pub fn largest_logo_side(version: u8, level: EcLevel) -> usize {
    LARGEST_LOGO[(version.clamp(1, 40) - 1) as usize][level.index()] as usize
}

const NONE: u16 = u16::MAX;

/// For one version and level: which block each data module's codeword belongs to.
#[derive(Clone, Debug)]
pub struct BlockMap {
    width: usize,
    /// Row-major; the interleaved codeword index of each module, [`NONE`] for function
    /// patterns and remainder bits.
    codeword: Vec<u16>,
    data_codewords: usize,
    blocks: usize,
    /// Error-correction codewords per block.
    ec_per_block: usize,
}

impl BlockMap {
    /// Builds the map for `version` (1..=40) at `level`.
    pub fn new(version: u8, level: EcLevel) -> BlockMap {
        let v = Version::Normal(version as i16);
        let width = v.width() as usize;
        let crate_level = match level {
            EcLevel::L => qrcode::EcLevel::L,
            EcLevel::M => qrcode::EcLevel::M,
            EcLevel::Q => qrcode::EcLevel::Q,
            EcLevel::H => qrcode::EcLevel::H,
        };
        // Valid for every normal version and level, so the fallback is never taken.
        // Valid for every normal version and level, so the fallback is never taken.
        let data_codewords = Bits::new(v).max_len(crate_level).unwrap_or(0) / 8;
        let blocks = BLOCKS[version as usize - 1][level.index()] as usize;
        // More codewords than any version holds: draw_data stops where the modules end.
        let capacity = 3706;
        let draw = |bit: Option<u32>| -> Vec<bool> {
            let byte = |index: usize| match bit {
                None => 0xFF,
                Some(b) if index >> b & 1 == 1 => 0xFF,
                Some(_) => 0,
            };
            let data: Vec<u8> = (0..data_codewords).map(byte).collect();
            let ec: Vec<u8> = (data_codewords..capacity).map(byte).collect();
            let mut canvas = Canvas::new(v, crate_level);
            canvas.draw_all_functional_patterns();
            canvas.draw_data(&data, &ec);
            canvas.into_colors().into_iter().map(|c| c == Color::Dark).collect()
        };
        // Data modules: dark when every codeword is 0xFF, light with function patterns only
        // (the remainder bits stay light in both).
        let mut patterns_only = Canvas::new(v, crate_level);
        patterns_only.draw_all_functional_patterns();
        let patterns: Vec<bool> = patterns_only.into_colors().into_iter().map(|c| c == Color::Dark).collect();
        let all = draw(None);
        let mut codeword = vec![NONE; width * width];
        let mut data_modules = 0;
        for (i, slot) in codeword.iter_mut().enumerate() {
            if all[i] && !patterns[i] {
                *slot = 0;
                data_modules += 1;
            }
        }
        let total = data_modules / 8;
        let ec_per_block = (total - data_codewords) / blocks;
        for bit in 0..13 {
            let pass = draw(Some(bit));
            for (slot, dark) in codeword.iter_mut().zip(pass) {
                if *slot != NONE && dark {
                    *slot |= 1 << bit;
                }
            }
        }
        BlockMap { width, codeword, data_codewords, blocks, ec_per_block }
    }

    /// The block of interleaved codeword `k`. Data codewords are interleaved column by
    /// column over the blocks (the short blocks run out one column early), then the
    /// error-correction codewords the same way.
    fn block_of(&self, k: usize) -> usize {
        let n = self.blocks;
        if k >= self.data_codewords {
            return (k - self.data_codewords) % n;
        }
        let short_len = self.data_codewords / n;
        let long_blocks = self.data_codewords % n;
        if k < short_len * n {
            k % n
        } else {
            // The last column holds only the long blocks, which are the last ones.
            n - long_blocks + (k - short_len * n)
        }
    }

    /// Codewords a block can correct when they are wrong: half its EC codewords.
    pub fn correctable_per_block(&self) -> usize {
        self.ec_per_block / 2
    }

    /// The most codewords of any one block that `area` touches.
    pub fn worst_block_damage(&self, area: &ModuleRect) -> usize {
        let mut touched: Vec<Vec<u16>> = vec![Vec::new(); self.blocks];
        for y in area.y..area.y + area.size {
            for x in area.x..area.x + area.size {
                let k = self.codeword[y * self.width + x];
                if k != NONE {
                    let list = &mut touched[self.block_of(k as usize)];
                    if !list.contains(&k) {
                        list.push(k);
                    }
                }
            }
        }
        touched.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Whether a logo over `area` stays within [`LOGO_SHARE`] of every block's capacity
    /// and clear of the finder, timing and format areas.
    pub fn allows(&self, area: &ModuleRect) -> bool {
        // Finders with separators and format information take 9 modules at each corner;
        // the timing patterns run along row and column 6.
        let keep_out = 9;
        let clear_of_patterns = area.x >= keep_out && area.x + area.size <= self.width - keep_out;
        let budget = (self.correctable_per_block() as f64 * LOGO_SHARE).floor() as usize;
        clear_of_patterns && self.worst_block_damage(area) <= budget
    }

    /// The side of the largest centred square (odd, in modules) that [`allows`](Self::allows)
    /// accepts; 0 when not even one module may be hidden.
    pub fn largest_logo(&self) -> usize {
        let mut best = 0;
        let mut side = 1;
        while side < self.width {
            if !self.allows(&ModuleRect::centred(self.width, side)) {
                break;
            }
            best = side;
            side += 2;
        }
        best
    }

    /// Number of blocks and error-correction codewords per block.
    pub fn structure(&self) -> (usize, usize) {
        (self.blocks, self.ec_per_block)
    }

    /// Data codewords (all blocks).
    pub fn data_codewords(&self) -> usize {
        self.data_codewords
    }
}

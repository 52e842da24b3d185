//! The penalty score of a masked QR symbol (ISO/IEC 18004 7.8.3), computed exactly as the
//! `qrcode` crate computes it, but on a plain bit grid: 64 modules at a time with shifts
//! and population counts. share-earn scores all eight masks of every code it draws with it
//! (its `qr::mask` module); the scoring is here, with the pixel loops, because it is as hot
//! as they are and needs the same optimisation.

/// Words per line: a version-40 line is 177 modules.
const WORDS: usize = 3;

/// One row or column as bits, module `x` at bit `x % 64` of word `x / 64`. Scoring works
/// on 64 modules at a time with shifts and population counts.
#[derive(Clone, Copy, Default)]
struct Line([u64; WORDS]);

// Tiny bit operations called thousands of times per code: the size-optimised release
// profile would otherwise make each one a call.
impl Line {
    /// Module `x + k` at bit `x`: the line moved towards lower positions.
    #[inline(always)]
    fn ahead(self, k: u32) -> Line {
        let mut out = [0u64; WORDS];
        for (i, o) in out.iter_mut().enumerate() {
            let next = if i + 1 < WORDS && k > 0 { self.0[i + 1] << (64 - k) } else { 0 };
            *o = (self.0[i] >> k) | next;
        }
        Line(out)
    }

    /// Module `x - k` at bit `x` (zero, that is light, below 0).
    #[inline(always)]
    fn behind(self, k: u32) -> Line {
        let mut out = [0u64; WORDS];
        for (i, o) in out.iter_mut().enumerate() {
            let prev = if i > 0 && k > 0 { self.0[i - 1] >> (64 - k) } else { 0 };
            *o = (self.0[i] << k) | prev;
        }
        Line(out)
    }

    #[inline(always)]
    fn and(self, o: Line) -> Line {
        Line([self.0[0] & o.0[0], self.0[1] & o.0[1], self.0[2] & o.0[2]])
    }

    #[inline(always)]
    fn or(self, o: Line) -> Line {
        Line([self.0[0] | o.0[0], self.0[1] | o.0[1], self.0[2] | o.0[2]])
    }

    #[inline(always)]
    fn xor(self, o: Line) -> Line {
        Line([self.0[0] ^ o.0[0], self.0[1] ^ o.0[1], self.0[2] ^ o.0[2]])
    }

    #[inline(always)]
    fn not(self) -> Line {
        Line([!self.0[0], !self.0[1], !self.0[2]])
    }

    #[inline(always)]
    fn count(self) -> u32 {
        self.0.iter().map(|w| w.count_ones()).sum()
    }

    /// Bits `0..n` set.
    #[inline(always)]
    fn first(n: usize) -> Line {
        let mut out = [0u64; WORDS];
        for (i, o) in out.iter_mut().enumerate() {
            let lo = i * 64;
            *o = if n >= lo + 64 {
                u64::MAX
            } else if n > lo {
                (1u64 << (n - lo)) - 1
            } else {
                0
            };
        }
        Line(out)
    }
}

/// The crate's total penalty (`compute_total_penalty_scores` for normal QR codes),
/// with its wrapping u16 sums, of the `width` x `width` modules `dark` (row by row, `true`
/// = dark) of a symbol: `width` is 21 to 177.
pub fn penalty(dark: &[bool], w: usize) -> u16 {
    let mut rows = vec![Line::default(); w];
    let mut cols = vec![Line::default(); w];
    for (y, row) in dark.chunks_exact(w).enumerate() {
        for (x, &d) in row.iter().enumerate() {
            rows[y].0[x / 64] |= (d as u64) << (x % 64);
            cols[x].0[y / 64] |= (d as u64) << (y % 64);
        }
    }
    let mut total = 0u16;
    for lines in [&rows, &cols] {
        let mut finder = 0u16;
        for &line in lines.iter() {
            total = total.wrapping_add(runs(line, w));
            finder = finder.wrapping_add(finder_like(line, w));
        }
        // The crate subtracts 360 from each direction's finder score (the three finder
        // patterns themselves always match 9 times).
        total = total.wrapping_add(finder.wrapping_sub(360));
    }
    // 2x2 blocks of one colour, 3 each: equal to the right neighbour, and the pair equal to
    // the pair below.
    let valid = Line::first(w - 1);
    for pair in rows.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let same_below = a.xor(b).not();
        let block = same_below.and(same_below.ahead(1)).and(a.xor(a.ahead(1)).not()).and(valid);
        total = total.wrapping_add((3 * block.count()) as u16);
    }
    let dark_count: u32 = rows.iter().map(|r| r.count()).sum();
    let ratio = dark_count as usize * 200 / dark.len();
    total.wrapping_add(ratio.abs_diff(100) as u16)
}

/// Runs of five or more same-coloured modules score length - 2 each. With `windows` =
/// positions where five equal modules start (length - 4 per run) and `starts` = the first
/// of those in each run, a run scores 3 + (length - 5) = one per window + 2 per start.
#[inline(always)]
fn runs(line: Line, w: usize) -> u16 {
    if w < 5 {
        return 0;
    }
    let same_next = line.xor(line.ahead(1)).not();
    let windows =
        same_next.and(same_next.ahead(1)).and(same_next.ahead(2)).and(same_next.ahead(3)).and(Line::first(w - 4));
    let starts = windows.and(windows.behind(1).not());
    (windows.count() + 2 * starts.count()) as u16
}

/// `#.###.#` starting at module `x` (for `x` in `0..w-6`, as the crate scans) with four
/// light modules (or the edge) before it or after it: 40 each.
#[inline(always)]
fn finder_like(line: Line, w: usize) -> u16 {
    if w < 7 {
        return 0;
    }
    let light = line.not();
    let pattern = [true, false, true, true, true, false, true];
    let mut at = Line::first(w - 6);
    for (k, &d) in pattern.iter().enumerate() {
        at = at.and(if d { line } else { light }.ahead(k as u32));
    }
    let dark_before = line.behind(1).or(line.behind(2)).or(line.behind(3)).or(line.behind(4));
    // Bits past the end of the line are 0 (light), as the crate treats the edge.
    let dark_after = line.ahead(7).or(line.ahead(8)).or(line.ahead(9)).or(line.ahead(10));
    let hits = at.and(dark_before.not().or(dark_after.not()));
    (40 * hits.count()) as u16
}

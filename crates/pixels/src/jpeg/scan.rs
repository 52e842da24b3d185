//! The entropy-coded segment of one scan, block by block (T.81 Annex F for sequential
//! scans, Annex G for progressive ones). Sequential blocks go through the inverse DCT into
//! their component's plane as soon as they are read; progressive scans refine stored
//! coefficients, transformed once the last scan is in ([`finish_progressive`]).

use super::huffman::{Bits, Table};
use super::idct::{dc_only, idct};
use super::{Component, Corrupt, Frame};

/// Zig-zag position -> position in the transposed block the inverse DCT takes
/// (coefficient (u, v), u the horizontal frequency, at `u * 8 + v`). T.81 Figure A.6
/// walks the anti-diagonals u + v = d alternately; this table is that walk.
const ZIGZAG_T: [u8; 64] = {
    let mut t = [0u8; 64];
    let mut k = 0;
    let mut d = 0;
    while d < 15 {
        // On even diagonals the walk goes up and to the right (v falls), on odd ones down
        // and to the left (v rises).
        let mut i = 0;
        while i <= d {
            let v = if d % 2 == 0 { d - i } else { i };
            let u = d - v;
            if u < 8 && v < 8 {
                t[k] = (u * 8 + v) as u8;
                k += 1;
            }
            i += 1;
        }
        d += 1;
    }
    t
};

/// One scan's header: the components it codes, with their DC and AC table numbers, and
/// the progressive parameters (spectral band `ss..=se`, successive approximation `ah`,
/// `al`).
pub struct Scan {
    pub comps: Vec<(usize, usize, usize)>,
    pub ss: usize,
    pub se: usize,
    pub ah: u32,
    pub al: u32,
}

/// The tables a scan is decoded with.
pub struct Tables<'t> {
    pub dc: &'t [Option<Table>; 4],
    pub ac: &'t [Option<Table>; 4],
    /// Quantisation tables, in zig-zag order.
    pub quant: &'t [[u16; 64]; 4],
    /// MCUs per restart interval (0: none).
    pub restart: usize,
}

/// Decodes the scan whose data starts at `pos`; returns where it ends (at the marker that
/// follows it, or the end of the data).
pub fn decode(data: &[u8], pos: usize, frame: &mut Frame, scan: &Scan, t: &Tables) -> Result<usize, Corrupt> {
    let mut bits = Bits::new(data, pos);
    let mut eobrun = 0u32;
    for &(c, _, _) in &scan.comps {
        frame.comps[c].pred = 0;
    }
    // One component alone is coded block by block over its own extent; several are coded
    // in MCUs of each one's h x v blocks.
    let single = scan.comps.len() == 1;
    let (units_x, units_y) = match single {
        true => (frame.comps[scan.comps[0].0].bw, frame.comps[scan.comps[0].0].bh),
        false => (frame.mcux, frame.mcuy),
    };
    let kind = match (frame.progressive, scan.ss, scan.ah) {
        (false, ..) => Kind::Sequential,
        (true, 0, 0) => Kind::DcFirst,
        (true, 0, _) => Kind::DcRefine,
        (true, _, 0) => Kind::AcFirst,
        (true, _, _) => Kind::AcRefine,
    };
    // Each component's tables, looked up once (a missing one is an error where it is used).
    let sel: Vec<(usize, Option<&Table>, Option<&Table>)> = scan
        .comps
        .iter()
        .map(|&(c, td, ta)| (c, t.dc.get(td).and_then(Option::as_ref), t.ac.get(ta).and_then(Option::as_ref)))
        .collect();
    const NO_DC: Corrupt = Corrupt("a scan uses a DC table that was not defined");
    const NO_AC: Corrupt = Corrupt("a scan uses an AC table that was not defined");
    let mut left = t.restart;
    let mut block = [0i32; 64];
    for my in 0..units_y {
        for mx in 0..units_x {
            if t.restart > 0 {
                if left == 0 {
                    bits.restart();
                    eobrun = 0;
                    for &(c, _, _) in &scan.comps {
                        frame.comps[c].pred = 0;
                    }
                    left = t.restart;
                }
                left -= 1;
            }
            for &(c, dc, ac) in &sel {
                let comp = &mut frame.comps[c];
                let (nh, nv) = if single { (1, 1) } else { (comp.h, comp.v) };
                for by in my * nv..my * nv + nv {
                    for bx in mx * nh..mx * nh + nh {
                        match kind {
                            Kind::Sequential => {
                                let (dc, ac) = (dc.ok_or(NO_DC)?, ac.ok_or(NO_AC)?);
                                let q = &t.quant[comp.tq];
                                let spread = sequential(&mut bits, dc, ac, q, &mut comp.pred, &mut block)?;
                                put_block(comp, bx, by, &mut block, spread);
                            }
                            Kind::DcFirst => {
                                let s = bits.decode(dc.ok_or(NO_DC)?)? as u32;
                                comp.pred = comp.pred.wrapping_add(bits.signed(s.min(16)));
                                let i = comp.coef_index(bx, by);
                                comp.coefs[i] = comp.pred.wrapping_shl(scan.al) as i16;
                            }
                            Kind::DcRefine => {
                                if bits.bit() {
                                    let i = comp.coef_index(bx, by);
                                    comp.coefs[i] |= (1i32 << scan.al) as i16;
                                }
                            }
                            Kind::AcFirst | Kind::AcRefine => {
                                let ac = ac.ok_or(NO_AC)?;
                                let i = comp.coef_index(bx, by);
                                let coefs = &mut comp.coefs[i..i + 64];
                                if kind == Kind::AcFirst {
                                    ac_first(&mut bits, ac, scan, coefs, &mut eobrun)?;
                                } else {
                                    ac_refine(&mut bits, ac, scan, coefs, &mut eobrun)?;
                                }
                            }
                        }
                    }
                }
            }
        }
        // A file cut short is found at the row where its data ran out, not after decoding
        // zeros for the rest of a huge frame.
        if bits.overran() {
            return Err(Corrupt("the image data ends early (the file is truncated)"));
        }
    }
    Ok(bits.pos)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Sequential,
    DcFirst,
    DcRefine,
    AcFirst,
    AcRefine,
}

/// One sequential block (F.2.2): the DC difference, then run/size coded AC coefficients,
/// dequantised into `block` (which must be zero). Returns `None` when only the DC is there,
/// else the OR of the AC coefficients' positions (see [`put_block`]).
#[inline(always)]
fn sequential(
    bits: &mut Bits,
    dc: &Table,
    ac: &Table,
    q: &[u16; 64],
    pred: &mut i32,
    block: &mut [i32; 64],
) -> Result<Option<usize>, Corrupt> {
    let s = bits.decode(dc)? as u32;
    *pred = pred.wrapping_add(bits.signed(s.min(16)));
    block[0] = pred.wrapping_mul(q[0] as i32);
    let mut k = 1;
    let mut spread = None;
    while k < 64 {
        let fast = ac.fast_ac[bits.peek_fast()];
        let (run, value) = if fast != 0 {
            bits.consume((fast & 15) as u32);
            (((fast >> 4) & 15) as usize, (fast >> 8) as i32)
        } else {
            let rs = bits.decode(ac)?;
            let (run, size) = ((rs >> 4) as usize, (rs & 15) as u32);
            if size == 0 {
                if run != 15 {
                    break; // end of block
                }
                k += 16;
                continue;
            }
            (run, bits.signed(size))
        };
        k += run;
        if k > 63 {
            return Err(Corrupt("a coefficient lies past the end of its block"));
        }
        let at = ZIGZAG_T[k] as usize;
        block[at] = value.wrapping_mul(q[k] as i32);
        spread = Some(spread.unwrap_or(0) | at);
        k += 1;
    }
    Ok(spread)
}

/// The inverse DCT of a dequantised block into the component's plane, then the block set
/// back to zeros. `spread`: `None` when only the DC is non-zero, else the OR of the
/// non-zero AC coefficients' positions, whose bits 2 and 5 tell whether any has v or u of
/// 4 or more.
fn put_block(comp: &mut Component, bx: usize, by: usize, block: &mut [i32; 64], spread: Option<usize>) {
    let at = by * 8 * comp.stride + bx * 8;
    let out = &mut comp.plane[at..];
    match spread {
        Some(spread) => {
            idct(block, out, comp.stride, spread & 0b10_0100 == 0);
            block.fill(0);
        }
        None => {
            let v = dc_only(block[0]);
            for y in 0..8 {
                out[y * comp.stride..y * comp.stride + 8].fill(v);
            }
            block[0] = 0;
        }
    }
}

/// The first scan of an AC band (G.1.2.2): run/size codes as in sequential mode, with
/// end-of-band runs spanning several blocks.
fn ac_first(bits: &mut Bits, ac: &Table, scan: &Scan, coefs: &mut [i16], eobrun: &mut u32) -> Result<(), Corrupt> {
    if *eobrun > 0 {
        *eobrun -= 1;
        return Ok(());
    }
    let mut k = scan.ss;
    while k <= scan.se {
        let rs = bits.decode(ac)?;
        let (run, size) = ((rs >> 4) as u32, (rs & 15) as u32);
        if size == 0 {
            if run < 15 {
                // This block and `2^run - 1 + bits` more end here.
                *eobrun = (1u32 << run) - 1 + bits.bits(run);
                return Ok(());
            }
            k += 16;
            continue;
        }
        k += run as usize;
        if k > 63 {
            return Err(Corrupt("a coefficient lies past the end of its block"));
        }
        coefs[k] = bits.signed(size).wrapping_shl(scan.al) as i16;
        k += 1;
    }
    Ok(())
}

/// A refining scan of an AC band (G.1.2.3): one more bit for every coefficient already
/// non-zero, and new coefficients of magnitude 1 placed by runs of still-zero ones.
fn ac_refine(bits: &mut Bits, ac: &Table, scan: &Scan, coefs: &mut [i16], eobrun: &mut u32) -> Result<(), Corrupt> {
    let p1 = 1i32 << scan.al;
    let refine = |bits: &mut Bits, c: &mut i16| {
        if bits.bit() && (*c as i32 & p1) == 0 {
            *c = (*c as i32 + if *c >= 0 { p1 } else { -p1 }) as i16;
        }
    };
    let mut k = scan.ss;
    if *eobrun == 0 {
        while k <= scan.se {
            let rs = bits.decode(ac)?;
            let (mut run, size) = ((rs >> 4) as u32, (rs & 15) as u32);
            let mut value = 0;
            if size == 0 {
                if run < 15 {
                    // End of band: this block's remaining coefficients are refined below.
                    *eobrun = (1u32 << run) + bits.bits(run);
                    break;
                }
                // 15 zeros then one more, none new (ZRL).
            } else {
                // A new coefficient is always of magnitude 1 here (size 1); its sign bit.
                value = if bits.bit() { p1 } else { -p1 };
            }
            // Skip `run` still-zero coefficients, refining the non-zero ones passed.
            while k <= scan.se {
                if coefs[k] != 0 {
                    refine(bits, &mut coefs[k]);
                } else {
                    if run == 0 {
                        break;
                    }
                    run -= 1;
                }
                k += 1;
            }
            if value != 0 && k <= scan.se {
                coefs[k] = value as i16;
            }
            k += 1;
        }
    }
    if *eobrun > 0 {
        while k <= scan.se {
            if coefs[k] != 0 {
                refine(bits, &mut coefs[k]);
            }
            k += 1;
        }
        *eobrun -= 1;
    }
    Ok(())
}

/// After the last progressive scan: every stored block dequantised and transformed into
/// its component's plane.
pub fn finish_progressive(frame: &mut Frame, quant: &[[u16; 64]; 4]) {
    for comp in &mut frame.comps {
        let q = &quant[comp.tq];
        let blocks_x = comp.stride / 8;
        let blocks_y = comp.plane.len() / comp.stride / 8;
        let mut block = [0i32; 64]; // put_block leaves it zeroed
        for by in 0..blocks_y {
            for bx in 0..blocks_x {
                let i = comp.coef_index(bx, by);
                let coefs = &comp.coefs[i..i + 64];
                block[0] = (coefs[0] as i32).wrapping_mul(q[0] as i32);
                let mut spread = None;
                for (k, &c) in coefs.iter().enumerate().skip(1) {
                    if c != 0 {
                        let at = ZIGZAG_T[k] as usize;
                        block[at] = (c as i32).wrapping_mul(q[k] as i32);
                        spread = Some(spread.unwrap_or(0) | at);
                    }
                }
                put_block(comp, bx, by, &mut block, spread);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zigzag_follows_figure_a6() {
        // The start of the walk in T.81 Figure A.6, as (v, u) = (row, column):
        // (0,0) (0,1) (1,0) (2,0) (1,1) (0,2) (0,3) (1,2) (2,1) (3,0) ...
        let start = [(0, 0), (0, 1), (1, 0), (2, 0), (1, 1), (0, 2), (0, 3), (1, 2), (2, 1), (3, 0)];
        for (k, (v, u)) in start.into_iter().enumerate() {
            assert_eq!(ZIGZAG_T[k] as usize, u * 8 + v, "k = {k}");
        }
        assert_eq!(ZIGZAG_T[63], 63);
        let mut seen = [false; 64];
        ZIGZAG_T.iter().for_each(|&i| seen[i as usize] = true);
        assert!(seen.iter().all(|&s| s), "a permutation");
    }
}

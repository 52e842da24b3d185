//! Gaussian blur of a coverage mask (a shadow's shape), approximated by three box blurs
//! per axis: within 3% of a Gaussian, at a cost that does not grow with the radius.

/// Widths of three box blurs that together approximate a Gaussian of `sigma` (the
/// standard construction: boxes of width wl or wl + 2 whose variances sum to sigma²).
pub fn box_sizes(sigma: f32) -> [u32; 3] {
    if sigma < 0.5 {
        return [1, 1, 1];
    }
    let n = 3.0;
    let ideal = (12.0 * sigma * sigma / n + 1.0).sqrt();
    let mut wl = ideal.floor() as i64;
    if wl % 2 == 0 {
        wl -= 1;
    }
    let wu = wl + 2;
    let m = ((12.0 * sigma * sigma - n * (wl * wl) as f32 - 4.0 * n * wl as f32 - 3.0 * n) / (-4.0 * wl as f32 - 4.0))
        .round();
    let size = |i: f32| (if i < m { wl } else { wu }).clamp(1, 4001) as u32;
    [size(0.0), size(1.0), size(2.0)]
}

/// Blurs the `w` x `h` mask `data` (one byte a pixel, row by row) with each box of `boxes`
/// (from [`box_sizes`]) along its rows, then its columns. Beyond the edges counts as zero:
/// the caller leaves room for the blur to spread into.
pub fn blur(data: &mut [u8], w: usize, h: usize, boxes: [u32; 3]) {
    let mut scratch = vec![0u8; w.max(h)];
    for b in boxes {
        blur_rows(data, w, h, b as usize, &mut scratch);
        blur_columns(data, w, h, b as usize, &mut scratch);
    }
}

/// One pass of a centred box blur of odd `width` over each row (edges read as zero).
fn blur_rows(data: &mut [u8], w: usize, h: usize, width: usize, scratch: &mut [u8]) {
    if width <= 1 {
        return;
    }
    for row in data.chunks_exact_mut(w).take(h) {
        blur_line(row.iter().copied(), w, width, scratch);
        row.copy_from_slice(&scratch[..w]);
    }
}

fn blur_columns(data: &mut [u8], w: usize, h: usize, width: usize, scratch: &mut [u8]) {
    if width <= 1 {
        return;
    }
    for x in 0..w {
        blur_line(data.iter().skip(x).step_by(w).copied(), h, width, scratch);
        for (y, v) in scratch[..h].iter().enumerate() {
            data[y * w + x] = *v;
        }
    }
}

/// Running-sum box filter of one line into `out`.
fn blur_line(line: impl Iterator<Item = u8> + Clone, len: usize, width: usize, out: &mut [u8]) {
    let r = width / 2;
    let values: Vec<u32> = line.map(u32::from).collect();
    let at = |i: isize| if i >= 0 && (i as usize) < len { values[i as usize] } else { 0 };
    let mut sum: u32 = (0..=r as isize).map(at).sum();
    let div = width as u32;
    for (i, slot) in out.iter_mut().enumerate().take(len) {
        *slot = ((sum + div / 2) / div) as u8;
        let i = i as isize;
        sum = sum + at(i + r as isize + 1) - at(i - r as isize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn box_blur_variances_sum_to_sigma_squared() {
        // Each box of odd width w adds (w² - 1) / 12 to the variance. Below sigma 2 odd
        // widths are too coarse to come within 15% (sigma 1 gets widths 1, 1, 3).
        for sigma in [2.0f32, 2.5, 6.0, 12.0, 40.0] {
            let v: f32 = box_sizes(sigma).iter().map(|&w| ((w * w) as f32 - 1.0) / 12.0).sum();
            assert!((v.sqrt() - sigma).abs() / sigma < 0.15, "sigma {sigma}: {v}");
        }
    }

    #[test]
    fn a_box_blur_keeps_the_total_and_spreads_evenly() {
        let mut out = [0u8; 9];
        blur_line([0u8, 0, 0, 0, 255, 0, 0, 0, 0].into_iter(), 9, 3, &mut out);
        assert_eq!(out, [0, 0, 0, 85, 85, 85, 0, 0, 0]);
    }
}

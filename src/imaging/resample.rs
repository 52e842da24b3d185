//! Scaling decoded pixels to the size they are drawn at.
//!
//! Drawing a 1000-pixel photo into a 60-pixel box with a transform samples a few source
//! pixels per output pixel and aliases; a separable filter over every source pixel
//! (Catmull-Rom, as `image::imageops` implements it) keeps logos and photos sharp and
//! clean. The pixels stay premultiplied, which the filter expects for images with alpha.

use image::{imageops, ImageBuffer, Rgba};
use tiny_skia::{IntSize, Pixmap};

/// `source` scaled to exactly `width` x `height` pixels (each at least 1), or `None` when
/// that pixmap cannot be allocated (tiny-skia's size limits).
pub fn resize_to(source: &Pixmap, width: u32, height: u32) -> Option<Pixmap> {
    let (width, height) = (width.max(1), height.max(1));
    if source.width() == width && source.height() == height {
        return Some(source.clone());
    }
    // Checks the size against tiny-skia's limits before the filter allocates anything.
    let blank = Pixmap::new(width, height)?;
    let Some(buffer) = ImageBuffer::<Rgba<u8>, &[u8]>::from_raw(source.width(), source.height(), source.data()) else {
        // Not reached: a pixmap's data is always width x height x 4 bytes.
        return Some(blank);
    };
    let scaled = imageops::resize(&buffer, width, height, imageops::FilterType::CatmullRom);
    let mut data = scaled.into_raw();
    // The filter's negative lobes can push a channel above its alpha, which is not a valid
    // premultiplied colour.
    for px in data.chunks_exact_mut(4) {
        let a = px[3];
        for c in &mut px[..3] {
            *c = (*c).min(a);
        }
    }
    Pixmap::from_vec(data, IntSize::from_wh(width, height)?)
}

//! Paints and shadows: gradients as shaders over an element's box, and shadows blurred
//! with three box blurs.

use crate::imaging::{Area, Path, Pixmap, Shader};
use crate::poster::layout::{Paint, ShadowPaint};
use share_earn_pixels::blur::{blur, box_sizes};

/// The paint as a shader for a box in device px (gradients span the box).
pub fn shader(paint: &Paint, x: f32, y: f32, w: f32, h: f32) -> Shader {
    let (cx, cy) = (x + w / 2.0, y + h / 2.0);
    match paint {
        Paint::Solid(c) => Shader::Solid(*c),
        Paint::Linear { angle, stops } => {
            let a = (*angle as f64).to_radians();
            let (dx, dy) = (libm::cos(a) as f32, libm::sin(a) as f32);
            // Half the box's extent along the direction, as CSS sizes its gradient line.
            let half = (w * dx.abs() + h * dy.abs()) / 2.0;
            Shader::Linear {
                start: (cx - dx * half, cy - dy * half),
                end: (cx + dx * half, cy + dy * half),
                stops: stops.clone(),
            }
        }
        Paint::Radial { stops } => {
            Shader::Radial { center: (cx, cy), radius: (w * w + h * h).sqrt() / 2.0, stops: stops.clone() }
        }
    }
}

/// `opacity` (0-1) as a byte.
pub fn alpha_of(opacity: f32) -> u8 {
    (opacity.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

/// Draws the shadow of `path` (in device px) onto `canvas`: the shape, offset, blurred
/// with three box blurs per axis (within 3% of a Gaussian), in the shadow's colour. Only
/// the shadow's own bounding box (within reach of the canvas) is blurred, never the whole
/// canvas.
pub fn draw_shadow(canvas: &mut Pixmap, path: &Path, shadow: &ShadowPaint, scale: f32, opacity: f32) {
    // CSS: the blur radius is twice the Gaussian's standard deviation.
    let sigma = shadow.blur * scale / 2.0;
    let boxes = box_sizes(sigma);
    let spread: u32 = boxes.iter().map(|b| b / 2 + 1).sum();
    let moved = path.transformed(1.0, shadow.x * scale, shadow.y * scale);
    let s = spread as i32;
    // Pixels up to `spread` beyond the canvas still blur into it.
    let reach = Area { x: -s, y: -s, w: canvas.width() + 2 * spread, h: canvas.height() + 2 * spread };
    let Some(shape) = moved.area_within(reach) else { return };
    let Some(area) =
        (Area { x: shape.x - s, y: shape.y - s, w: shape.w + 2 * spread, h: shape.h + 2 * spread }).intersect(reach)
    else {
        return;
    };
    let mut coverage = moved.coverage(area, false);
    blur(&mut coverage.data, area.w as usize, area.h as usize, boxes);
    Shader::Solid(shadow.color).fill(canvas, &coverage, alpha_of(opacity));
}

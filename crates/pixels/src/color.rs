//! The colour type of every drawing, QR style and poster template.

/// An sRGB colour with alpha, 8 bits per channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha: 0 transparent, 255 opaque.
    pub a: u8,
}

impl Rgba {
    /// Opaque black.
    pub const BLACK: Rgba = Rgba { r: 0, g: 0, b: 0, a: 255 };
    /// Opaque white.
    pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 255 };

    /// `#rrggbb`, or `#rrggbbaa` when not opaque: for SVG attributes.
    pub fn hex(self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut s = String::with_capacity(9);
        s.push('#');
        let channels: &[u8] = if self.a == 255 { &[self.r, self.g, self.b] } else { &[self.r, self.g, self.b, self.a] };
        for &c in channels {
            s.push(HEX[(c >> 4) as usize] as char);
            s.push(HEX[(c & 15) as usize] as char);
        }
        s
    }

    /// WCAG 2 relative luminance of the colour composited over `backdrop`.
    pub fn luminance_over(self, backdrop: Rgba) -> f64 {
        let mix = |c: u8, b: u8| (c as f64 * self.a as f64 + b as f64 * (255.0 - self.a as f64)) / 255.0;
        let lin = |c: f64| {
            let c = c / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(mix(self.r, backdrop.r))
            + 0.7152 * lin(mix(self.g, backdrop.g))
            + 0.0722 * lin(mix(self.b, backdrop.b))
    }
}

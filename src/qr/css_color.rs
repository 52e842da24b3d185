//! CSS colours as templates and options write them: hex, the 148 named colours,
//! `transparent`, `rgb()`/`rgba()`, `hsl()`/`hsla()` and `hwb()`, in the comma and the
//! space/slash syntax (CSS Color Module Level 4, sections 4-8).
//!
//! Written here rather than taken from a crate for size: the colour crate this replaced
//! was a twentieth of the `.wasm` with its hashing and float parsing, for syntax
//! (lab, lch, oklab, `color()`) that brand colours are not written in. The tests compare
//! this parser with that crate on every form it accepts.

/// The named colours (CSS Color 4, section 6.1), in the order of [`NAMED_RGB`].
const NAMES: &str = "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue \
blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue \
darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid \
darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink \
deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold \
goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush \
lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey \
lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime \
limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen \
mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin \
navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise \
palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue \
saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow \
springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen";

/// `0xRRGGBB` of each name in [`NAMES`].
#[rustfmt::skip]
const NAMED_RGB: [u32; 148] = [
    0xf0f8ff, 0xfaebd7, 0x00ffff, 0x7fffd4, 0xf0ffff, 0xf5f5dc, 0xffe4c4, 0x000000, 0xffebcd, 0x0000ff,
    0x8a2be2, 0xa52a2a, 0xdeb887, 0x5f9ea0, 0x7fff00, 0xd2691e, 0xff7f50, 0x6495ed, 0xfff8dc, 0xdc143c,
    0x00ffff, 0x00008b, 0x008b8b, 0xb8860b, 0xa9a9a9, 0x006400, 0xa9a9a9, 0xbdb76b, 0x8b008b, 0x556b2f,
    0xff8c00, 0x9932cc, 0x8b0000, 0xe9967a, 0x8fbc8f, 0x483d8b, 0x2f4f4f, 0x2f4f4f, 0x00ced1, 0x9400d3,
    0xff1493, 0x00bfff, 0x696969, 0x696969, 0x1e90ff, 0xb22222, 0xfffaf0, 0x228b22, 0xff00ff, 0xdcdcdc,
    0xf8f8ff, 0xffd700, 0xdaa520, 0x808080, 0x008000, 0xadff2f, 0x808080, 0xf0fff0, 0xff69b4, 0xcd5c5c,
    0x4b0082, 0xfffff0, 0xf0e68c, 0xe6e6fa, 0xfff0f5, 0x7cfc00, 0xfffacd, 0xadd8e6, 0xf08080, 0xe0ffff,
    0xfafad2, 0xd3d3d3, 0x90ee90, 0xd3d3d3, 0xffb6c1, 0xffa07a, 0x20b2aa, 0x87cefa, 0x778899, 0x778899,
    0xb0c4de, 0xffffe0, 0x00ff00, 0x32cd32, 0xfaf0e6, 0xff00ff, 0x800000, 0x66cdaa, 0x0000cd, 0xba55d3,
    0x9370db, 0x3cb371, 0x7b68ee, 0x00fa9a, 0x48d1cc, 0xc71585, 0x191970, 0xf5fffa, 0xffe4e1, 0xffe4b5,
    0xffdead, 0x000080, 0xfdf5e6, 0x808000, 0x6b8e23, 0xffa500, 0xff4500, 0xda70d6, 0xeee8aa, 0x98fb98,
    0xafeeee, 0xdb7093, 0xffefd5, 0xffdab9, 0xcd853f, 0xffc0cb, 0xdda0dd, 0xb0e0e6, 0x800080, 0x663399,
    0xff0000, 0xbc8f8f, 0x4169e1, 0x8b4513, 0xfa8072, 0xf4a460, 0x2e8b57, 0xfff5ee, 0xa0522d, 0xc0c0c0,
    0x87ceeb, 0x6a5acd, 0x708090, 0x708090, 0xfffafa, 0x00ff7f, 0x4682b4, 0xd2b48c, 0x008080, 0xd8bfd8,
    0xff6347, 0x40e0d0, 0xee82ee, 0xf5deb3, 0xffffff, 0xf5f5f5, 0xffff00, 0x9acd32,
];

/// Red, green, blue and alpha, each 0 to 1; `None` when `css` is not a colour written in
/// one of the forms above.
pub fn parse(css: &str) -> Option<[f32; 4]> {
    let s = css.trim();
    if s.eq_ignore_ascii_case("transparent") {
        return Some([0.0; 4]);
    }
    if let Some(h) = s.strip_prefix('#') {
        return hex(h);
    }
    if let Some(i) = NAMES.split(' ').position(|n| n.eq_ignore_ascii_case(s)) {
        let [_, r, g, b] = NAMED_RGB[i].to_be_bytes();
        return Some([r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0, 1.0]);
    }
    let (name, rest) = s.split_once('(')?;
    let body = rest.strip_suffix(')')?;
    // `rgb(1, 2, 3, 0.5)`, `rgb(1 2 3 / 50%)`: three channels, then alpha.
    let (main, slash) = match body.split_once('/') {
        Some((m, a)) => (m, Some(a.trim())),
        None => (body, None),
    };
    let commas = main.contains(',');
    let parts: Vec<&str> =
        if commas { main.split(',').map(str::trim).collect() } else { main.split_ascii_whitespace().collect() };
    let (a, b, c, alpha) = match (parts.as_slice(), slash) {
        ([a, b, c], alpha) if !(commas && alpha.is_some()) => (*a, *b, *c, alpha),
        ([a, b, c, d], None) if commas => (*a, *b, *c, Some(*d)),
        _ => return None,
    };
    let alpha = match alpha {
        None => 1.0,
        Some(t) => number_or_percent(t, 1.0)?.clamp(0.0, 1.0),
    };
    let [r, g, b] = match name.trim_end().to_ascii_lowercase().as_str() {
        "rgb" | "rgba" => [a, b, c].map(|v| number_or_percent(v, 255.0).map(|v| v / 255.0)),
        "hsl" | "hsla" => {
            let (s, l) = (percent(b)?, percent(c)?);
            hsl(hue(a)?, s, l).map(Some)
        }
        "hwb" | "hwba" => {
            let (w, k) = (percent(b)?, percent(c)?);
            hwb(hue(a)?, w, k).map(Some)
        }
        _ => return None,
    };
    Some([r?.clamp(0.0, 1.0), g?.clamp(0.0, 1.0), b?.clamp(0.0, 1.0), alpha])
}

/// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` without the `#`.
fn hex(h: &str) -> Option<[f32; 4]> {
    if !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    let (r, g, b, a) = match h.len() {
        3 => ((v >> 8) * 17, (v >> 4 & 15) * 17, (v & 15) * 17, 255),
        4 => ((v >> 12) * 17, (v >> 8 & 15) * 17, (v >> 4 & 15) * 17, (v & 15) * 17),
        6 => (v >> 16, v >> 8 & 255, v & 255, 255),
        8 => (v >> 24, v >> 16 & 255, v >> 8 & 255, v & 255),
        _ => return None,
    };
    Some([r as f32 / 255.0, g as f32 / 255.0, b as f32 / 255.0, a as f32 / 255.0])
}

/// A number, or a percentage of `full`.
fn number_or_percent(s: &str, full: f32) -> Option<f32> {
    match s.strip_suffix('%') {
        Some(p) => Some(number(p)? / 100.0 * full),
        None => number(s),
    }
}

/// A percentage (or a bare number, read as one) as 0 to 1.
fn percent(s: &str) -> Option<f32> {
    Some(number(s.strip_suffix('%').unwrap_or(s))? / 100.0)
}

/// An angle in degrees, from `deg`, `grad`, `rad` or `turn`, or a bare number (degrees).
fn hue(s: &str) -> Option<f32> {
    let units = [("deg", 1.0), ("grad", 0.9), ("rad", 180.0 / core::f32::consts::PI), ("turn", 360.0)];
    for (unit, k) in units {
        if let Some(n) = s.strip_suffix(unit) {
            return Some(number(n)? * k);
        }
    }
    number(s)
}

/// A decimal number without exponent (`-12.5`, `.25`, `+3`). Read digit by digit: the
/// standard library's float parser would bring its tables into the `.wasm`.
fn number(s: &str) -> Option<f32> {
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if (int.is_empty() && frac.is_empty()) || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v = 0f64;
    for b in int.bytes() {
        v = v * 10.0 + (b - b'0') as f64;
    }
    let mut scale = 1f64;
    for b in frac.bytes().take(12) {
        v = v * 10.0 + (b - b'0') as f64;
        scale *= 10.0;
    }
    let v = (v / scale) as f32;
    Some(if negative { -v } else { v })
}

/// HSL to RGB (CSS Color 4, section 7.1).
fn hsl(hue: f32, saturation: f32, lightness: f32) -> [f32; 3] {
    let (s, l) = (saturation.clamp(0.0, 1.0), lightness.clamp(0.0, 1.0));
    let h = hue.rem_euclid(360.0) / 30.0;
    let a = s * if l < 1.0 - l { l } else { 1.0 - l };
    let f = |n: f32| {
        let k = (n + h).rem_euclid(12.0);
        let m = if k - 3.0 < 9.0 - k { k - 3.0 } else { 9.0 - k };
        l - a * m.clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)]
}

/// HWB to RGB (CSS Color 4, section 8.1): whiteness and blackness summing past 1 are
/// scaled to sum to 1, a grey.
fn hwb(hue: f32, whiteness: f32, blackness: f32) -> [f32; 3] {
    let (w, k) = (whiteness.clamp(0.0, 1.0), blackness.clamp(0.0, 1.0));
    if w + k >= 1.0 {
        let grey = w / (w + k);
        return [grey; 3];
    }
    hsl(hue, 1.0, 0.5).map(|v| v * (1.0 - w - k) + w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgba8(css: &str) -> Option<[u8; 4]> {
        parse(css).map(|c| c.map(|v| (v * 255.0 + 0.5) as u8))
    }

    #[test]
    fn the_spec_examples_parse_to_their_values() {
        assert_eq!(rgba8("#e4393c"), Some([0xe4, 0x39, 0x3c, 255]));
        assert_eq!(rgba8("#FFF"), Some([255; 4]));
        assert_eq!(rgba8("#0f08"), Some([0, 255, 0, 0x88]));
        assert_eq!(rgba8("  rebeccapurple "), Some([0x66, 0x33, 0x99, 255]));
        assert_eq!(rgba8("RED"), Some([255, 0, 0, 255]));
        assert_eq!(rgba8("transparent"), Some([0; 4]));
        assert_eq!(rgba8("rgb(255 0 0 / 50%)"), Some([255, 0, 0, 128]));
        assert_eq!(rgba8("rgba(0, 128, 255, 0.25)"), Some([0, 128, 255, 64]));
        assert_eq!(rgba8("rgb(100%, 50%, 0%)"), Some([255, 128, 0, 255]));
        // hsl(120, 100%, 25%) is #008000 (CSS Color 4, example 12: "green").
        assert_eq!(rgba8("hsl(120deg 100% 25%)"), Some([0, 128, 0, 255]));
        assert_eq!(rgba8("hsl(0.5turn, 100%, 50%)"), Some([0, 255, 255, 255]));
        assert_eq!(rgba8("hwb(0 0% 0%)"), Some([255, 0, 0, 255]));
        assert_eq!(rgba8("hwb(0 60% 60%)"), Some([128, 128, 128, 255]));
        assert_eq!(NAMES.split(' ').count(), NAMED_RGB.len());
    }

    #[test]
    fn malformed_colours_are_refused() {
        for bad in [
            "",
            "#",
            "#12",
            "#12345",
            "#1234567",
            "#ggg",
            "reed",
            "rgb(1, 2)",
            "rgb(1, 2, 3, 4, 5)",
            "rgb(a, b, c)",
            "rgb(1 2 3",
            "rgb 1 2 3",
            "rgb(1, 2, 3 / 0.5)",
            "rgb(1 2 3 4)",
            "hsl(10, x, 30%)",
            "rgb(1.2.3, 0, 0)",
            "rgb(--1, 0, 0)",
            "foo(1, 2, 3)",
            "e4393c",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // csscolorparser is a native-only dev-dependency
    fn every_form_agrees_with_an_independent_parser() {
        // csscolorparser (the crate this parser replaced) as the reference, on every
        // form this parser accepts.
        let mut corpus: Vec<String> = NAMES.split(' ').flat_map(|n| [n.to_string(), n.to_uppercase()]).collect();
        for hex in ["#abc", "#ABCD", "#a1b2c3", "#A1B2C3D4", "#000", "#ffffff80"] {
            corpus.push(hex.into());
        }
        for (r, g, b) in [(0, 0, 0), (255, 128, 1), (12, 200, 99)] {
            corpus.push(format!("rgb({r}, {g}, {b})"));
            corpus.push(format!("rgb({r} {g} {b})"));
            corpus.push(format!("rgba({r},{g},{b},0.5)"));
            corpus.push(format!("rgb({r} {g} {b} / 30%)"));
            corpus.push(format!("rgb({}%, {}%, {}%)", r * 100 / 255, g * 100 / 255, b * 100 / 255));
        }
        for h in [0, 30, 59, 120, 180, 200, 300, 359, 400, -60] {
            for (s, l) in [(100, 50), (40, 70), (0, 20), (80, 10)] {
                corpus.push(format!("hsl({h}, {s}%, {l}%)"));
                corpus.push(format!("hsla({h}deg {s}% {l}% / 0.75)"));
                corpus.push(format!("hwb({h} {s}% {}%)", l / 2));
            }
        }
        corpus.extend(
            ["hsl(0.25turn 50% 50%)", "hsl(1.5rad 50% 50%)", "hsl(100grad 50% 50%)", "rgb(300, -5, 12.5)"]
                .map(String::from),
        );
        for css in &corpus {
            let theirs = csscolorparser::parse(css).unwrap_or_else(|e| panic!("{css}: {e}")).to_rgba8();
            let ours = rgba8(css).unwrap_or_else(|| panic!("{css} refused"));
            let close = ours.iter().zip(theirs).all(|(a, b)| a.abs_diff(b) <= 1);
            assert!(close, "{css}: {ours:?} vs {theirs:?}");
        }
    }
}

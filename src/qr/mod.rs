//! QR codes that always scan: error-correction choice, the logo-safe area, and (in the
//! files that follow this one in the pipeline) styles and output.
//!
//! - [`encode`](mod@encode): text -> [`QrMatrix`] with the level chosen by [`EcChoice`];
//! - [`logo_area`]: which centred square a logo may cover, per version and level, from
//!   the codeword layout and the per-block correction capacity;
//! - [`symbol`]: the two together, as the bindings and the poster engine use them;
//! - [`style`]: shapes, colours, gradients, quiet zone, contrast check;
//! - [`shapes`]: the geometry of a styled symbol in module units, for every output;
//! - [`logo`]: the logo image, its plate, and where they go;
//! - [`svg`]: SVG documents, one path per colour;
//! - [`raster`]: pixels, modules on whole pixels (PNG via
//!   [`crate::imaging`]); the poster engine draws its QR element with [`draw_qr`].
//!
//! Placing a code in a larger drawing, as the poster engine does with its QR element:
//!
//! ```
//! use share_earn::qr::{build_symbol, draw_qr, LogoArt, QrStyle, SymbolOptions};
//!
//! let symbol = build_symbol("https://shop.example.com/p/1?ref=K7M2Q9XD", &SymbolOptions { ec_level: None, logo: None })?;
//! let mut poster = share_earn::imaging::Pixmap::new(750, 1334).unwrap();
//! let at = draw_qr(&mut poster, &symbol, &QrStyle::default(), &LogoArt::default(), 500, 1084, 200)?;
//! // 29 modules + 8 of quiet zone in 200 px: 5 px a module, centred with a 7 px margin.
//! assert_eq!((at.module_pixels, at.x, at.y, at.side), (5, 507, 1091, 185));
//! # Ok::<(), share_earn::Error>(())
//! ```

mod css_color;
pub mod encode;
mod fill;
pub mod logo;
pub mod logo_area;
mod mask;
pub mod raster;
pub mod shapes;
pub mod style;
pub mod svg;
pub mod symbol;

pub use encode::{encode, EcChoice, EcLevel, ModuleRect, QrMatrix};
pub use logo::{logo_geometry, LogoArt, LogoGeometry, LogoImage};
pub use logo_area::{largest_logo_side, BlockMap, LOGO_SHARE};
pub use raster::{draw_qr, placement, qr_pixmap, Placement, MAX_PIXELS};
pub use shapes::{qr_shapes, Path, QrShapes, Seg};
pub use style::{parse_color, FinderShape, ModuleShape, Paint, QrStyle, Rgba, Stop, MIN_CONTRAST};
pub use svg::qr_svg;
pub use symbol::{build_symbol, LogoReserve, Oversize, QrSymbol, SymbolOptions};

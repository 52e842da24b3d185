//! QR codes that always scan: error-correction choice, the logo-safe area, and (in the
//! files that follow this one in the pipeline) styles and output.
//!
//! - [`encode`]: text -> [`QrMatrix`] with the level chosen by [`EcChoice`];
//! - [`logo_area`]: which centred square a logo may cover, per version and level, from
//!   the codeword layout and the per-block correction capacity;
//! - [`symbol`]: the two together, as the bindings and the poster engine use them;
//! - [`style`]: shapes, colours, gradients, quiet zone, contrast check;
//! - [`shapes`]: the geometry of a styled symbol in module units, for every output;
//! - [`logo`]: the logo image, its plate, and where they go;
//! - [`svg`]: SVG documents, one path per colour;
//! - [`raster`]: pixels with tiny-skia, modules on whole pixels (PNG via
//!   [`crate::imaging`]); the poster engine draws its QR element with [`draw_qr`].

pub mod encode;
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
pub use style::{FinderShape, ModuleShape, Paint, QrStyle, Rgba, Stop, MIN_CONTRAST};
pub use svg::qr_svg;
pub use symbol::{build_symbol, LogoReserve, Oversize, QrSymbol, SymbolOptions};

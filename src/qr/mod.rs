//! QR codes that always scan: error-correction choice, the logo-safe area, and (in the
//! files that follow this one in the pipeline) styles and output.
//!
//! - [`encode`]: text -> [`QrMatrix`] with the level chosen by [`EcChoice`];
//! - [`logo_area`]: which centred square a logo may cover, per version and level, from
//!   the codeword layout and the per-block correction capacity;
//! - [`symbol`]: the two together, as the bindings and the poster engine use them.

pub mod encode;
pub mod logo_area;
pub mod symbol;

pub use encode::{encode, EcChoice, EcLevel, ModuleRect, QrMatrix};
pub use logo_area::{BlockMap, LOGO_SHARE};
pub use symbol::{build_symbol, LogoReserve, Oversize, QrSymbol, SymbolOptions};

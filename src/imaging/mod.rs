//! Image bytes in and out, shared by the QR raster output and the poster engine:
//!
//! - [`decode`]: PNG and JPEG bytes -> premultiplied RGBA pixels, with limits checked
//!   from the header before any pixel is decoded, and EXIF orientation applied;
//! - [`resample`]: high-quality scaling of decoded pixels to the size they are drawn at;
//! - [`png`]: pixels -> PNG bytes, in the smallest colour type that holds them exactly;
//! - [`pixmap`], [`path`], [`paint`]: the drawing surface, vector shapes and their
//!   anti-aliased coverage, and colours and gradients laid through that coverage.
//!
//! All of it lives in the workspace crate `share-earn-pixels` (`crates/pixels`), which the
//! release profile builds at `opt-level = 3` while this crate is built for size; it is
//! re-exported here unchanged, except that [`decode_image`] reports this crate's
//! [`Error`](crate::Error).

pub mod decode;

pub use share_earn_pixels::{paint, path, pixmap, png, resample};

pub use self::png::encode_png;
pub use decode::{decode_image, DecodeLimits};
pub use paint::Shader;
pub use path::{Area, Coverage, Path};
pub use pixmap::Pixmap;
pub use resample::resize_to;

//! Share links, mini-program scenes and attribution: pure functions over strings.
//!
//! - [`build_share_link`] / [`parse_share_link`]: the sharer's code, campaign, channel
//!   and UTM tags on a page URL;
//! - [`pack_scene`] / [`parse_scene`]: the same in a WeChat mini-program `scene`
//!   (at most 32 characters);
//! - [`decide_attribution`]: who gets credit for a visitor (first touch, window, last touch).

mod attribution;
mod scene;
mod share;
mod url;

pub use attribution::{
    decide_attribution, AttributionAction, AttributionDecision, AttributionModel, AttributionPolicy, AttributionReason,
    AttributionRecord, Touch, MAX_TIME_MS, MAX_WINDOW_DAYS,
};
pub use scene::{is_scene_char, pack_scene, parse_scene, SceneFields, MAX_SCENE_LEN};
pub use share::{build_share_link, parse_share_link, ParamNames, ShareParams, Utm, MAX_VALUE_LEN};
pub use url::{decode_component, encode_component};

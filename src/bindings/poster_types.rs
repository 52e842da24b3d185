//! TypeScript declarations of the poster template format and of `layoutPoster`'s result.
//! The template is read by the core from a JSON value (natively from JSON text), so these
//! types describe that JSON; the README's "Poster templates" section explains each field.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_POSTER: &str = r#"
/** A CSS colour: `#e1251b`, `rgb(0 0 0 / 25%)`, `red`; may hold `{{bindings}}`. */
export type PosterColor = string;
/** A gradient; `angle` in degrees clockwise from left-to-right (default 90: downwards). */
export interface PosterGradient {
  type: "linear" | "radial";
  angle?: number;
  stops: { offset: number; color: PosterColor }[];
}
export type PosterFill = PosterColor | PosterGradient;
/** A number, or a position relative to an EARLIER element with that `id`. */
export type PosterX = number
  | { rightOf: string; gap?: number } | { leftOf: string; gap?: number }
  | { alignLeft: string; offset?: number } | { alignRight: string; offset?: number }
  | { centerOf: string; offset?: number };
export type PosterY = number
  | { below: string; gap?: number } | { above: string; gap?: number }
  | { alignTop: string; offset?: number } | { alignBottom: string; offset?: number }
  | { centerOf: string; offset?: number };
/** Corner radius, or `[topLeft, topRight, bottomRight, bottomLeft]`. */
export type PosterRadius = number | [number, number, number, number];
export interface PosterShadow { x?: number; y?: number; blur?: number; color?: PosterColor }
export interface PosterStroke { width: number; color: PosterColor }
export interface PosterFont {
  /** A family, or a fallback chain; default: every font of the template, in order. */
  family?: string | string[];
  /** px; default 16. */
  size?: number;
  weight?: number | "normal" | "bold";
  style?: "normal" | "italic";
}
interface PosterElementBase {
  /** Later elements may place themselves relative to this one. */
  id?: string;
  /** A data path: the element is drawn only when its value is present and non-empty. */
  if?: string;
  x?: PosterX;
  y?: PosterY;
  /** 0 to 1; default 1. */
  opacity?: number;
}
export interface PosterRect extends PosterElementBase {
  type: "rect";
  width: number; height: number;
  fill?: PosterFill; stroke?: PosterStroke; radius?: PosterRadius; shadow?: PosterShadow;
}
export interface PosterImageElement extends PosterElementBase {
  type: "image";
  /** Asset name (may hold `{{bindings}}`). */
  asset: string;
  width: number; height: number;
  fit?: "cover" | "contain" | "fill";
  /** Which part stays in view: `"center"`, `"top"`, `"bottom right"`… or `[x, y]` from 0 to 1. */
  position?: string | [number, number];
  radius?: PosterRadius;
  circle?: boolean;
  /** A ring around the outside of the shape. */
  border?: PosterStroke;
  shadow?: PosterShadow;
}
export interface PosterRun {
  text: string;
  font?: PosterFont;
  color?: PosterColor;
  letterSpacing?: number;
  decoration?: "none" | "underline" | "lineThrough";
}
export interface PosterText extends PosterElementBase {
  type: "text";
  /** The text (may hold `{{bindings}}`); or `runs` for mixed styles on shared baselines. */
  text?: string;
  runs?: PosterRun[];
  font?: PosterFont;
  color?: PosterColor;
  /** Wrap width; without it each line is as long as its text. */
  width?: number;
  /** Box height: lines below it are cut (with the ellipsis); `verticalAlign` within it. */
  height?: number;
  /** px at the declared size; default: the font's own line spacing. */
  lineHeight?: number;
  maxLines?: number;
  /** Default `"…"`; `""` cuts without one. */
  ellipsis?: string;
  /** Shrink the text down to this size before cutting it. */
  minSize?: number;
  letterSpacing?: number;
  align?: "left" | "center" | "right";
  verticalAlign?: "top" | "middle" | "bottom";
  decoration?: "none" | "underline" | "lineThrough";
}
export interface PosterQr extends PosterElementBase {
  type: "qr";
  /** The text to encode, usually `"{{shareUrl}}"`. */
  text: string;
  /** Side of the square, px. */
  size: number;
  ecLevel?: "auto" | "L" | "M" | "Q" | "H";
  /** Modules; default 2. */
  quietZone?: number;
  moduleShape?: "square" | "rounded" | "dots";
  finderShape?: "square" | "rounded" | "circle";
  finderInnerShape?: "square" | "rounded" | "circle";
  foreground?: PosterFill;
  finderColor?: PosterColor;
  background?: PosterColor;
  logo?: { asset?: string; size?: number; padding?: number; oversize?: "shrink" | "reject"; background?: PosterColor; radius?: number };
}
export interface PosterLine extends PosterElementBase {
  type: "line";
  length: number;
  direction?: "horizontal" | "vertical";
  thickness?: number;
  color?: PosterColor;
  style?: "solid" | "dashed" | "dotted";
  /** `[on, off]` px; overrides `style`. */
  dash?: [number, number];
  cap?: "butt" | "round";
}
export type PosterElement = PosterRect | PosterImageElement | PosterText | PosterQr | PosterLine;
/** A poster template (version 1). Unknown fields are an error. */
export interface PosterTemplate {
  version: 1;
  width: number;
  height: number;
  background?: PosterFill | { image: string; fit?: "cover" | "contain" | "fill"; position?: string | [number, number] };
  /** Font assets, in fallback order. */
  fonts?: { asset: string; family?: string; weight?: number | "normal" | "bold"; style?: "normal" | "italic" }[];
  elements?: PosterElement[];
}
/** What `layoutPoster` returns, in template px. */
export interface PosterLayout {
  width: number;
  height: number;
  pixelRatio: number;
  elements: {
    index: number;
    id: string | null;
    type: "rect" | "image" | "text" | "qr" | "line";
    visible: boolean;
    x: number; y: number; width: number; height: number;
    lines?: { text: string; x: number; y: number; width: number; height: number; baseline: number }[];
    truncated?: boolean;
    scale?: number;
    qr?: { version: number; ecLevel: "L" | "M" | "Q" | "H"; modules: number };
  }[];
  warnings: PosterWarning[];
}
"#;

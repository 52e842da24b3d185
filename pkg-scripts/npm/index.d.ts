import type { ShareEarnError } from './share_earn.js';
import type { AssetFetchError } from './poster.js';
export * from './share_earn.js';
export * from './attribution.js';
export * from './poster.js';

/** What `init` can load the WebAssembly module from. */
export type InitSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module;

/**
 * Loads and instantiates the WebAssembly module; call it once before any other function.
 * Without an argument the `.wasm` next to the package's JavaScript is fetched. In Node the
 * module is ready on import and this resolves at once. Later calls return the same promise.
 */
export default function init(source?: InitSource | Promise<InitSource>): Promise<void>;

/** Instantiates the module synchronously (Web Workers, mini-programs, tests). */
export function initSync(source: BufferSource | WebAssembly.Module): void;

/**
 * Whether this engine runs WebAssembly SIMD, so `init()` loads the faster SIMD build
 * (`share_earn_bg.wasm`); without it, the baseline build (`share_earn_bg.baseline.wasm`),
 * which gives the same results byte for byte.
 */
export function simdSupported(): boolean;

/**
 * Whether `error` was thrown by share-earn: then it has a stable `code`, one of `ErrorCode`
 * (the wasm core) or `JsErrorCode` (the JavaScript helpers: `ASSET_FETCH_FAILED`).
 */
export function isShareEarnError(error: unknown): error is ShareEarnError | AssetFetchError;

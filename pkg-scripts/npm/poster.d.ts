import type { PosterImage, PosterTemplate, RenderPosterOptions } from './share_earn.js';

/** Images and fonts by the names the template uses (`"bg.jpg"`, `"NotoSansSC-Regular.otf"`). */
export type PosterAssets = Record<string, Uint8Array | ArrayBuffer> | Map<string, Uint8Array | ArrayBuffer>;

/** What a template's `{{bindings}}` read: an object, or its JSON text. */
export type PosterData = Record<string, unknown> | string;

/** Options of `posterBlob` and `posterObjectUrl`: an encoded image, PNG or JPEG. */
export type PosterBlobOptions = Omit<RenderPosterOptions, 'format'> & {
  /** `"png"` or `"jpeg"`; `"rgba"` is refused (`POSTER_INVALID_OPTIONS`). Default: `"png"`. */
  format?: 'png' | 'jpeg';
};

/** Options of `drawPoster`: pixels go straight to the canvas, so there is no format to pick. */
export type DrawPosterOptions = Omit<RenderPosterOptions, 'format' | 'quality'> & {
  /** Only `"rgba"`, or left out. */
  format?: 'rgba';
};

/** The pixel data `drawPoster` hands the canvas (an `ImageData` in browsers). */
export interface PosterCanvasImageData {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** The part of a 2D context `drawPoster` uses (`CanvasRenderingContext2D`, `OffscreenCanvasRenderingContext2D`). */
export interface PosterCanvasContext {
  createImageData(width: number, height: number): PosterCanvasImageData;
  putImageData(image: PosterCanvasImageData, dx: number, dy: number): void;
}

/** A canvas `drawPoster` can draw on: an `HTMLCanvasElement` or an `OffscreenCanvas`. */
export interface PosterCanvas {
  width: number;
  height: number;
  getContext(contextId: '2d'): PosterCanvasContext | null;
}

/** What `posterObjectUrl` resolves to. */
export interface PosterObjectUrl {
  /** A `blob:` URL of the image, for `<img src>` or `<a href download>`. */
  url: string;
  /** The image itself. */
  blob: Blob;
  /** The render result: size, pixel ratio, warnings (and the encoded bytes). */
  result: PosterImage;
  /** Releases the URL (`URL.revokeObjectURL`); call it once the image is no longer shown. Safe to call twice. */
  revoke(): void;
}

/**
 * Renders a poster to a PNG or JPEG `Blob` (`type` `image/png` or `image/jpeg`), for an
 * upload, `navigator.share({ files })` or a download. Same arguments as `renderPoster`.
 * @throws ShareEarnError (the promise rejects) with the codes of `renderPoster`, and
 *   `POSTER_INVALID_OPTIONS` at `options.format` for `"rgba"`.
 */
export declare function posterBlob(
  template: PosterTemplate | string,
  data?: PosterData | null,
  assets?: PosterAssets | null,
  options?: PosterBlobOptions | null,
): Promise<Blob>;

/**
 * Renders a poster and makes an object URL of it: `img.src = (await posterObjectUrl(...)).url`.
 * The image stays in memory until `revoke()`.
 * @throws ShareEarnError (the promise rejects), as `posterBlob`.
 */
export declare function posterObjectUrl(
  template: PosterTemplate | string,
  data?: PosterData | null,
  assets?: PosterAssets | null,
  options?: PosterBlobOptions | null,
): Promise<PosterObjectUrl>;

/**
 * Renders a poster as RGBA pixels and puts them on `canvas` (an `HTMLCanvasElement` or an
 * `OffscreenCanvas`, also in a Worker), which is resized to the output: the template's size
 * times `options.pixelRatio`. Set the canvas's CSS size to the template's size for a sharp
 * poster on high-density screens. Nothing is encoded or decoded.
 * @returns the render result: `width`, `height`, `pixelRatio`, `warnings`; `bytes` are the pixels.
 * @throws ShareEarnError with the codes of `renderPoster`; `INVALID_ARGUMENT` at `canvas`
 *   when it has no 2D context; `POSTER_INVALID_OPTIONS` at `options.format` for a format.
 */
export declare function drawPoster(
  canvas: PosterCanvas,
  template: PosterTemplate | string,
  data?: PosterData | null,
  assets?: PosterAssets | null,
  options?: DrawPosterOptions | null,
): PosterImage;

/** Why one asset could not be fetched. */
export interface AssetFetchFailure {
  /** The asset's name (the key of `urls`). */
  name: string;
  /** Its URL, as given. */
  url: string;
  /**
   * `"timeout"`: no complete answer within `timeoutMs`; `"http"`: a status other than
   * 2xx (see `status`); `"network"`: no answer at all (refused, DNS, CORS, a broken body).
   */
  reason: 'timeout' | 'http' | 'network';
  /** The HTTP status, for `"http"`. */
  status?: number;
  /** For people: the status, or the platform's error message. */
  message: string;
}

/**
 * Error codes raised by the JavaScript helpers rather than the wasm core:
 * - `ASSET_FETCH_FAILED`: `fetchAssets` could not fetch one or more assets; the error's
 *   `errors` lists each with its reason, `path` names the first (`urls.bg.jpg`).
 */
export type JsErrorCode = 'ASSET_FETCH_FAILED';

/** What `fetchAssets` rejects with when assets fail: one error for all of them. */
export interface AssetFetchError extends Error {
  name: 'ShareEarnError';
  code: 'ASSET_FETCH_FAILED';
  /** `urls.<name>` of the first asset that failed. */
  path?: string;
  /** Every asset that failed, in the order of `urls`. */
  errors: AssetFetchFailure[];
}

/** The `fetch` `fetchAssets` calls: `globalThis.fetch` or one of yours. */
export type AssetFetch = (
  url: string | URL,
  init: { signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

export interface FetchAssetsOptions {
  /** Time allowed for each asset, headers and body. Default: `10000`. */
  timeoutMs?: number;
  /** Default: `globalThis.fetch`. */
  fetch?: AssetFetch;
  /** Cancels every request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Fetches assets by name, all in parallel, each with its own timeout, into the bytes
 * `renderPoster` takes: `await fetchAssets({ 'bg.jpg': '/img/bg.jpg' })` resolves to
 * `{ 'bg.jpg': Uint8Array }`. Fetches exactly the URLs given, nothing else (the wasm core
 * never fetches).
 * @throws AssetFetchError (`ASSET_FETCH_FAILED`, after every request has finished) when any
 *   asset fails; `INVALID_ARGUMENT` for bad arguments; the signal's reason when aborted.
 */
export declare function fetchAssets(
  urls: Record<string, string | URL>,
  options?: FetchAssetsOptions,
): Promise<Record<string, Uint8Array>>;

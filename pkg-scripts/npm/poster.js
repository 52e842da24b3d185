// Poster helpers around `renderPoster`: a Blob or an object URL for an <img>, drawing onto a
// canvas, and fetching the assets a template names.
//
// The Rust core never fetches: images and fonts reach it as bytes. `fetchAssets` is the JS
// side's loader, with a timeout per asset and one error that lists every asset that failed,
// so a poster page can say "the product photo is missing" rather than "something failed".
import { renderPoster } from './share_earn.js';

const MIME = { png: 'image/png', jpeg: 'image/jpeg', jpg: 'image/jpeg' };

/** An Error shaped like the ones the wasm core throws: `name`, `code`, `path`, `CODE: ` prefix. */
function shareEarnError(code, message, path, extra = {}) {
  const error = new Error(`${code}: ${message}`);
  error.name = 'ShareEarnError';
  error.code = code;
  if (path !== undefined) error.path = path;
  return Object.assign(error, extra);
}

function encodedFormat(options, caller) {
  const format = options?.format ?? 'png';
  if (typeof format === 'string' && format in MIME) return MIME[format];
  throw shareEarnError(
    'POSTER_INVALID_OPTIONS',
    `${caller} makes an encoded image: options.format must be "png" or "jpeg", not ${JSON.stringify(format)}`,
    'options.format',
  );
}

/**
 * Renders a poster to a PNG or JPEG `Blob` (for upload, `navigator.share`, a download link).
 * Same arguments as `renderPoster`; `options.format` is `"png"` (default) or `"jpeg"`.
 */
export async function posterBlob(template, data, assets, options) {
  return (await renderToBlob(template, data, assets, options, 'posterBlob')).blob;
}

async function renderToBlob(template, data, assets, options, caller) {
  const type = encodedFormat(options, caller);
  const result = renderPoster(template, data, assets, options);
  return { blob: new Blob([result.bytes], { type }), result };
}

/**
 * Renders a poster and gives it an object URL, for `<img src>` or a download link.
 * Call `revoke()` once the URL is no longer shown: until then the image stays in memory.
 */
export async function posterObjectUrl(template, data, assets, options) {
  const { blob, result } = await renderToBlob(template, data, assets, options, 'posterObjectUrl');
  const url = URL.createObjectURL(blob);
  let revoked = false;
  return {
    url,
    blob,
    result,
    revoke() {
      if (revoked) return;
      revoked = true;
      URL.revokeObjectURL(url);
    },
  };
}

/**
 * Renders a poster straight onto a canvas (an HTMLCanvasElement or OffscreenCanvas): the
 * canvas is resized to the output (template size x pixel ratio) and its pixels replaced.
 * Nothing is encoded or decoded on the way. Returns the render result (`bytes` are the RGBA
 * pixels; `warnings`, `width`, `height`, `pixelRatio`).
 */
export function drawPoster(canvas, template, data, assets, options) {
  if (options?.format !== undefined && options.format !== 'rgba') {
    throw shareEarnError(
      'POSTER_INVALID_OPTIONS',
      `drawPoster draws pixels: leave options.format out (or "rgba"), not ${JSON.stringify(options.format)}`,
      'options.format',
    );
  }
  const context = typeof canvas?.getContext === 'function' ? canvas.getContext('2d') : null;
  if (context === null) {
    throw shareEarnError('INVALID_ARGUMENT', 'canvas must be a canvas with a 2D context', 'canvas');
  }
  const result = renderPoster(template, data, assets, { ...options, format: 'rgba' });
  // Setting the size clears the canvas, so the poster replaces whatever was drawn before.
  canvas.width = result.width;
  canvas.height = result.height;
  const image =
    typeof ImageData === 'function'
      ? new ImageData(new Uint8ClampedArray(result.bytes.buffer, result.bytes.byteOffset, result.bytes.length), result.width)
      : context.createImageData(result.width, result.height);
  if (image.data.buffer !== result.bytes.buffer) image.data.set(result.bytes);
  context.putImageData(image, 0, 0);
  return result;
}

/**
 * Fetches assets by name, all at once, each with its own timeout, into the bytes
 * `renderPoster` takes: `fetchAssets({ 'bg.jpg': '/img/bg.jpg' })` resolves to
 * `{ 'bg.jpg': Uint8Array }`. Only the URLs given are fetched.
 *
 * When any asset fails, waits for the others and rejects with one ShareEarnError, code
 * `ASSET_FETCH_FAILED`, whose `errors` lists each failed asset with its reason:
 * `"timeout"`, `"http"` (with `status`) or `"network"` (refused, CORS, a broken body).
 * Aborting `options.signal` rejects with the signal's reason instead.
 */
export async function fetchAssets(urls, options = {}) {
  if (urls === null || typeof urls !== 'object' || Array.isArray(urls)) {
    throw shareEarnError('INVALID_ARGUMENT', 'urls must be an object of asset names to URLs', 'urls');
  }
  if (options === null || typeof options !== 'object') {
    throw shareEarnError('INVALID_ARGUMENT', 'options must be an object', 'options');
  }
  for (const key of Object.keys(options)) {
    if (!['timeoutMs', 'fetch', 'signal'].includes(key)) {
      throw shareEarnError('INVALID_ARGUMENT', `options.${key} is not an option of fetchAssets`, `options.${key}`);
    }
  }
  const { timeoutMs = 10_000, fetch = globalThis.fetch, signal } = options;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || timeoutMs === Infinity) {
    throw shareEarnError('INVALID_ARGUMENT', 'options.timeoutMs must be a positive number of milliseconds', 'options.timeoutMs');
  }
  if (typeof fetch !== 'function') {
    throw shareEarnError('INVALID_ARGUMENT', 'options.fetch must be a function (no global fetch here)', 'options.fetch');
  }
  const entries = Object.entries(urls);
  for (const [name, url] of entries) {
    if (typeof url !== 'string' && !(url instanceof URL)) {
      throw shareEarnError('INVALID_ARGUMENT', `urls.${name} must be a string or a URL`, `urls.${name}`);
    }
  }
  signal?.throwIfAborted();

  const outcomes = await Promise.all(entries.map(([name, url]) => fetchOne(name, url, fetch, timeoutMs, signal)));
  signal?.throwIfAborted();
  const failures = outcomes.filter((o) => o.reason !== undefined);
  if (failures.length > 0) {
    const list = failures.map(describeFailure).join('; ');
    throw shareEarnError(
      'ASSET_FETCH_FAILED',
      `${failures.length} of ${entries.length} assets could not be fetched: ${list}`,
      `urls.${failures[0].name}`,
      { errors: failures },
    );
  }
  return Object.fromEntries(outcomes.map((o) => [o.name, o.bytes]));
}

async function fetchOne(name, url, fetch, timeoutMs, signal) {
  const href = String(url);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort(signal.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // The timeout covers the body too: a server that sends headers and then stalls is as
    // stuck as one that never answers.
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) {
      // Let the connection go rather than keep an unread body around.
      try {
        response.body?.cancel?.()?.catch?.(() => {});
      } catch {
        // Nothing to release.
      }
      return { name, url: href, reason: 'http', status: response.status, message: `HTTP ${response.status}` };
    }
    return { name, url: href, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    if (timedOut) return { name, url: href, reason: 'timeout', message: `no answer within ${timeoutMs} ms` };
    return { name, url: href, reason: 'network', message: String(error?.cause?.message ?? error?.message ?? error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function describeFailure({ name, url, reason, status, message }) {
  const why = reason === 'http' ? `HTTP ${status}` : reason === 'timeout' ? message : `network error: ${message}`;
  return `${name} (${why}, ${url})`;
}

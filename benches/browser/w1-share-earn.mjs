// Workload W1 of the bench-peers harness (QR codes), run by share-earn's npm package beside
// `qrcode`, `qrcode-generator` and `qr-code-styling`: the same ~100-character share URL at
// level H, as (a) a module matrix, (b) an SVG string, (c) a 300x300 PNG Blob, and (c) again
// with a centre logo about 20% of the symbol's width. Every call crosses from JavaScript
// into WebAssembly and back and returns what a page would use (a Blob for the PNGs, as the
// peers' `canvas.toBlob` does).
//
// Run with pkg-scripts/bench.sh browser (see the README's Benchmarks section).
import init, { qrMatrix, qrSvg, qrPng } from '../../pkg/index.js';
import { QR_TEXT, QR_ECL, QR_PNG_SIZE, QR_QUIET_ZONE, QR_LOGO_FRACTION } from 'bench-peers/spec.js';
import { qrInfo } from 'bench-peers/qrinfo.js';

let logo = null;
const pngOptions = { ecLevel: QR_ECL, size: QR_PNG_SIZE, quietZone: QR_QUIET_ZONE };
const blob = (r) => new Blob([r.bytes], { type: 'image/png' });
let last = null;

async function checkPng(b, ctx, name, extra = {}) {
  const v = await ctx.verify.png(b);
  return {
    ok: v.qr.ok && v.width === QR_PNG_SIZE && v.height === QR_PNG_SIZE && last.ecLevel === QR_ECL,
    info: { ...v, qr: v.qr.ok, qrDecodedFrom: v.qr.view, version: last.version, ecl: last.ecLevel, mask: last.mask, ...extra },
    files: [{ name, data: b }],
  };
}

export default {
  id: 'w1-share-earn',
  workload: 'W1',
  library: 'share-earn@0.1.0 (Rust/WASM)',
  defaults: { warmup: 20, iterations: 50 },
  async setup(ctx) {
    await init('/dist/share_earn_bg.wasm');
    logo = ctx.assets.logo;
  },
  cases: [
    {
      name: 'matrix',
      label: '(a) module matrix',
      run() {
        const m = qrMatrix(QR_TEXT, { ecLevel: QR_ECL });
        return { size: m.size, data: m.modules, version: m.version, mask: m.mask, ecl: m.ecLevel };
      },
      async check(m, ctx) {
        const info = qrInfo(m.size, (r, c) => m.data[r * m.size + c] === 1);
        const dec = await ctx.verify.matrix(m);
        return {
          ok: dec.ok && info.version === m.version && info.mask === m.mask && info.ecl === m.ecl && m.ecl === QR_ECL,
          info: { version: m.version, mask: m.mask, ecl: m.ecl, exposedByLibrary: 'version, ecLevel, mask', readBack: info, decodes: dec.ok },
        };
      },
    },
    {
      name: 'svg',
      label: '(b) SVG string',
      run: () => qrSvg(QR_TEXT, { ecLevel: QR_ECL, quietZone: QR_QUIET_ZONE, size: QR_PNG_SIZE }),
      async check(svg, ctx) {
        const dec = await ctx.verify.svg(svg);
        return { ok: dec.ok, info: { svgChars: svg.length, decodes: dec.ok }, files: [{ name: 'w1-share-earn.svg', data: svg }] };
      },
    },
    {
      name: 'png',
      label: '(c) 300x300 PNG Blob',
      run() {
        last = qrPng(QR_TEXT, pngOptions);
        return blob(last);
      },
      check: (b, ctx) => checkPng(b, ctx, 'w1-share-earn.png', { modulePixels: last.modulePixels }),
    },
    {
      name: 'png+logo',
      label: '(c) 300x300 PNG Blob, center logo',
      run() {
        last = qrPng(QR_TEXT, { ...pngOptions, logo: { image: logo, size: QR_LOGO_FRACTION, padding: 1 } });
        return blob(last);
      },
      check: (b, ctx) =>
        checkPng(b, ctx, 'w1-share-earn-logo.png', {
          logoModules: last.logo.modules,
          logoWidthFraction: last.logo.size,
          logoShrunk: last.logo.shrunk,
        }),
    },
  ],
};

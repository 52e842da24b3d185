// Workload W2 of the bench-peers harness (the share poster), rendered by share-earn's npm
// package beside the hand-written Canvas 2D code, satori + resvg-wasm and html2canvas. The
// template is built from the harness's own `POSTER` spec (every box, size and colour), the
// inputs are the same in-memory JPEG/PNG/TTF bytes, and the timed call goes from those bytes
// to PNG bytes (decoding, layout, drawing and PNG encoding inside), as the peers' does.
//
// Untimed, `extra()` also renders the long-title poster and measures wasm memory after 10
// and after 1,000 further renders (the README's memory figure).
//
// Run with `BENCH_WORKLOADS=w2 pkg-scripts/bench.sh browser` (see the README's Benchmarks).
import { renderPoster } from '../../pkg/index.js';
// The raw wasm-bindgen glue: its init resolves to the module's exports (for `memory`).
import wasmInit from '../../pkg/share_earn.js';
import { POSTER as P, QR_TEXT, LONG_TITLE } from 'bench-peers/spec.js';

const text = (t, extra = {}) => ({
  type: 'text', x: t.x, y: t.y, text: t.text, lineHeight: t.lineHeight, color: t.color,
  font: { family: P.fontFamily, size: t.fontSize, weight: t.weight }, ...extra,
});

function template(title) {
  const a = P.avatar, k = P.card, p = P.product, q = P.qr;
  return {
    version: 1, width: P.width, height: P.height,
    background: { image: 'bg', fit: 'cover' },
    fonts: [{ asset: 'regular', family: P.fontFamily, weight: 400 }, { asset: 'bold', family: P.fontFamily, weight: 700 }],
    elements: [
      { type: 'image', asset: 'avatar', x: a.x, y: a.y, width: a.size, height: a.size, circle: true,
        border: { width: a.ring, color: a.ringColor } },
      text(P.nickname),
      text(P.subline),
      { type: 'rect', x: k.x, y: k.y, width: k.w, height: k.h, radius: k.radius, fill: k.color },
      { type: 'image', asset: 'product', x: p.x, y: p.y, width: p.w, height: p.h, radius: p.radius, fit: 'cover' },
      text({ ...P.title, text: title }, { width: P.title.w, maxLines: P.title.maxLines }),
      text(P.price, { id: 'price' }),
      text({ ...P.origPrice, x: 0, y: 0 }, {
        x: { rightOf: 'price', gap: P.origPrice.gap }, y: { alignBottom: 'price' }, decoration: 'lineThrough',
      }),
      text(P.slogan),
      text(P.tagline),
      { type: 'qr', x: q.x, y: q.y, size: q.size, text: QR_TEXT, ecLevel: 'H', quietZone: q.margin,
        logo: { asset: 'logo', size: 0.2, background: '#ffffff', radius: q.logoRadius / (q.logoSize + 2 * q.logoPad) } },
      text(P.qrCaption, { width: P.qrCaption.w, align: 'center' }),
    ],
  };
}

let assets = null;
let wasm = null;
const main = template(P.title.text);
const render = (t = main, format = 'png') => renderPoster(t, null, assets, { format });

export default {
  id: 'w2-share-earn',
  workload: 'W2',
  library: 'share-earn@0.1.0 (Rust/WASM)',
  defaults: { warmup: 5, iterations: 30 },
  async setup(ctx) {
    wasm = await wasmInit({ module_or_path: '/dist/share_earn_bg.wasm' });
    const a = ctx.assets;
    assets = {
      bg: a.bg, product: a.product, avatar: a.avatar, logo: a.logo,
      regular: new Uint8Array(ctx.fonts.regular), bold: new Uint8Array(ctx.fonts.bold),
    };
  },
  cases: [
    {
      name: 'poster',
      label: 'poster 750x1334 PNG',
      run: () => new Blob([render().bytes], { type: 'image/png' }),
      async check(png, ctx) {
        const q = P.qr;
        const v = await ctx.verify.png(png, { x: q.x - 8, y: q.y - 8, w: q.size + 16, h: q.size + 16 });
        return {
          ok: v.qr.ok && v.width === P.width && v.height === P.height,
          info: { width: v.width, height: v.height, pngBytes: v.bytes, qrDecodes: v.qr.ok, qrDecodedFrom: v.qr.view },
          files: [{ name: 'w2-share-earn.png', data: png }],
        };
      },
    },
    {
      name: 'draw-only',
      label: '  of which decode + draw (RGBA out, no PNG)',
      run: () => render(main, 'rgba').width,
    },
  ],
  async extra() {
    const long = render(template(LONG_TITLE));
    const mib = () => wasm.memory.buffer.byteLength;
    for (let i = 0; i < 10; i++) render();
    const after10 = mib();
    for (let i = 0; i < 1000; i++) render();
    const after1010 = mib();
    console.log(`w2-share-earn memory: ${after10} bytes after 10 renders, ${after1010} after 1,010 (+${after1010 - after10})`);
    return {
      titleLines: [`memory after 10 renders ${after10} B, after 1,010 ${after1010} B`],
      files: [{ name: 'w2-share-earn-long-title.png', data: new Blob([long.bytes], { type: 'image/png' }) }],
    };
  },
};

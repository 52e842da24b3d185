// Compile-time checks of the package's TypeScript declarations (tsc --noEmit, strict).
// Lines marked @ts-expect-error must fail to type-check: if the declarations became too
// loose (any, unknown), tsc reports the unused directive and the test fails.
import init, {
  allocate,
  parseRate,
  applyRate,
  previewRewards,
  type RewardRules,
  type AllocationMethod,
  MemberCodec,
  encodeMemberCode,
  decodeMemberCode,
  generateVouchers,
  buildShareLink,
  parseShareLink,
  packScene,
  parseScene,
  decideAttribution,
  rememberReferral,
  currentReferral,
  isShareEarnError,
  qrPng,
  qrPixels,
  qrSvg,
  type QrImage,
  type QrStyleOptions,
  type ErrorCode,
  type ShareEarnError,
  type VoucherBatch,
  type ShareLink,
  type AttributionDecision,
  type AttributionRecord,
  renderPoster,
  layoutPoster,
  posterBlob,
  posterObjectUrl,
  drawPoster,
  fetchAssets,
  type PosterTemplate,
  type PosterImage,
  type PosterLayout,
  type PosterWarning,
  type PosterObjectUrl,
  type AssetFetchFailure,
  type JsErrorCode,
} from 'share-earn';

async function usage(): Promise<void> {
  await init();
  await init(new URL('https://cdn.example.com/share_earn_bg.wasm'));
  await init(new Uint8Array([0, 97, 115, 109]));

  const code: string = encodeMemberCode(10086, { secret: 'brand', minLength: 8, blocklist: [] });
  const id: number = decodeMemberCode(code, { secret: 'brand' });
  const codec = new MemberCodec({ alphabet: '0123456789' });
  const length: number = codec.minLength + codec.maxLength + id;

  const batch: VoucherBatch = generateVouchers({ pattern: 'SALE-####', count: 10, charset: 'ABC' });
  const p: number = batch.collisionProbability;
  const first: string | undefined = batch.codes[0];

  const link: string = buildShareLink('https://a.example/', { code, utm: { source: 'wechat' } });
  const parsed: ShareLink = parseShareLink(link);
  const ref: string | undefined = parsed.code;
  const scene: string = packScene({ code, extra: { sku: '1' } });
  const sku: string | undefined = parseScene(scene).extra?.sku;

  const decision: AttributionDecision = decideAttribution(null, parsed, Date.now(), { model: 'window', windowDays: 7 });
  const action: 'store' | 'keep' | 'clear' = decision.action;
  const record: AttributionRecord | null = decision.record;
  const remembered = rememberReferral(link, { model: 'firstTouch' }, { key: 'k' });
  const persisted: boolean = remembered.persisted;
  const current: AttributionRecord | null = currentReferral();

  try {
    decodeMemberCode('x');
  } catch (error) {
    if (isShareEarnError(error)) {
      // The core's codes, plus the JavaScript helpers' (ASSET_FETCH_FAILED).
      const c: ErrorCode | JsErrorCode = error.code;
      const path: string | undefined = error.path;
      if (error.code === 'ASSET_FETCH_FAILED') {
        const failures: AssetFetchFailure[] = error.errors;
        void failures;
      } else {
        const e: ShareEarnError = error;
        void e;
      }
      void [c, path];
    }
  }

  // @ts-expect-error ids are numbers
  encodeMemberCode('10086');
  // @ts-expect-error unknown option names are refused by the types too
  encodeMemberCode(1, { minLenght: 8 });
  // @ts-expect-error count is required
  generateVouchers({ pattern: '####' });
  // @ts-expect-error the model is one of three names
  decideAttribution(null, null, 0, { model: 'forever' });
  // @ts-expect-error not an error code
  const bad: ErrorCode = 'NOT_A_CODE';

  const style: QrStyleOptions = {
    size: 300,
    ecLevel: 'H',
    quietZone: 4,
    moduleShape: 'dots',
    finderShape: 'circle',
    finderInnerShape: 'rounded',
    foreground: { type: 'linear', angle: 45, stops: [{ offset: 0, color: '#c41d2f' }, { offset: 1, color: 'navy' }] },
    finderColor: 'black',
    background: 'transparent',
    logo: { image: new Uint8Array([137, 80, 78, 71]), size: 0.2, padding: 1, oversize: 'shrink', background: '#fff', radius: 0.5 },
  };
  const r: QrImage = qrPng(link, style);
  const png: Uint8Array = r.bytes;
  const level: 'L' | 'M' | 'Q' | 'H' = r.ecLevel;
  const dims: number = r.width + r.height + r.modulePixels + r.margin + r.version + r.mask;
  const logoModules: number | undefined = r.logo?.modules;
  const shrunk: boolean | undefined = r.logo?.shrunk;
  const rgba = qrPixels(link, { logo: { image: new ArrayBuffer(8) }, foreground: 'red' });
  // A copy type-checks. (The zero-copy `new Uint8ClampedArray(rgba.bytes.buffer)` of the qrPixels
  // doc comment does not with TypeScript >= 5.7: `bytes` is declared `Uint8Array`, whose
  // `buffer` is `ArrayBufferLike`, and ImageData wants an `ArrayBuffer`.)
  const image = new ImageData(new Uint8ClampedArray(rgba.bytes), rgba.width);
  const svg: string = qrSvg(link, { foreground: { type: 'radial', stops: [] } });

  // @ts-expect-error the level is one of four letters, not any string
  const notALevel: 'X' = r.ecLevel;
  // @ts-expect-error bytes are a Uint8Array, not a string
  const notAString: string = r.bytes;
  // @ts-expect-error moduleShape is one of three names
  qrPng(link, { moduleShape: 'hearts' });
  // @ts-expect-error logo.image is bytes, not a number
  qrPng(link, { logo: { image: 42 } });
  // @ts-expect-error logo.image is bytes, not a URL string
  qrPixels(link, { logo: { image: 'logo.png' } });
  // @ts-expect-error unknown option names are refused by the types too
  qrPng(link, { colour: 'red' });
  // @ts-expect-error a gradient's type is linear or radial
  qrPng(link, { foreground: { type: 'conic', stops: [] } });

  await posters();

  void [length, p, first, ref, sku, action, record, persisted, current, bad];
  void [png, level, dims, logoModules, shrunk, image, svg, notALevel, notAString];
}
void usage;

async function posters(): Promise<void> {
  const template: PosterTemplate = {
    version: 1,
    width: 750,
    height: 1334,
    background: { image: 'bg.jpg', fit: 'cover' },
    fonts: [{ asset: 'NotoSansSC-Regular.otf' }],
    elements: [
      { type: 'rect', x: 10, y: 10, width: 20, height: 20, fill: '#e1251b' },
      { type: 'text', id: 'title', x: 40, y: 40, width: 600, text: '{{title}}', font: { size: 32 }, maxLines: 2 },
      { type: 'qr', x: 490, y: { below: 'title', gap: 20 }, size: 200, text: '{{shareUrl}}' },
    ],
  };
  const assets: Record<string, Uint8Array> = await fetchAssets(
    { 'bg.jpg': '/img/bg.jpg', 'NotoSansSC-Regular.otf': new URL('https://cdn.example.com/f.otf') },
    { timeoutMs: 5000, signal: new AbortController().signal, fetch: (url, init) => fetch(url, init) },
  );
  const data = { title: '双11', shareUrl: 'https://a.example/' };
  const image: PosterImage = renderPoster(template, data, assets, { format: 'rgba', pixelRatio: 2 });
  const warning: PosterWarning | undefined = image.warnings[0];
  const layout: PosterLayout = layoutPoster(JSON.stringify(template), JSON.stringify(data), new Map<string, ArrayBuffer>());

  const blob: Blob = await posterBlob(template, data, assets, { format: 'jpeg', quality: 85 });
  await posterBlob(template);
  await fetchAssets({ a: '/a.png' }, { fetch: globalThis.fetch });
  const shown: PosterObjectUrl = await posterObjectUrl(template, data, assets);
  const url: string = shown.url;
  const same: PosterImage = shown.result;
  shown.revoke();

  const canvas = document.createElement('canvas');
  const drawn: PosterImage = drawPoster(canvas, template, data, assets, { pixelRatio: window.devicePixelRatio });
  drawPoster(new OffscreenCanvas(1, 1), template, data, assets);
  const w: number = drawn.width + drawn.height;

  try {
    await fetchAssets({ a: '/a.png' });
  } catch (error) {
    if (isShareEarnError(error) && error.code === 'ASSET_FETCH_FAILED') {
      const reason: 'timeout' | 'http' | 'network' | undefined = error.errors[0]?.reason;
      const status: number | undefined = error.errors[0]?.status;
      void [reason, status];
    }
  }

  // @ts-expect-error a blob is PNG or JPEG, not raw pixels
  await posterBlob(template, data, assets, { format: 'rgba' });
  // @ts-expect-error drawPoster draws pixels: no encoded format
  drawPoster(canvas, template, data, assets, { format: 'png' });
  // @ts-expect-error a canvas, not a context
  drawPoster(canvas.getContext('2d'), template);
  // @ts-expect-error URLs are strings or URL objects
  await fetchAssets({ a: 42 });
  // @ts-expect-error unknown option names are refused by the types too
  await fetchAssets({}, { timeout: 5 });
  // @ts-expect-error assets are bytes, not URLs
  renderPoster(template, data, { 'bg.jpg': '/img/bg.jpg' });
  // @ts-expect-error the template has a version
  renderPoster({ width: 1, height: 1 }, null, null);
  // @ts-expect-error not a JavaScript-side error code
  const notJs: JsErrorCode = 'ASSET_MISSING';

  const shares: number[] = allocate(500, [1000, 2000, 3000], 'last');
  const method: AllocationMethod = 'largestRemainder';
  const rate: { ppm: number; percent: string } = parseRate('9折');
  const fee: number = applyRate(29900, 0.05, 'halfEven') + parseRate(0.1).ppm;
  // The method, the rounding and the context may be left out.
  const byDefault: number[] = allocate(500, [1, 2]);
  const halfUp: number = applyRate(100, '5%');
  const noContext = previewRewards({ version: 1 }, { lines: [{ price: 100, quantity: 1 }] });
  void [byDefault, halfUp, noContext];
  // @ts-expect-error not an allocation method
  allocate(500, [1], 'hamilton');
  // @ts-expect-error not a rounding mode
  applyRate(100, '5%', 'nearest');
  // @ts-expect-error weights are numbers
  allocate(500, ['1']);
  const rewardRules: RewardRules = { version: 1, preset: 'yudao', commission: { levels: ['10%'] } };
  const preview = previewRewards(rewardRules, { lines: [{ price: 100, quantity: 1 }] }, null);
  const earn: number = preview.sharer?.levels[0] ?? 0;
  const zh: string | undefined = preview.explain[0]?.zh;
  // @ts-expect-error not a preset
  previewRewards({ version: 1, preset: 'shopify' }, { lines: [] });
  void [earn, zh];

  void [warning, layout, blob, url, same, w, notJs, shares, method, rate, fee];
}

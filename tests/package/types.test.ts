// Compile-time checks of the package's TypeScript declarations (tsc --noEmit, strict).
// Lines marked @ts-expect-error must fail to type-check: if the declarations became too
// loose (any, unknown), tsc reports the unused directive and the test fails.
import init, {
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
      const c: ErrorCode = error.code;
      const path: string | undefined = error.path;
      const e: ShareEarnError = error;
      void [c, path, e];
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

  void [length, p, first, ref, sku, action, record, persisted, current, bad];
  void [png, level, dims, logoModules, shrunk, image, svg, notALevel, notAString];
}
void usage;

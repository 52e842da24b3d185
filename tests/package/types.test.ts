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

  void [length, p, first, ref, sku, action, record, persisted, current, bad];
}
void usage;

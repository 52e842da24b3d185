// Workload W3 of the bench-peers harness (short codes), run by share-earn's npm package beside
// the `sqids` and `nanoid` peers: 100,000 member ids 12345678901 + i encoded, the codes decoded
// back, and 100,000 random 8-character codes over the nanoid alphabet. Every call crosses from
// JavaScript into WebAssembly and back, as it does for users.
//
// Run with pkg-scripts/bench.sh browser (see the README's Benchmarks section).
import init, { MemberCodec, generateVouchers } from '../../pkg/index.js';
import { MEMBER_ID_BASE, CODE_OPS, NANOID_ALPHABET, NANOID_LENGTH } from 'bench-peers/spec.js';

let codec = null;
let codes = null;

export default {
  id: 'w3-share-earn',
  workload: 'W3',
  library: 'share-earn@0.1.0 (Rust/WASM)',
  defaults: { warmup: 3, iterations: 30 },
  async setup() {
    await init('/dist/share_earn_bg.wasm');
    codec = new MemberCodec({ secret: 'brand-a' });
    codes = Array.from({ length: CODE_OPS }, (_, i) => codec.encode(MEMBER_ID_BASE + i));
  },
  cases: [
    {
      name: 'encode',
      label: `encode ${CODE_OPS} ids`,
      opsPerRun: CODE_OPS,
      run() {
        let chars = 0;
        for (let i = 0; i < CODE_OPS; i++) chars += codec.encode(MEMBER_ID_BASE + i).length;
        return chars;
      },
      check(chars) {
        return {
          ok: chars >= CODE_OPS * 8,
          info: { meanLength: chars / CODE_OPS, [`encode(${MEMBER_ID_BASE})`]: codes[0], samples: codes.slice(0, 5) },
        };
      },
    },
    {
      name: 'decode',
      label: `decode ${CODE_OPS} codes`,
      opsPerRun: CODE_OPS,
      run() {
        let bad = 0;
        for (let i = 0; i < CODE_OPS; i++) if (codec.decode(codes[i]) !== MEMBER_ID_BASE + i) bad++;
        return bad;
      },
      check: (bad) => ({ ok: bad === 0, info: { roundTripFailures: bad } }),
    },
    {
      name: 'generate',
      label: `generateVouchers ${NANOID_LENGTH}-char x ${CODE_OPS}, one call, unique`,
      opsPerRun: CODE_OPS,
      run() {
        const batch = generateVouchers({ pattern: '#'.repeat(NANOID_LENGTH), charset: NANOID_ALPHABET, count: CODE_OPS });
        let chars = 0;
        for (const code of batch.codes) chars += code.length;
        return chars;
      },
      check(chars) {
        const batch = generateVouchers({ pattern: '#'.repeat(NANOID_LENGTH), charset: NANOID_ALPHABET, count: CODE_OPS });
        let badChars = 0;
        for (const code of batch.codes) for (const ch of code) if (!NANOID_ALPHABET.includes(ch)) badChars++;
        return {
          ok: chars === CODE_OPS * NANOID_LENGTH && badChars === 0,
          info: { samples: batch.codes.slice(0, 5), duplicatesIn100k: CODE_OPS - new Set(batch.codes).size, badChars },
        };
      },
    },
  ],
};

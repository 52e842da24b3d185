// Checks of the built npm package, shared by the Node test (node.test.mjs), the plain browser
// page (browser.html), the Web Worker (worker.mjs) and the Vite app (vite-app/): the same
// assertions run wherever users run the package. Each case gets the package's exports.
//
// Expected values come from outside the package: the frozen member-code vector of
// tests/member_codes.rs (native Rust must agree with the npm package byte for byte), the
// platform's own URL / URLSearchParams for links, hand-worked arithmetic, PNG chunks and CRCs
// read by hand, and (`decoderCases`, browsers and Workers only) the platform's image decoder.

export const DAY_MS = 86_400_000;

export class AssertionError extends Error {}

export const assert = {
  ok(value, message = 'expected a truthy value') {
    if (!value) throw new AssertionError(message);
  },
  equal(actual, expected, message = '') {
    if (!Object.is(actual, expected)) {
      throw new AssertionError(`${message} expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  },
  deepEqual(actual, expected, message = '') {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) throw new AssertionError(`${message} expected ${e}, got ${a}`);
  },
  /** Runs `fn`, which must throw a ShareEarnError with `code` (and `path`, when given). */
  throwsCode(fn, code, path) {
    let error = null;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    if (error === null) throw new AssertionError(`expected ${code}, but nothing was thrown`);
    if (!(error instanceof Error)) throw new AssertionError(`expected an Error, got ${String(error)}`);
    if (error.name !== 'ShareEarnError' || error.code !== code) {
      throw new AssertionError(`expected ShareEarnError ${code}, got ${error.name} ${error.code}: ${error.message}`);
    }
    if (!error.message.startsWith(`${code}: `)) throw new AssertionError(`message lacks its code: ${error.message}`);
    if (path !== undefined && error.path !== path) {
      throw new AssertionError(`expected path ${path}, got ${error.path} (${error.message})`);
    }
    return error;
  },
};

/** An in-memory Storage, optionally failing on writes (full, or disabled). */
export function memoryStorage({ failWrites = false } = {}) {
  const map = new Map();
  return {
    map,
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem(k, v) {
      if (failWrites) throw new Error('QuotaExceededError');
      map.set(k, String(v));
    },
    removeItem(k) {
      if (failWrites) throw new Error('SecurityError');
      map.delete(k);
    },
  };
}

// Frozen in tests/member_codes.rs (format v1): the package must produce the same codes.
const FROZEN = [
  [0, 'ZS3FHF7V'],
  [1, 'FV9ZXV89'],
  [1000, 'Y56Q925A'],
  [1001, '9G4AMJH5'],
  [2 ** 53 - 1, 'AZ1REJYCZ24F2'],
];

// ---- PNG by hand, for the QR raster cases -------------------------------------------------

/** CRC-32 of PNG and zlib (ISO 3309), bit by bit: independent of the package's encoder. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u32(n) {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}

function pngChunk(type, data) {
  const kind = [...type].map((c) => c.charCodeAt(0));
  return [...u32(data.length), ...kind, ...data, ...u32(crc32([...kind, ...data]))];
}

/** A well-formed PNG (right CRCs, an empty zlib stream) claiming `width` x `height` RGBA. */
export function pngClaiming(width, height) {
  return new Uint8Array([
    ...PNG_SIGNATURE,
    ...pngChunk('IHDR', [...u32(width), ...u32(height), 8, 6, 0, 0, 0]),
    ...pngChunk('IDAT', [0x78, 0x01, 0x01, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01]),
    ...pngChunk('IEND', []),
  ]);
}

/** Checks the signature and every chunk's length and CRC up to IEND; returns the IHDR. */
export function pngHeader(bytes) {
  assert.ok(bytes instanceof Uint8Array, 'PNG bytes are a Uint8Array');
  assert.deepEqual([...bytes.subarray(0, 8)], PNG_SIGNATURE, 'PNG signature');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = [];
  let at = 8;
  for (;;) {
    assert.ok(at + 12 <= bytes.length, `a chunk is cut off at byte ${at}`);
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    assert.ok(at + 12 + length <= bytes.length, `chunk ${type} runs past the end`);
    assert.equal(view.getUint32(at + 8 + length), crc32(bytes.subarray(at + 4, at + 8 + length)), `CRC of ${type}`);
    chunks.push(type);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  assert.equal(at, bytes.length, 'nothing after IEND');
  assert.equal(chunks[0], 'IHDR', 'IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20), depth: bytes[24], colorType: bytes[25], chunks };
}

// The ~100-byte share URL of the README: at ecLevel H it needs version 10, 57 modules; with
// the quiet zone of 4 that is 65 modules, so 300 px give 4 px a module (260 px) and a margin
// of (300 - 260) / 2 = 20 px.
const SHARE_URL =
  'https://shop.example.com/p/10086?ref=K7M2Q9XD&utm_source=wechat&utm_medium=poster&utm_campaign=double11';

function rgbaAt(r, x, y) {
  const i = (y * r.width + x) * 4;
  return [...r.bytes.subarray(i, i + 4)];
}

function near(actual, expected, tolerance, message) {
  assert.ok(
    actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance),
    `${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
}

/** A 64 px code on green made by qrPng itself: 29 modules at 2 px, margin 3: an 11 px green border. */
function greenLogo(lib) {
  const logo = lib.qrPng('logo', { size: 64, ecLevel: 'L', background: '#00ff00' });
  assert.equal(logo.modulePixels, 2);
  assert.equal(logo.margin, 3);
  return logo.bytes;
}

function sameBytes(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function base64(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export const cases = [
  {
    name: 'member codes match the frozen native vectors and round-trip',
    run(lib) {
      const options = { secret: 'share-earn-test-vector' };
      const codec = new lib.MemberCodec(options);
      for (const [id, code] of FROZEN) {
        assert.equal(lib.encodeMemberCode(id, options), code, `encodeMemberCode(${id})`);
        assert.equal(codec.encode(id), code, `codec.encode(${id})`);
        assert.equal(codec.decode(code), id, `decode(${code})`);
      }
      assert.equal(codec.minLength, 8);
      assert.equal(codec.maxLength, 13);
      // Typed by a person: lower case, grouped, O for 0 and l for 1.
      assert.equal(codec.decode(' fv9z-xv89 '), 1);
      assert.equal(lib.decodeMemberCode('zs3fhf7v', options), 0);
      assert.equal(codec.normalize('y56q-925a'), 'Y56Q925A');
      assert.equal(lib.formatMemberCode('Y56Q925A'), 'Y56Q-925A');
      assert.equal(lib.formatMemberCode('AZ1REJYCZ24F2', { groupSize: 3, separator: ' ' }), 'AZ1 REJ YCZ 24F 2');
    },
  },
  {
    name: 'member code errors carry stable codes and paths, and the instance keeps working',
    run(lib) {
      const ok = () => assert.equal(lib.decodeMemberCode(lib.encodeMemberCode(42)), 42, 'after an error');
      for (const bad of [-1, 1.5, NaN, Infinity, 2 ** 53]) {
        assert.throwsCode(() => lib.encodeMemberCode(bad), 'CODE_INVALID_ID', 'id');
        ok();
      }
      // A wrong type is the caller's mistake (INVALID_ARGUMENT); a bad number is CODE_INVALID_ID.
      assert.throwsCode(() => lib.encodeMemberCode('7'), 'INVALID_ARGUMENT', 'id');
      assert.throwsCode(() => lib.encodeMemberCode(1, { minLenght: 8 }), 'INVALID_ARGUMENT', 'options.minLenght');
      assert.throwsCode(() => lib.encodeMemberCode(1, { alphabet: 'ABC' }), 'CODE_INVALID_OPTIONS', 'options.alphabet');
      assert.throwsCode(() => new lib.MemberCodec({ minLength: 2 }), 'CODE_INVALID_OPTIONS', 'options.minLength');
      const code = lib.encodeMemberCode(1000);
      const typo = code.slice(0, 3) + (code[3] === 'X' ? 'Y' : 'X') + code.slice(4);
      assert.throwsCode(() => lib.decodeMemberCode(typo), 'CODE_BAD_CHECKSUM');
      const swapped = code[0] === code[1] ? null : code[1] + code[0] + code.slice(2);
      if (swapped) assert.throwsCode(() => lib.decodeMemberCode(swapped), 'CODE_BAD_CHECKSUM');
      assert.throwsCode(() => lib.decodeMemberCode('K7M2'), 'CODE_BAD_LENGTH');
      assert.throwsCode(() => lib.decodeMemberCode('K7M2Q9XU'), 'CODE_BAD_CHARACTER');
      assert.throwsCode(() => lib.decodeMemberCode(12345678), 'INVALID_ARGUMENT', 'code');
      ok();
      const error = assert.throwsCode(() => lib.decodeMemberCode('K7M2'), 'CODE_BAD_LENGTH');
      assert.ok(lib.isShareEarnError(error), 'isShareEarnError(error)');
      assert.ok(!lib.isShareEarnError(new Error('x')), 'isShareEarnError(plain Error)');
    },
  },
  {
    name: 'voucher batches follow the pattern, are unique, and report the birthday bound',
    run(lib) {
      const batch = lib.generateVouchers({ pattern: 'SALE-####-####', count: 2000 });
      assert.equal(batch.codes.length, 2000);
      assert.equal(new Set(batch.codes).size, 2000, 'unique');
      for (const code of batch.codes) assert.ok(/^SALE-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/.test(code), code);
      // 2000 draws from 30^8 codes: p = 1 - prod(1 - i/N) ~ n(n-1)/2N = 1999000 / (2 * 6.561e11).
      const expected = (2000 * 1999) / 2 / 30 ** 8;
      assert.ok(Math.abs(batch.collisionProbability - expected) / expected < 1e-3, `p=${batch.collisionProbability}`);
      assert.throwsCode(() => lib.generateVouchers({ pattern: 'A-##', count: 10 }), 'VOUCHER_SPACE_TOO_SMALL');
      assert.throwsCode(() => lib.generateVouchers({ pattern: 'NONE', count: 1 }), 'VOUCHER_BAD_PATTERN', 'options.pattern');
      assert.throwsCode(() => lib.generateVouchers({ pattern: '######', count: 0 }), 'VOUCHER_BAD_COUNT', 'options.count');
      assert.throwsCode(() => lib.generateVouchers({ pattern: '######', count: 1, charset: 'AA' }), 'VOUCHER_BAD_CHARSET');
      assert.equal(lib.generateVouchers({ pattern: '############', count: 3, charset: '01' }).codes.length, 3);
    },
  },
  {
    name: 'share links read back with the platform URL parser',
    run(lib) {
      const base = 'https://shop.example.com/p/10086?color=red&ref=OLD#reviews';
      const link = lib.buildShareLink(base, {
        code: 'K7M2Q9XD',
        campaign: '双11 & more',
        channel: 'poster',
        utm: { source: 'wechat', medium: 'poster', campaign: 'double11' },
      });
      const url = new URL(link);
      assert.equal(url.hostname, 'shop.example.com');
      assert.equal(url.pathname, '/p/10086');
      assert.equal(url.hash, '#reviews');
      const q = url.searchParams;
      assert.equal(q.get('color'), 'red', 'existing query kept');
      assert.deepEqual(q.getAll('ref'), ['K7M2Q9XD'], 'earlier ref replaced');
      assert.equal(q.get('campaign'), '双11 & more');
      assert.equal(q.get('utm_source'), 'wechat');
      assert.deepEqual(lib.parseShareLink(link), {
        code: 'K7M2Q9XD',
        campaign: '双11 & more',
        channel: 'poster',
        utm: { source: 'wechat', medium: 'poster', campaign: 'double11' },
      });
      // A hash-routed single-page app reads its query from the fragment.
      const spa = lib.buildShareLink('https://h5.example.com/#/goods/1', { code: 'AB12' });
      assert.equal(new URLSearchParams(new URL(spa).hash.split('?')[1]).get('ref'), 'AB12');
      assert.equal(lib.parseShareLink(spa).code, 'AB12');
      const renamed = lib.buildShareLink('http://a.example/', { code: 'X1', params: { code: 'inviter' } });
      assert.equal(new URL(renamed).searchParams.get('inviter'), 'X1');
      assert.equal(lib.parseShareLink(renamed, { params: { code: 'inviter' } }).code, 'X1');
      assert.throwsCode(() => lib.buildShareLink('javascript:alert(1)', { code: 'X' }), 'LINK_BAD_SCHEME');
      assert.throwsCode(() => lib.buildShareLink('/relative', { code: 'X' }), 'LINK_BAD_URL');
      assert.throwsCode(() => lib.buildShareLink('https://a.example/', { code: 'x'.repeat(300) }), 'LINK_BAD_PARAM', 'options.code');
      assert.throwsCode(() => lib.parseShareLink('ftp://a.example/'), 'LINK_BAD_SCHEME');
    },
  },
  {
    name: 'mini-program scenes pack within 32 characters and parse back, encoded or not',
    run(lib) {
      const scene = lib.packScene({ code: 'K7M2Q9XD', campaign: 'd11', channel: 'pst' });
      assert.equal(scene, 'r=K7M2Q9XD&c=d11&h=pst');
      assert.deepEqual(lib.parseScene(scene), { code: 'K7M2Q9XD', campaign: 'd11', channel: 'pst' });
      // onLoad(query) hands the scene over percent-encoded.
      assert.deepEqual(lib.parseScene(encodeURIComponent(scene)), lib.parseScene(scene));
      assert.deepEqual(lib.parseScene(lib.packScene({ code: 'A1', extra: { sku: '99' } })), { code: 'A1', extra: { sku: '99' } });
      assert.throwsCode(() => lib.packScene({ code: 'X'.repeat(31) }), 'SCENE_TOO_LONG');
      assert.throwsCode(() => lib.packScene({ code: '分享' }), 'SCENE_BAD_CHARACTER', 'fields.code');
      assert.throwsCode(() => lib.packScene({}), 'SCENE_INVALID');
      assert.throwsCode(() => lib.parseScene('r=1&r=2'), 'SCENE_INVALID');
    },
  },
  {
    name: 'attribution decisions follow the policy and persist through the storage helper',
    run(lib) {
      const t0 = Date.UTC(2026, 10, 11);
      const policy = { model: 'window', windowDays: 7 };
      const d = lib.decideAttribution(null, { code: 'AAAA1111' }, t0, policy);
      assert.equal(d.action, 'store');
      assert.equal(d.reason, 'newReferral');
      assert.equal(d.record.expiresAtMs, t0 + 7 * DAY_MS);
      assert.equal(lib.decideAttribution(null, null, t0, policy).record, null, 'no record is null');
      const later = lib.decideAttribution(d.record, { code: 'BBBB2222' }, t0 + 6 * DAY_MS, policy);
      assert.equal(later.reason, 'keptWithinWindow');
      assert.equal(later.record.code, 'AAAA1111');

      const storage = memoryStorage();
      const opts = (now) => ({ storage, now, key: 'ref' });
      const a = lib.rememberReferral('https://shop.example.com/?ref=AAAA1111&channel=poster', policy, opts(t0));
      assert.equal(a.action, 'store');
      assert.ok(a.persisted);
      assert.equal(JSON.parse(storage.map.get('ref')).channel, 'poster');
      assert.equal(lib.rememberReferral({ code: 'BBBB2222' }, policy, opts(t0 + DAY_MS)).reason, 'keptWithinWindow');
      assert.equal(lib.currentReferral(opts(t0 + 6 * DAY_MS)).code, 'AAAA1111');
      assert.equal(lib.currentReferral(opts(t0 + 7 * DAY_MS)), null, 'lapsed exactly at the window end');
      const b = lib.rememberReferral({ code: 'BBBB2222' }, policy, opts(t0 + 8 * DAY_MS));
      assert.equal(b.reason, 'replacedExpired');
      assert.equal(lib.currentReferral(opts(t0 + 8 * DAY_MS)).code, 'BBBB2222');
      // Self-referral is ignored.
      const self = lib.rememberReferral({ code: 'cccc-3333' }, { ...policy, selfCode: 'CCCC3333' }, opts(t0 + 9 * DAY_MS));
      assert.equal(self.reason, 'selfReferral');
      // A corrupt record counts as absent instead of blocking every later visit.
      storage.map.set('ref', '{"code":"","attributedAtMs":-5}');
      assert.equal(lib.rememberReferral({ code: 'DDDD4444' }, policy, opts(t0)).reason, 'newReferral');
      storage.map.set('ref', 'not json');
      assert.equal(lib.currentReferral(opts(t0)), null);
      lib.forgetReferral({ storage, key: 'ref' });
      assert.equal(storage.map.size, 0);
      // Full or disabled storage: the decision is still returned, persisted is false.
      const full = lib.rememberReferral({ code: 'EEEE5555' }, policy, { storage: memoryStorage({ failWrites: true }), now: t0 });
      assert.equal(full.action, 'store');
      assert.equal(full.persisted, false);
      assert.throwsCode(() => lib.rememberReferral(null, { model: 'window' }, opts(t0)), 'ATTRIBUTION_INVALID', 'policy.windowDays');
      assert.throwsCode(() => lib.decideAttribution(null, null, -1, policy), 'ATTRIBUTION_INVALID', 'nowMs');
    },
  },
  {
    name: 'default blocklist is exposed and custom blocklists keep codes clean and decodable',
    run(lib) {
      const words = lib.defaultBlocklist();
      assert.ok(words.includes('SB') && words.includes('FUCK'), 'default list has English and pinyin words');
      const options = { secret: 's', blocklist: ['K7', 'AB', 'XY'] };
      for (let id = 0; id < 300; id++) {
        const code = lib.encodeMemberCode(id, options);
        assert.ok(!/K7|AB|XY/.test(code), code);
        assert.equal(lib.decodeMemberCode(code, options), id);
      }
    },
  },
  {
    name: 'qrPng is a PNG of options.size with the version, level and layout worked out by hand',
    run(lib) {
      const r = lib.qrPng(SHARE_URL, { ecLevel: 'H' });
      assert.ok(r.bytes instanceof Uint8Array, 'bytes is a Uint8Array');
      const ihdr = pngHeader(r.bytes);
      assert.equal(ihdr.width, 300, 'IHDR width');
      assert.equal(ihdr.height, 300, 'IHDR height');
      assert.deepEqual([ihdr.depth, ihdr.colorType], [1, 3], 'a plain code is a 1-bit palette PNG');
      assert.deepEqual(
        [r.width, r.height, r.version, r.ecLevel, r.modulePixels, r.margin],
        [300, 300, 10, 'H', 4, 20],
      );
      assert.ok(Number.isInteger(r.mask) && r.mask >= 0 && r.mask < 8, `mask ${r.mask}`);
      assert.ok(!('logo' in r), 'no logo key without a logo');
      assert.equal(r.mask, lib.qrMatrix(SHARE_URL, { ecLevel: 'H' }).mask, 'the symbol of qrMatrix');
      for (const [size, px, margin] of [[65, 1, 0], [301, 4, 20], [1000, 15, 12]]) {
        const s = lib.qrPng(SHARE_URL, { ecLevel: 'H', size });
        const h = pngHeader(s.bytes);
        assert.deepEqual([h.width, h.height, s.modulePixels, s.margin], [size, size, px, margin], `size ${size}`);
      }
      // Styled: still a valid PNG of the requested size.
      const styled = lib.qrPng(SHARE_URL, {
        size: 240,
        moduleShape: 'dots',
        finderShape: 'rounded',
        finderColor: '#c41d2f',
        foreground: { type: 'linear', angle: 45, stops: [{ offset: 0, color: '#1a237e' }, { offset: 1, color: 'black' }] },
      });
      const h = pngHeader(styled.bytes);
      assert.deepEqual([h.width, h.height], [240, 240]);
    },
  },
  {
    name: 'qrPixels are size*size*4 straight RGBA bytes: finder ring black, quiet zone white',
    run(lib) {
      const r = lib.qrPixels(SHARE_URL, { ecLevel: 'H' });
      assert.ok(r.bytes instanceof Uint8Array);
      assert.equal(r.bytes.length, 300 * 300 * 4);
      assert.deepEqual([r.width, r.height, r.version, r.ecLevel, r.modulePixels, r.margin], [300, 300, 10, 'H', 4, 20]);
      // The documented `new ImageData(new Uint8ClampedArray(r.bytes.buffer), r.width)` needs
      // bytes that own their whole buffer, and a copy that outlives wasm memory growth.
      assert.equal(r.bytes.byteOffset, 0);
      assert.equal(r.bytes.buffer.byteLength, r.bytes.length, 'bytes own their buffer');
      const ring = r.margin + 4 * r.modulePixels + 1;
      assert.deepEqual(rgbaAt(r, ring, ring), [0, 0, 0, 255], 'dark ring of the top-left finder');
      assert.deepEqual(rgbaAt(r, ring + 4, ring + 4), [255, 255, 255, 255], 'light ring');
      assert.deepEqual(rgbaAt(r, ring + 12, ring + 12), [0, 0, 0, 255], 'dark core');
      assert.deepEqual(rgbaAt(r, r.margin + 1, r.margin + 1), [255, 255, 255, 255], 'quiet zone');
      assert.deepEqual(rgbaAt(r, 0, 0), [255, 255, 255, 255], 'margin');
      // Every module of qrMatrix, at the centre of its pixels.
      const m = lib.qrMatrix(SHARE_URL, { ecLevel: 'H' });
      const start = r.margin + 4 * r.modulePixels;
      for (let y = 0; y < m.size; y++) {
        for (let x = 0; x < m.size; x++) {
          const v = m.modules[y * m.size + x] ? 0 : 255;
          const px = rgbaAt(r, start + x * 4 + 2, start + y * 4 + 2);
          if (px[0] !== v || px[3] !== 255) throw new AssertionError(`module (${x}, ${y}): ${px}`);
        }
      }
      const copy = r.bytes.slice();
      lib.qrPixels(SHARE_URL, { size: 3000 }); // grows wasm memory
      assert.ok(sameBytes(r.bytes, copy), 'the bytes survive later calls');
      if (typeof ImageData === 'function') {
        const image = new ImageData(new Uint8ClampedArray(r.bytes.buffer), r.width);
        assert.deepEqual([image.width, image.height], [300, 300], 'ImageData');
      }
      const clear = lib.qrPixels(SHARE_URL, { ecLevel: 'H', background: 'transparent' });
      assert.equal(rgbaAt(clear, 0, 0)[3], 0, 'transparent background');
      assert.deepEqual(rgbaAt(clear, ring, ring), [0, 0, 0, 255], 'straight, opaque black');
    },
  },
  {
    name: 'a logo made by qrPng goes back in as logo.image, as a Uint8Array or an ArrayBuffer',
    run(lib) {
      const image = greenLogo(lib);
      const options = (img, more = {}) => ({ ecLevel: 'H', logo: { image: img, size: 0.2, ...more } });
      const r = lib.qrPixels(SHARE_URL, options(image));
      assert.deepEqual([r.ecLevel, r.logo.shrunk, r.logo.size], ['H', false, 0.2]);
      assert.equal(r.logo.x, r.logo.y, 'centred');
      assert.equal(r.logo.modules % 2, 1, 'odd');
      // The logo is 0.2 * 57 * 4 = 45.6 px wide, centred on 150: its green border is 7.8 px.
      const left = Math.ceil(150 - 45.6 / 2);
      near(rgbaAt(r, left + 3, 150), [0, 255, 0, 255], 2, 'the logo border');
      const area = r.margin + (4 + r.logo.x) * r.modulePixels;
      assert.deepEqual(rgbaAt(r, area + 1, area + 1), [255, 255, 255, 255], 'cleared, no plate');
      const fromBuffer = lib.qrPixels(SHARE_URL, options(image.slice().buffer));
      assert.ok(sameBytes(fromBuffer.bytes, r.bytes), 'ArrayBuffer = Uint8Array');
      const a = lib.qrPng(SHARE_URL, options(image));
      const b = lib.qrPng(SHARE_URL, options(image.slice().buffer));
      assert.ok(sameBytes(a.bytes, b.bytes), 'the same PNG');
      assert.deepEqual(a.logo, r.logo);
      assert.equal(pngHeader(a.bytes).width, 300);
      // A plate: red and square, or a circle that leaves the corners white.
      const plate = lib.qrPixels(SHARE_URL, options(image, { background: '#ff0000', radius: 0 }));
      assert.deepEqual(rgbaAt(plate, area + 1, area + 1), [255, 0, 0, 255], 'square plate');
      near(rgbaAt(plate, left + 3, 150), [0, 255, 0, 255], 2, 'the logo over the plate');
      const round = lib.qrPixels(SHARE_URL, options(image, { background: '#ff0000', radius: 0.5 }));
      assert.deepEqual(rgbaAt(round, area + 1, area + 1), [255, 255, 255, 255], 'round plate');
      // qrSvg embeds the same bytes.
      const svg = lib.qrSvg(SHARE_URL, options(image));
      assert.ok(svg.includes(`data:image/png;base64,${base64(image)}`), 'qrSvg embeds the logo');
    },
  },
  {
    name: 'QR raster errors are Errors with code and path, and the instance keeps working',
    run(lib) {
      const reference = lib.qrPng(SHARE_URL, { ecLevel: 'H' }).bytes;
      const ok = () => assert.ok(sameBytes(lib.qrPng(SHARE_URL, { ecLevel: 'H' }).bytes, reference), 'after an error');
      const withImage = (image) => ({ logo: { image } });
      const invalid = assert.throwsCode(
        () => lib.qrPng(SHARE_URL, withImage(new TextEncoder().encode('not an image'))),
        'IMAGE_INVALID',
        'options.logo.image',
      );
      assert.ok(invalid instanceof Error, 'instanceof Error');
      assert.ok(lib.isShareEarnError(invalid), 'isShareEarnError');
      assert.equal(invalid.code, 'IMAGE_INVALID');
      assert.equal(invalid.path, 'options.logo.image');
      ok();
      const logo = greenLogo(lib);
      assert.throwsCode(() => lib.qrPixels(SHARE_URL, withImage(logo.subarray(0, 100))), 'IMAGE_INVALID', 'options.logo.image');
      assert.throwsCode(() => lib.qrPng(SHARE_URL, withImage(new Uint8Array())), 'IMAGE_INVALID', 'options.logo.image');
      ok();
      for (const image of [pngClaiming(100000, 100000), pngClaiming(100000, 100000).buffer, pngClaiming(8000, 8000)]) {
        assert.throwsCode(() => lib.qrPng(SHARE_URL, withImage(image)), 'IMAGE_TOO_LARGE', 'options.logo.image');
        ok();
      }
      for (const image of ['logo.png', 42, [137, 80, 78, 71]]) {
        assert.throwsCode(() => lib.qrPng(SHARE_URL, withImage(image)), 'INVALID_ARGUMENT', 'options.logo.image');
        ok();
      }
      const bad = [
        [{ size: 20 }, 'QR_INVALID_OPTIONS', 'options.size'],
        [{ size: 9000 }, 'QR_INVALID_OPTIONS', 'options.size'],
        [{ size: '300' }, 'INVALID_ARGUMENT', 'options.size'],
        [{ logo: { radius: 0.7 } }, 'QR_INVALID_OPTIONS', 'options.logo.radius'],
        [{ finderShape: 'circle', finderInnerShape: 'square' }, 'QR_INVALID_OPTIONS', 'options.finderInnerShape'],
        [{ moduleShape: 'hearts' }, 'QR_INVALID_OPTIONS', 'options.moduleShape'],
        [{ colour: 'red' }, 'INVALID_ARGUMENT', 'options.colour'],
      ];
      for (const [options, code, path] of bad) {
        assert.throwsCode(() => lib.qrPng(SHARE_URL, options), code, path);
        assert.throwsCode(() => lib.qrPixels(SHARE_URL, options), code, path);
        ok();
      }
    },
  },
];

/** Runs every case; returns `[{ name, ok, error? }]`. */
export function runCases(lib) {
  return cases.map(({ name, run }) => {
    try {
      run(lib);
      return { name, ok: true };
    } catch (error) {
      return { name, ok: false, error: `${error?.name}: ${error?.message}` };
    }
  });
}


/**
 * Cases that need the platform's own image decoder (`createImageBitmap` and
 * `OffscreenCanvas`: browsers and Workers). Where it is missing (Node) there are none.
 */
export const decoderCases = [
  {
    name: "the platform's own PNG decoder reads qrPng back as exactly the pixels of qrPixels",
    async run(lib) {
      const styles = [
        ['plain', { ecLevel: 'H' }],
        ['dots', { size: 256, moduleShape: 'dots', finderShape: 'circle', finderInnerShape: 'rounded' }],
        ['radial', { size: 250, foreground: { type: 'radial', stops: [{ offset: 0, color: '#1a237e' }, { offset: 1, color: 'black' }] } }],
        ['logo and plate', { ecLevel: 'H', logo: { image: greenLogo(lib), background: '#ffcc00', radius: 0.25 } }],
      ];
      for (const [label, options] of styles) {
        const png = lib.qrPng(SHARE_URL, options);
        const pixels = lib.qrPixels(SHARE_URL, options);
        const bitmap = await createImageBitmap(new Blob([png.bytes], { type: 'image/png' }), {
          colorSpaceConversion: 'none',
          premultiplyAlpha: 'none',
        });
        assert.deepEqual([bitmap.width, bitmap.height], [png.width, png.height], 'decoded size');
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        const decoded = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        assert.ok(sameBytes(decoded, pixels.bytes), `the platform decodes the pixels of the ${label} code`);
      }
    },
  },
];

/** Runs the decoder cases where the platform has a decoder; resolves to `[{ name, ok, error? }]`. */
export async function runDecoderCases(lib) {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return [];
  const results = [];
  for (const { name, run } of decoderCases) {
    try {
      await run(lib);
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: `${error?.name}: ${error?.message}` });
    }
  }
  return results;
}

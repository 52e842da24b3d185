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

// ---- Posters -------------------------------------------------------------------------------

/** Width and height from a JPEG's start-of-frame segment, found by walking the markers. */
export function jpegSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xff, 0xd8, 0xff], 'JPEG SOI');
  assert.deepEqual([...bytes.subarray(-2)], [0xff, 0xd9], 'JPEG EOI');
  let at = 2;
  while (at + 9 < bytes.length) {
    assert.equal(bytes[at], 0xff, `a JPEG marker at byte ${at}`);
    const marker = bytes[at + 1];
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: (bytes[at + 7] << 8) | bytes[at + 8], height: (bytes[at + 5] << 8) | bytes[at + 6] };
    }
    at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
  }
  throw new AssertionError('no start-of-frame segment in the JPEG');
}

// The template language's own example colours: #e1251b is (225, 37, 27).
export const POSTER_RED = [225, 37, 27, 255];
export const POSTER_WHITE = [255, 255, 255, 255];

/**
 * 120 x 80, white: a red 10 px square at (5, 5) and, at (40, 8), a 64 px image asset (the
 * green-bordered code of `greenLogo`: its outer 6 px are pure green) drawn at its own size.
 */
export function posterTemplate() {
  return {
    version: 1,
    width: 120,
    height: 80,
    background: '#ffffff',
    elements: [
      { type: 'rect', id: 'red', x: 5, y: 5, width: 10, height: 10, fill: '#e1251b' },
      { type: 'image', id: 'logo', asset: 'logo.png', x: 40, y: 8, width: 64, height: 64 },
    ],
  };
}

export function posterAssets(lib) {
  return { 'logo.png': greenLogo(lib) };
}

/** A stand-in for a canvas: records what `drawPoster` does with its 2D context. */
export function recordingCanvas() {
  const canvas = {
    width: 300,
    height: 150,
    puts: [],
    getContext(kind) {
      if (kind !== '2d') return null;
      return {
        createImageData: (w, h) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
        putImageData: (image, x, y) => canvas.puts.push({ image, x, y, size: [canvas.width, canvas.height] }),
      };
    },
  };
  return canvas;
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
  {
    name: 'renderPoster draws a template: a PNG and a JPEG of its size, RGBA pixels where the template says',
    run(lib) {
      const t = posterTemplate();
      const assets = posterAssets(lib);
      const png = lib.renderPoster(t, null, assets);
      assert.deepEqual([png.format, png.width, png.height, png.pixelRatio], ['png', 120, 80, 1]);
      assert.deepEqual(png.warnings, []);
      const ihdr = pngHeader(png.bytes);
      assert.deepEqual([ihdr.width, ihdr.height], [120, 80], 'IHDR');
      const double = lib.renderPoster(t, null, assets, { pixelRatio: 2 });
      assert.deepEqual([pngHeader(double.bytes).width, pngHeader(double.bytes).height, double.pixelRatio], [240, 160, 2]);
      // The template as JSON text, data as JSON text, assets as a Map or ArrayBuffers: the same poster.
      const again = lib.renderPoster(JSON.stringify(t), '{}', new Map([['logo.png', assets['logo.png'].slice().buffer]]));
      assert.ok(sameBytes(again.bytes, png.bytes), 'JSON text and a Map give the same PNG');

      const rgba = lib.renderPoster(t, null, assets, { format: 'rgba' });
      assert.equal(rgba.format, 'rgba');
      assert.equal(rgba.bytes.length, rgba.width * rgba.height * 4, 'w * h * 4 bytes');
      assert.equal(rgba.bytes.buffer.byteLength, rgba.bytes.length, 'bytes own their buffer');
      assert.deepEqual(rgbaAt(rgba, 10, 10), POSTER_RED, 'inside the red square');
      assert.deepEqual(rgbaAt(rgba, 5, 5), POSTER_RED, 'its first pixel');
      assert.deepEqual(rgbaAt(rgba, 15, 15), POSTER_WHITE, 'just past it');
      assert.deepEqual(rgbaAt(rgba, 4, 10), POSTER_WHITE, 'just before it');
      assert.deepEqual(rgbaAt(rgba, 0, 0), POSTER_WHITE, 'background');
      near(rgbaAt(rgba, 42, 10), [0, 255, 0, 255], 2, 'the image asset, green border');
      near(rgbaAt(rgba, 101, 69), [0, 255, 0, 255], 2, 'the image asset, far corner');
      assert.deepEqual(rgbaAt(rgba, 105, 10), POSTER_WHITE, 'right of the image');
      const big = lib.renderPoster(t, null, assets, { format: 'rgba', pixelRatio: 2 });
      assert.deepEqual(rgbaAt(big, 20, 20), POSTER_RED, 'the square at 2x');
      assert.deepEqual(rgbaAt(big, 30, 30), POSTER_WHITE, 'past the square at 2x');

      const jpeg = lib.renderPoster(t, null, assets, { format: 'jpeg', quality: 80 });
      assert.equal(jpeg.format, 'jpeg');
      assert.deepEqual(jpegSize(jpeg.bytes), { width: 120, height: 80 }, 'JPEG frame size');

      const layout = lib.layoutPoster(t, null, assets);
      assert.deepEqual([layout.width, layout.height], [120, 80]);
      const [red, logo] = layout.elements;
      assert.deepEqual([red.id, red.type, red.x, red.y, red.width, red.height], ['red', 'rect', 5, 5, 10, 10]);
      assert.deepEqual([logo.type, logo.x, logo.y, logo.width, logo.height], ['image', 40, 8, 64, 64]);
    },
  },
  {
    name: 'poster errors carry code and path, and the instance keeps working',
    run(lib) {
      const t = posterTemplate();
      const assets = posterAssets(lib);
      const reference = lib.renderPoster(t, null, assets).bytes;
      const ok = () => assert.ok(sameBytes(lib.renderPoster(t, null, assets).bytes, reference), 'after an error');
      const element = (e) => ({ ...t, elements: [e] });
      const bad = [
        [[element({ type: 'circle', x: 0, y: 0 }), null, assets], 'TEMPLATE_INVALID', 'elements[0].type'],
        [[element({ type: 'rect', x: 0, y: 0, width: 10, height: 10, colour: 'red' }), null, assets], 'TEMPLATE_INVALID'],
        [['{"version": 1,', null, assets], 'TEMPLATE_INVALID', 'template'],
        [[element({ type: 'image', asset: 'missing.png', width: 5, height: 5 }), null, assets], 'ASSET_MISSING', 'elements[0].asset'],
        [[t, null, {}], 'ASSET_MISSING', 'elements[1].asset'],
        [[t, null, { 'logo.png': new TextEncoder().encode('not an image') }], 'IMAGE_INVALID', 'elements[1].asset'],
        [[t, null, { 'logo.png': pngClaiming(100000, 100000) }], 'IMAGE_TOO_LARGE', 'elements[1].asset'],
        [[{ ...t, fonts: [{ asset: 'f.otf' }] }, null, { ...assets, 'f.otf': new Uint8Array(64) }], 'FONT_INVALID', 'fonts[0]'],
        [[t, null, { 'logo.png': 'logo.png' }], 'INVALID_ARGUMENT', 'assets.logo.png'],
        [[t, null, assets, { format: 'gif' }], 'POSTER_INVALID_OPTIONS', 'options.format'],
        [[t, null, assets, { quality: 0 }], 'POSTER_INVALID_OPTIONS', 'options.quality'],
        [[t, null, assets, { pixelRatio: 0 }], 'POSTER_INVALID_OPTIONS', 'options.pixelRatio'],
        [[t, null, assets, { formt: 'png' }], 'INVALID_ARGUMENT', 'options.formt'],
      ];
      for (const [args, code, path] of bad) {
        assert.throwsCode(() => lib.renderPoster(...args), code, path);
        ok();
      }
      // layoutPoster checks the same template, assets (present, not decoded) and options.
      assert.throwsCode(() => lib.layoutPoster(element({ type: 'circle' }), null, assets), 'TEMPLATE_INVALID', 'elements[0].type');
      assert.throwsCode(() => lib.layoutPoster(t, null, {}), 'ASSET_MISSING', 'elements[1].asset');
      assert.throwsCode(() => lib.layoutPoster(t, null, assets, { format: 'gif' }), 'POSTER_INVALID_OPTIONS', 'options.format');
      ok();
      const error = assert.throwsCode(() => lib.renderPoster(t, null, {}), 'ASSET_MISSING');
      assert.ok(error instanceof Error && lib.isShareEarnError(error), 'a real Error, recognised');
    },
  },
  {
    name: 'drawPoster resizes the canvas and puts the RGBA pixels of renderPoster at (0, 0)',
    run(lib) {
      const t = posterTemplate();
      const assets = posterAssets(lib);
      const canvas = recordingCanvas();
      const result = lib.drawPoster(canvas, t, null, assets, { pixelRatio: 2 });
      assert.deepEqual([canvas.width, canvas.height], [240, 160], 'canvas resized to the output');
      assert.deepEqual([result.format, result.width, result.height], ['rgba', 240, 160]);
      assert.equal(canvas.puts.length, 1);
      const [{ image, x, y, size }] = canvas.puts;
      assert.deepEqual([x, y, size, image.width, image.height], [0, 0, [240, 160], 240, 160], 'put after resizing');
      const expected = lib.renderPoster(t, null, assets, { format: 'rgba', pixelRatio: 2 }).bytes;
      assert.ok(sameBytes(image.data, expected), 'the pixels of renderPoster');
      assert.ok(Array.isArray(result.warnings));
      assert.throwsCode(() => lib.drawPoster(canvas, t, null, assets, { format: 'png' }), 'POSTER_INVALID_OPTIONS', 'options.format');
      assert.throwsCode(() => lib.drawPoster({}, t, null, assets), 'INVALID_ARGUMENT', 'canvas');
      assert.throwsCode(() => lib.drawPoster(canvas, t, null, {}), 'ASSET_MISSING', 'elements[1].asset');
      assert.equal(canvas.puts.length, 1, 'nothing drawn on errors');
    },
  },
  {
    name: 'money: allocation sums exactly, rates are read once, roundings are named',
    run(lib) {
      // Hand-derived: 5 by 1:2:3 is 0.83, 1.67, 2.5; floors 0, 1, 2; two units left.
      assert.deepEqual(lib.allocate(5, [1, 2, 3], 'last'), [0, 1, 4]);
      assert.deepEqual(lib.allocate(5, [1, 2, 3]), [1, 2, 2]);
      assert.deepEqual(lib.allocate(5, [1, 2, 3], 'largestWeight'), [0, 2, 3]);
      assert.deepEqual(lib.allocate(5, [1, 2, 3], 'first'), [1, 2, 2]);
      assert.ok(Array.isArray(lib.allocate(1, [1])), 'a plain array');
      assert.deepEqual(lib.parseRate('8.5折'), { ppm: 850000, percent: '85%' });
      assert.deepEqual(lib.parseRate(0.1), { ppm: 100000, percent: '10%' });
      assert.equal(lib.applyRate(29900, '3.3%', 'down'), 986);
      assert.equal(lib.applyRate(29900, '3.3%'), 987);
      assert.throwsCode(() => lib.allocate(1.5, [1]), 'AMOUNT_INVALID', 'amount');
      assert.throwsCode(() => lib.allocate(100, [0, 0]), 'ALLOCATION_INVALID', 'weights');
      assert.throwsCode(() => lib.parseRate('10折'), 'RATE_INVALID', 'rate');
      assert.throwsCode(() => lib.applyRate(2 ** 53 - 1, 2), 'AMOUNT_OVERFLOW');
      assert.deepEqual(lib.allocate(100, [1, 1, 1]), [34, 33, 33], 'after errors');
    },
  },
  {
    name: 'reward previews: commission, payable, points, tiers and explanations; errors with paths',
    run(lib) {
      const rules = {
        version: 1,
        commission: { levels: ['10%', '5%'] },
        points: { earnPerYuan: 1 },
        tiers: { levels: [{ name: 'Silver', threshold: 0 }, { name: 'Gold', threshold: 5000 }] },
      };
      const cart = { lines: [{ price: 29900, quantity: 1 }], coupon: 2000 };
      const context = { sharers: [{}, {}], buyer: { growth: 4900 }, today: '2026-11-24' };
      // Hand-derived: 279.00 paid; 10% and 5% of it; 1 point a yuan; 4900 + 279 reaches Gold.
      for (const args of [[rules, cart, context], [JSON.stringify(rules), JSON.stringify(cart), JSON.stringify(context)]]) {
        const p = lib.previewRewards(...args);
        assert.deepEqual(p.sharer.levels, [2790, 1395]);
        assert.equal(p.sharer.settlesOn, '2026-12-01');
        assert.equal(p.buyer.payable, 27900);
        assert.equal(p.buyer.pointsEarned, 279);
        assert.deepEqual(p.buyer.tier, { tier: 'Gold', next: null, remaining: 0, growth: 5179 });
        assert.deepEqual(p.explain[0], { key: 'sharer.earn', params: { amount: '27.90' }, zh: '分享赚 ¥27.90', en: 'Share to earn ¥27.90' });
      }
      assert.throwsCode(() => lib.previewRewards({ version: 1, commission: { levels: ['120%'] } }, cart), 'REWARD_RULES_INVALID', 'rules.commission.levels[0]');
      assert.throwsCode(() => lib.previewRewards(rules, { lines: [{ price: 1 }] }), 'REWARD_CART_INVALID', 'cart.lines[0].quantity');
      assert.throwsCode(() => lib.previewRewards('{', cart), 'REWARD_RULES_INVALID', 'rules');
      assert.equal(lib.previewRewards(rules, cart).buyer.payable, 27900, 'after errors');
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
  {
    name: "posterBlob and posterObjectUrl give images the platform decodes to renderPoster's pixels; drawPoster fills an OffscreenCanvas",
    async run(lib) {
      const t = posterTemplate();
      const assets = posterAssets(lib);
      const options = { pixelRatio: 2 };
      const pixels = lib.renderPoster(t, null, assets, { ...options, format: 'rgba' });
      const decode = async (blob) => {
        const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, bytes: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };

      const png = await lib.posterBlob(t, null, assets, options);
      assert.ok(png instanceof Blob, 'a Blob');
      assert.equal(png.type, 'image/png');
      const decoded = await decode(png);
      assert.deepEqual([decoded.width, decoded.height], [240, 160], 'decoded size');
      assert.ok(sameBytes(decoded.bytes, pixels.bytes), 'the PNG decodes to exactly the RGBA pixels');

      const jpeg = await lib.posterBlob(t, null, assets, { ...options, format: 'jpeg', quality: 95 });
      assert.equal(jpeg.type, 'image/jpeg');
      const lossy = await decode(jpeg);
      assert.deepEqual([lossy.width, lossy.height], [240, 160], 'decoded JPEG size');
      near(rgbaAt(lossy, 20, 20), POSTER_RED, 24, 'the red square in the JPEG');
      near(rgbaAt(lossy, 2, 2), POSTER_WHITE, 24, 'white in the JPEG');

      const shown = await lib.posterObjectUrl(t, null, assets, options);
      assert.ok(shown.url.startsWith('blob:'), shown.url);
      assert.deepEqual([shown.result.width, shown.result.height, shown.result.format], [240, 160, 'png']);
      assert.equal(shown.blob.type, 'image/png');
      const fetched = await decode(await (await fetch(shown.url)).blob());
      assert.ok(sameBytes(fetched.bytes, pixels.bytes), 'the object URL serves the poster');
      // Fetching a revoked URL would log a console error (which fails the page): watch the call.
      const revokeObjectURL = URL.revokeObjectURL;
      const revoked = [];
      URL.revokeObjectURL = (url) => revoked.push(url) && revokeObjectURL.call(URL, url);
      try {
        shown.revoke();
        shown.revoke();
      } finally {
        URL.revokeObjectURL = revokeObjectURL;
      }
      assert.deepEqual(revoked, [shown.url], 'revoke() releases the URL, once');

      const canvas = new OffscreenCanvas(1, 1);
      const drawn = lib.drawPoster(canvas, t, null, assets, options);
      assert.deepEqual([canvas.width, canvas.height, drawn.width, drawn.height], [240, 160, 240, 160]);
      const onCanvas = canvas.getContext('2d').getImageData(0, 0, 240, 160, { colorSpace: 'srgb' }).data;
      assert.ok(sameBytes(onCanvas, pixels.bytes), 'the canvas holds the RGBA pixels');

      let rejected = null;
      await lib.posterBlob(t, null, assets, { format: 'rgba' }).catch((e) => (rejected = e));
      assert.equal(rejected?.code, 'POSTER_INVALID_OPTIONS', 'rgba is not an encoded image');
      await lib.posterObjectUrl(t, null, {}).catch((e) => (rejected = e));
      assert.equal(rejected?.code, 'ASSET_MISSING', 'a render error rejects');
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

// Checks of the built npm package, shared by the Node test (node.test.mjs), the plain browser
// page (browser.html), the Web Worker (worker.mjs) and the Vite app (vite-app/): the same
// assertions run wherever users run the package. Each case gets the package's exports.
//
// Expected values come from outside the package: the frozen member-code vector of
// tests/member_codes.rs (native Rust must agree with the npm package byte for byte), the
// platform's own URL / URLSearchParams for links, and hand-worked arithmetic.

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

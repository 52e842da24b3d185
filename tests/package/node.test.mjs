// The built package in Node, imported by name as a user would (test.sh installs the packed
// tarball into tests/package/node_modules/share-earn). Run: node --test tests/package/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolveObjectURL } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as lib from 'share-earn';
import { decoderCases, jpegSize, pngHeader, runCases, runDecoderCases } from './cases.mjs';

test('functions work right after import, without init()', () => {
  // No await init() before this call: the Node entry instantiates synchronously.
  assert.equal(lib.decodeMemberCode(lib.encodeMemberCode(10086)), 10086);
});

for (const result of runCases(lib)) {
  test(result.name, () => assert.ok(result.ok, result.error));
}

test('decoder cases run where the platform decodes images, and Node has no such decoder', async () => {
  assert.ok(decoderCases.length > 0);
  // Node has neither createImageBitmap nor OffscreenCanvas: the cases run in the browsers only.
  assert.deepEqual(await runDecoderCases(lib), []);
});

test('init() and initSync() are harmless no-ops in Node', async () => {
  await lib.default();
  lib.initSync();
  assert.equal(lib.encodeMemberCode(1, { secret: 'share-earn-test-vector' }), 'FV9ZXV89');
});

test('the exports map: node entry, ./wasm subpath, package.json', () => {
  const require = createRequire(import.meta.url);
  const entry = fileURLToPath(import.meta.resolve('share-earn'));
  assert.match(entry, /node_modules[/\\]share-earn[/\\]node\.js$/);
  const wasm = fileURLToPath(import.meta.resolve('share-earn/wasm'));
  const bytes = readFileSync(wasm);
  assert.ok(WebAssembly.validate(bytes), 'share-earn/wasm is a valid module');
  const pkg = require('share-earn/package.json');
  assert.equal(pkg.name, 'share-earn');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  // Every file the exports map and `types` point at is in the tarball.
  const files = ['index.js', 'node.js', 'index.d.ts', 'share_earn_bg.wasm', 'share_earn_bg.baseline.wasm', 'share_earn.d.ts', 'attribution.d.ts'];
  for (const file of [...files, 'poster.js', 'poster.d.ts', 'cli.mjs']) {
    assert.ok(readFileSync(new URL(file, import.meta.resolve('share-earn/package.json'))).length > 0, file);
  }
});

test('the SIMD and baseline builds render the W2 example to the same bytes as the native golden', async () => {
  // Each build in its own instance of the glue (a query makes a separate module).
  const dir = new URL('./', import.meta.resolve('share-earn/package.json'));
  const render = async (wasmFile, tag) => {
    const glue = await import(new URL(`share_earn.js?${tag}`, dir).href);
    glue.initSync({ module: readFileSync(new URL(wasmFile, dir)) });
    const example = (p) => new URL(`www/examples/${p}`, repo);
    const assets = {};
    for (const sub of ['fonts/', 'w2-product/assets/']) {
      for (const f of ['NotoSansSC-Regular.otf', 'NotoSansSC-Bold.otf', 'bg.jpg', 'product.jpg', 'avatar.jpg', 'logo.png']) {
        if (existsSync(example(sub + f))) assets[f] = new Uint8Array(readFileSync(example(sub + f)));
      }
    }
    const template = readFileSync(example('w2-product/template.json'), 'utf8');
    const data = readFileSync(example('w2-product/data.json'), 'utf8');
    return glue.renderPoster(template, data, assets).bytes;
  };
  assert.equal(lib.simdSupported(), true, 'Node 20 runs WebAssembly SIMD');
  const golden = new Uint8Array(readFileSync(new URL('tests/golden/poster/w2-product.png', repo)));
  const simd = await render('share_earn_bg.wasm', 'simd');
  const baseline = await render('share_earn_bg.baseline.wasm', 'baseline');
  assert.ok(WebAssembly.validate(readFileSync(new URL('share_earn_bg.baseline.wasm', dir))));
  assert.deepEqual(simd, golden, 'SIMD build == native golden');
  assert.deepEqual(baseline, golden, 'baseline build == native golden');
});

test('the SIMD and baseline builds write the same PNG bytes for every colour type and odd widths', async () => {
  // The SIMD build filters PNG rows with vector code, the baseline with the portable loop
  // the native tests check: RGBA (translucent, > 256 colours), RGB and palette output, at
  // widths that leave 0 to 3 pixels after the four-pixel blocks.
  const dir = new URL('./', import.meta.resolve('share-earn/package.json'));
  const glueFor = async (wasmFile, tag) => {
    const glue = await import(new URL(`share_earn.js?png-${tag}`, dir).href);
    glue.initSync({ module: readFileSync(new URL(wasmFile, dir)) });
    return glue;
  };
  const [simd, baseline] = [await glueFor('share_earn_bg.wasm', 'simd'), await glueFor('share_earn_bg.baseline.wasm', 'baseline')];
  // A photo as the logo gives more than 256 colours: RGBA on transparency, RGB on white.
  const photo = new Uint8Array(readFileSync(new URL('www/examples/w2-product/assets/avatar.jpg', repo)));
  const radial = { type: 'radial', stops: [{ offset: 0, color: '#e4393c' }, { offset: 1, color: 'rgba(0, 0, 255, 0.6)' }] };
  const cases = [
    { size: 297, background: 'transparent', logo: { image: photo, size: 0.2 } }, // RGBA
    { size: 298, logo: { image: photo, size: 0.2 } }, // RGB
    { size: 299, moduleShape: 'rounded' }, // palette
    { size: 300, background: 'transparent' }, // palette with tRNS
    { size: 301, foreground: radial, background: 'transparent', moduleShape: 'dots' }, // RGBA
  ];
  const seen = new Set();
  for (const options of cases) {
    const a = simd.qrPng('https://shop.example.com/p/1?ref=K7M2Q9XD', options).bytes;
    const b = baseline.qrPng('https://shop.example.com/p/1?ref=K7M2Q9XD', options).bytes;
    assert.deepEqual(a, b, JSON.stringify(options));
    seen.add(a[25]); // IHDR colour type
  }
  assert.deepEqual([...seen].sort(), [2, 3, 6], 'RGB, palette and RGBA were all written');
});

test('CommonJS callers can require() the package (Node >= 20.19)', () => {
  const require = createRequire(import.meta.url);
  const cjs = require('share-earn');
  assert.equal(cjs.encodeMemberCode(1000, { secret: 'share-earn-test-vector' }), 'Y56Q925A');
});

test('errors are real Error objects with code and path', () => {
  try {
    lib.encodeMemberCode(1.5);
    assert.fail('no error');
  } catch (error) {
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ShareEarnError');
    assert.equal(error.code, 'CODE_INVALID_ID');
    assert.equal(error.path, 'id');
    assert.match(error.message, /^CODE_INVALID_ID: id is 1\.5 \(not an integer\)/);
    assert.ok(typeof error.stack === 'string');
  }
});

// ---- Posters in Node: text with a real font, the Blob helpers, the CLI, fetchAssets --------

const repo = new URL('../../', import.meta.url);
const fontBytes = new Uint8Array(readFileSync(new URL('www/examples/fonts/NotoSansSC-Regular.otf', repo)));
const FONT = 'NotoSansSC-Regular.otf';
const textTemplate = (text) => ({
  version: 1,
  width: 240,
  height: 64,
  background: '#ffffff',
  fonts: [{ asset: FONT }],
  elements: [{ type: 'text', x: 12, y: 8, text, font: { size: 32 }, color: '#000000' }],
});

test('text is drawn with the font asset, inside the box layoutPoster reports', () => {
  const template = textTemplate('分享赚 Ab');
  const assets = { [FONT]: fontBytes };
  const layout = lib.layoutPoster(template, null, assets);
  assert.deepEqual(layout.warnings, []);
  const [line] = layout.elements[0].lines;
  assert.equal(line.text, '分享赚 Ab');
  // Three CJK ideographs are one em (32 px) wide each in Noto Sans SC; the space and "Ab" add more.
  assert.ok(line.width > 96 && line.width < 200, `line width ${line.width}`);
  const r = lib.renderPoster(template, null, assets, { format: 'rgba' });
  assert.deepEqual(r.warnings, []);
  let inside = 0;
  let outside = 0;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.bytes[(y * r.width + x) * 4] >= 128) continue;
      const within = x >= line.x - 1 && x <= line.x + line.width + 1 && y >= line.y - 1 && y <= line.y + line.height + 1;
      if (within) inside++;
      else outside++;
    }
  }
  assert.ok(inside > 300, `ink inside the line box: ${inside} px`);
  assert.equal(outside, 0, 'no ink outside the line box');
  // Data from an object or from JSON text gives the same pixels.
  const bound = textTemplate('{{name}}');
  const a = lib.renderPoster(bound, { name: '小鹿' }, assets, { format: 'rgba' });
  const b = lib.renderPoster(bound, '{"name":"小鹿"}', assets, { format: 'rgba' });
  assert.deepEqual(a.bytes, b.bytes);
  assert.notDeepEqual(a.bytes, lib.renderPoster(bound, { name: '小猫' }, assets, { format: 'rgba' }).bytes);
});

test('text warnings: a character no font has, data that is missing; a font asset that is missing', () => {
  const assets = { [FONT]: fontBytes };
  const glyph = lib.renderPoster(textTemplate('Hi 😀'), null, assets);
  assert.deepEqual(
    glyph.warnings.map((w) => [w.code, w.element, w.text]),
    [['GLYPH_MISSING', 0, '😀']],
  );
  const data = lib.renderPoster(textTemplate('Hi {{name}}'), {}, assets);
  assert.deepEqual(data.warnings.map((w) => [w.code, w.element, w.text]), [['DATA_MISSING', 0, 'name']]);
  assert.throws(() => lib.renderPoster(textTemplate('Hi'), null, {}), {
    name: 'ShareEarnError',
    code: 'ASSET_MISSING',
    path: 'fonts[0].asset',
  });
  assert.equal(lib.renderPoster(textTemplate('Hi'), null, assets).warnings.length, 0, 'works after the error');
});

test('posterBlob and posterObjectUrl work in Node too (Blob, blob: URLs)', async () => {
  const template = textTemplate('分享');
  const assets = { [FONT]: fontBytes };
  const png = lib.renderPoster(template, null, assets);
  const blob = await lib.posterBlob(template, null, assets);
  assert.equal(blob.type, 'image/png');
  assert.deepEqual(new Uint8Array(await blob.arrayBuffer()), png.bytes);
  assert.equal((await lib.posterBlob(template, null, assets, { format: 'jpeg' })).type, 'image/jpeg');
  await assert.rejects(lib.posterBlob(template, null, assets, { format: 'rgba' }), {
    code: 'POSTER_INVALID_OPTIONS',
    path: 'options.format',
  });
  // Errors reject the promise rather than throwing synchronously.
  const pending = lib.posterBlob({ version: 1, width: 10, height: 10, elements: [{ type: 'circle' }] });
  await assert.rejects(pending, { code: 'TEMPLATE_INVALID', path: 'elements[0].type' });
  const shown = await lib.posterObjectUrl(template, null, assets);
  assert.match(shown.url, /^blob:/);
  const held = resolveObjectURL(shown.url);
  assert.deepEqual(new Uint8Array(await held.arrayBuffer()), png.bytes);
  shown.revoke();
  assert.equal(resolveObjectURL(shown.url), undefined, 'revoked');
});

// The CLI of the installed package, run as a program.
const cli = fileURLToPath(new URL('cli.mjs', import.meta.resolve('share-earn/package.json')));
const example = (path) => fileURLToPath(new URL(`www/examples/${path}`, repo));

function runCli(args) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'buffer', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

test('the package declares the share-earn command, a Node script', () => {
  const require = createRequire(import.meta.url);
  assert.deepEqual(require('share-earn/package.json').bin, { 'share-earn': './cli.mjs' });
  assert.ok(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('share-earn poster renders the W2 example to a 750x1334 PNG', () => {
  const dir = mkdtempSync(join(tmpdir(), 'share-earn-cli-'));
  try {
    const out = join(dir, 'poster.png');
    const assets = ['--assets', example('w2-product/assets'), '--assets', example('fonts')];
    const args = ['poster', example('w2-product/template.json'), '--data', example('w2-product/data.json'), ...assets];
    const r = runCli([...args, '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'no warnings');
    const header = pngHeader(new Uint8Array(readFileSync(out)));
    assert.deepEqual([header.width, header.height], [750, 1334]);
    assert.match(r.stdout.toString(), /poster\.png: 750x1334 png, \d+ bytes, 0 warnings/);

    // The format follows the extension; --pixel-ratio scales.
    const jpg = join(dir, 'poster.jpg');
    const j = runCli([...args, '-o', jpg, '--pixel-ratio', '0.5']);
    assert.equal(j.status, 0, j.stderr);
    assert.deepEqual(jpegSize(new Uint8Array(readFileSync(jpg))), { width: 375, height: 667 });

    // --layout prints the layout as JSON.
    const l = runCli([...args, '--layout']);
    assert.equal(l.status, 0, l.stderr);
    const layout = JSON.parse(l.stdout.toString());
    assert.deepEqual([layout.width, layout.height], [750, 1334]);
    assert.equal(layout.elements.find((e) => e.id === 'qr').type, 'qr');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('share-earn poster exits 1 with the code and path of a ShareEarnError, 2 on usage errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'share-earn-cli-'));
  try {
    const out = join(dir, 'poster.png');
    // The fonts only: the background image is missing.
    const r = runCli(['poster', example('w2-product/template.json'), '--assets', example('fonts'), '-o', out]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^error ASSET_MISSING at background\.image: there is no asset "bg\.jpg"/);
    assert.ok(!existsSync(out), 'nothing written');

    const assets = ['--assets', example('w2-product/assets'), '--assets', example('fonts')];
    const warned = runCli(['poster', example('w2-product/template.json'), ...assets, '-o', out]);
    assert.equal(warned.status, 0, 'missing data is a warning');
    assert.match(warned.stderr, /^warning DATA_MISSING: /m);

    const usage = [
      [],
      ['poster'],
      ['poster', 'a.json'],
      ['poster', 'a.json', '-o', 'a.gif'],
      ['render', 'a.json', '-o', 'a.png'],
      ['poster', 'a.json', '-o', 'a.png', '--quality', 'high'],
      ['poster', 'a.json', '--colour', 'red'],
    ];
    for (const args of usage) {
      const u = runCli(args);
      assert.equal(u.status, 2, `share-earn ${args.join(' ')}`);
      assert.match(u.stderr, /Usage: share-earn poster <template\.json>/);
    }
    const help = runCli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout.toString(), /^Usage: share-earn poster/);
    const unreadable = runCli(['poster', join(dir, 'none.json'), '-o', out]);
    assert.equal(unreadable.status, 1);
    assert.match(unreadable.stderr, /^error: ENOENT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('fetchAssets fetches in parallel and reports every failed asset with its reason', async () => {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push(req.url);
    if (req.url === '/ok.bin') res.end(Buffer.from([1, 2, 3]));
    else if (req.url === '/hang') return; // never answers
    else if (req.url.startsWith('/examples/')) res.end(readFileSync(example(req.url.slice('/examples/'.length))));
    else res.writeHead(404).end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  // A port with nothing listening: the connection is refused.
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const refused = `http://127.0.0.1:${closed.address().port}/x`;
  await new Promise((resolve) => closed.close(resolve));
  try {
    assert.deepEqual(await lib.fetchAssets({ 'a.bin': `${base}/ok.bin`, 'b.bin': new URL('/ok.bin', base) }), {
      'a.bin': new Uint8Array([1, 2, 3]),
      'b.bin': new Uint8Array([1, 2, 3]),
    });
    assert.deepEqual(await lib.fetchAssets({}), {});

    requests.length = 0;
    const started = performance.now();
    const urls = { ok: `${base}/ok.bin`, missing: `${base}/missing.png`, slow: `${base}/hang`, refused };
    const error = await lib.fetchAssets(urls, { timeoutMs: 200 }).then(
      () => assert.fail('no error'),
      (e) => e,
    );
    const elapsed = performance.now() - started;
    assert.ok(error instanceof Error);
    assert.ok(lib.isShareEarnError(error));
    assert.equal(error.name, 'ShareEarnError');
    assert.equal(error.code, 'ASSET_FETCH_FAILED');
    assert.equal(error.path, 'urls.missing');
    assert.match(error.message, /^ASSET_FETCH_FAILED: 3 of 4 assets could not be fetched: missing \(HTTP 404, /);
    assert.deepEqual(
      error.errors.map(({ name, url, reason, status }) => ({ name, url, reason, status })),
      [
        { name: 'missing', url: `${base}/missing.png`, reason: 'http', status: 404 },
        { name: 'slow', url: `${base}/hang`, reason: 'timeout', status: undefined },
        { name: 'refused', url: refused, reason: 'network', status: undefined },
      ],
    );
    assert.ok(error.errors.every((e) => typeof e.message === 'string' && e.message.length > 0));
    assert.ok(elapsed >= 190 && elapsed < 2000, `one timeout, in parallel: ${Math.round(elapsed)} ms`);
    assert.deepEqual(requests.sort(), ['/hang', '/missing.png', '/ok.bin'], 'exactly the URLs asked for');

    // Another fetch, and an AbortSignal: aborting rejects with the signal's reason.
    const seen = [];
    const spy = (url, init) => (seen.push(String(url)), fetch(url, init));
    const controller = new AbortController();
    const aborted = lib.fetchAssets({ slow: `${base}/hang` }, { fetch: spy, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('page left')), 50);
    await assert.rejects(aborted, { message: 'page left' });
    assert.deepEqual(seen, [`${base}/hang`]);

    await assert.rejects(lib.fetchAssets({ a: 42 }), { code: 'INVALID_ARGUMENT', path: 'urls.a' });
    await assert.rejects(lib.fetchAssets(['x']), { code: 'INVALID_ARGUMENT', path: 'urls' });
    await assert.rejects(lib.fetchAssets({}, { timeoutMs: 0 }), { code: 'INVALID_ARGUMENT', path: 'options.timeoutMs' });
    await assert.rejects(lib.fetchAssets({}, { timeout: 5 }), { code: 'INVALID_ARGUMENT', path: 'options.timeout' });

    // Fetched assets go straight into renderPoster.
    const names = ['bg.jpg', 'product.jpg', 'avatar.jpg', 'logo.png'].map((n) => [n, `${base}/examples/w2-product/assets/${n}`]);
    for (const font of ['NotoSansSC-Regular.otf', 'NotoSansSC-Bold.otf']) names.push([font, `${base}/examples/fonts/${font}`]);
    const assets = await lib.fetchAssets(Object.fromEntries(names));
    const template = readFileSync(example('w2-product/template.json'), 'utf8');
    const poster = lib.renderPoster(template, readFileSync(example('w2-product/data.json'), 'utf8'), assets);
    assert.deepEqual([poster.width, poster.height, poster.warnings.length], [750, 1334, 0]);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

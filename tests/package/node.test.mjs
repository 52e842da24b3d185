// The built package in Node, imported by name as a user would (test.sh installs the packed
// tarball into tests/package/node_modules/share-earn). Run: node --test tests/package/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as lib from 'share-earn';
import { decoderCases, runCases, runDecoderCases } from './cases.mjs';

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
  for (const file of ['index.js', 'node.js', 'index.d.ts', 'share_earn_bg.wasm', 'share_earn.d.ts', 'attribution.d.ts']) {
    assert.ok(readFileSync(new URL(file, import.meta.resolve('share-earn/package.json'))).length > 0, file);
  }
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

// The built package in headless Chromium, three ways a user loads it: a plain page importing
// the ES module (with every `init` input: URL, string, Response, promise, bytes, compiled
// module, initSync), a module Web Worker, and a Vite app that imports it by name.
// Each page runs cases.mjs and reports `window.__results`.
//
// Run: node tests/package/browser.mjs   (after test.sh has installed the packed package)
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../pkg-scripts/serve.mjs';
import { decoderCases } from './cases.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

await build({ root: `${here}vite-app`, configFile: `${here}vite-app/vite.config.mjs` });

const { server, url } = await startServer({ port: 0, root: here });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const pages = [
  ...['default', 'url', 'string', 'response', 'promise', 'bytes', 'module', 'sync'].map((how) => [
    `page, init via ${how}`,
    `browser.html?init=${how}`,
  ]),
  ['module Web Worker', 'worker.html'],
  ['Vite app (bundled)', 'vite-app/dist/index.html'],
];

let failed = 0;
let passed = 0;
for (const [label, path] of pages) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  let results;
  try {
    await page.goto(url + path);
    await page.waitForFunction(() => window.__results !== undefined, null, { timeout: 30_000 });
    results = await page.evaluate(() => window.__results);
  } catch (error) {
    results = [{ name: 'load', ok: false, error: String(error) }];
  }
  for (const p of problems) results.push({ name: p, ok: false, error: p });
  // Every page and the Worker have createImageBitmap and OffscreenCanvas: the cases that need
  // the platform's decoder must have run, not been skipped.
  for (const { name } of decoderCases) {
    if (!results.some((r) => r.name === name)) results.push({ name, ok: false, error: 'did not run' });
  }
  const bad = results.filter((r) => !r.ok);
  passed += results.length - bad.length;
  failed += bad.length;
  console.log(`${bad.length ? 'FAIL' : 'ok  '} ${label}: ${results.length - bad.length}/${results.length} cases`);
  for (const r of bad) console.log(`       ✗ ${r.name}\n         ${r.error}`);
  await page.close();
}

await browser.close();
server.close();
console.log(`browser package tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

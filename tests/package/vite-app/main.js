// A Vite app importing the package by name: Vite resolves the `browser` export condition and
// bundles the .wasm as an asset through `new URL(..., import.meta.url)`.
import init, * as lib from 'share-earn';
import { runCases, runDecoderCases } from '../cases.mjs';

try {
  await init();
  document.getElementById('code').textContent = lib.formatMemberCode(lib.encodeMemberCode(10086));
  window.__results = [...runCases(lib), ...(await runDecoderCases(lib))];
} catch (error) {
  window.__results = [{ name: 'vite init', ok: false, error: String(error) }];
}

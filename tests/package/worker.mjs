// The package inside a module Web Worker (no DOM, no localStorage).
import init, * as lib from './node_modules/share-earn/index.js';
import { runCases, runDecoderCases } from './cases.mjs';

try {
  await init();
  postMessage([...runCases(lib), ...(await runDecoderCases(lib))]);
} catch (error) {
  postMessage([{ name: 'worker init', ok: false, error: String(error) }]);
}

// Workload W4 (reward previews): share-earn's `previewRewards` through the npm package, on
// the rules, cart and context of benches/data/rewards-50.json — a product page (one line)
// and a cart of 50 lines. The timed call is what a page does: plain objects in, a plain
// object out, so the JavaScript/WebAssembly boundary (JSON text both ways) is inside.
// Beside it runs `w4-hand-js.mjs`, the same preview hand-written in JavaScript for this one
// rule set; both are checked against the totals recorded in the data file.
//
// Run with `BENCH_WORKLOADS=w4 pkg-scripts/bench.sh browser`.
import init, { previewRewards } from '../../pkg/index.js';
import data from '../data/rewards-50.json';
import { check } from './w4-hand-js.mjs';

export default {
  id: 'w4-share-earn',
  workload: 'W4',
  library: 'share-earn@0.1.0 (Rust/WASM)',
  defaults: { warmup: 200, iterations: 30 },
  async setup() {
    await init({ module_or_path: '/dist/share_earn_bg.wasm' });
  },
  cases: data.bench.map((c) => {
    const cart = { ...data.cart, ...c.cart, lines: c.lines ? c.lines.map((i) => data.cart.lines[i]) : data.cart.lines };
    return {
      name: c.name,
      label: c.label,
      run: () => previewRewards(data.rules, cart, data.context),
      check: (p) => check(p, c.expect),
    };
  }),
};

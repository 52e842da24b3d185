#!/usr/bin/env bash
# Benchmarks, on demand (never part of the tests):
#
#   pkg-scripts/bench.sh native     criterion: codes and links, with the Rust sqids crate beside;
#                                   a reward preview of a 50-line cart (benches/data/rewards-50.json)
#   pkg-scripts/bench.sh browser    headless Chromium, the bench-peers harness: share-earn's npm
#                                   package beside the JavaScript libraries on the same workloads
#   pkg-scripts/bench.sh            both
#
# The browser harness is the bench-peers folder (default ../shared/bench-peers, next to this
# repository; BENCH_PEERS=/path/to/bench-peers to use another). Extra arguments go to it,
# e.g. `pkg-scripts/bench.sh browser --rounds 5`; BENCH_WORKLOADS="w1" runs only W1.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
shift || true

if [ "$what" = native ] || [ "$what" = all ]; then
  cargo bench --bench codes
  cargo bench --bench rewards
fi

if [ "$what" = browser ] || [ "$what" = all ]; then
  peers=${BENCH_PEERS:-../shared/bench-peers}
  [ -f "$peers/run.mjs" ] || { echo "[bench] bench-peers not found at $peers (set BENCH_PEERS)" >&2; exit 1; }
  bash pkg-scripts/setup.sh
  bash pkg-scripts/build.sh
  [ -d "$peers/node_modules" ] || (cd "$peers" && npm ci --no-audit --no-fund)
  # One run per workload: each module fetches the same .wasm, which the harness counts once
  # per --impl module in a run.
  for w in ${BENCH_WORKLOADS:-w1 w2 w3}; do
    node "$peers/run.mjs" --only "$w" --impl "benches/browser/$w-share-earn.mjs" \
      --impl-asset share_earn_bg.wasm=pkg/share_earn_bg.wasm --rounds 3 "$@"
  done
fi

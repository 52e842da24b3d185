#!/usr/bin/env bash
# Benchmarks, on demand (never part of the tests):
#
#   pkg-scripts/bench.sh native     criterion: codes and links, with the Rust sqids crate beside;
#                                   a reward preview of a 50-line cart (benches/data/rewards-50.json)
#   pkg-scripts/bench.sh browser    headless Chromium, the bench-peers harness: share-earn's npm
#                                   package beside the JavaScript libraries on the same workloads
#                                   (W1 QR codes, W2 posters, W3 short codes, W4 reward previews)
#   pkg-scripts/bench.sh            both
#
# The browser harness is the bench-peers folder (default ../shared/bench-peers, next to this
# repository; BENCH_PEERS=/path/to/bench-peers to use another). Extra arguments go to it,
# e.g. `pkg-scripts/bench.sh browser --rounds 5`; BENCH_WORKLOADS="w1" runs only W1.
# W4 (reward previews) is share-earn's own workload: the harness has no reward library, so its
# peer is benches/browser/w4-hand-js.mjs, the same preview hand-written in JavaScript.
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
  # per --impl module in a run (in W4 also for the hand-written peer, which fetches nothing:
  # its shipped bytes are its JS column alone).
  for w in ${BENCH_WORKLOADS:-w1 w2 w3 w4}; do
    impls=(--impl "benches/browser/$w-share-earn.mjs")
    only=$w
    if [ "$w" = w4 ]; then
      # No built-in peer: the hand-written one runs beside (--only names share-earn's own id
      # so that no built-in workload is selected).
      impls+=(--impl benches/browser/w4-hand-js.mjs)
      only=w4-share-earn
    fi
    node "$peers/run.mjs" --only "$only" "${impls[@]}" \
      --impl-asset share_earn_bg.wasm=pkg/share_earn_bg.wasm --rounds 3 "$@"
  done
fi

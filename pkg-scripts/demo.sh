#!/usr/bin/env bash
# Builds the npm package, renders every example poster into out/<name>.png, and serves the
# demo storefront (www/) with the package at /pkg/.
#
#   pkg-scripts/demo.sh               http://127.0.0.1:8080/
#   PORT=9000 pkg-scripts/demo.sh     another port
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8080}

bash pkg-scripts/setup.sh
bash pkg-scripts/build.sh
# Every example poster of www/examples/ rendered by the Node CLI logic into out/<name>.png.
node pkg-scripts/render-examples.mjs

echo "[demo] share-earn demo: http://127.0.0.1:$port/  (Ctrl-C stops it)"
exec node pkg-scripts/serve.mjs --port "$port" --root www --mount /pkg/=pkg

#!/usr/bin/env bash
# The one test command: lint, native tests, browser tests of the wasm bindings, and tests of
# the built npm package imported as users import it (Node, TypeScript, Chromium, Worker, Vite).
# Installs what it needs first (pkg-scripts/setup.sh). Ends with a summary; exits non-zero on
# any failure. All cargo steps share one target directory.
#
#   pkg-scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash pkg-scripts/setup.sh || { echo "[test] setup failed" >&2; exit 1; }

summary=()
failed=0
built=1

step() {
  local name=$1
  shift
  printf '\n[test] === %s\n' "$name"
  local start=$SECONDS
  if "$@"; then
    summary+=("PASS  $name ($((SECONDS - start)) s)")
  else
    summary+=("FAIL  $name ($((SECONDS - start)) s)")
    failed=1
    return 1
  fi
}

# Steps that test the built package are skipped (and counted as failed) when the build failed.
package_step() {
  if [ "$built" = 1 ]; then
    step "$@"
  else
    summary+=("SKIP  $1 (the package did not build)")
    failed=1
  fi
}

# Installs pkg/ the way npm would: pack it (which applies `files`), unpack the tarball as
# tests/package/node_modules/share-earn. A file missing from `files` is missing here too.
install_packed() {
  local tmp
  tmp=$(mktemp -d)
  (cd pkg && npm pack --silent --pack-destination "$tmp" >/dev/null) || return 1
  rm -rf tests/package/node_modules/share-earn
  mkdir -p tests/package/node_modules/share-earn
  tar -xzf "$tmp"/share-earn-*.tgz -C tests/package/node_modules/share-earn --strip-components=1
  echo "installed $(ls "$tmp") into tests/package/node_modules/share-earn: $(ls tests/package/node_modules/share-earn | tr '\n' ' ')"
  rm -rf "$tmp"
}

step "cargo fmt --check" cargo fmt --all --check
# --workspace: the crate and crates/pixels, its pixel loops.
step "clippy, native" cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy, wasm32" cargo clippy --workspace --target wasm32-unknown-unknown --lib --tests --quiet -- -D warnings
step "native tests (cargo test)" cargo test --workspace --quiet
gallery_decodes() {
  local dir=${CARGO_TARGET_DIR:-target}/qr-gallery
  rm -rf "$dir"
  cargo run --quiet --example qr_gallery -- "$dir" && .venv/bin/python tests/zxing/decode_gallery.py "$dir"
}
step "every QR style read back by ZXing (zxing-cpp)" gallery_decodes
step "browser tests (wasm-pack test --headless --chrome)" wasm-pack test --headless --chrome
step "build the npm package" bash pkg-scripts/build.sh || built=0
step "size budget of codes and links alone" bash pkg-scripts/build.sh --lean
package_step "install the packed package" install_packed || built=0
package_step "package in Node (node --test)" node --test tests/package/node.test.mjs
package_step "package types (tsc --strict; the reward vectors and results typed)" \
  bash -c 'node tests/package/reward-types.mjs && node_modules/.bin/tsc -p tests/package/tsconfig.json'
package_step "package in Chromium: page, Worker, Vite app" node tests/package/browser.mjs

printf '\n[test] ===== summary =====\n'
printf '[test] %s\n' "${summary[@]}"
if [ "$failed" = 0 ]; then
  printf '[test] ALL PASSED in %d s\n' "$SECONDS"
else
  printf '[test] FAILED (see above) after %d s\n' "$SECONDS"
fi
exit "$failed"

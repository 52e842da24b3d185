#!/usr/bin/env bash
# Installs everything the build, the tests and the demo need, and nothing twice.
#
#   rustup target wasm32-unknown-unknown
#   wasm-bindgen-cli   exactly the wasm-bindgen version pinned in Cargo.toml
#   wasm-pack          (runs the browser tests)
#   chromium + chromedriver from Debian (headless browser tests, the demo screenshot)
#   npm dev dependencies (binaryen's wasm-opt, playwright-core, vite, typescript) from package-lock.json
#   a Python venv in .venv with ZXing (zxing-cpp) and Pillow from PyPI: the second QR decoder
#
# A second run on a set-up machine only checks versions and takes a few seconds.
# Nothing here downloads a browser or a binary from outside the package registries.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || die "cargo not found: install Rust with rustup first"
command -v node >/dev/null || die "node not found: install Node.js 20 or newer"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
  || die "Node.js $(node --version) is too old: 20 or newer is needed"

# --- Rust target --------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# --- wasm-bindgen CLI, same version as the pinned library ------------------------
want_bindgen=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
[ -n "$want_bindgen" ] || die "could not read the pinned wasm-bindgen version from Cargo.toml"
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_bindgen" != "$want_bindgen" ]; then
  log "installing wasm-bindgen-cli $want_bindgen (found: ${have_bindgen:-none}); takes a few minutes"
  # --locked can fail against the registry mirror's index; fall back to a plain install.
  cargo install wasm-bindgen-cli --version "$want_bindgen" --locked --force \
    || cargo install wasm-bindgen-cli --version "$want_bindgen" --force
fi

# --- wasm-pack -------------------------------------------------------------------
if ! command -v wasm-pack >/dev/null; then
  log "installing wasm-pack; takes a few minutes"
  cargo install wasm-pack --locked || cargo install wasm-pack
fi

# --- Chromium and ChromeDriver (Debian) -----------------------------------------------
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing Debian chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    die "Chromium is missing. As root run: apt-get install -y chromium chromium-driver"
  fi
fi

# --- npm dev dependencies ----------------------------------------------------------------
# Installed again only when package-lock.json changed since the last install.
stamp=node_modules/.share-earn-lock.sha256
lock_sum=$(sha256sum package-lock.json | awk '{print $1}')
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  log "installing npm dev dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" >"$stamp"
fi
[ -x node_modules/binaryen/bin/wasm-opt ] || die "node_modules/binaryen/bin/wasm-opt missing after npm ci"

# --- Python venv with the second QR decoder ------------------------------------------------
# Re-created only when tests/zxing/requirements.txt changed since the last install.
py_stamp=.venv/.share-earn-requirements.sha256
req_sum=$(sha256sum tests/zxing/requirements.txt | awk '{print $1}')
if [ ! -f "$py_stamp" ] || [ "$(cat "$py_stamp")" != "$req_sum" ]; then
  command -v python3 >/dev/null || die "python3 not found: install Python 3.9 or newer"
  log "creating .venv with zxing-cpp and Pillow (pip)"
  rm -rf .venv
  python3 -m venv .venv || die "python3 -m venv failed: on Debian, apt-get install -y python3-venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/zxing/requirements.txt
  echo "$req_sum" >"$py_stamp"
fi

log "ok: $(rustc --version | awk '{print $1, $2}'), wasm-bindgen $want_bindgen, $(wasm-pack --version), $(/usr/bin/chromium --version 2>/dev/null | head -n1), node $(node --version)"

#!/usr/bin/env bash
# Builds the npm package `share-earn` into pkg/:
#
#   1. cargo build --release --target wasm32-unknown-unknown (the library only)
#   2. wasm-bindgen --target web: ES module glue + generated TypeScript declarations
#   3. wasm-opt -Oz from the npm `binaryen` package (Debian's binaryen 108 corrupts
#      wasm-bindgen's externref table, so it is never used)
#   4. the hand-written entries from pkg-scripts/npm/ (browser/bundler, Node, helpers,
#      package.json with its `exports` map)
#   5. a size report (raw, gzip, brotli) and the size budget check
#
# Usage: pkg-scripts/build.sh            (run setup.sh first, or use test.sh / demo.sh)
#        pkg-scripts/build.sh --lean     codes and links only (no default features), into
#                                        target/lean-pkg: checks their own size budget
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

lean=0
[ "${1:-}" = --lean ] && lean=1

log() { printf '[build] %s\n' "$*"; }
die() { printf '[build] ERROR: %s\n' "$*" >&2; exit 1; }

want_bindgen=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
[ "$have_bindgen" = "$want_bindgen" ] \
  || die "wasm-bindgen $want_bindgen is needed (found: ${have_bindgen:-none}); run pkg-scripts/setup.sh"
wasm_opt=node_modules/binaryen/bin/wasm-opt
[ -x "$wasm_opt" ] || die "$wasm_opt is missing; run pkg-scripts/setup.sh"

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

# Panic locations name source files: keep the builder's home directory and toolchain path out
# of the published .wasm (and a few kilobytes with them).
registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
export CARGO_ENCODED_RUSTFLAGS="--remap-path-prefix=$registry=/cargo$(printf '\x1f')--remap-path-prefix=$(rustc --print sysroot)=/rust"

if [ "$lean" = 1 ]; then
  log "cargo build --release --target wasm32-unknown-unknown --no-default-features (codes and links only)"
  # A target directory of its own, so that the full build's artefact is not replaced.
  cargo build --quiet --lib --release --target wasm32-unknown-unknown --no-default-features \
    --target-dir "$target_dir/lean"
  target_dir="$target_dir/lean"
  out="$target_dir/lean-pkg"
else
  log "cargo build --release --target wasm32-unknown-unknown"
  cargo build --quiet --lib --release --target wasm32-unknown-unknown
  out=pkg
fi

rm -rf "$out"
mkdir -p "$out"
log "wasm-bindgen --target web"
wasm-bindgen --target web --out-dir "$out" --out-name share_earn \
  "$target_dir/wasm32-unknown-unknown/release/share_earn.wasm"

log "wasm-opt -Oz (npm binaryen $(node -p 'require("./node_modules/binaryen/package.json").version'))"
"$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$out/share_earn_bg.wasm" -o "$out/share_earn_bg.opt.wasm"
mv "$out/share_earn_bg.opt.wasm" "$out/share_earn_bg.wasm"

if [ "$lean" = 1 ]; then
  # The budget promised for codes and links: they must stay small on their own.
  node pkg-scripts/size-report.mjs "$out" --budget 60
  exit 0
fi

cp pkg-scripts/npm/*.js pkg-scripts/npm/*.mjs pkg-scripts/npm/*.d.ts pkg-scripts/npm/package.json "$out/"
cp README.md LICENSE "$out/"

# The crate and the package carry one version: Cargo.toml's.
crate_version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)
node -e '
  const fs = require("fs"); const f = process.argv[1];
  const p = JSON.parse(fs.readFileSync(f, "utf8")); p.version = process.argv[2];
  fs.writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$out/package.json" "$crate_version"

node pkg-scripts/size-report.mjs "$out"

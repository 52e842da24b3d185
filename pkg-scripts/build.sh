#!/usr/bin/env bash
# Builds the npm package `share-earn` into pkg/:
#
#   1. cargo build --release --target wasm32-unknown-unknown (the library only), twice: with
#      WebAssembly SIMD (share_earn_bg.wasm) and without (share_earn_bg.baseline.wasm)
#   2. wasm-bindgen --target web: ES module glue + generated TypeScript declarations
#   3. wasm-opt -Oz from the npm `binaryen` package (Debian's binaryen 108 corrupts
#      wasm-bindgen's externref table, so it is never used)
#   4. the hand-written entries from pkg-scripts/npm/ (browser/bundler, Node, helpers,
#      package.json with its `exports` map)
#   5. a size report (raw, gzip, brotli) and the size budget check
#
# Usage: pkg-scripts/build.sh            (run setup.sh first, or use test.sh / demo.sh)
#        pkg-scripts/build.sh --lean     codes and links only (no default features), into
#                                        target/lean/lean-pkg: checks their own size budget
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
sep=$(printf '\x1f')
remap="--remap-path-prefix=$registry=/cargo$sep--remap-path-prefix=$(rustc --print sysroot)=/rust"
opt_flags=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-reference-types --enable-multivalue --enable-mutable-globals)

# wasm-bindgen (ES module glue + TypeScript declarations) and wasm-opt on one build.
bindgen_and_opt() { # <cargo target dir> <out dir> [extra wasm-opt flags]
  wasm-bindgen --target web --out-dir "$2" --out-name share_earn "$1/wasm32-unknown-unknown/release/share_earn.wasm"
  "$wasm_opt" -Oz "${opt_flags[@]}" "${@:3}" "$2/share_earn_bg.wasm" -o "$2/share_earn_bg.opt.wasm"
  mv "$2/share_earn_bg.opt.wasm" "$2/share_earn_bg.wasm"
}

log "wasm-opt: npm binaryen $(node -p 'require("./node_modules/binaryen/package.json").version')"
if [ "$lean" = 1 ]; then
  log "cargo build --release --target wasm32-unknown-unknown --no-default-features (codes and links only)"
  # A target directory of its own, so that the full build's artefact is not replaced.
  CARGO_ENCODED_RUSTFLAGS="$remap" cargo build --quiet --lib --release --target wasm32-unknown-unknown \
    --no-default-features --target-dir "$target_dir/lean"
  out="$target_dir/lean/lean-pkg"
  rm -rf "$out" && mkdir -p "$out"
  bindgen_and_opt "$target_dir/lean" "$out"
else
  # Two builds of the same code: with WebAssembly SIMD (what engines since 2021 run: Chrome 91,
  # Firefox 89, Safari 16.4, Node 16.4; posters 1.5x faster and the file smaller, as LLVM
  # vectorises the codecs' and resampler's loops), and without, for older engines (iOS before
  # 16.4 in WeChat). Both give the same bytes: the vectorised loops are integer or
  # element-wise IEEE arithmetic, and the resampler's hand-written SIMD passes do the same
  # integer arithmetic as its portable ones.
  log "cargo build --release --target wasm32-unknown-unknown (+simd128)"
  CARGO_ENCODED_RUSTFLAGS="$remap$sep-Ctarget-feature=+simd128" cargo build --quiet --lib --release \
    --target wasm32-unknown-unknown
  log "cargo build --release --target wasm32-unknown-unknown (baseline, no SIMD)"
  CARGO_ENCODED_RUSTFLAGS="$remap" cargo build --quiet --lib --release --target wasm32-unknown-unknown \
    --target-dir "$target_dir/baseline"
  out=pkg
  rm -rf "$out" "$target_dir/baseline/pkg" && mkdir -p "$out" "$target_dir/baseline/pkg"
  bindgen_and_opt "$target_dir" "$out" --enable-simd
  bindgen_and_opt "$target_dir/baseline" "$target_dir/baseline/pkg"
  # One JS glue serves both modules: they must export and import exactly the same.
  cmp -s "$out/share_earn.js" "$target_dir/baseline/pkg/share_earn.js" \
    || die "the SIMD and baseline builds need different JS glue"
  cp "$target_dir/baseline/pkg/share_earn_bg.wasm" "$out/share_earn_bg.baseline.wasm"
fi

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

#!/usr/bin/env bash
# The release build (issue 14): the wasm split into a start-up module and one module per
# rarely used view, downloaded when the view is first opened (src/app/lazy.rs), then what
# Trunk does for the page, the styles and the icons, and scripts/post-build.mjs (the loader,
# integrity attributes, the CSP, the service worker precaching every module).
#
#   scripts/build.sh [--dist DIR]   writes the build to DIR (default dist/)
#   CCHC_UNSPLIT=1                  builds the one-module app with Trunk alone (as before
#                                   the split; the fallback)
#
# Trunk 0.21 has no hook between cargo and wasm-bindgen, so the wasm is built here:
#  1. cargo, with the views' split points (feature `split`) and the relocations the splitter
#     reads (`--emit-relocs`, only on the final link, so dependencies are shared with Trunk's);
#  2. wasm-split-cli: the main module, one module per view, shared chunks, a JS linker;
#  3. wasm-bindgen on the main module, keeping the exports the linker needs;
#  4. wasm-opt on every module, with the flags index.html gives Trunk;
#  5. Trunk on the page without its Rust link, whose post-build hook adds the modules.
# If a step fails, the build says so loudly and falls back to the one-module build, which
# works everywhere; tests/e2e/split.test.mjs then fails, since it checks the split build.
# Needs the tools of scripts/ensure-tools.sh (run `source scripts/ensure-tools.sh` first).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

DIST="dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) DIST="$2"; shift 2 ;;
    --dist=*) DIST="${1#--dist=}"; shift ;;
    *) echo "scripts/build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

unsplit() {
  trunk build --release --dist "$DIST"
}

if [ "${CCHC_UNSPLIT:-0}" = 1 ]; then
  say "the one-module build (CCHC_UNSPLIT=1)"
  unsplit
  exit 0
fi

BIN="cchc-2021"
WORK="$ROOT/target/split"
OUT="$WORK/out"
FAILED_AT=""

fallback() {
  printf '\n\033[1;41;97m %s \033[0m\n' "THE SPLIT BUILD FAILED at: $FAILED_AT" >&2
  printf '\033[1;31m%s\033[0m\n\n' \
    "Building the one-module app with Trunk instead (CCHC_UNSPLIT=1 chooses it). The on-demand views are NOT split in this build." >&2
  unsplit
  exit 0
}

# Runs a step; its failure means the fallback. (Called in `||`, a function does not stop at
# a failed command by itself under `set -e`: the functions below return at each.)
step() {
  FAILED_AT="$1"
  shift
  say "$FAILED_AT"
  "$@" || fallback
}

# The flags index.html gives Trunk's wasm-opt: one place says them.
OPT_LEVEL="$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html | head -n 1)"
OPT_PARAMS="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -n 1)"
if [ -z "$OPT_LEVEL" ] || [ -z "$OPT_PARAMS" ]; then
  FAILED_AT="reading data-wasm-opt and data-wasm-opt-params from index.html"
  fallback
fi

split_wasm() {
  rm -rf "$OUT" && mkdir -p "$OUT/split" "$OUT/bindgen" || return 1
  wasm-split-cli "$ROOT/target/wasm32-unknown-unknown/release/$BIN.wasm" "$OUT/split" --out-name "$BIN" || return 1
  [ -f "$OUT/split/$BIN.wasm" ] && [ -f "$OUT/split/__wasm_split.js" ] || return 1
  # A build without split points would "split" into nothing: that is not a split build.
  if [ "$(find "$OUT/split" -name '*.wasm' ! -name "$BIN.wasm" | wc -l)" -eq 0 ]; then
    echo "wasm-split-cli wrote no on-demand module" >&2
    return 1
  fi
}

optimise() {
  local f
  for f in "$OUT/bindgen/${BIN}_bg.wasm" "$OUT/bindgen"/split_*.wasm "$OUT/bindgen"/chunk_*.wasm; do
    [ -e "$f" ] || continue
    # The splitter writes a name section into each module (wasm-bindgen drops the main one's):
    # --strip-debug drops it, as in Trunk's build.
    # shellcheck disable=SC2086 # the flags are words
    wasm-opt "-O$OPT_LEVEL" $OPT_PARAMS --strip-debug "$f" -o "$f" || return 1
  done
}

# Trunk's page without its Rust link (the wasm is built above), in target/split/ with the
# other links pointing back at the sources.
page() {
  node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
let html = readFileSync("index.html", "utf8");
const rust = /\s*<link\s+data-trunk\s+rel="rust"[^>]*\/>/;
if (!rust.test(html)) throw new Error("index.html has no <link data-trunk rel=\"rust\" … />");
html = html.replace(rust, "").replace(/(<link\s+data-trunk\s+[^>]*href=")(?!\.\.\/)/g, "$1../../");
writeFileSync(process.argv[1], html);
' "$WORK/index.html"
}

mkdir -p "$WORK"
step "cargo build (feature split, --emit-relocs)" \
  cargo rustc --quiet --release --target wasm32-unknown-unknown --bin "$BIN" --features split \
  -- -Clink-args=--emit-relocs
step "wasm-split-cli" split_wasm
# The start-up module must not carry Rust's float formatter (~7 KB gzip): a `{}` or `{:.2}`
# of an f64 anywhere, even in an on-demand view, keeps it there through the shared function
# table. The splitter's output still has the function names to look for.
if grep -a -q 'float_to_decimal_common' "$OUT/split/$BIN.wasm"; then
  echo "error: the wasm formats floats (core::fmt::float): write numbers with" \
    "domain::number::format_shortest, format_hundredths or format_real instead of {} or {:.N} of an f64" >&2
  exit 1
fi
step "wasm-bindgen --keep-lld-exports" \
  wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$OUT/bindgen" "$OUT/split/$BIN.wasm"
step "copy the on-demand modules and the linker" \
  bash -c 'cp "$1"/*.js "$2"/ && for f in "$1"/*.wasm; do [ "$(basename "$f")" = "$3.wasm" ] || cp "$f" "$2"/; done' _ \
  "$OUT/split" "$OUT/bindgen" "$BIN"
step "wasm-opt -O$OPT_LEVEL" optimise
step "the page without its Rust link" page
step "trunk build (page, styles, icons) and scripts/post-build.mjs" \
  env CCHC_SPLIT_DIR="$OUT/bindgen" CCHC_SPLIT_BIN="$BIN" trunk build --release --dist "$DIST" "$WORK/index.html"
say "split build in $DIST"

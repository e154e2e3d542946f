#!/usr/bin/env bash
# Benchmarks the release build against the issue "Fast on a cheap phone over a weak
# connection" and writes the results into BENCHMARKS.md (which explains every number).
# Not part of scripts/test.sh: it takes several minutes and its timings depend on the
# machine. Installs whatever is missing first (see scripts/ensure-tools.sh), and Lighthouse
# into bench/node_modules on first use.
#
#   BENCH_RUNS=5 BENCH_KEYSTROKES=300 BENCH_UNITS=10000 LIGHTHOUSE_RUNS=3  (the defaults)
#   BENCH_SKIP_LIGHTHOUSE=1  leave Lighthouse out
#   BENCH_ONLY=plans  a partial run: build the release and run only these parts of
#     bench/browser.mjs (comma-separated: interactive, encodings, keystrokes, scale, views, plans)
#     and, with `reference`, the keystroke budgets against the reference build (alternately;
#     bench/keystroke-reference.mjs), and, with `size`, the first-load sizes gzip and brotli against the bare Yew app (which
#     it then builds too); writes only the measured sections of BENCHMARKS.md (plan scale;
#     bytes and encodings). BENCH_PASTES=5 pastes per table state.
#     Issue 14's budgets alone: BENCH_ONLY=size,encodings scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WITH_BROWSER=1 source scripts/ensure-tools.sh

LIGHTHOUSE_VERSION="12.2.3"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
LOAD_START="$(load)"

# The keystroke budgets are judged against the build that met them when they were set
# (bench/keystroke-reference.mjs says why): built once into target/bench-reference.
REFERENCE_COMMIT="c1ba3db"
reference_keystrokes() {
  local dir="$ROOT/target/bench-reference"
  if [ ! -f "$dir/dist/index.html" ] || [ "$(cat "$dir/.commit" 2>/dev/null)" != "$REFERENCE_COMMIT" ]; then
    step "the reference build $REFERENCE_COMMIT (target/bench-reference)"
    rm -rf "$dir" && mkdir -p "$dir/src"
    git archive "$REFERENCE_COMMIT" | tar -x -C "$dir/src"
    (cd "$dir/src" && CARGO_TARGET_DIR="$ROOT/target/bench-reference-target" trunk build --release --dist "$dir/dist")
    echo "$REFERENCE_COMMIT" >"$dir/.commit"
  fi
  step "keystrokes against the reference build, alternately"
  REF_WRITE=1 node bench/keystroke-reference.mjs "$dir/dist" "$OUT/app/dist" "$OUT/reference.json"
}

step "the calculator's release build (bench/out/app/dist)"
scripts/build.sh --dist "$OUT/app/dist"

if [ -n "${BENCH_ONLY:-}" ]; then
  rm -f "$OUT/size-app.json" "$OUT/size-hello.json" "$OUT/browser.json"
  if [[ ",$BENCH_ONLY," == *,size,* ]]; then
    step "the bare Yew app (bench/hello-yew), built the same way; first-load sizes"
    node bench/sync-fixture.mjs
    (cd bench/hello-yew && CARGO_TARGET_DIR="$ROOT/target/bench-hello-yew" trunk build --release --dist "$OUT/hello-yew/dist")
    node bench/size.mjs "$OUT/app/dist" >"$OUT/size-app.json"
    node bench/size.mjs "$OUT/hello-yew/dist" >"$OUT/size-hello.json"
  fi
  if [[ ",$BENCH_ONLY," == *,reference,* ]]; then
    reference_keystrokes
  fi
  PARTS="$(printf '%s' ",$BENCH_ONLY," | sed 's/,size,/,/g; s/,reference,/,/g; s/^,//; s/,$//')"
  if [ -n "$PARTS" ]; then
    step "in headless Chromium: $PARTS only"
    BENCH_ONLY="$PARTS" node bench/browser.mjs "$OUT/app/dist" - "$OUT/browser.json"
  fi
  COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT+changes"; fi
  LOAD_END="$(load)"
  export COMMIT LOAD_START LOAD_END OUT BENCH_ONLY
  node --input-type=module -e '
import { existsSync, readFileSync, writeFileSync } from "node:fs";
const e = process.env;
const json = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
const results = {
  partial: true,
  only: e.BENCH_ONLY,
  date: new Date().toISOString(),
  commit: e.COMMIT,
  machine: { load: `${e.LOAD_START} → ${e.LOAD_END}` },
  browser: json(`${e.OUT}/browser.json`),
  ...(existsSync(`${e.OUT}/size-app.json`) ? { size: { app: json(`${e.OUT}/size-app.json`), hello: json(`${e.OUT}/size-hello.json`) } } : {}),
};
writeFileSync(`${e.OUT}/results-partial.json`, JSON.stringify(results, null, 2));
'
  node bench/report.mjs "$OUT/results-partial.json"
  exit 0
fi

step "the bare Yew app (bench/hello-yew), built the same way"
node bench/sync-fixture.mjs
(cd bench/hello-yew && CARGO_TARGET_DIR="$ROOT/target/bench-hello-yew" trunk build --release --dist "$OUT/hello-yew/dist")

step "first-load sizes"
node bench/size.mjs "$OUT/app/dist" >"$OUT/size-app.json"
node bench/size.mjs "$OUT/hello-yew/dist" >"$OUT/size-hello.json"

step "10 000 units, natively (cargo test --release ... scale_timing)"
cargo test --release --lib --quiet -- --ignored --exact --nocapture domain::bloc_table::tests::scale_timing |
  tee "$OUT/native.txt"

step "in headless Chromium: loading, keystrokes, 10 000 units"
node bench/browser.mjs "$OUT/app/dist" "$OUT/hello-yew/dist" "$OUT/browser.json"

reference_keystrokes

LIGHTHOUSE="—"
if [ "${BENCH_SKIP_LIGHTHOUSE:-0}" != 1 ]; then
  if ! bench/node_modules/.bin/lighthouse --version 2>/dev/null | grep -qx "$LIGHTHOUSE_VERSION"; then
    step "installing lighthouse $LIGHTHOUSE_VERSION into bench/node_modules"
    npm install --prefix bench --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "lighthouse@$LIGHTHOUSE_VERSION"
  fi
  step "Lighthouse (mobile)"
  CHROME_PATH=/usr/bin/chromium node bench/lighthouse.mjs "$OUT/app/dist" "$OUT/lighthouse.json"
  LIGHTHOUSE="$LIGHTHOUSE_VERSION"
else
  rm -f "$OUT/lighthouse.json"
fi

step "writing BENCHMARKS.md"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT+changes"; fi
CHROMIUM_VERSION="$(chromium --version 2>/dev/null | head -n 1)"
LOAD_END="$(load)"
export COMMIT CHROMIUM_VERSION LOAD_START LOAD_END LIGHTHOUSE OUT
node --input-type=module -e '
import { readFileSync, existsSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";
const e = process.env;
const out = e.OUT;
const sh = (c) => { try { return execSync(c, { encoding: "utf8" }).trim().split("\n")[0]; } catch { return "?"; } };
const json = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null);
const native = readFileSync(`${out}/native.txt`, "utf8").match(/SCALE_TIMING rows=(\d+) runs=(\d+) bloc_table_ms=([\d.]+) rank_rows_ms=([\d.]+)/);
const results = {
  date: new Date().toISOString(),
  commit: e.COMMIT,
  machine: {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "?",
    load: `${e.LOAD_START} → ${e.LOAD_END}`,
    rustc: sh("rustc --version"),
    trunk: sh("trunk --version"),
    wasm_bindgen: sh("wasm-bindgen --version"),
    wasm_opt: sh("wasm-opt --version"),
    chromium: e.CHROMIUM_VERSION,
    node: process.version,
    lighthouse: e.LIGHTHOUSE,
  },
  size: { app: json(`${out}/size-app.json`), hello: json(`${out}/size-hello.json`) },
  native: native && { rows: +native[1], runs: +native[2], bloc_table_ms: +native[3], rank_rows_ms: +native[4] },
  browser: json(`${out}/browser.json`),
  lighthouse: json(`${out}/lighthouse.json`),
};
writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2));
'
node bench/report.mjs "$OUT/results.json"

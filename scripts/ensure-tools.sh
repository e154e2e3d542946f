#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing. Idempotent and quick when
# everything is present. Sourced by scripts/serve.sh and scripts/test.sh.
#
#   WITH_BROWSER=1  also install Chromium, chromedriver and the end-to-end node packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
# The CLI must match the `wasm-bindgen` crate pinned with `=` in Cargo.toml exactly.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml" | head -n 1)"

# The wasm splitter of scripts/build.sh (issue 14): pre-1.0, so pinned; it must read what the
# `wasm_split_helpers`/`wasm_split_macros` versions pinned in Cargo.toml write.
WASM_SPLIT_VERSION="0.2.4"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2
    return 1
  fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if ! trunk --version 2>/dev/null | grep -qF "$TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (a few minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  if [ -z "$WASM_BINDGEN_VERSION" ]; then
    echo "could not read the pinned wasm-bindgen version from Cargo.toml" >&2
    return 1
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -qF "$WASM_BINDGEN_VERSION" ||
    ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
    # `--locked` fails for this crate on a missing locked dependency; without it, it installs.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
}

ensure_wasm_split() {
  # The binary prints no version of its own: the install's record says which it is.
  if ! command -v wasm-split-cli >/dev/null ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked --force
  fi
}

ensure_node_packages() {
  # binaryen's wasm-opt (Debian's is too old for today's rustc output), playwright-core,
  # axe-core, and esbuild (minifies the scripts and styles, scripts/post-build.mjs).
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] ||
    [ ! -d "$ROOT/node_modules/axe-core" ] || [ ! -d "$ROOT/node_modules/esbuild" ] ||
    [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing node packages (wasm-opt, playwright-core, axe-core, esbuild)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

ensure_wasm_target
ensure_node_packages
ensure_trunk
ensure_wasm_bindgen
ensure_wasm_split
if [ "${WITH_BROWSER:-0}" = 1 ]; then
  ensure_chromium
fi

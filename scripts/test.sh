#!/usr/bin/env bash
# Runs every test: format and lint, native unit and property tests, browser tests
# (wasm-bindgen-test in headless Chromium) and end-to-end tests of the release build.
# Installs whatever is missing first (see scripts/ensure-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 source scripts/ensure-tools.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lint"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --quiet --target wasm32-unknown-unknown -- -D warnings

step "native tests (domain, formats, store rules)"
cargo test --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test browser

step "release build (scripts/build.sh: the split build)"
scripts/build.sh

step "end-to-end tests (playwright-core driving headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

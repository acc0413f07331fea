#!/usr/bin/env bash
# The whole test suite: format and lint, native tests, wasm tests in headless Chromium,
# the build and store packages, and end-to-end tests of the extension in Chromium and Firefox.
# Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browsers

step() { printf '\n=== %s\n' "$*"; }
export TMPDIR="$PWD/target/tmp"
mkdir -p "$TMPDIR"

step "cargo fmt --check"
cargo fmt --all -- --check
step "cargo clippy -D warnings"
cargo clippy --all-targets -- -D warnings
step "native tests"
cargo test
step "wasm tests in headless Chromium"
cargo test --target wasm32-unknown-unknown --test web
step "build"
bash scripts/build.sh
step "store packages, and web-ext lint of the Firefox one"
node scripts/package.mjs
node_modules/.bin/web-ext lint --source-dir target/package/firefox --output text
step "dependency audit: Rust crates reviewed, cargo audit when its database is reachable, no npm package shipped"
bash scripts/audit.sh
step "node tests: settings, locales and packages (unit), the extension in Chromium and Firefox (end-to-end)"
node --test --test-concurrency=1 tests/unit/ tests/e2e/
rm -rf "$TMPDIR"/chromium-profile-* "$TMPDIR"/firefox-profile-* "$TMPDIR"/.org.chromium.* 2>/dev/null || true

#!/usr/bin/env bash
# Build everything and write the store packages dist/quietread-chrome.zip and
# dist/quietread-firefox.zip, versioned from Cargo.toml. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
node scripts/package.mjs

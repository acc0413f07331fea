#!/usr/bin/env bash
# Browser benchmark (issue 5): Quietread against a plain DOM walk and Readability on every page
# of a corpus, in headless Chromium. Builds dist/ only when it is missing.
#   bash scripts/bench.sh [PAGES_DIR] [--out FILE.json] [--limit N] [--filter SUBSTR] [--reps N]
set -euo pipefail
cd "$(dirname "$0")/.."

pages=../shared/corpus/pages
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  pages=$1
  shift
fi

if [ ! -f node_modules/@mozilla/readability/Readability.js ] || [ ! -d node_modules/playwright-core ]; then
  echo "installing npm tools"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error
fi
if [ ! -f dist/extension/quietread_bg.wasm ]; then
  bash scripts/build.sh
fi

exec node bench/browser.mjs "$pages" "$@"

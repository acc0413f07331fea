#!/usr/bin/env bash
# Build everything (wasm core, dist/extension, dist/www) and serve the demo page on 127.0.0.1.
# Usage: scripts/demo.sh [PORT]   (default 8080; PORT=0 builds without serving)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-${PORT:-8080}}"
bash scripts/setup.sh
bash scripts/build.sh
if [ "$port" = 0 ]; then exit 0; fi
echo
echo "Demo page: http://127.0.0.1:$port/   (Ctrl-C stops the server)"
echo "Extension: load $(pwd)/dist/extension unpacked (chrome://extensions, Developer mode)"
exec python3 -m http.server --bind 127.0.0.1 --directory dist/www "$port"

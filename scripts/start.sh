#!/usr/bin/env bash
# `npm start`: install what is missing, build the extension, serve the demo pages made from
# seeds/ on 127.0.0.1 and open Chromium with the extension on them.
# No $DISPLAY: headless, screenshots in artifacts/demo-<seed>.png and the summary printed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-deps.sh

ensure_node_modules
ensure_browsers chromium

echo "==> npm run build"
npm run build

echo "==> demo"
exec npx tsx scripts/demo/run-demo.ts "$@"

#!/usr/bin/env bash
# The main job: builds what is missing (toolchain, wasm, the Vite-built SPA),
# then serves the SPA and its mock backend on http://127.0.0.1:${PORT:-8787}/.
# Extra arguments go to the backend (e.g. --access-ttl 10, --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh wasm
bash scripts/build-demo.sh
exec node demo-spa/server/main.js --static demo-spa/dist "$@"

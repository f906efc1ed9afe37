#!/usr/bin/env bash
# Builds the demo SPA with Vite into demo-spa/dist, importing edjwt through
# demo-spa's own dependency on this package ("edjwt": "file:.."), as an app would.
# demo-spa's npm dependencies (edjwt, and redis for its backend) are
# reinstalled only when demo-spa/package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=demo-spa/node_modules/.edjwt-lock-sha256
lock_sum=$(sha256sum demo-spa/package-lock.json | cut -d' ' -f1)
if [[ ! -L demo-spa/node_modules/edjwt || ! -f $stamp || $(cat "$stamp") != "$lock_sum" ]]; then
  echo "build-demo: npm ci (demo-spa)"
  npm ci --prefix demo-spa --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi
node_modules/.bin/vite build --config demo-spa/vite.config.js

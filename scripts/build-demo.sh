#!/usr/bin/env bash
# Builds the demo SPA with Vite into demo-spa/dist, importing edjwt through
# demo-spa's own dependency on this package ("edjwt": "file:.."), as an app would.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -L demo-spa/node_modules/edjwt ]] || npm install --prefix demo-spa --no-audit --no-fund --loglevel=error
node_modules/.bin/vite build --config demo-spa/vite.config.js

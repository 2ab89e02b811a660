#!/usr/bin/env bash
# The main job on a built-in default: build the extension, start the lab simulator (a small XCP-ng pool behind
# a real OpenSSH server), start VS Code (code-server) with the extension installed and pointed at that pool,
# and print the URL to open. Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensureSystemPackages.sh
export npm_config_yes=true
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
exec node scripts/demo.mjs "$@"

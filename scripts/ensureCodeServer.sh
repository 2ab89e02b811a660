#!/usr/bin/env bash
# Installs code-server (which embeds a full VS Code server) into an ignored cache folder, once.
# Every workaround here answers a real failure seen offline; see ../shared/design/testing.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${CODE_SERVER_VERSION:-4.100.3}
cache="$root/.cache/code-server-$version"
if [ -f "$cache/node_modules/code-server/lib/vscode/out/server-main.js" ]; then
  echo "$cache/node_modules/code-server"
  exit 0
fi
mkdir -p "$cache/tmp" "$cache/xdg-config" "$cache/xdg-data"
export TMPDIR="$cache/tmp" XDG_CONFIG_HOME="$cache/xdg-config" XDG_DATA_HOME="$cache/xdg-data"
export npm_config_unsafe_perm=true npm_config_yes=true
# code-server 4.100.x pulls @vscode/ripgrep 1.15.11 whose postinstall downloads rg from GitHub:
# pre-seed its cache with the rg binary shipped in an npm package instead.
rgcache="$TMPDIR/vscode-ripgrep-cache-1.15.11"
if [ ! -f "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" ]; then
  mkdir -p "$rgcache" "$cache/rg"
  (cd "$cache/rg" && npm pack --silent @vscode/ripgrep-linux-x64@1.18.0 >/dev/null && tar xzf vscode-ripgrep-linux-x64-*.tgz)
  rgbin=$(find "$cache/rg/package" -name rg -type f | head -n1)
  tar czf "$rgcache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$rgbin")" rg
fi
echo "installing code-server@$version into $cache (about 2 minutes, once)..." >&2
(cd "$cache" && [ -f package.json ] || echo '{"name":"code-server-cache","private":true}' > "$cache/package.json")
(cd "$cache" && npm install --no-audit --no-fund --loglevel=error "code-server@$version" >&2)
test -f "$cache/node_modules/code-server/lib/vscode/out/server-main.js"
echo "$cache/node_modules/code-server"

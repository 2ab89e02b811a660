#!/usr/bin/env bash
# The whole test suite from nothing: system packages, npm packages, typecheck, lint, build, unit,
# integration (real OpenSSH), extension host + UI smoke (code-server + Chromium), packaging, the demo.
# Ends with one plain line `N passed, N failed` summed over every tier; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensureSystemPackages.sh || exit 1
export npm_config_yes=true
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

passed=0; failed=0
logdir=$(mktemp -d)
step() { # step <name> <command...>: a check that counts as one
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!! $name failed"; fi
}
mochaTier() { # mochaTier <name> <npm script>: counts mocha's own passing/failing lines
  local name=$1 script=$2 log="$logdir/$1.log"
  echo "== $name"
  npm run --silent "$script" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$(grep -Eo '^ +[0-9]+ passing' "$log" | tail -n1 | grep -Eo '[0-9]+' || echo 0)
  f=$(grep -Eo '^ +[0-9]+ failing' "$log" | tail -n1 | grep -Eo '[0-9]+' || echo 0)
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "!! $name exited with $rc"; fi
}

step typecheck npx tsc -p . --noEmit
step lint npx eslint src test scripts
step build npm run --silent build
mochaTier unit test:unit
mochaTier integration test:integration

echo "== extension host + UI smoke"
node scripts/runE2e.mjs 2>&1 | tee "$logdir/e2e.log"
e2e=$(grep -Eo 'E2E_TOTAL \{.*\}' "$logdir/e2e.log" | tail -n1 | sed 's/E2E_TOTAL //')
if [ -n "$e2e" ]; then
  passed=$((passed + $(node -p "($e2e).passed"))); failed=$((failed + $(node -p "($e2e).failed")))
else
  failed=$((failed + 1)); echo "!! extension-host run printed no result"
fi

step package node scripts/checkPackage.mjs
# The README's demo command, run and opened like a user would.
step demo node scripts/checkDemo.mjs

rm -rf "$logdir"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

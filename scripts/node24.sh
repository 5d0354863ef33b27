#!/usr/bin/env bash
# Prints a folder whose `node` is Node.js 24 LTS: the machine's own when it is 22 or newer, else Node 24
# from the npm registry's `node` package, installed once into .cache/node24 (a few seconds, no root).
# Used by .ci/run and scripts/test-all.sh so that a machine with an older Node runs the suite on 24.
set -euo pipefail
cd "$(dirname "$0")/.."
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -ge 22 ]; then dirname "$(command -v node)"; exit 0; fi
dir="$PWD/.cache/node24"
if [ ! -x "$dir/node_modules/.bin/node" ]; then
  echo "== Node $(node --version 2>/dev/null || echo none) is older than 22: installing Node 24 from the npm registry into .cache/node24" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error node@24 >&2
fi
echo "$dir/node_modules/.bin"

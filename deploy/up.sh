#!/usr/bin/env bash
# Quick start, command 1: installs the pinned nats-server, builds the web console (Node.js
# from the distribution, or the npm registry when that one is too old) and Aftercare, and runs every
# role on this machine (embedded SQLite under ./data, a local nats-server). Ctrl-C stops it.
# Arguments go to `aftercare up` (e.g. --data-dir /var/lib/aftercare).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/install-tools.sh
export AFTERCARE_NATS_SERVER=${AFTERCARE_NATS_SERVER:-$PWD/.tools/bin/nats-server}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/target}
# The console the binary embeds, named by this checkout's path: a target directory shared
# with another checkout then rebuilds the embedding instead of reusing the other's.
export AFTERCARE_CONSOLE_DIST=$PWD/services/console/dist
# The web console first: the binary embeds services/console/dist.
./deploy/console.sh
cargo build --release -p aftercare
exec "$CARGO_TARGET_DIR/release/aftercare" up "$@"

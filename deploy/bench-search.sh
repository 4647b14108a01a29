#!/usr/bin/env bash
# Benchmarks customer search: builds the release binary, loads a synthetic customer base
# (default 100,000 customers and 300,000 machines) into a fresh intake database, starts
# `aftercare up` on it (embedded SQLite, local nats-server) and searches through the
# gateway by name prefix, phone and serial number. Extra arguments go to both
# `aftercare bench-search seed` and `query` (e.g. --customers 10000 --machines 30000).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/install-tools.sh >/dev/null
export AFTERCARE_NATS_SERVER=$PWD/.tools/bin/nats-server
# The same target directory as the two Quick start commands.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/target}
export AFTERCARE_CONSOLE_DIST=$PWD/services/console/dist
cargo build --release -p aftercare --features bench -q
bin=$CARGO_TARGET_DIR/release/aftercare
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pid=
cleanup() {
  [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/data"
"$bin" bench-search seed --database-url "sqlite://$work/data/intake.db" "$@"
export AFTERCARE_ADMIN_PASSWORD="search-bench-$(date +%s)" AFTERCARE_RATE_LIMIT=0
(cd "$work" && RUST_LOG=warn AFTERCARE_GATEWAY_ADDR=127.0.0.1:$port exec "$bin" up > "$work/up.log" 2>&1) &
pid=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/up.log"; exit 1; }
echo "intake database: $(du -h "$work/data/intake.db" | cut -f1)"
"$bin" bench-search query --gateway "http://127.0.0.1:$port" "$@"

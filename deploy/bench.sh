#!/usr/bin/env bash
# Benchmarks the skeleton flow: builds the release binary, starts `aftercare up` in a
# temporary directory (embedded SQLite, local nats-server), runs `aftercare bench`
# against it, and stops it. With --postgres the services use a throwaway PostgreSQL
# cluster instead. Extra arguments go to `aftercare bench` (e.g. --rounds 5).
set -euo pipefail
cd "$(dirname "$0")/.."
backend=sqlite
if [ "${1:-}" = "--postgres" ]; then backend=postgres; shift; fi
./deploy/install-tools.sh $([ "$backend" = postgres ] && echo --test) >/dev/null
export AFTERCARE_NATS_SERVER=$PWD/.tools/bin/nats-server
# The same target directory as the two Quick start commands.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/target}
export AFTERCARE_CONSOLE_DIST=$PWD/services/console/dist
cargo build --release -p aftercare --features bench -q
bin=$CARGO_TARGET_DIR/release/aftercare
work=$(mktemp -d)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$backend" = postgres ]; then runuser -u aftercare-test -- .tools/bin/pg_ctl -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

floor_url="sqlite://$work/data/bench-floor.db"
if [ "$backend" = postgres ]; then
  pgport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg=(); [ "$(id -u)" = 0 ] && as_pg=(runuser -u aftercare-test --) && chown aftercare-test "$work"
  "${as_pg[@]}" .tools/bin/initdb -A trust -U postgres -D "$work/pg" >/dev/null
  "${as_pg[@]}" .tools/bin/pg_ctl -D "$work/pg" -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$work/pg.log" -w start >/dev/null
  for db in intake dispatch inventory billing survey gateway benchfloor; do
    psql -q -h 127.0.0.1 -p "$pgport" -U postgres -c "create database $db" 
  done
  for s in intake dispatch inventory billing survey gateway; do
    export "AFTERCARE_${s^^}_DATABASE_URL=postgres://postgres@127.0.0.1:$pgport/$s"
  done
  floor_url="postgres://postgres@127.0.0.1:$pgport/benchfloor"
fi

# The load comes from one client: no per-client rate limit for the benchmark.
export AFTERCARE_ADMIN_PASSWORD="bench-$(date +%s)-password" AFTERCARE_RATE_LIMIT=0
(cd "$work" && RUST_LOG=warn AFTERCARE_GATEWAY_ADDR=127.0.0.1:$port exec "$bin" up > "$work/up.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/up.log"; exit 1; }
sleep 2 # settle before the idle memory reading
nats_url=$(grep -o 'nats://127.0.0.1:[0-9]*' "$work/up.log" | head -n1)
"$bin" bench --gateway "http://127.0.0.1:$port" --nats-url "$nats_url" --floor-database-url "$floor_url" "$@"

#!/usr/bin/env bash
# Benchmarks the agent's caller lookup in the browser: builds the console and the release
# binary, loads a synthetic customer base (default 100,000 customers, 300,000 machines) into
# a fresh intake database, starts `aftercare up` on it, signs in as an agent in headless
# Chromium and times Enter → customer shown for lookups by phone in several formattings.
# Results go to services/console/artifacts/lookup-bench.json.
# Environment: BENCH_CUSTOMERS (100000), BENCH_LOOKUPS (200).
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/install-tools.sh --test >/dev/null
export AFTERCARE_NATS_SERVER=$PWD/.tools/bin/nats-server
# The same target directory as the two Quick start commands.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/target}
export AFTERCARE_CONSOLE_DIST=$PWD/services/console/dist
./deploy/console.sh >/dev/null
[ -x .tools/node/bin/node ] && export PATH="$PWD/.tools/node/bin:$PATH"
cargo build --release -p aftercare --features bench -q
bin=$CARGO_TARGET_DIR/release/aftercare
customers=${BENCH_CUSTOMERS:-100000}
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
"$bin" bench-search seed --database-url "sqlite://$work/data/intake.db" \
  --customers "$customers" --machines $((customers * 3))
admin_password="console-bench-$(date +%s)"
(cd "$work" && RUST_LOG=warn AFTERCARE_ADMIN_PASSWORD=$admin_password AFTERCARE_RATE_LIMIT=0 \
  AFTERCARE_GATEWAY_ADDR=127.0.0.1:$port exec "$bin" up > "$work/up.log" 2>&1) &
pid=$!
base=http://127.0.0.1:$port
for _ in $(seq 1 300); do curl -sf "$base/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "$base/readyz" >/dev/null || { cat "$work/up.log"; exit 1; }
admin=$(curl -sf "$base/api/v1/auth/token" -H 'content-type: application/json' \
  -d "{\"login\":\"admin\",\"password\":\"$admin_password\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
agent_password="Bench-Agent-$(date +%s)!"
curl -sf "$base/api/v1/accounts" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d "{\"login\":\"bench-agent\",\"display_name\":\"bench agent\",\"role\":\"agent\",\"password\":\"$agent_password\"}" >/dev/null
echo "intake database: $(du -h "$work/data/intake.db" | cut -f1), $customers customers"
cd services/console
AFTERCARE_CONSOLE_URL=$base BENCH_CUSTOMERS=$customers BENCH_PASSWORD=$agent_password \
  npx playwright test -c playwright.bench.config.ts

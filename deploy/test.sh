#!/usr/bin/env bash
# Quick start, command 2: installs what the tests need (the pinned nats-server and
# PostgreSQL), checks formatting and lints, and runs the whole test suite: unit tests and
# the end-to-end tests against real nats-server, SQLite and PostgreSQL processes that the
# test kit starts on loopback and removes afterwards.
set -uo pipefail
cd "$(dirname "$0")/.."
./deploy/install-tools.sh --test || exit 1
export AFTERCARE_NATS_SERVER=${AFTERCARE_NATS_SERVER:-$PWD/.tools/bin/nats-server}
# Builds live outside the clone, so repeated runs (and fresh clones) reuse them.
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/target}
# The console the binary embeds, named by this checkout's path: a target directory shared
# with another checkout then rebuilds the embedding instead of reusing the other's.
export AFTERCARE_CONSOLE_DIST=$PWD/services/console/dist
export CARGO_TERM_COLOR=never
# A fresh clone gains nothing from incremental compilation, which there only costs disk.
[ -n "${CI:-}" ] && export CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-0}

status=0
# Each stage's heading says how long the run has taken so far, so a slow stage shows in the log.
stage() { echo "== $1 (at $((SECONDS / 60))m$((SECONDS % 60))s)"; }
# The web console first: the binaries the tests start embed services/console/dist.
stage "console: npm ci, build"
./deploy/console.sh || status=1
[ -x .tools/node/bin/node ] && export PATH="$PWD/.tools/node/bin:$PATH"
stage "cargo fmt --check"
cargo fmt --all -- --check || status=1
stage "cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings || status=1
stage "cargo deny: bans, licences, sources (deny.toml)"
PATH="$PWD/.tools/bin:$PATH" cargo deny check --hide-inclusion-graph bans licenses sources || status=1
# Compiling is CPU-bound; running the tests mostly waits (for the processes, servers and
# databases the Rust tests start, and for pages, polling and round trips in the browser tests),
# so once everything is built the Rust tests and the browser tests run side by side.
stage "cargo test: compile"
cargo test --workspace --no-run || status=1
# The console's unit tests (Vitest) and browser tests (Playwright with the distribution's
# Chromium against `aftercare up` from the debug binary); their counts join the total.
stage "console: vitest"
rm -f services/console/test-results/*.json
# The browser tests start a copy of the `aftercare` binary `cargo test` built (the one the
# end-to-end tests start), so a concurrent build in a shared target directory cannot swap it
# under them. A `cargo build -p aftercare` here would compile again: without the test build's
# dev-dependencies its features differ (aftercare-platform's `fault-injection`, which only
# reads AFTERCARE_FAULT).
console_bin=$(mktemp -d)/aftercare
cp "$CARGO_TARGET_DIR/debug/aftercare" "$console_bin" && export AFTERCARE_BIN=$console_bin
(cd services/console && npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json) || status=1
stage "cargo test, and beside it the browser tests in two shards"
# Screenshots show Chinese text only with a CJK font installed.
fc-list :lang=zh 2>/dev/null | grep -q . || {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null || true
}
# Each shard runs half of the spec files, in order, against a server of its own, and writes
# its own results; sharing the cores with the Rust tests, each waits up to three times as long
# as on a machine of its own (e2e/time.ts).
export AFTERCARE_E2E_TIME_FACTOR=${AFTERCARE_E2E_TIME_FACTOR:-3}
logs=$(mktemp -d)
shards=()
for k in 1 2; do
  (cd services/console && AFTERCARE_E2E_RESULTS=test-results/results-$k.json \
    AFTERCARE_E2E_OUTPUT=test-results/output-$k AFTERCARE_E2E_SERVER=test-results/.server-$k.json \
    npx playwright test --shard=$k/2 >"$logs/playwright-$k.log" 2>&1) &
  shards+=($!)
done
cargo test --workspace --no-fail-fast 2>&1 | tee "$logs/cargo.log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^passed/) s += $(i-1) } END { print s + 0 }' "$logs/cargo.log")
failed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^failed/) s += $(i-1) } END { print s + 0 }' "$logs/cargo.log")
for k in 1 2; do
  wait "${shards[$((k - 1))]}" || status=1
  stage "console: playwright, shard $k of 2"
  cat "$logs/playwright-$k.log"
done
rm -rf "$logs"
for f in services/console/test-results/vitest.json services/console/test-results/results-1.json services/console/test-results/results-2.json; do
  [ -f "$f" ] || { echo "missing $f"; status=1; continue; }
  read -r p f2 < <(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = r.stats ? [r.stats.expected + r.stats.flaky, r.stats.unexpected] : [r.numPassedTests, r.numFailedTests];
    console.log(s.join(" "));' "$f")
  passed=$((passed + p))
  failed=$((failed + f2))
done
[ "${passed:-0}" -gt 0 ] || { echo "no tests ran"; status=1; }
stage "done"
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status

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
export CARGO_TERM_COLOR=never

status=0
echo "== cargo fmt --check"
cargo fmt --all -- --check || status=1
echo "== cargo clippy -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings || status=1
echo "== cargo test"
log=$(mktemp)
cargo test --workspace --no-fail-fast 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
passed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^passed/) s += $(i-1) } END { print s + 0 }' "$log")
failed=$(awk '/^test result:/ { for (i = 1; i <= NF; i++) if ($i ~ /^failed/) s += $(i-1) } END { print s + 0 }' "$log")
rm -f "$log"
[ "${passed:-0}" -gt 0 ] || { echo "no tests ran"; status=1; }
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status

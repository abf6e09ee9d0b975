#!/usr/bin/env bash
# The tests: installs what is missing, builds, runs every test (Swift Testing) against real SQLite
# files, the real vigil binary and graphviz's dot.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
swift build --build-tests
swift test --skip-build "$@"

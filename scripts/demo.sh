#!/usr/bin/env bash
# The main job: seed the sample reports into a fresh database, answer a query, write a DOT file.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
swift build -c release
vigil=.build/release/vigil
db=${VIGIL_DB:-demo.db}
mkdir -p out
rm -f "$db" "$db-wal" "$db-shm"
$vigil init --db "$db"
$vigil ingest --db "$db" Seeds/reports
$vigil stats --db "$db"

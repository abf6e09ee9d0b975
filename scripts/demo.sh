#!/usr/bin/env bash
# The main job: seed the sample reports into a fresh database, answer a query, write a DOT file
# (and an SVG of it when graphviz is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/deps.sh
swift build -c release
vigil=.build/release/vigil
db=${VIGIL_DB:-demo.db}
query=${1:-reactions shared with imatinib via PDGFR}
mkdir -p out
rm -f "$db" "$db-wal" "$db-shm"
echo "+ vigil init" >&2
$vigil init --db "$db"
echo "+ vigil ingest Seeds/reports" >&2
$vigil ingest --db "$db" Seeds/reports
$vigil stats --db "$db"
echo "+ vigil query \"$query\"" >&2
$vigil query --db "$db" "$query"
$vigil export --db "$db" --format dot --query "$query" -o out/answer.dot
echo "wrote out/answer.dot" >&2
if command -v dot >/dev/null; then
    $vigil export --db "$db" --format svg --query "$query" -o out/answer.svg
    echo "wrote out/answer.svg" >&2
fi

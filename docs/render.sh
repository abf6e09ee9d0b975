#!/usr/bin/env bash
# Draws docs/sorafenib.svg: the seed graph around sorafenib.
#
# From the real database when the extractor finds the reports' reactions:
#     vigil init --db seed.db && vigil ingest --db seed.db Seeds/reports
#     vigil export --db seed.db --around sorafenib --depth $DEPTH --format svg -o docs/sorafenib.svg
# otherwise from the golden DOT file the export tests check (the same facts, written by the test):
#     dot -Tsvg Tests/VigilExportTests/Fixtures/sorafenib.dot -o docs/sorafenib.svg
#
# Usage: docs/render.sh [--golden]    (SCRATCH=path to use another build folder, DEPTH=1 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || { echo "docs/render.sh: needs graphviz's dot (Debian: apt-get install graphviz)" >&2; exit 1; }

golden() {
    echo "+ dot -Tsvg Tests/VigilExportTests/Fixtures/sorafenib.dot -o docs/sorafenib.svg" >&2
    dot -Tsvg Tests/VigilExportTests/Fixtures/sorafenib.dot -o docs/sorafenib.svg
}
if [ "${1:-}" = "--golden" ]; then golden; exit; fi

build=(swift build ${SCRATCH:+--scratch-path "$SCRATCH"})
"${build[@]}" >&2
vigil="$("${build[@]}" --show-bin-path)/vigil"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/seed.db"
"$vigil" init --db "$db" >&2
"$vigil" ingest --db "$db" Seeds/reports >&2
if "$vigil" export --db "$db" --format jsonl --around sorafenib | grep -q '"predicate":"causes"'; then
    echo "+ vigil export --db seed.db --around sorafenib --depth ${DEPTH:-1} --format svg -o docs/sorafenib.svg" >&2
    "$vigil" export --db "$db" --around sorafenib --depth "${DEPTH:-1}" --format svg -o docs/sorafenib.svg
else
    echo "docs/render.sh: the extractor found no reactions in Seeds/reports; drawing the golden file instead" >&2
    golden
fi

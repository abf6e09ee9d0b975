#!/usr/bin/env bash
# Extraction throughput of `vigil extract`, in MB/s of input text, excluding process start and
# vocabulary load: the same command is timed on a large input (the seed reports repeated, one
# file per copy, each a whole report) and on a one-line input, and the difference is the time
# spent extracting and writing the large input.
#
# usage: scripts/bench-extract.sh [MB (default 20)] [runs (default 3)]
# Builds release into .build-speed (set SCRATCH to change), prints the best of the runs.
# The first run of a new binary also writes its vocabulary cache (see Lexicon+Cache.swift); the
# best of several runs leaves that out. VIGIL_JOBS (default: every processor) is passed through.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-20}
RUNS=${2:-3}
SCRATCH=${SCRATCH:-.build-speed}
swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release/vigil"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/docs"
# Copies of the five reports, each its own document, until MB megabytes.
bytes=0; n=0; target=$((MB * 1000 * 1000))
reports=(Seeds/reports/[0-9]*.txt)
while [ "$bytes" -lt "$target" ]; do
  for r in "${reports[@]}"; do
    cp "$r" "$WORK/docs/$(printf '%06d' "$n")_$(basename "$r")"
    bytes=$((bytes + $(wc -c < "$r"))); n=$((n + 1))
  done
done
echo "x" > "$WORK/one.txt"
now() { date +%s.%N; }
best() { # best wall time of RUNS runs of: vigil extract --format jsonl ARGS
  local b=""
  for _ in $(seq "$RUNS"); do
    local t0 t1; t0=$(now); "$BIN" extract --format jsonl "$@" > /dev/null; t1=$(now)
    b=$(python3 -c "t=$t1-$t0; b='$b'; print(t if not b or t<float(b) else b)")
  done
  echo "$b"
}
full=$(best "$WORK/docs")
empty=$(best "$WORK/one.txt")
python3 - "$bytes" "$n" "$full" "$empty" <<'PY'
import sys
b, n, full, empty = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
ext = full - empty
print(f"input {b/1e6:.1f} MB in {n} reports; whole run {full:.2f} s, start + load {empty:.2f} s")
print(f"extraction {ext:.2f} s: {b/1e6/ext:.1f} MB/s")
PY
echo "jobs ${VIGIL_JOBS:-all $(nproc)}; load average $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# make bench: piiscan beside `zstd -dc` and ripgrep on one fixed-seed log corpus, in one run.
# Prints MB/s (decompressed bytes / best-of-N wall time) and ratios. Not a test: numbers vary
# with machine load; the script reports the load it saw.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${BENCH_MB:-256}
RUNS=${BENCH_RUNS:-3}
DIR=bench-data
BIN=.build/release/piiscan
mkdir -p "$DIR"
LOG="$DIR/bench-$MB.log"
[ -f "$LOG" ] || python3 scripts/gen_bench.py "$LOG" "$MB"
[ -f "$LOG.zst" ] || zstd -q -3 -T0 -f "$LOG" -o "$LOG.zst"
BYTES=$(stat -c %s "$LOG")
cat "$LOG" "$LOG.zst" > /dev/null   # warm the page cache

best() {  # best wall time in seconds of RUNS runs of "$@"
  local best=""
  for _ in $(seq "$RUNS"); do
    local s e t
    s=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
mbps() { echo "scale=1; $BYTES / 1000000 / $1" | bc -l; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus:  $LOG ($((BYTES / 1000000)) MB, $(wc -l < "$LOG") lines; .zst $(($(stat -c %s "$LOG.zst") / 1000000)) MB)"
echo "best of $RUNS runs; MB/s of decompressed bytes"
echo

T_ZSTD=$(best zstd -q -dc "$LOG.zst")
T_RG1=$(best rg -j1 --no-unicode --count-matches -f scripts/bench-rg-patterns.txt "$LOG")
T_S1=$(best "$BIN" scan "$LOG" --threads 1 --quiet --findings /dev/null --exit-zero)
T_SN=$(best "$BIN" scan "$LOG" --quiet --findings /dev/null --exit-zero)
T_Z1=$(best "$BIN" scan "$LOG.zst" --threads 1 --quiet --findings /dev/null --exit-zero)
T_ZN=$(best "$BIN" scan "$LOG.zst" --quiet --findings /dev/null --exit-zero)
T_RP=$(best "$BIN" redact "$LOG" -o "$DIR/redacted.log" --quiet --exit-zero)
T_RZ=$(best "$BIN" redact "$LOG.zst" -o "$DIR/redacted.log.zst" --quiet --exit-zero)
rm -f "$DIR/redacted.log" "$DIR/redacted.log.zst"
RSS=$("$BIN" scan "$LOG.zst" --quiet --findings /dev/null --exit-zero --summary-json - | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["peak_rss_bytes"]//(1<<20), "MiB peak RSS,", d["findings"], "findings")')

row() { printf "%-44s %8s MB/s  %6s x zstd -dc  %6s x rg\n" "$1" "$(mbps "$2")" "$(echo "scale=2; $T_ZSTD / $2" | bc -l)" "$(echo "scale=2; $T_RG1 / $2" | bc -l)"; }
row "zstd -dc > /dev/null" "$T_ZSTD"
row "rg -j1 --count-matches (16 patterns, union)" "$T_RG1"
row "piiscan scan plain, 1 thread" "$T_S1"
row "piiscan scan plain, $(nproc) threads (default)" "$T_SN"
row "piiscan scan .zst, 1 thread" "$T_Z1"
row "piiscan scan .zst, $(nproc) threads (default)" "$T_ZN"
row "piiscan redact plain -> plain (default)" "$T_RP"
row "piiscan redact .zst -> .zst (default)" "$T_RZ"
echo
printf "redact/scan time ratio, same input, default threads: plain %s, .zst %s (1.00 = redaction costs nothing extra)\n" \
  "$(echo "scale=2; $T_RP / $T_SN" | bc -l)" "$(echo "scale=2; $T_RZ / $T_ZN" | bc -l)"
echo "piiscan .zst default threads: $RSS"

# JSON Lines: the corpus's JSON lines as a .jsonl file. Each value is scanned as its own
# segment (text is scanned a chunk at a time), so this row shows the cost per value.
JSONL="$DIR/bench-$MB.jsonl"
[ -f "$JSONL" ] || grep '^{' "$LOG" > "$JSONL"
JBYTES=$(stat -c %s "$JSONL")
T_J1=$(best "$BIN" scan "$JSONL" --threads 1 --quiet --findings /dev/null --exit-zero)
T_JN=$(best "$BIN" scan "$JSONL" --quiet --findings /dev/null --exit-zero)
echo
echo "JSON Lines: $JSONL ($((JBYTES / 1000000)) MB, $(wc -l < "$JSONL") records)"
jrow() { printf "%-44s %8s MB/s\n" "$1" "$(echo "scale=1; $JBYTES / 1000000 / $2" | bc -l)"; }
jrow "piiscan scan .jsonl, 1 thread" "$T_J1"
jrow "piiscan scan .jsonl, $(nproc) threads (default)" "$T_JN"
if [ -n "${BENCH_EXTRA:-}" ]; then source "$BENCH_EXTRA"; fi

#!/bin/sh
# Load test of `actorgraph serve` on loopback (issue 19): 10,000 requests at
# 32 concurrent keep-alive clients while 8 slow clients hold connections
# (half trickle a request head, half a body they never finish). Prints the
# Markdown table of BENCHMARKS.md and the server's peak memory.
#
#   benches/load.sh            # a 10k-article store (built once under $BENCH_DIR)
#   benches/load.sh 1000       # a smaller store
#
# Bounded: every request has a 60 s client timeout, the server is stopped
# at the end (and on interruption), and nothing listens beyond 127.0.0.1.
set -eu
cd "$(dirname "$0")/.."
N=${1:-10000}
nice cargo build --release --bins
B=${BIN:-target/release}
D=${BENCH_DIR:-target/bench}
mkdir -p "$D"
rm -rf "$D/ontology" && cp -r ontology "$D/ontology"
O="--ontology $D/ontology"
# A store of either backend (RocksDB by default, or `nquads:`) built before.
if [ -z "$(ls -A "$D/load$N" 2>/dev/null)" ]; then
    [ -s "$D/c$N-s3.jsonl" ] || $B/actorgraph-corpus $O --docs "$N" --seed 3 -o "$D/c$N-s3.jsonl"
    rm -rf "$D/load$N"
    /usr/bin/time -f "build: max RSS %M KiB, wall %e s" \
        $B/actorgraph $O build "$D/c$N-s3.jsonl" --store "$D/load$N" --no-exports >/dev/null
fi
FIFO="$D/serve.out"
rm -f "$FIFO"
$B/actorgraph $O serve --store "$D/load$N" --bind 127.0.0.1:0 >"$FIFO" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT INT TERM
i=0
until grep -q "listening on" "$FIFO" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 600 ] || { echo "serve did not start" >&2; exit 1; }
    sleep 0.5
done
ADDR=$(sed -n 's#^listening on http://\(.*\)/sparql#\1#p' "$FIFO")
echo "## serve on a $N-article store ($(du -sh "$D/load$N" | cut -f1) on disk), load average $(cut -d' ' -f1-3 /proc/loadavg)"
$B/actorgraph-load --addr "$ADDR" --requests 10000 --concurrency 32 --slow 8
echo "serve peak memory: $(grep VmHWM /proc/$PID/status | tr -s ' ' | cut -d' ' -f2-)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

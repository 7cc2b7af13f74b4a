#!/bin/sh
# Reproduces the figures of BENCHMARKS.md on this machine. Corpora, stores
# and exports go under $BENCH_DIR (default target/bench, never committed);
# the 100k corpus is about 1.1 GB: check `df -h` first, and
# `rm -r target/bench` afterwards.
#
#   benches/run.sh            # 1k and 10k
#   benches/run.sh 100000     # also 100k
set -eu
cd "$(dirname "$0")/.."
nice cargo build --release --bins
B=target/release
D=${BENCH_DIR:-target/bench}
mkdir -p "$D"
SIZES="1000 10000 ${1:-}"
for n in $SIZES; do
    [ -f "$D/c$n.jsonl" ] || $B/actorgraph-corpus --docs "$n" --seed 1 -o "$D/c$n.jsonl"
done

echo "## stages, one thread"
$B/actorgraph-bench stages "$D/c1000.jsonl"
$B/actorgraph-bench stages "$D/c10000.jsonl"

echo "## parallel extraction against the floor"
for n in $SIZES; do
    $B/actorgraph-bench extract "$D/c$n.jsonl"
done

echo "## whole builds (fresh store, all exports)"
for n in $SIZES; do
    rm -rf "$D/store$n" "$D/exports$n"
    /usr/bin/time -f "max RSS %M KiB, wall %e s, user %U s, sys %S s" \
        $B/actorgraph-bench build "$D/c$n.jsonl" --store "$D/store$n" --exports "$D/exports$n"
done

echo "## the command users run (10k)"
rm -rf "$D/store-cli" "$D/exports-cli"
/usr/bin/time -f "max RSS %M KiB, wall %e s, user %U s, sys %S s" \
    $B/actorgraph build "$D/c10000.jsonl" --store "$D/store-cli" --exports "$D/exports-cli"

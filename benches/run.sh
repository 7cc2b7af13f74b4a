#!/bin/sh
# Reproduces the figures of BENCHMARKS.md on this machine. Corpora, stores
# and exports go under $BENCH_DIR (default target/bench, never committed);
# the 100k corpus is about 1.1 GB: check `df -h` first, and
# `rm -r target/bench` afterwards.
#
#   benches/run.sh            # 1k and 10k
#   benches/run.sh 100000     # also extraction at 100k (the default store
#                             # backend cannot hold 100k articles in 1 GiB;
#                             # see BENCHMARKS.md for the RocksDB run)
set -eu
cd "$(dirname "$0")/.."
nice cargo build --release --bins
B=${BIN:-target/release}
D=${BENCH_DIR:-target/bench}
# One copy of the ontology for every run, so the lexicon cannot change midway.
mkdir -p "$D"
rm -rf "$D/ontology" && cp -r ontology "$D/ontology"
O="--ontology $D/ontology"
SIZES="1000 10000 ${1:-}"
for n in $SIZES; do
    $B/actorgraph-corpus $O --docs "$n" --seed 1 -o "$D/c$n.jsonl"
done
TIME='max RSS %M KiB, wall %e s, user %U s, sys %S s'

echo "## stages, one thread (1k)"
$B/actorgraph-bench $O stages "$D/c1000.jsonl"

echo "## storing alone (1k)"
$B/actorgraph-bench $O store "$D/c1000.jsonl"

echo "## parallel extraction against the floor"
for n in $SIZES; do
    /usr/bin/time -f "$TIME" $B/actorgraph-bench $O extract "$D/c$n.jsonl"
done

echo "## whole builds (fresh store, all exports)"
for n in 1000 10000; do
    rm -rf "$D/store$n" "$D/exports$n"
    /usr/bin/time -f "$TIME" $B/actorgraph-bench $O build "$D/c$n.jsonl" \
        --store "$D/store$n" --exports "$D/exports$n"
done

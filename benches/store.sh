#!/bin/sh
# Issue 14's table: what a user runs on a generated corpus, with the
# release build, each command timed by /usr/bin/time (wall, peak RSS) and
# the load average printed before each step (the machine is shared).
#
#   benches/store.sh                 # 1k and 10k articles
#   benches/store.sh 1000 10000 100000
#
# Corpora, stores and exports go under $BENCH_DIR (default target/bench,
# never committed); the 100k corpus is 1.1 GB and its store several GB:
# check `df -h` first. The corpus is `actorgraph-corpus --docs N --seed 3`,
# as in the issue. Every store is built fresh (RocksDB, the default).
#
# BIN=DIR uses the binaries in DIR (no build) and ONTOLOGY=DIR that ontology
# folder: a snapshot, so that work on the tree does not change what runs.
set -eu
cd "$(dirname "$0")/.."
[ -n "${BIN:-}" ] || nice cargo build --release --bins
B=${BIN:-target/release}
D=${BENCH_DIR:-target/bench}
mkdir -p "$D"
rm -rf "$D/ontology" && cp -r "${ONTOLOGY:-ontology}" "$D/ontology"
O="--ontology $D/ontology"
SIZES=${*:-1000 10000}
TIME='%e s wall, %M KiB peak RSS, %U s user, %S s sys'
load() { printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"; }
step() { # name, then the command
    name=$1; shift
    load
    printf '%s: ' "$name"
    /usr/bin/time -f "$TIME" "$@" >"$D/out.txt" 2>"$D/err.txt" || { cat "$D/err.txt"; exit 1; }
    tail -n 1 "$D/err.txt"
}
for n in $SIZES; do
    c="$D/s$n.jsonl"
    [ -f "$c" ] || $B/actorgraph-corpus $O --docs "$n" --seed 3 -o "$c"
    echo "## $n articles ($(du -h "$c" | cut -f1))"
    rm -rf "$D/store-$n" "$D/exports-$n"
    step "build (store + GraphML, GEXF, Turtle, CSV)" \
        $B/actorgraph $O build "$c" --store "$D/store-$n" --exports "$D/exports-$n"
    echo "store on disk: $(du -sh "$D/store-$n" | cut -f1)"
    step "query COUNT ag:supports (cold)" \
        $B/actorgraph $O query --store "$D/store-$n" \
        'SELECT (COUNT(*) AS ?n) WHERE { ?a ag:supports ?b }'
    cat "$D/out.txt"
    step "neighbors JNIM" $B/actorgraph $O neighbors JNIM --store "$D/store-$n"
    step "path Turkey JNIM" $B/actorgraph $O path Turkey JNIM --store "$D/store-$n"
    step "rank" $B/actorgraph $O rank --store "$D/store-$n"
    step "export gexf" $B/actorgraph $O export --format gexf --store "$D/store-$n" -o "$D/g-$n.gexf"
    step "export turtle" $B/actorgraph $O export --format turtle --store "$D/store-$n" -o "$D/g-$n.ttl"
    step "extract --json ($(du -h "$c" | cut -f1), generated)" $B/actorgraph $O extract --json "$c"
    load
done
# Real news text: the seed articles' paragraphs, 450 rotations of the five
# articles (~30 MB), each file a different order of paragraphs.
if [ ! -d "$D/news" ]; then
    mkdir -p "$D/news"
    i=0
    while [ $i -lt 450 ]; do
        for f in seeds/*.txt; do
            awk -v r=$i 'BEGIN{RS="";ORS="\n\n"} {p[NR]=$0} END{for(k=0;k<NR;k++) print p[(k+r)%NR+1]}' "$f" \
                >"$D/news/$(basename "$f" .txt)-$i.txt"
        done
        i=$((i+1))
    done
fi
echo "## real news text ($(du -sh "$D/news" | cut -f1), $(ls "$D/news" | wc -l) files)"
step "extract --json (real text, every core)" $B/actorgraph $O extract --json "$D/news"
$B/actorgraph-bench $O extract "$D/news"
load

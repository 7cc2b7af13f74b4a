#!/bin/bash
# docs/scale.md's table: a generated corpus into a private Virtuoso, by
# Graph Store PUT (`build --store http://…`) and by Virtuoso's bulk loader
# (`extract --nquads --shard I/2`, `ld_dir`, `rdf_loader_run`), each step
# timed (wall, client peak RSS), with Virtuoso's peak RSS (VmHWM) and CPU
# and the load average (the machine is shared).
#
#   benches/remote.sh            # 10k articles
#   benches/remote.sh 1000
#
# Needs virtuoso-opensource (Debian). Everything goes under $BENCH_DIR
# (default target/bench/remote); the instances listen on 127.0.0.1 only and
# are stopped at the end.
set -eu
cd "$(dirname "$0")/.."
[ -n "${BIN:-}" ] || nice cargo build --release --bins
B=${BIN:-target/release}
N=${1:-10000}
D=${BENCH_DIR:-target/bench/remote}
rm -rf "$D" && mkdir -p "$D"
D=$(cd "$D" && pwd)
O="--ontology $PWD/ontology"
C=$D/c$N.jsonl
"$B/actorgraph-corpus" --docs "$N" --seed 3 --out "$C"
load() { printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
virtuoso() { # folder; prints "http-port sql-port"
    local dir=$1 http sql
    http=$(port); sql=$(port)
    mkdir -p "$dir"
    sed -e "s#/var/lib/virtuoso-opensource-7/db/#$dir/#g" \
        -e "s#^ServerPort *= *1111#ServerPort = 127.0.0.1:$sql#" \
        -e "s#^ServerPort *= *8890#ServerPort = 127.0.0.1:$http#" \
        -e "s#^NumberOfBuffers *= *10000#NumberOfBuffers = 340000#" \
        -e "s#^MaxDirtyBuffers *= *6000#MaxDirtyBuffers = 250000#" \
        -e "s#^DirsAllowed *=.*#DirsAllowed = ., /usr/share/virtuoso-opensource-7/vad, $D#" \
        /etc/virtuoso-opensource-7/virtuoso.ini > "$dir/virtuoso.ini"
    (cd "$dir" && virtuoso-t +configfile "$dir/virtuoso.ini" +wait)
    echo "$http $sql"
}
server() { # folder: Virtuoso's peak RSS and CPU
    local pid; pid=$(tr -dc 0-9 < "$1/virtuoso.lck")
    printf 'virtuoso: %s, cpu %s s\n' "$(grep VmHWM /proc/$pid/status | tr -s ' \t' ' ')" \
        "$(awk '{print ($14+$15)/100}' /proc/$pid/stat)"
}
TIME='%e s wall, %M KiB peak RSS, %U s user'

echo "== Graph Store PUT"
read -r HTTP SQL < <(virtuoso "$D/put")
PIDS+=("$(tr -dc 0-9 < "$D/put/virtuoso.lck")")
isql-vt "$SQL" dba dba exec='GRANT SPARQL_UPDATE TO "SPARQL";' >/dev/null
U=http://127.0.0.1:$HTTP/sparql
load; /usr/bin/time -f "build: $TIME" "$B/actorgraph" $O --store "$U" build "$C" --no-exports
server "$D/put"
load; /usr/bin/time -f "build again: $TIME" "$B/actorgraph" $O --store "$U" build "$C" --no-exports | tail -1
load; /usr/bin/time -f "query: $TIME" "$B/actorgraph" --store "$U" query 'SELECT (COUNT(*) AS ?n) WHERE { ?a ag:supports ?b }'
load; /usr/bin/time -f "export graphml: $TIME" "$B/actorgraph" $O --store "$U" export --format graphml -o "$D/g.graphml"
server "$D/put"; du -sh "$D/put"

echo "== bulk loader"
mkdir -p "$D/nq"
load
for i in 0 1; do
    /usr/bin/time -f "extract shard $i/2: $TIME" "$B/actorgraph" $O extract "$C" --nquads --shard "$i/2" > "$D/nq/shard-$i.nq" &
done
wait
read -r HTTP SQL < <(virtuoso "$D/bulk")
PIDS+=("$(tr -dc 0-9 < "$D/bulk/virtuoso.lck")")
load; s=$(date +%s.%N)
isql-vt "$SQL" dba dba exec="ld_dir('$D/nq', '*.nq', 'https://w3id.org/actorgraph/graph/unused');" >/dev/null
# One loader: two at once deadlocked on one file here (see docs/scale.md).
isql-vt "$SQL" dba dba exec="rdf_loader_run();" >/dev/null
isql-vt "$SQL" dba dba exec="checkpoint;" >/dev/null
printf 'bulk load + checkpoint: %s s\n' "$(echo "$(date +%s.%N) - $s" | bc)"
isql-vt "$SQL" dba dba exec="select ll_file, ll_error from DB.DBA.LOAD_LIST;" | grep nq || true
server "$D/bulk"; du -sh "$D/bulk"
curl -s "http://127.0.0.1:$HTTP/sparql" -H 'Accept: text/csv' --data-urlencode \
  'query=SELECT (COUNT(*) AS ?quads) WHERE { GRAPH ?g { ?s ?p ?o } FILTER (STRSTARTS(STR(?g), "https://w3id.org/actorgraph/")) }'

#!/bin/sh
# The explorer at 10k articles (BENCHMARKS.md, "The explorer at 10k
# articles"): a generated corpus with thousands of actors, built into the
# default store, served, and loaded N times in headless Chromium by
# tests/explorer/explorer.test.cjs --bench (navigation -> drawn, clicks on
# actors right after the page is ready and after the layout, a filter,
# every link shown, long tasks and a 50 ms timer's lateness).
#
#   benches/explorer.sh            # 10k articles, 3000 local actors, 5 loads
#   DOCS=1000 ACTORS=500 LOADS=3 benches/explorer.sh
#
# Needs Debian's chromium and `npm ci --prefix tests/explorer` (tests/run.sh
# does both). The corpus (113 MB) and the store (~3 GB) go under $BENCH_DIR
# (default target/bench, never committed): check `df -h` first. BIN=DIR
# uses the binaries in DIR (no build). The load average is printed before
# each step: the machine may be shared.
set -eu
cd "$(dirname "$0")/.."
[ -n "${BIN:-}" ] || nice cargo build --release --bins
B=${BIN:-target/release}
D=${BENCH_DIR:-target/bench}
DOCS=${DOCS:-10000}
ACTORS=${ACTORS:-3000}
LOADS=${LOADS:-5}
PORT=${PORT:-7992}
mkdir -p "$D"
TIME='%e s wall, %M KiB peak RSS'
load() { printf 'load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"; }
c="$D/explorer-$DOCS-a$ACTORS.jsonl"
s="$D/explorer-store-$DOCS-a$ACTORS"
[ -f "$c" ] || $B/actorgraph-corpus --docs "$DOCS" --seed 3 --actors "$ACTORS" -o "$c"
echo "## $DOCS articles, --actors $ACTORS ($(du -hL "$c" | cut -f1)), commit $(git rev-parse --short HEAD)"
if [ ! -d "$s" ]; then
    load
    /usr/bin/time -f "build: $TIME" $B/actorgraph build "$c" --store "$s" --no-exports 2>&1 | tail -n 8
fi
echo "store on disk: $(du -shL "$s" | cut -f1)"
load
start=$(date +%s.%N)
rm -f "$D/serve.out"
$B/actorgraph --store "$s" serve --bind "127.0.0.1:$PORT" >"$D/serve.out" 2>"$D/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until grep -q listening "$D/serve.out" 2>/dev/null; do sleep 0.2; kill -0 $pid 2>/dev/null || { cat "$D/serve.err"; exit 1; }; done
echo "serve start-up (until it listens): $(echo "$(date +%s.%N) - $start" | bc) s"
start=$(date +%s.%N)
curl -sf -o "$D/graph.json" "http://127.0.0.1:$PORT/api/graph"
echo "/api/graph: $(stat -c %s "$D/graph.json") bytes in $(echo "$(date +%s.%N) - $start" | bc) s"
load
node tests/explorer/explorer.test.cjs --served "http://127.0.0.1:$PORT/" --bench "$LOADS" > "$D/explorer-bench.json"
node -e '
const runs = require(process.argv[1]);
const med = (f) => { const v = runs.map(f).sort((a, b) => a - b); return `${v[v.length >> 1].toFixed(0)} (${v[0].toFixed(0)}–${v[v.length - 1].toFixed(0)})`; };
const c = runs[0];
console.log(`graph: ${c.counts.order} actors and ${c.counts.size} links in all; at opening ${c.counts.nodes} actors, ${c.counts.links} links; minimum weight 2: ${c.minWeight2.counts.nodes} actors, ${c.minWeight2.counts.links} links; 1: ${c.minWeight1.counts.nodes} actors, ${c.minWeight1.counts.links} links`);
console.log("median (min–max) over", runs.length, "loads, ms:");
for (const [name, f] of [
  ["navigation -> drawn (readyAt)", (r) => r.readyAt],
  ["network fetched and parsed", (r) => r.data],
  ["script start -> drawn", (r) => r.firstRender],
  ["click on an actor at ready -> panel changed", (r) => r.clickAtReady.changedMs],
  ["click on an actor at ready -> panel painted (frame)", (r) => r.clickAtReady.frameMs],
  ["click on an actor at ready -> graph redrawn", (r) => r.clickAtReady.paintedMs],
  ["layout in its worker", (r) => r.layoutMs],
  ["longest a task kept the main thread after ready (to layout end + 1 s)", (r) => r.blockedAfterReadyMs],
  ["long tasks, ready -> layout end + 1 s", (r) => r.longTasks],
  ["50 ms timer, worst lateness", (r) => r.maxTimerLagMs],
  ["click on an actor after layout -> panel painted (frame)", (r) => r.clickAfterLayout.frameMs],
  ["click on an actor after layout -> graph redrawn", (r) => r.clickAfterLayout.paintedMs],
  ["untick hedged -> frame", (r) => r.filter.frameMs],
  ["untick hedged -> graph redrawn", (r) => r.filter.paintedMs],
  ["tick hedged again -> graph redrawn", (r) => r.filterBack.paintedMs],
  ["minimum weight 2 -> graph redrawn", (r) => r.minWeight2.paintedMs],
  ["click on an actor, minimum weight 2 -> panel painted (frame)", (r) => r.minWeight2.click.frameMs],
  ["click on an actor, minimum weight 2 -> graph redrawn", (r) => r.minWeight2.click.paintedMs],
  ["minimum weight 1 -> graph redrawn", (r) => r.minWeight1.paintedMs],
  ["click on an actor, every link -> panel painted (frame)", (r) => r.minWeight1.click.frameMs],
  ["click on an actor, every link -> graph redrawn", (r) => r.minWeight1.click.paintedMs],
  ["search JNIM", (r) => r.searchMs],
  ["heaviest link evidence from /api/edge", (r) => r.heaviestEdge.ms],
]) console.log(`  ${name}: ${med(f)}`);
console.log("clicks that picked the actor aimed at:", runs.map((r) => [r.clickAtReady, r.clickAfterLayout, r.minWeight2.click, r.minWeight1.click].filter((c) => c.hit).length + "/4").join(" "));
console.log("page errors:", runs.map((r) => r.errors).filter(Boolean).length);
' "$(realpath "$D/explorer-bench.json")"
echo "serve: peak RSS $(grep VmHWM /proc/$pid/status | tr -s ' ' | cut -d' ' -f2-)"
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT

#!/usr/bin/env bash
# Refreshes the vendored browser libraries of the explorer from npm: the
# exact versions pinned below, their official minified builds where they
# ship one (sigma, graphology) and an esbuild bundle where they do not
# (graphology-layout-forceatlas2, whose web-worker supervisor builds its
# worker from a Blob, so the bundle also works from file://). Licences are
# copied beside the builds and the versions written to VERSIONS.
#
#   bash assets/vendor/refresh.sh      # then review `git diff assets/vendor`
#
# Bump a version here, run the script, rebuild (the files are compiled into
# the binary with include_str!) and run the explorer tests.
set -euo pipefail
cd "$(dirname "$0")"

SIGMA=3.0.2
GRAPHOLOGY=0.26.0
FA2=0.10.1
ESBUILD=0.28.2

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/package.json" <<JSON
{ "name": "actorgraph-vendor", "private": true,
  "dependencies": {
    "sigma": "$SIGMA",
    "graphology": "$GRAPHOLOGY",
    "graphology-layout-forceatlas2": "$FA2",
    "esbuild": "$ESBUILD"
  } }
JSON
npm install --prefix "$work" --no-audit --no-fund --loglevel=error --save-exact >/dev/null
m="$work/node_modules"

cp "$m/sigma/dist/sigma.min.js" sigma.min.js
cp "$m/graphology/dist/graphology.umd.min.js" graphology.umd.min.js
cat > "$work/fa2-entry.js" <<'JS'
// Exposes the ForceAtlas2 web-worker supervisor and the synchronous layout.
globalThis.FA2Layout = require("graphology-layout-forceatlas2/worker");
globalThis.forceAtlas2 = require("graphology-layout-forceatlas2");
JS
"$m/.bin/esbuild" "$work/fa2-entry.js" --bundle --minify --format=iife \
  --target=es2017 --legal-comments=none --outfile=graphology-layout-forceatlas2.min.js --log-level=warning

mkdir -p licenses
cp "$m/sigma/LICENSE.txt" licenses/sigma.LICENSE.txt
cp "$m/graphology/LICENSE.txt" licenses/graphology.LICENSE.txt
cp "$m/graphology-layout-forceatlas2/LICENSE.txt" licenses/graphology-layout-forceatlas2.LICENSE.txt
# Bundled into sigma's and ForceAtlas2's builds:
cp "$m/graphology-utils/LICENSE.txt" licenses/graphology-utils.LICENSE.txt
cp "$m/events/LICENSE" licenses/events.LICENSE.txt

version() { node -p "require('$m/$1/package.json').version"; }
{
  echo "# Vendored by assets/vendor/refresh.sh from the npm registry; do not edit by hand."
  echo "sigma $(version sigma) dist/sigma.min.js MIT"
  echo "graphology $(version graphology) dist/graphology.umd.min.js MIT"
  echo "graphology-layout-forceatlas2 $(version graphology-layout-forceatlas2) worker.js + index.js, bundled by esbuild $ESBUILD MIT"
  echo "graphology-utils $(version graphology-utils) bundled into sigma.min.js and graphology-layout-forceatlas2.min.js MIT"
  echo "events $(version events) bundled into sigma.min.js MIT"
  echo
  echo "# sha256"
  sha256sum sigma.min.js graphology.umd.min.js graphology-layout-forceatlas2.min.js
} > VERSIONS
echo "vendored: $(grep -v '^#' VERSIONS | grep -v '^$' | head -4 | cut -d' ' -f1,2 | tr '\n' ';')"

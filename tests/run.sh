#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need
# (Debian packages, the Python and Node readers that check our outputs),
# then runs every test once. Both store backends (RocksDB, the default, and
# the N-Quads file) are in every build and chosen at run time, so the one
# pass covers both; RocksDB's C++ compiles once, in the dev profile (~15 min
# on two cores the first time).
#
#   bash tests/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if (($#)); then
  echo "usage: tests/run.sh" >&2
  exit 2
fi

say() { printf '\n== %s\n' "$*"; }

# Debian packages: libclang-dev (RocksDB's bindgen; scripts/setup installs
# it for `build` alone), jing (GEXF RELAX NG
# validation), curl (endpoint tests), a JRE for jing, python3-venv,
# chromium and a font with Arabic glyphs (the explorer tests drive the page
# in headless Chromium), Node.js and npm when the machine has none,
# hunspell-ar (the Arabic word list that spelling variants must never match,
# tests/recognition_sets.rs), virtuoso-opensource (tests/remote.rs starts
# private Virtuoso instances on 127.0.0.1 for the remote store; those tests
# fail without it unless ACTORGRAPH_NO_VIRTUOSO=1).
pkgs=(libclang-dev jing default-jre-headless curl python3-venv chromium fonts-dejavu-core hunspell-ar virtuoso-opensource)
command -v node >/dev/null 2>&1 || pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || pkgs+=(npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

say "Python readers (.venv)"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
export ACTORGRAPH_PYTHON="$PWD/.venv/bin/python"

if [ -f tests/readers/package.json ]; then
  say "Node readers (tests/readers)"
  if [ -f tests/readers/package-lock.json ]; then
    npm ci --prefix tests/readers --no-audit --no-fund --loglevel=error
  else
    npm install --prefix tests/readers --no-audit --no-fund --loglevel=error
  fi
fi

# The explorer tests' browser driver: puppeteer-core only, driving Debian's
# chromium; never a browser download.
say "Browser driver (tests/explorer)"
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/explorer --no-audit --no-fund --loglevel=error

say "cargo test (both store backends)"
cargo test --locked

#!/usr/bin/env bash
# The whole test suite, on a fresh machine: installs what the tests need
# (Debian packages, the Python and Node readers that check our outputs),
# then runs every test with the default in-memory store and again with the
# RocksDB store (`--features rocksdb`).
#
#   bash tests/run.sh            # everything
#   bash tests/run.sh --no-rocksdb   # skip the RocksDB pass (saves ~15 min on a cold build)
set -euo pipefail
cd "$(dirname "$0")/.."

rocksdb=1
for arg in "$@"; do
  case "$arg" in
    --no-rocksdb) rocksdb=0 ;;
    *) echo "usage: tests/run.sh [--no-rocksdb]" >&2; exit 2 ;;
  esac
done

say() { printf '\n== %s\n' "$*"; }

# Debian packages: libclang-dev (RocksDB's bindgen), jing (GEXF RELAX NG
# validation), curl (endpoint tests), a JRE for jing, python3-venv,
# chromium and a font with Arabic glyphs (the explorer tests drive the page
# in headless Chromium), Node.js and npm when the machine has none,
# hunspell-ar (the Arabic word list that spelling variants must never match,
# tests/recognition_sets.rs).
pkgs=(libclang-dev jing default-jre-headless curl python3-venv chromium fonts-dejavu-core hunspell-ar)
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

say "cargo test (in-memory store)"
cargo test --locked

if ((rocksdb)); then
  say "cargo test --features rocksdb (RocksDB store)"
  cargo test --locked --features rocksdb
fi

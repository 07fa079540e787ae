#!/usr/bin/env bash
# Every performance figure in one run (docs/performance.md explains each and the budgets):
#   1 payload      the release widget's files: raw, gzip -9, brotli (scripts/payload.sh)
#   2 native       engine throughput, native (examples/bench_engine.rs), 10 KB … 10 MB, nl + en
#   3 wasm         engine throughput as wasm in Node (bench/engine-node.mjs): the analysis alone
#                  (a build with two bench exports), then extract() of the shipped module (the
#                  claims as JS objects); linearity, and peak memory (wasm linear memory, RSS) on
#                  the largest input
#   4 alternatives compromise and Recognizers-Text (npm) on the same texts, and our speed as a
#                  ratio to theirs (bench/alternatives.mjs)
#   5 chromium     loader start → highlights painted, longest task, layout shift, on the demo
#                  and a 20,000-word page (bench/browser.mjs)
#   6 pages        with CLAIMLENS_PAGES=DIR only: the article found without data-root on saved
#                  real pages (bench/pages.mjs; the corpus stays outside the tree)
#
#   scripts/bench.sh              build dist/ (scripts/web-env.sh trunk build --release), then measure
#   DIST=/tmp/d scripts/bench.sh  build into / measure another directory
#   NO_BUILD=1 scripts/bench.sh   measure the existing $DIST as it is
# The texts are the deterministic ones of examples/bench_engine.rs (`--dump`), in $BENCH_TEXTS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/www/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export DIST="${DIST:-$ROOT/dist}"
TEXTS="${BENCH_TEXTS:-${TMPDIR:-/tmp}/claimlens-bench-texts}"
[ -d www/node_modules/compromise ] && [ -d www/node_modules/@microsoft/recognizers-text-number ] ||
    (cd www && npm install --no-audit --no-fund)

echo "claimlens bench — $(date -u '+%Y-%m-%d %H:%M UTC') — $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo); rustc $(rustc --version | cut -d' ' -f2) (widget: $(scripts/web-env.sh rustc --version | cut -d' ' -f2-)), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
if git rev-parse --git-dir >/dev/null 2>&1; then
    echo "git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock www/claimlens.js www/minify.mjs scripts/web-env.sh index.html Trunk.toml || echo ' (with uncommitted changes)')"
fi

echo
echo "== 1 payload"
if [ -z "${NO_BUILD:-}" ]; then
    scripts/web-env.sh trunk build --release --dist "$DIST" >/dev/null 2>&1 || { echo "bench: trunk build failed" >&2; exit 1; }
fi
scripts/payload.sh

echo
echo "== 2 engine, native (cargo run --release --example bench_engine)"
mkdir -p "$TEXTS"
cargo run --quiet --release --example bench_engine -- --dump "$TEXTS"
cargo run --quiet --release --example bench_engine | tee "$TEXTS/native.txt"

echo
echo "== 3 engine, wasm in Node: the analysis alone, then extract() of the shipped $DIST/claimlens-widget_bg.wasm"
# The analysis alone needs two exports the shipped widget does not have: the same code and
# profile built with `--features bench-exports` (same toolchain and flags: scripts/web-env.sh),
# bound and optimised as Trunk does, apart.
ANALYSIS="$TEXTS/wasm-analysis"
scripts/web-env.sh cargo build --quiet --profile web --target wasm32-unknown-unknown --bin claimlens-widget \
    --features bench-exports --target-dir target/bench-exports
rm -rf "$ANALYSIS"
wasm-bindgen --target web --out-dir "$ANALYSIS" --out-name claimlens-widget \
    target/bench-exports/wasm32-unknown-unknown/web/claimlens-widget.wasm
wasm-opt -Oz --converge --low-memory-unused "$ANALYSIS/claimlens-widget_bg.wasm" -o "$ANALYSIS/claimlens-widget_bg.wasm"
node bench/engine-node.mjs "$DIST" "$TEXTS" "$ANALYSIS" | tee "$TEXTS/wasm.txt" | grep -v '^#json'

echo
echo "== 4 alternatives in Node (same texts)"
node bench/alternatives.mjs "$TEXTS" | tee "$TEXTS/alt.txt" | grep -v '^#json'
node bench/ratios.mjs "$TEXTS"

echo
echo "== 5 Chromium (headless, $DIST)"
node bench/browser.mjs "$DIST" "$TEXTS" | grep -v '^#json'

# 6 (only with CLAIMLENS_PAGES=<a checkout of scrapinghub/article-extraction-benchmark>, never in
# the tree): article detection on real saved pages with the bare tag (bench/pages.mjs).
if [ -n "${CLAIMLENS_PAGES:-}" ]; then
    echo
    echo "== 6 article detection on saved pages ($CLAIMLENS_PAGES)"
    node bench/pages.mjs "$DIST" "$CLAIMLENS_PAGES" | grep -v '^#json'
fi

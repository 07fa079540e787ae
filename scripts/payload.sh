#!/usr/bin/env bash
# Prints what a publisher's readers download: the widget's files in dist/, raw, gzip -9 and
# brotli (-q 11), and their total against the 100 KB brotli budget.
#   scripts/payload.sh           measure dist/ (builds it first if missing)
#   scripts/payload.sh --build   rebuild dist/ (scripts/web-env.sh trunk build --release), then measure
#   DIST=/tmp/dist scripts/payload.sh   measure (or build into) another directory
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/www/node_modules/.bin:$HOME/.cargo/bin:$PATH"

FILES=(claimlens-widget_bg.wasm claimlens-widget.js claimlens.js claimlens.css claimlens-ui.css)
BUDGET=$((100 * 1024)) # brotli bytes, the whole widget

build=0
case "${1:-}" in
    --build) build=1 ;;
    "") ;;
    *) echo "usage: scripts/payload.sh [--build]" >&2; exit 2 ;;
esac
DIST="${DIST:-dist}"
[ -f "$DIST/index.html" ] || build=1

if [ "$build" -eq 1 ] || ! command -v brotli >/dev/null; then
    "$ROOT/scripts/setup.sh"
fi
if [ "$build" -eq 1 ]; then
    echo "payload: trunk build --release"
    "$ROOT/scripts/web-env.sh" trunk build --release --dist "$DIST"
fi

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

printf '%-26s %10s %10s %10s\n' "file ($DIST/)" "raw" "gzip -9" "brotli"
total_raw=0 total_gz=0 total_br=0 missing=0
for f in "${FILES[@]}"; do
    path="$DIST/$f"
    if [ ! -f "$path" ]; then
        printf '%-26s %10s\n' "$f" "MISSING"
        missing=1
        continue
    fi
    raw=$(wc -c <"$path")
    gz=$(gzip -9 -c "$path" | wc -c)
    br=$(brotli -q 11 -c "$path" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '%-26s %8s KB %7s KB %7s KB\n' "$f" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$br")"
done
printf '%-26s %8s KB %7s KB %7s KB\n' "total" "$(kb "$total_raw")" "$(kb "$total_gz")" "$(kb "$total_br")"
if [ "$total_br" -le "$BUDGET" ]; then
    echo "budget: $(kb "$total_br") KB of $(kb "$BUDGET") KB brotli — within budget"
else
    echo "budget: $(kb "$total_br") KB of $(kb "$BUDGET") KB brotli — OVER BUDGET"
fi
[ "$missing" -eq 0 ] || { echo "payload: some files are missing from $DIST/" >&2; exit 1; }

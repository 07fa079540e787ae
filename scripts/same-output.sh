#!/usr/bin/env bash
# Checks that the engine's output is byte-identical to that of another commit: how every speed
# change of the engine is checked (docs/performance.md). Compares `claimlens extract` on the seed
# article, the dev set, the generated 1 MB Dutch and English bench texts, and the number suites.
#   scripts/same-output.sh [BASE]      BASE: a commit (default HEAD~1)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BASE="${1:-HEAD~1}"
# A directory of its own per run: two runs at once must not share (or delete) a worktree.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/claimlens-same-output.XXXXXX")"
rm -rf "$WORK/base" && mkdir -p "$WORK/out"
git worktree add --detach "$WORK/base" "$BASE" >/dev/null 2>&1
trap 'git worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK/target-base"' EXIT
(cd "$WORK/base" && cargo build --quiet --release --bin claimlens --target-dir "$WORK/target-base")
cargo build --quiet --release --bin claimlens --example bench_engine
mkdir -p "$WORK/texts"
target/release/examples/bench_engine --dump "$WORK/texts" >/dev/null
new=target/release/claimlens
old="$WORK/target-base/release/claimlens"
diffs=0
compare() { # name, then the arguments of `claimlens extract`, input on stdin
    local name=$1; shift
    local input; input=$(mktemp)
    cat > "$input"
    "$old" extract "$@" < "$input" > "$WORK/out/$name.old"
    "$new" extract "$@" < "$input" > "$WORK/out/$name.new"
    rm -f "$input"
    if ! cmp -s "$WORK/out/$name.old" "$WORK/out/$name.new"; then
        echo "DIFFERENT: $name (diff $WORK/out/$name.old $WORK/out/$name.new)"
        diffs=$((diffs + 1))
    fi
}
shopt -s nullglob
for f in ../shared/corpus/*.txt tests/devset/*.txt "$WORK"/texts/{nl,en}-1000000.txt; do
    compare "$(basename "$f")" - < "$f"
done
for f in ../shared/corpus/numbers/*.jsonl; do
    compare "$(basename "$f")" --jsonl < "$f"
done
if [ "$diffs" -gt 0 ]; then
    echo "same-output: $diffs of the outputs differ from $BASE"
    exit 1
fi
echo "same-output: every output is byte-identical to $BASE's"

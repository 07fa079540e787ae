#!/usr/bin/env bash
# The engine on real news, nobody here wrote it: the real Dutch development set
# (../shared/corpus/real-nl) and PolNeAR's dev split (English), beside the seed article, our own
# dev set and the number suites. A benchmark, not a CI test: the real texts are read from where
# they lie and never enter the project.
#   scripts/real.sh                 summary figures
#   POLNEAR=DIR scripts/real.sh     DIR: a checkout or bare git mirror of networkdynamics/PolNeAR
#   SPLIT=train scripts/real.sh     PolNeAR's train split instead of dev (never `test`: it is
#                                   reserved for independent measurement)
#   NO_BUILD=1                      use target/release/claimlens as it is
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SHARED="${SHARED:-$ROOT/../shared}"
POLNEAR="${POLNEAR:-/work/.mirror/networkdynamics+PolNeAR/repo}"
SPLIT="${SPLIT:-dev}"
if [ "$SPLIT" = test ]; then
    echo "PolNeAR's test split is reserved for independent measurement" >&2
    exit 2
fi
[ -n "${NO_BUILD:-}" ] || cargo build --quiet --release --bin claimlens
RUN="$ROOT/target/release/claimlens extract --jsonl"
pick() { # the named figures of the scorer's JSON, on one line
    python3 -c 'import json,sys; d=json.load(sys.stdin); print("  ".join(f"{k} {d[k]}" for k in sys.argv[1:] if k in d))' "$@"
}
echo "== seed article (must stay 16/16 statements, 9/9 quantities, precision 1.0)"
python3 "$SHARED/tools/score.py" articles --json --run "$RUN" "$SHARED"/corpus/*.gold.json |
    pick statement_recall statement_source_accuracy statement_precision quantity_f1 quantity_source_accuracy attribution_f1
echo "== real-nl (30 real Dutch and Flemish articles)"
python3 "$SHARED/tools/score.py" articles --json --run "$RUN" "$SHARED"/corpus/real-nl/*.gold.json |
    pick attribution_f1 statement_recall statement_source_accuracy statement_precision quantity_f1 quantity_source_accuracy quantity_value_accuracy
echo "== own dev set (tests/devset, written by us)"
python3 "$SHARED/tools/score.py" articles --json --run "$RUN" tests/devset/*.gold.json |
    pick attribution_f1 statement_recall statement_source_accuracy statement_precision quantity_f1 quantity_source_accuracy
echo "== number suites"
python3 "$SHARED/tools/score.py" numbers --run "$RUN" "$SHARED"/corpus/numbers/*.jsonl | tail -1
if [ -e "$POLNEAR" ]; then
    echo "== PolNeAR $SPLIT (English)"
    python3 "$SHARED/tools/polnear/evaluate.py" --polnear "$POLNEAR" --split "$SPLIT" --run "$RUN" |
        grep -E '^PolNeAR|token F1 >= 0.5|^\[speech\] (matched|attribution)|^\[all\] attribution|^with pieces merged|exact \(same'
else
    echo "== PolNeAR: not found at $POLNEAR (fetch networkdynamics/PolNeAR, set POLNEAR=DIR)"
fi

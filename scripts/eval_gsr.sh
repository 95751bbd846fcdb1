#!/usr/bin/env bash
# GSR evaluation of the events stage, end to end: sentences -> marsad analyze -> gsr_score.py.
#   scripts/eval_gsr.sh            # ASSAULT and PROTEST on the dev half in ../shared
#   OUT=/tmp/gsr scripts/eval_gsr.sh
# Prints P/R/F1 and the source/target actor-code accuracies per type (these figures are on the
# sentences the filter was trained on: see scripts/train_event_filter.py for 5-fold held-out ones).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
GSR="$SHARED/data/arabic_event_gsr"
OUT="${OUT:-$(mktemp -d)}"
MARSAD="${MARSAD:-$ROOT/.venv/bin/marsad}"  # e.g. MARSAD=".venv/bin/python -m marsad.cli"
mkdir -p "$OUT"
for t in assault protest; do
  python3 "$SHARED/eval/gsr_score.py" input "$GSR/${t}_gsr.csv" > "$OUT/$t.jsonl"
  $MARSAD analyze "$OUT/$t.jsonl" --json > "$OUT/$t.out.jsonl"  # MARSAD may carry arguments
  python3 "$SHARED/eval/gsr_score.py" score "$GSR/${t}_gsr.csv" "$OUT/$t.out.jsonl" --spans "$GSR/${t}_spans.json"
done
echo "analyses in $OUT"

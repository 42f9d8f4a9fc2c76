#!/usr/bin/env bash
# The suite on a loaded machine: run the given tests N times in a row while a process
# spins on one core, and print one line per run. Used for issue 15's "passes ten times
# in a row on a loaded machine" (the figures are in BENCHMARKS.md).
#
#   bench/loaded_suite.sh [RUNS] [TEST PATHS…]      (default: 10 tests/ui tests/reliability)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
shift || true
if [ $# -eq 0 ]; then paths=(tests/ui tests/reliability); else paths=("$@"); fi
python3 -c "while True: pass" &
hog=$!
trap 'kill $hog 2>/dev/null' EXIT
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  log=$(mktemp)
  QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -p no:cacheprovider "${paths[@]}" >"$log" 2>&1
  rc=$?
  [ $rc -ne 0 ] && failed=$((failed + 1))
  echo "run $i exit $rc: $(tail -1 "$log") ($(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg))"
  rm -f "$log"
done
echo "$((runs - failed)) of $runs runs passed"
[ $failed -eq 0 ]

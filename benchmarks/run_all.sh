#!/usr/bin/env bash
# Every benchmark in one sitting, so their ratios share one machine state; the output goes
# to the terminal and to benchmarks-<date>.log. Takes about 17 minutes on 2 cores.
# Usage: bash benchmarks/run_all.sh [--quick]   (--quick: fewer kills, fuzz cases and runs)
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
LOG="benchmarks-$(date +%Y%m%d-%H%M).log"
if [ "${1:-}" = "--quick" ]; then KILLS=100; CASES=2000; RUNS=5; else KILLS=500; CASES=20000; RUNS=9; fi
run() { echo "=== $*"; "$PY" "$@"; echo; }
{
  echo "load: $(cat /proc/loadavg 2>/dev/null)"
  run benchmarks/cold_start.py --runs "$RUNS"
  run benchmarks/history_open.py
  run benchmarks/save_latency.py
  run benchmarks/session_stalls.py
  run benchmarks/salvage.py
  run benchmarks/plan_pdf.py --runs "$RUNS"
  run benchmarks/run_import.py --runs "$RUNS"
  run benchmarks/timer_accuracy.py
  run benchmarks/figure_cpu.py
  run benchmarks/crash_test.py --kills "$KILLS"
  run benchmarks/crash_test.py --kills "$KILLS" --plain-file
  run benchmarks/store_fuzz.py --cases "$CASES"
} 2>&1 | tee "$LOG"

#!/usr/bin/env bash
# The benchmark of docs/performance.md on PostgreSQL (IT_DB_* as for the integration tests): builds the jar and runs
# PerformanceBenchmark, which prints the table of figures and writes target/benchmark/report-<scale>.md.
#   scripts/benchmark.sh            full run (100,000 cases, 1,000,000 timers, ...)
#   scripts/benchmark.sh smoke      the small run the test command also makes
# Any further arguments go to Maven, e.g. -Dbenchmark.cases=20000.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-full}"
[ $# -gt 0 ] && shift
exec ./mvnw -B -Pbenchmark -Dbenchmark.scale="$scale" "$@" verify

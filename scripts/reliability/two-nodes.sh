#!/usr/bin/env bash
# Two nodes of the packaged jar (separate JVMs, own ports) on one PostgreSQL database; N cases driven concurrently
# through both, their deadline timers made due so both job executors compete; then every check of docs/reliability.md
# (no case lost or duplicated, every timer fired once, conflicts counted and answered 409) and a summary.
#   scripts/reliability/two-nodes.sh        200 cases on a fresh database <IT_DB_NAME>_twonodes (IT_DB_* as for the tests)
#   DB_URL=jdbc:postgresql://host:5432/scratch DB_USER=u DB_PASSWORD=p scripts/reliability/two-nodes.sh
#                                           on that database as it is (a disposable one: demo cases are written to it)
#   CASES=400 CONCURRENCY=12 RACE_EVERY=5 RETRY_CYCLE=R5/PT10S TIMER_WAIT_SECONDS=300 SKIP_BUILD=1  (defaults shown)
# Node logs: target/reliability/two-nodes/. Exit status 0 when every check holds.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/reliability/classpath.sh
exec java -Xmx512m -cp "$CP" cn.faultaccountability.reliability.ReliabilityScript two-nodes

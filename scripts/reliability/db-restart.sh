#!/usr/bin/env bash
# PostgreSQL restarted under load: the two-node run of two-nodes.sh, and RESTART_AFTER_SECONDS (15) after it starts the
# local PostgreSQL server is restarted once — really (pg_ctlcluster; run this on the database host, as root or the
# postgres user). Prints how long the restart took, how soon each node served again without being restarted, what
# the clients were answered meanwhile, and every check of two-nodes.sh (no case or deadline lost, failed jobs retried).
#   scripts/reliability/db-restart.sh       100 cases on a fresh database <IT_DB_NAME>_twonodes
# Every other setting as for two-nodes.sh; RESTART_COMMAND replaces the restart command.
# It restarts the WHOLE server: every other database and user of it is cut off for those seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -n "${RESTART_COMMAND:-}" ]; then
  read -r -a restart <<< "$RESTART_COMMAND"
else
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  restart=(pg_ctlcluster --skip-systemctl-redirect "$version" main restart)
fi
export CASES="${CASES:-100}"
source scripts/reliability/classpath.sh
exec java -Xmx512m -cp "$CP" cn.faultaccountability.reliability.ReliabilityScript db-restart "${restart[@]}"

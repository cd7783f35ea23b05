#!/usr/bin/env bash
# Two packaged builds (quarkus-app directories) timed in turn on the kept PostgreSQL bench database, before then after,
# round after round, so that both see the same machine and the same data:
#   BEFORE=/tmp/accords-before AFTER=/tmp/accords-after ROUNDS=2 ONLY='one filter|facets' REQUESTS=200 \
#     bash bench/search/ab.sh 1000000
# The database is the one `bench/search/run.sh postgresql N` loaded (accords_bench); run.sh's app path is pointed at
# each build in turn.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:?how many agreements the kept database holds}
link=/tmp/accords-bench-postgresql
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "$link is a build of its own; move it (for example to AFTER) first" >&2; exit 1
fi
for round in $(seq 1 "${ROUNDS:-2}"); do
  for side in before after; do
    if [ "$side" = before ]; then dir=$BEFORE; else dir=$AFTER; fi
    rm -f "$link"; ln -s "$dir" "$link"
    echo "## Round $round, $side ($dir), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    # An earlier build does not know the later migrations the database has: it reads the data without validating them.
    QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false KEEP=true bash bench/search/run.sh postgresql "$n" | grep -v '^#####\|^# '
  done
done
rm -f "$link"

#!/usr/bin/env bash
# Issue 30: the start's look for agreements without their read model on the embedded H2 default, before and after
# V18_1. Starts the packaged H2 application once on a fresh folder (migrations and seeds), stops it, copies the seed
# agreements under new ids up to about ROWS, and shows H2's EXPLAIN ANALYZE (rows scanned, pages read) of the query
# the start ran before (the three columns tested in a table scan) and of the one it runs now (the generated column's
# index), each three times.
#   ./mvnw -q package -DskipTests && bash bench/startscan_h2.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-100000}"
H2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-*.jar' | sort -V | tail -1)
WORK=$(mktemp -d /tmp/accords-startscan-h2-XXXX)
(cd "$WORK" && QUARKUS_HTTP_PORT=8190 QUARKUS_MANAGEMENT_PORT=9190 exec java -jar "$OLDPWD/target/quarkus-app/quarkus-run.jar" \
  > app.log 2>&1) &
APP=$!
for _ in $(seq 1 120); do curl -sf localhost:9190/q/health/ready > /dev/null && break; sleep 1; done
kill "$APP"; wait "$APP" || true
sql() { java -cp "$H2" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/data/accords" -user accords -password "" \
  -script /dev/stdin -showResults; }
COLUMNS=$(echo "SELECT LISTAGG(COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY ORDINAL_POSITION) FROM INFORMATION_SCHEMA.COLUMNS
  WHERE TABLE_NAME = 'AGREEMENT' AND IS_GENERATED = 'NEVER' AND COLUMN_NAME <> 'ID';" | sql | sed -n 's/^--> //p')
HAVE=$(echo "SELECT COUNT(*) FROM AGREEMENT;" | sql | sed -n 's/^--> //p')
echo "INSERT INTO AGREEMENT (ID, $COLUMNS) SELECT RANDOM_UUID(), $COLUMNS FROM AGREEMENT,
  SYSTEM_RANGE(1, $((ROWS / HAVE - 1)));" | sql > /dev/null
echo "agreements: $(echo 'SELECT COUNT(*) FROM AGREEMENT;' | sql | sed -n 's/^--> //p'); H2 $(basename "$H2");\
 load average $(cut -d' ' -f1-3 /proc/loadavg)"
for query in \
  "before: SELECT ID FROM AGREEMENT WHERE SEARCH_TEXT IS NULL OR DOCUMENT IS NULL OR SEARCH_KEYS IS NULL FETCH FIRST 500 ROWS ONLY" \
  "now: SELECT ID FROM AGREEMENT WHERE READ_MODEL_MISSING FETCH FIRST 500 ROWS ONLY"; do
  for run in 1 2 3; do
    plan=$(echo "EXPLAIN ANALYZE ${query#*: };" | sql | tr -s ' \n' ' ')
    echo "${query%%: *}, run $run: $(grep -oE 'tableScan|AGREEMENT_READ_MODEL_MISSING_IDX|scanCount: [0-9]+|reads: [0-9]+' \
      <<< "$plan" | tr '\n' ' ')"
  done
done
rm -rf "$WORK"

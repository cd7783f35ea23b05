#!/usr/bin/env bash
# Database outage check (issue 6, item 5): the packaged PostgreSQL build answers while PostgreSQL is stopped, then
# recovers by itself when it returns. Prints the answer during the outage, its time, readiness, and how long after
# PostgreSQL's restart the API answers 200 again. Needs root (it stops and starts this machine's PostgreSQL 15).
#   bash bench/outage.sh        (builds target/quarkus-app with -Ppostgresql first)
set -euo pipefail
cd "$(dirname "$0")/.."
port=8095; keys=$(mktemp -d); db=accords_outage
./mvnw -q -ntp package -DskipTests -Ppostgresql
bash scripts/postgres-for-tests.sh > /dev/null
runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER accords"
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_PASSWORD=accords \
  ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys QUARKUS_HTTP_PORT=$port \
  QUARKUS_SHUTDOWN_DELAY_ENABLED=false java -jar target/quarkus-app/quarkus-run.jar > "$keys/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; pg_ctlcluster 15 main start 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$port/q/health/ready > /dev/null && break; sleep 0.5; done
token=$(java scripts/DevToken.java editor CONFIDENTIAL --keys "$keys")
api() { curl -s -H "Authorization: Bearer $token" "$@"; }
echo "before the outage: $(api -o /dev/null -w '%{http_code}' localhost:$port/api/v1/agreements)"
pg_ctlcluster 15 main stop
echo "during the outage, GET: $(api -o /dev/null -w '%{http_code} %{content_type} in %{time_total}s' \
  localhost:$port/api/v1/agreements)"
echo "during the outage, POST: $(api -o /dev/null -w '%{http_code} %{content_type} in %{time_total}s' \
  -X POST -H 'Content-Type: application/json' -d '{"name": "Outage Test", "country": "KR", "kind": "COMPANY"}' \
  localhost:$port/api/v1/parties)"
echo "readiness during the outage: $(curl -s -o /dev/null -w '%{http_code}' localhost:$port/q/health/ready)"
pg_ctlcluster 15 main start
start=$(date +%s.%N)
until [ "$(api -o /dev/null -w '%{http_code}' localhost:$port/api/v1/agreements)" = 200 ]; do sleep 0.2; done
echo "API answers 200 again $(echo "$(date +%s.%N) - $start" | bc) s after PostgreSQL was started"
echo "readiness after: $(curl -s -o /dev/null -w '%{http_code}' localhost:$port/q/health/ready)"
echo "parties named 'Outage Test' (the refused POST must not exist): $(api \
  'localhost:'$port'/api/v1/parties?size=100' | grep -o '"Outage Test"' | wc -l)"

#!/usr/bin/env bash
# Search benchmark: loads N synthetic agreements and times every query shape through the service and as direct SQL.
#   bash bench/search/run.sh h2 10000 100000
#   bash bench/search/run.sh postgresql 10000 100000 1000000     (needs scripts/postgres-for-tests.sh first)
# Results go to stdout as Markdown tables; bench/RESULTS.md records a run.
set -euo pipefail
cd "$(dirname "$0")/../.."
kind=$1; shift
requests=${REQUESTS:-200}
only=${ONLY:-}          # run only the query shapes whose name contains this (several: a|b)
keep=${KEEP:-false}     # PostgreSQL: true reuses the loaded accords_bench database instead of loading anew
keys=/tmp/accords-bench-keys
app=/tmp/accords-bench-$kind
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | sort -V | tail -1)
pg=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
cp="$h2:$pg"

if [ ! -d "$app" ]; then
  profile=(); [ "$kind" = postgresql ] && profile=(-Ppostgresql)
  ./mvnw -q -ntp clean package -DskipTests "${profile[@]}"
  rm -rf "$app"; cp -r target/quarkus-app "$app"
fi

for n in "$@"; do
  if [ "$kind" = h2 ]; then
    dir=$(mktemp -d /tmp/accords-bench-h2.XXXX)
    # AUTO_SERVER lets the loader and the direct-SQL timer reach the file the service has open (over H2 TCP).
    url="jdbc:h2:file:$dir/accords;AUTO_SERVER=TRUE"
    user=accords; password=
  else
    if [ "$keep" != true ]; then
      runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS accords_bench" \
        -c "CREATE DATABASE accords_bench OWNER accords"
    fi
    url="jdbc:postgresql://127.0.0.1:5432/accords_bench?reWriteBatchedInserts=true"
    user=accords; password=accords
  fi
  start_app() {
    QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME=$user QUARKUS_DATASOURCE_PASSWORD=$password \
      ACCORDS_SEED_ENABLED=false QUARKUS_SHUTDOWN_DELAY=0S ACCORDS_RATE_LIMIT_ENABLED=false \
      ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys \
      java -XX:+UseParallelGC -Xmx1g -jar "$app/quarkus-run.jar" > /tmp/accords-bench-app.log 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do
      curl -sf http://localhost:9000/q/health/ready > /dev/null && return 0
      sleep 0.5
    done
    echo "the service did not start; see /tmp/accords-bench-app.log" >&2; exit 1
  }
  # The service migrates the empty database, then stops while the generator loads it.
  start_app; kill "$pid"; wait "$pid" || true
  if [ "$kind" = h2 ] || [ "$keep" != true ]; then
    java -cp "$cp" bench/search/SearchBench.java load --url "$url" --user $user --password "$password" \
      --agreements "$n"
  fi
  start_app
  token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys $keys --minutes 600)
  echo "### $kind, $(printf "%'d" "$n") agreements"
  java -cp "$cp" bench/search/SearchBench.java run --url "$url" --user $user --password "$password" \
    --service http://localhost:8080 --requests "$requests" --token "$token" --only "$only"
  echo "RSS of the service after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$pid/status) / 1024 )) MB"
  kill "$pid"; wait "$pid" || true
  if [ "$kind" = h2 ]; then rm -rf "$dir"; fi
done

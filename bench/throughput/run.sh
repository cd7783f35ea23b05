#!/usr/bin/env bash
# Throughput and CPU per request of Accords against the Spring Boot peer (../shared/peers/spring-accords), side by
# side on one PostgreSQL database: get by id (rotating over 2,000 ids) and a filtered list (sector=NAVAL, 20 a page),
# wrk with 2 threads and 16 connections, each service alone on the machine while it is measured, A/B interleaved
# (the order alternates each round), with the JVM options the image ships (src/main/docker/jvm-options, without the
# class-data archive) and with the JVM's defaults. CPU per request is the process's user+system time over the
# measured run divided by the requests it answered.
#   bash bench/search/run.sh postgresql 1000000        # first: loads accords_bench, builds the service
#   bash bench/throughput/run.sh [database] [seconds per run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
database=${1:-accords_bench}; seconds=${2:-20}; rounds=${3:-3}
app=${APP:-/tmp/accords-bench-postgresql}
keys=/tmp/accords-bench-keys
peer=/tmp/spring-accords
url="jdbc:postgresql://127.0.0.1:5432/$database"
lua=../shared/peers/spring-accords/bench/wrk-accords.lua
list='/api/v1/agreements?sector=NAVAL&size=20'
tick=$(getconf CLK_TCK)

[ -d "$app" ] || { echo "no service at $app: run bench/search/run.sh first" >&2; exit 1; }
if [ ! -f "$peer/target/spring-accords.jar" ]; then
  # Built from a copy, so the peer's folder stays as it is.
  rm -rf "$peer"; cp -r ../shared/peers/spring-accords "$peer"
  ./mvnw -q -B -ntp -f "$peer/pom.xml" package -DskipTests
fi
ids=$(mktemp /tmp/accords-ids.XXXX)
runuser -u postgres -- psql -At -d "$database" -c "select id from agreement tablesample system (1) limit 2000" > "$ids"
token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys $keys --minutes 600)
image_options=$(sed -e '/^#/d' -e '/^$/d' -e '/SharedArchiveFile/d' src/main/docker/jvm-options | tr '\n' ' ')

start() { # service, JVM options
  if [ "$1" = accords ]; then
    QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME=accords QUARKUS_DATASOURCE_PASSWORD=accords \
      ACCORDS_SEED_ENABLED=false QUARKUS_SHUTDOWN_DELAY=0S ACCORDS_RATE_LIMIT_ENABLED=false \
      ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys \
      java $2 -jar "$app/quarkus-run.jar" > /tmp/accords-throughput-app.log 2>&1 &
    port=8080
  else
    PEER_JWT_PUBLIC_KEY=file:$keys/public.pem java $2 -jar "$peer/target/spring-accords.jar" --server.port=18301 \
      --spring.datasource.url="$url" > /tmp/accords-throughput-peer.log 2>&1 &
    port=18301
  fi
  pid=$!
  for _ in $(seq 1 240); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      "http://localhost:$port/api/v1/agreements/$(head -1 "$ids")" || true)
    [ "$code" = 200 ] && return 0
    sleep 0.5
  done
  echo "$1 did not start" >&2; exit 1
}
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
measure() { # mode, duration -> RESULT line with CPU ms per request
  local before after line requests
  before=$(cpu)
  line=$(MODE=$1 IDS=$ids TOKEN=$token LIST_PATH=$list wrk -t2 -c16 -d"$2"s -s $lua "http://localhost:$port" | grep RESULT)
  after=$(cpu)
  requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<< "$line")
  echo "$line cpu_ms_per_request=$(awk -v d=$((after - before)) -v t="$tick" -v n="$requests" 'BEGIN {printf "%.3f", d * 1000 / t / n}')"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| Round | JVM options | Service | Call | Requests/s | p50 ms | p99 ms | CPU ms/request | non-2xx |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq 1 "$rounds"); do
  for options in image default; do
    order="accords peer"; [ $((round % 2)) = 0 ] && order="peer accords"
    for service in $order; do
      jvm=$([ $options = image ] && echo "$image_options" || echo "")
      start $service "$jvm"
      measure byid 15 > /dev/null; measure list 15 > /dev/null        # warm-up: C2 (when on) compiles the hot paths
      for call in byid list; do
        r=$(measure $call "$seconds")
        echo "| $round | $options | $service | $call | $(sed -E 's/.*rps=([0-9.]+).*/\1/' <<< "$r") |" \
          "$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<< "$r") | $(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<< "$r") |" \
          "$(sed -E 's/.*cpu_ms_per_request=([0-9.]+).*/\1/' <<< "$r") | $(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<< "$r") |"
      done
      kill $pid; wait $pid || true
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$ids"

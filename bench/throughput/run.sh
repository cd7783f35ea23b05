#!/usr/bin/env bash
# Throughput, CPU per request, warm-up and memory of Accords against the Spring Boot peer
# (../shared/peers/spring-accords), side by side on one PostgreSQL database: get by id (rotating over 2,000 ids) and a
# filtered list (sector=NAVAL, 20 a page), wrk with 2 threads and 16 connections, each service alone on the machine
# while it is measured. Like for like: both with the same JVM options (the JVM's defaults unless OPTIONS=image, the
# image's src/main/docker/jvm-options without its class-data archive), both counting totals as they ship (Accords
# bounded, the peer exact: at 10,000 agreements both are exact), Accords' rate limits on as shipped (PostgreSQL's
# shared buckets) with a limit the bench caller does not reach. Each start is warmed until steady: 10 s slices
# alternating the two calls, their requests per second printed as the warm-up curve, then the measured runs. Rounds
# alternate the order of the services. BEFORE=<quarkus-app folder> adds an earlier build of Accords as a service;
# JAVA=<java binary> runs every service on that JDK; SERVICES chooses them, among accords, before, peer and aot:
# Accords on a JDK 25 AOT cache (-XX:AOTCache), recorded first by a training run of Accords under the same load.
# CPU per request is the process's user+system time over the measured run divided by the requests it answered; RSS
# is read after the runs.
#   bash bench/search/run.sh postgresql 10000        # first: loads accords_bench, builds the service
#   bash bench/throughput/run.sh [database] [seconds per run] [rounds] [warm-up slices]
set -euo pipefail
cd "$(dirname "$0")/../.."
database=${1:-accords_bench}; seconds=${2:-20}; rounds=${3:-3}; slices=${4:-8}
app=${APP:-/tmp/accords-bench-postgresql}
before=${BEFORE:-}
options=${OPTIONS:-default}
java=${JAVA:-java}
aot=/tmp/accords-throughput.aot
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
runuser -u postgres -- psql -At -d "$database" -c "select id from agreement tablesample system (20) limit 2000" > "$ids"
token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys $keys --minutes 600)
jvm=""
[ "$options" = image ] && jvm=$(sed -e '/^#/d' -e '/^$/d' -e '/SharedArchiveFile/d' src/main/docker/jvm-options | tr '\n' ' ')

start() { # service [extra environment]
  local began; began=$(date +%s.%N)
  case $1 in
    accords|before|aot|training)
      # An earlier build meets migrations it does not know (the database is the newer build's): it ignores them.
      local jar="$app/quarkus-run.jar" future="" cache=""
      [ "$1" = before ] && jar="$before/quarkus-run.jar" future="QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS=*:future"
      [ "$1" = aot ] && cache="-XX:AOTCache=$aot"
      [ "$1" = training ] && cache="-XX:AOTCacheOutput=$aot"
      env QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME=accords QUARKUS_DATASOURCE_PASSWORD=accords \
        ACCORDS_SEED_ENABLED=false QUARKUS_SHUTDOWN_DELAY=0S ACCORDS_RATE_LIMIT_ADMIN=100000000 \
        ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys $future ${2:-} \
        $java $jvm $cache -jar "$jar" > /tmp/accords-throughput-$1.log 2>&1 &
      port=8080 ;;
    peer)
      PEER_JWT_PUBLIC_KEY=file:$keys/public.pem $java $jvm -jar "$peer/target/spring-accords.jar" --server.port=18301 \
        --spring.datasource.url="$url" > /tmp/accords-throughput-peer.log 2>&1 &
      port=18301 ;;
  esac
  pid=$!
  for _ in $(seq 1 2400); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
      "http://localhost:$port/api/v1/agreements/$(head -1 "$ids")" || true)
    if [ "$code" = 200 ]; then
      first_answer=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b - a}')
      return 0
    fi
    sleep 0.25
  done
  echo "$1 did not start" >&2; exit 1
}
stop() { kill $pid; wait $pid || true; }
cpu() { awk '{print $14 + $15}' /proc/$pid/stat; }
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<< "$2"; }
measure() { # call, seconds -> RESULT line with CPU ms per request
  local before_cpu after line requests
  before_cpu=$(cpu)
  line=$(MODE=$1 IDS=$ids TOKEN=$token LIST_PATH=$list wrk -t2 -c16 -d"$2"s --timeout 10s -s $lua \
    "http://localhost:$port" | grep RESULT)
  after=$(cpu)
  requests=$(field requests "$line")
  echo "$line cpu_ms_per_request=$(awk -v d=$((after - before_cpu)) -v t="$tick" -v n="$requests" \
    'BEGIN {printf "%.3f", n ? d * 1000 / t / n : 0}')"
}

services="accords peer"; [ -n "$before" ] && services="accords before peer"
services=${SERVICES:-$services}
# Documents written by the bench loader are not the service's own shape (document_format 0): Accords rewrites them
# once, as after a restore, so that both builds read what the service itself writes.
start accords ACCORDS_READ_MODEL_REBUILD=true; stop
if [[ " $services " == *" aot "* ]]; then
  # The training run: Accords under the measured load for a minute; the JVM writes the cache as it exits.
  rm -f "$aot"; start training
  for _ in 1 2 3; do measure byid 10 > /dev/null; measure list 10 > /dev/null; done
  stop; ls -l "$aot" >&2
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $options; $($java -version 2>&1 | head -1)"
echo "| Round | Service | Start to first answer s | Warm-up curve: req/s per 10 s slice (get, list, get, list, ...) |"\
  "get req/s | get CPU ms/req | list req/s | list p50 ms | list p99 ms | list CPU ms/req | list/get | non-2xx, socket errors | RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq 1 "$rounds"); do
  order=$services
  for _ in $(seq 2 "$round"); do order="$(cut -d' ' -f2- <<< "$order") $(cut -d' ' -f1 <<< "$order")"; done
  for service in $order; do
    start $service
    curve=""
    for slice in $(seq 1 "$slices"); do
      call=byid; [ $((slice % 2)) = 0 ] && call=list
      curve="$curve $(field rps "$(measure $call 10)")"
    done
    g=$(measure byid "$seconds"); l=$(measure list "$seconds")
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status)
    echo "| $round | $service | $first_answer | $(tr ' ' '\n' <<< "$curve" | sed '/^$/d' | paste -sd' ') |" \
      "$(field rps "$g") | $(field cpu_ms_per_request "$g") | $(field rps "$l") | $(field p50_ms "$l") |" \
      "$(field p99_ms "$l") | $(field cpu_ms_per_request "$l") |" \
      "$(awk -v l="$(field rps "$l")" -v g="$(field rps "$g")" 'BEGIN {printf "%.2f", l / g}') |" \
      "$(( $(field non2xx "$g") + $(field non2xx "$l") )), $(( $(field sockerr "$g") + $(field sockerr "$l") )) | $rss |"
    stop
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$ids"

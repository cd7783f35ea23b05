#!/usr/bin/env bash
# RSS of one Accords build after a fixed rate of filtered lists, so that two builds are compared at the same load
# (bench/throughput/run.sh drives each as fast as it goes, and a faster build grows its heap further). The image's JVM
# options, rate limits as shipped with a limit the bench caller does not reach; prints the heap's generations (total
# and used) and the RSS after the run.
#   bash bench/throughput/rss_at_rate.sh <quarkus-app folder> [database] [seconds] [requests/s per client, 8 clients]
set -euo pipefail
cd "$(dirname "$0")/../.."
app=$1; database=${2:-accords_bench}; seconds=${3:-60}; rate=${4:-75}
keys=/tmp/accords-bench-keys
token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys $keys --minutes 600)
jvm=$(sed -e '/^#/d' -e '/^$/d' -e '/SharedArchiveFile/d' src/main/docker/jvm-options | tr '\n' ' ')
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database" QUARKUS_DATASOURCE_USERNAME=accords \
  QUARKUS_DATASOURCE_PASSWORD=accords ACCORDS_SEED_ENABLED=false QUARKUS_SHUTDOWN_DELAY=0S \
  ACCORDS_RATE_LIMIT_ADMIN=100000000 ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys \
  QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future' \
  java $jvm -jar "$app/quarkus-run.jar" > /tmp/accords-rss-at-rate.log 2>&1 &
pid=$!
until curl -sf http://localhost:9000/q/health/ready > /dev/null; do sleep 0.5; done
answered=$(hey -z "${seconds}s" -c 8 -q "$rate" -H "Authorization: Bearer $token" \
  "http://localhost:8080/api/v1/agreements?sector=NAVAL&size=20" | grep -E "Requests/sec|\[200\]" | tr -s ' \n' ' ')
heap=$(jcmd $pid GC.heap_info | grep -E "generation +total" | sed -E 's/^ *([a-z ]+) generation +total ([0-9]+K), used ([0-9]+K).*/\1 \2 used \3;/' | tr '\n' ' ')
echo "$app: ${answered}heap: ${heap}RSS $(awk '/VmRSS/{print int($2/1024)}' /proc/$pid/status) MB; load average $(cut -d' ' -f1 /proc/loadavg)"
kill $pid; wait $pid 2>/dev/null || true

#!/usr/bin/env bash
# What the per-caller rate limit (Bucket4j) and OpenTelemetry tracing cost a read, on the packaged H2 application:
# get by id with wrk (2 threads, 16 connections, one admin token), three variants started one at a time and
# interleaved round by round (the order rotates): "limits" (on, with a quota so high it is never reached, so every
# request is counted and answered with its RateLimit headers), "no limits" (ACCORDS_RATE_LIMIT_ENABLED=false), and
# "limits, no tracing" (QUARKUS_OTEL_SDK_DISABLED=true). Each start gets a 10 s warm-up run before the measured one.
#   ./mvnw package -DskipTests && bash bench/ratelimit.sh [seconds per run] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}; rounds=${2:-3}
app=$PWD/target/quarkus-app/quarkus-run.jar
work=$(mktemp -d /tmp/accords-ratelimit.XXXX)
keys=$work/keys
path=/api/v1/agreements/a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5
variants=("limits" "no limits" "limits, no tracing")

start() {
  local env=(ACCORDS_AUTH_DEV_KEYS_DIR="$keys" QUARKUS_SHUTDOWN_DELAY=0S ACCORDS_RATE_LIMIT_ADMIN=1000000000)
  case "$1" in
    "no limits") env+=(ACCORDS_RATE_LIMIT_ENABLED=false) ;;
    "limits, no tracing") env+=(QUARKUS_OTEL_SDK_DISABLED=true) ;;
  esac
  (cd "$work" && exec env "${env[@]}" java -jar "$app" > "$work/app.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { echo "$1: the application exited; see $work/app.log" >&2; exit 1; }
    curl -s -o /dev/null "http://localhost:8080/q/openapi" && break
    sleep 0.5
  done
  token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys "$keys" --minutes 60)
  headers=$(curl -s -D - -o /dev/null -H "Authorization: Bearer $token" "http://localhost:8080$path")
  grep -q '^HTTP/1.1 200' <<< "$headers" || { echo "$1: not 200" >&2; echo "$headers" >&2; exit 1; }
  echo "# $1: RateLimit header $(grep -ci '^ratelimit:' <<< "$headers" || true)"
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; }
if curl -s -o /dev/null "http://localhost:8080/"; then echo "port 8080 is in use; stop what listens there" >&2; exit 1; fi
rate() { wrk -t2 -c16 -d"$1"s -H "Authorization: Bearer $token" "http://localhost:8080$path" | awk '/Requests\/sec/ {print $2}'; }

echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for i in 0 1 2; do
    variant=${variants[$(( (i + round) % 3 ))]}
    start "$variant"
    rate 10 > /dev/null
    echo "round=$round variant=$variant requests_per_second=$(rate "$seconds")"
    stop
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"

#!/usr/bin/env bash
# Where a service's memory goes after load: Accords or the Spring Boot peer started alone with the image's JVM options
# (src/main/docker/jvm-options, without its class-data archive) and Native Memory Tracking, driven like
# bench/throughput/run.sh (get by id, then the sector list, twice, 20 s each), then its RSS, NMT's committed memory by
# part, its heap and the number of classes it loaded. Rate limits on as shipped, with a limit the bench caller does not
# reach. RATE="<gets/s> <lists/s>" drives both calls at those fixed rates instead (hey, 8 clients, one id for the
# gets), so that two services are compared after the same requests: driven as fast as each goes, the faster one
# serves more and grows its heap further.
#   bash bench/throughput/memory.sh [accords|peer] [database]     (after bench/throughput/run.sh has built the peer)
#   RATE="400 160" bash bench/throughput/memory.sh peer
# JVM_EXTRA adds JVM options to the image's (for both services alike, run one after the other).
set -euo pipefail
cd "$(dirname "$0")/../.."
service=${1:-accords}; database=${2:-accords_tp}
app=${APP:-/tmp/accords-bench-postgresql}
keys=/tmp/accords-bench-keys
peer=/tmp/spring-accords/target/spring-accords.jar
lua=../shared/peers/spring-accords/bench/wrk-accords.lua
url="jdbc:postgresql://127.0.0.1:5432/$database"
ids=$(mktemp /tmp/accords-ids.XXXX)
runuser -u postgres -- psql -At -d "$database" -c "select id from agreement tablesample system (20) limit 2000" > "$ids"
token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys $keys --minutes 600)
jvm="$(sed -e '/^#/d' -e '/^$/d' -e '/SharedArchiveFile/d' src/main/docker/jvm-options | tr '\n' ' ')"
jvm="$jvm ${JVM_EXTRA:-} -XX:NativeMemoryTracking=summary -Xlog:class+load=info:file=/tmp/accords-memory-classes.txt"
if [ "$service" = peer ]; then
  PEER_JWT_PUBLIC_KEY=file:$keys/public.pem java $jvm -jar $peer --server.port=18301 --spring.datasource.url="$url" \
    > /tmp/accords-memory-$service.log 2>&1 &
  port=18301
else
  QUARKUS_DATASOURCE_JDBC_URL="$url" QUARKUS_DATASOURCE_USERNAME=accords QUARKUS_DATASOURCE_PASSWORD=accords \
    ACCORDS_SEED_ENABLED=false QUARKUS_SHUTDOWN_DELAY=0S ACCORDS_RATE_LIMIT_ADMIN=100000000 \
    ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys \
    java $jvm -jar "$app/quarkus-run.jar" > /tmp/accords-memory-$service.log 2>&1 &
  port=8080
fi
pid=$!
until curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://localhost:$port/api/v1/agreements/$(head -1 "$ids")"; do
  sleep 0.5
done
rss() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$pid/status; }
echo "$service, load average $(cut -d' ' -f1-3 /proc/loadavg); RSS after the first answer: $(rss) MB"
list='/api/v1/agreements?sector=NAVAL&size=20'
for call in byid list byid list; do
  if [ -n "${RATE:-}" ]; then
    read -r gets lists <<< "$RATE"
    if [ $call = byid ]; then rate=$gets; path=/api/v1/agreements/$(head -1 "$ids"); else rate=$lists; path=$list; fi
    echo "$call at $rate/s: $(hey -z 20s -c 8 -q $((rate / 8)) -H "Authorization: Bearer $token" "http://localhost:$port$path" \
      | grep -E "Requests/sec|\[[0-9]+\]" | tr -s ' \n' ' ')"
  else
    MODE=$call IDS=$ids TOKEN=$token LIST_PATH=$list wrk -t2 -c16 -d20s -s $lua "http://localhost:$port" | grep RESULT
  fi
done
echo "RSS after load: $(rss) MB; threads: $(ls /proc/$pid/task | wc -l); classes loaded: $(grep -c '' /tmp/accords-memory-classes.txt)"
jcmd $pid VM.native_memory summary scale=MB | grep -E '^(Total|-)' | sed -E 's/ +/ /g'
jcmd $pid GC.heap_info | grep -E 'total|Metaspace'
# The live heap: a class histogram collects the whole heap first.
jcmd $pid GC.class_histogram | head -60 > /tmp/accords-memory-histogram-$service.txt
echo "after a full collection (histogram in /tmp/accords-memory-histogram-$service.txt; RSS $(rss) MB):"
jcmd $pid GC.heap_info | grep -E 'total'
kill $pid; wait $pid || true
rm -f "$ids"

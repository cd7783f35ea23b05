#!/usr/bin/env bash
# Where Accords spends its CPU under load: a JFR recording (settings=profile) of the service from its JVM's start (one
# started on a running JVM biased the profile), while wrk drives one call; the samples of the measured run alone, after
# a warm-up of the same call, give the hottest frames (top of stack) and the share of samples under each of a few
# components. Rate limits on as shipped, with a limit the bench caller does not reach (bench/throughput/run.sh).
#   bash bench/throughput/profile.sh [byid|list] [image|default] [seconds] [warm-up seconds]  (after bench/search/run.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
call=${1:-byid}; options=${2:-default}; seconds=${3:-30}; warmup=${4:-120}
database=${DATABASE:-accords_bench}
app=${APP:-/tmp/accords-bench-postgresql}
keys=/tmp/accords-bench-keys
lua=../shared/peers/spring-accords/bench/wrk-accords.lua
recording=/tmp/accords-$call-$options.jfr
ids=$(mktemp /tmp/accords-ids.XXXX)
runuser -u postgres -- psql -At -d "$database" -c "select id from agreement tablesample system (1) limit 2000" > "$ids"
token=$(java scripts/DevToken.java admin CONFIDENTIAL --keys $keys --minutes 600)
jvm=""
[ "$options" = image ] && jvm=$(sed -e '/^#/d' -e '/^$/d' -e '/SharedArchiveFile/d' src/main/docker/jvm-options | tr '\n' ' ')
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$database" QUARKUS_DATASOURCE_USERNAME=accords \
  QUARKUS_DATASOURCE_PASSWORD=accords ACCORDS_SEED_ENABLED=false QUARKUS_SHUTDOWN_DELAY=0S ACCORDS_RATE_LIMIT_ADMIN=100000000 \
  ACCORDS_AUTH_DEV_KEYS_ENABLED=true ACCORDS_AUTH_DEV_KEYS_DIR=$keys \
  java $jvm -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=name=load,settings=profile,filename=$recording -jar "$app/quarkus-run.jar" \
  > /tmp/accords-profile-app.log 2>&1 &
pid=$!
until curl -sf http://localhost:9000/q/health/ready > /dev/null; do sleep 0.5; done
run() { MODE=$call IDS=$ids TOKEN=$token LIST_PATH="${LIST_PATH:-/api/v1/agreements?sector=NAVAL&size=20}" \
  wrk -t2 -c16 -d"$1"s -s $lua http://localhost:8080 | grep RESULT; }
run "$warmup" > /dev/null                                              # warm-up
from=$(date -u +%H:%M:%S)
run "$seconds"
to=$(date -u +%H:%M:%S)
jcmd $pid JFR.dump name=load filename=$recording > /dev/null
kill $pid; wait $pid || true
rm -f "$ids"
jfr print --stack-depth 200 --events jdk.ExecutionSample "$recording" > /tmp/accords-samples.txt
python3 - /tmp/accords-samples.txt "$from" "$to" <<'PY'
import re, sys, collections
# Only the samples of the measured run: each event's startTime is the wall clock of the JVM (UTC here).
window = (sys.argv[2], sys.argv[3])
stacks = [s for s in open(sys.argv[1]).read().split("jdk.ExecutionSample")[1:]
          if (m := re.search(r"startTime = (\d\d:\d\d:\d\d)", s)) and window[0] <= m.group(1) <= window[1]]
frames = [re.findall(r"^\s+([\w.$<>]+)\(", s, re.M) for s in stacks]
frames = [f for f in frames if f]
top = collections.Counter(f[0] for f in frames)
print(f"{len(frames)} samples")
print("| Top frame | Share |\n| --- | --- |")
for name, n in top.most_common(12):
    print(f"| `{name}` | {100 * n / len(frames):.1f} % |")
parts = {
    "token verification (jose4j, RSA, smallrye-jwt)": r"jose4j|smallrye\.jwt|RSA|BigInteger|sun\.security",
    "JSON (Jackson)": r"com\.fasterxml\.jackson",
    "Hibernate ORM": r"org\.hibernate",
    "JDBC driver (pgjdbc)": r"org\.postgresql",
    "HTTP (Vert.x, Netty)": r"io\.vertx|io\.netty",
    "Accords' own code": r"io\.accords",
    "rate limits (Bucket4j)": r"bucket4j|RateLimit",
}
# A request filter that answers a Uni (the rate limit's) resumes the rest of the request inside its subscription, so
# its frame sits under everything that follows it: each stack is cut at the first such resumption, and a component
# counts only where it is itself at work.
def own(f):
    cut = next((i for i, x in enumerate(f) if x.endswith("FilterUtil.handleUniResponse")), len(f))
    return f[:cut]
print("\n| Samples with a frame of (a filter's resumption of the request not counted) | Share |\n| --- | --- |")
for label, pattern in parts.items():
    n = sum(1 for f in frames if any(re.search(pattern, x) for x in own(f)))
    print(f"| {label} | {100 * n / len(frames):.1f} % |")
PY

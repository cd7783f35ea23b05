#!/usr/bin/env bash
# Starts a one-node Kafka broker in KRaft mode (no ZooKeeper), for trying Accords' change topic and for
# KafkaRelayTest. The broker's jars come from Maven Central (scripts/kafka/pom.xml: org.apache.kafka:kafka_2.13 at the
# version of Accords' kafka-clients) and run on the default JDK 17.
#   bash scripts/kafka.sh start   # download once, format a fresh log directory, start on localhost:9092, wait
#   bash scripts/kafka.sh stop
# Development only: PLAINTEXT, no authentication, one replica of everything, a fresh log each start.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((PORT + 1))}"
BASE="${KAFKA_DIR:-.kafka}"
LIBS="$BASE/libs"
PID_FILE="$BASE/kafka.pid"
LOG_FILE="$BASE/kafka.log"

stop() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    for _ in $(seq 1 30); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 1; done
    kill -9 "$(cat "$PID_FILE")" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
}

start() {
  if [ ! -f "$LIBS/.complete" ]; then
    mkdir -p "$LIBS"
    ./mvnw -B -ntp -q -f scripts/kafka/pom.xml dependency:copy-dependencies -DoutputDirectory="$PWD/$LIBS" \
      -DincludeScope=runtime
    touch "$LIBS/.complete"
  fi
  stop
  rm -rf "$BASE/data"
  mkdir -p "$BASE/data"
  cat > "$BASE/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$PORT,CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$PWD/$BASE/data
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
  cat > "$BASE/log4j2.properties" <<'PROPERTIES'
rootLogger.level=WARN
rootLogger.appenderRef.out.ref=OUT
appender.out.type=Console
appender.out.name=OUT
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=%d %p %c{1} %m%n
logger.kafka.name=kafka.server.KafkaRaftServer
logger.kafka.level=INFO
PROPERTIES
  local java_options=(-Xmx512m -Dlog4j2.configurationFile="$PWD/$BASE/log4j2.properties" -cp "$PWD/$LIBS/*")
  java "${java_options[@]}" kafka.tools.StorageTool format -t "$(java "${java_options[@]}" \
    kafka.tools.StorageTool random-uuid)" -c "$BASE/server.properties" > /dev/null 2>&1
  nohup java "${java_options[@]}" kafka.Kafka "$BASE/server.properties" > "$LOG_FILE" 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 120); do
    if java "${java_options[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$PORT" --list \
      > /dev/null 2>&1; then
      echo "Kafka is up on localhost:$PORT (KRaft, log: $LOG_FILE)"
      return
    fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      echo "Kafka stopped while starting; its log:" >&2
      tail -40 "$LOG_FILE" >&2
      exit 1
    fi
    sleep 1
  done
  echo "Kafka did not answer within 120 s; its log: $LOG_FILE" >&2
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

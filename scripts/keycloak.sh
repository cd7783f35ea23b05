#!/usr/bin/env bash
# Starts Keycloak in development mode with Accords' realms (keycloak/*.json), for trying Accords with a real identity
# provider and for KeycloakIT. Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist) and runs on a
# JDK 21 or newer, looked for beside the default JDK 17.
#   bash scripts/keycloak.sh start   # download once, start on http://localhost:8180, wait until the realm answers
#   bash scripts/keycloak.sh stop
# Admin console: http://localhost:8180/admin (admin / admin). Development only: HTTP, fixed secrets and passwords.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="${KEYCLOAK_VERSION:-26.5.6}"
PORT="${KEYCLOAK_PORT:-8180}"
BASE="${KEYCLOAK_DIR:-.keycloak}"
HOME_DIR="$BASE/keycloak-$VERSION"
PID_FILE="$BASE/keycloak.pid"
LOG_FILE="$BASE/keycloak.log"

java_21_or_newer() {
  local candidate
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    local major
    major=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
  echo "Keycloak needs a JDK 21 or newer; set KEYCLOAK_JAVA_HOME" >&2
  exit 1
}

stop() {
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    kill "$(cat "$PID_FILE")"
    for _ in $(seq 1 30); do kill -0 "$(cat "$PID_FILE")" 2>/dev/null || break; sleep 1; done
  fi
  rm -f "$PID_FILE"
}

start() {
  if [ ! -x "$HOME_DIR/bin/kc.sh" ]; then
    mkdir -p "$BASE"
    ./mvnw -B -ntp -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
      -DoutputDirectory="$BASE" -Dmdep.overWriteReleases=true
    unzip -q -o "$BASE/keycloak-quarkus-dist-$VERSION.zip" -d "$BASE"
    rm "$BASE/keycloak-quarkus-dist-$VERSION.zip"
  fi
  stop
  # A fresh development database each start, so the realms are exactly the committed files.
  rm -rf "$HOME_DIR/data"
  mkdir -p "$HOME_DIR/data/import"
  cp keycloak/*-realm.json "$HOME_DIR/data/import/"
  JAVA_HOME="$(java_21_or_newer)" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    nohup "$HOME_DIR/bin/kc.sh" start-dev --import-realm --http-port="$PORT" \
    --http-management-port="$((PORT + 1000))" > "$LOG_FILE" 2>&1 &
  echo $! > "$PID_FILE"
  for _ in $(seq 1 180); do
    if curl -sf "http://localhost:$PORT/realms/accords/.well-known/openid-configuration" > /dev/null; then
      echo "Keycloak $VERSION is up on http://localhost:$PORT (realms accords and elsewhere; log: $LOG_FILE)"
      return
    fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      tail -50 "$LOG_FILE" >&2
      echo "Keycloak stopped while starting" >&2
      exit 1
    fi
    sleep 1
  done
  tail -50 "$LOG_FILE" >&2
  echo "Keycloak did not answer within 180 s" >&2
  exit 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Starts this machine's PostgreSQL 15 and gives the -Ppostgresql test suite a fresh, empty database.
# Needs root (or the postgres account's rights). Settings match pom.xml's accords.pg.* defaults.
set -euo pipefail

PG_VERSION=${PG_VERSION:-15}
DB=${ACCORDS_PG_DB:-accords_test}
ROLE=${ACCORDS_PG_USER:-accords}
PASSWORD=${ACCORDS_PG_PASSWORD:-accords}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; installing it from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-${PG_VERSION}" >/dev/null
fi

if ! pg_lsclusters --no-header | awk -v v="$PG_VERSION" '$1 == v && $2 == "main"' | grep -q online; then
  pg_ctlcluster "$PG_VERSION" main start
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

as_postgres() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }

as_postgres -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${ROLE}') THEN
    CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}';
  END IF;
END \$\$;"
as_postgres -c "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)"
as_postgres -c "CREATE DATABASE ${DB} OWNER ${ROLE}"
echo "PostgreSQL ${PG_VERSION} is up on 127.0.0.1:5432 with an empty database ${DB} owned by ${ROLE}"

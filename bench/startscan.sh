#!/usr/bin/env bash
# Issue 30: what the start's look for agreements without their read model costs on PostgreSQL, with and without the
# partial index of V18_1. Copies a migrated database (default: accords_changes, which bench/changes.py leaves), grows
# its agreements to about ROWS by copying them under new ids, and runs EXPLAIN ANALYZE of the query Hibernate sends
# (AgreementRepository.withoutReadModel) three times without the index, then three times with it.
#   bash bench/startscan.sh [source database] [rows]
set -euo pipefail
SOURCE="${1:-accords_changes}"
ROWS="${2:-200000}"
DB=accords_startscan
psql() { runuser -u postgres -- psql -d "$DB" -v ON_ERROR_STOP=1 "$@"; }
runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE $SOURCE OWNER accords"
COLUMNS=$(psql -At -c "select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
  where table_name = 'agreement' and is_generated = 'NEVER' and column_name <> 'id'")
HAVE=$(psql -At -c "select count(*) from agreement")
[ "$HAVE" -gt 0 ] || { echo "$SOURCE has no agreements to copy"; exit 1; }
psql -q -c "insert into agreement (id, $COLUMNS) select gen_random_uuid(), $COLUMNS from agreement,
  generate_series(1, greatest(1, $ROWS / $HAVE - 1))" -c "analyze agreement"
# AgreementRepository.withoutReadModel's query on PostgreSQL, with the limit Hibernate adds.
QUERY="select id from agreement where search_text is null or document is null or search_keys is null
  fetch first 500 rows only"
echo "agreements: $(psql -At -c 'select count(*) from agreement'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for index in without with; do
  if [ "$index" = without ]; then
    psql -q -c "set client_min_messages = warning" -c "drop index if exists agreement_read_model_missing_idx"
  else
    psql -q -c "create index agreement_read_model_missing_idx on agreement (id)
      where search_text is null or document is null or search_keys is null" -c "analyze agreement"
  fi
  for run in 1 2 3; do
    echo "$index the index, run $run: $(psql -At -c "explain (analyze, buffers) $QUERY" \
      | grep -E 'Scan on|Scan using|Execution Time' | sed -E 's/^ *(-> )? *//; s/\(cost=[^)]*\) //' | tr '\n' ' ')"
  done
done
runuser -u postgres -- psql -q -c "DROP DATABASE $DB"

"""What PostgreSQL alone needs to store imported agreements: copies agreements already in a database (with their
parties' links, collections and revisions) inside the server under new ids, in one transaction that is rolled back, and
prints rows per second. No client, network, parsing or service code takes part, so no import can be faster than this on
the same machine and schema.

  python3 bench/imports.py --db postgresql --rows 100000     # leaves 100,000 agreements in database accords_import
  python3 bench/import_floor.py --database accords_import --rows 10000 --rounds 5
  python3 bench/import_floor.py --database accords_import --rows 100000 --rounds 3 --empty

With --empty, what a bulk load into an empty registry could reach at best: the rows of the first --rows agreements are
set aside, the tables emptied (all inside the transaction that is rolled back), and the rows stored again five ways,
interleaved round by round: "none", the live schema (every index and the key table's trigger kept up row by row);
"search", the search's indexes (GIN) and the key table's trigger left out and built after; "all", every index that no
key or unique constraint needs left out and built after; "all-vectors-after", as "all" with the text vectors (generated
columns in the schema) computed for every row once the rows are in; "all-no-vectors", as "all" with no text vectors
at all, a bound that no load keeping search working can reach.
"""
import argparse, os, statistics, subprocess, sys


def psql(database, *commands):
    return subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-At", "-d", database]
                          + [a for c in commands for a in ("-c", c)], check=True, capture_output=True, text=True).stdout


def columns(database):
    """The stored (not generated) columns of the agreement tables, revision and change_event, in order."""
    out = psql(database, "select table_name, string_agg(column_name, ',' order by ordinal_position) from"
                         " information_schema.columns where table_schema = 'public' and is_generated = 'NEVER' and"
                         " (table_name like 'agreement%' or table_name in ('revision', 'change_event')) group by table_name")
    return {line.split("|")[0]: line.split("|")[1].split(",") for line in out.splitlines()}


# Filled by the database itself from the agreement row (triggers of migration V20_2): copying the agreement fills it.
TRIGGER_FILLED = {"agreement_key"}


def copy_script(tables, rows):
    """One transaction: map rows agreements to new ids, copy each table's rows for them (the agreement, its
    collections, its revisions and their change events, as an import leaves them), roll back."""
    def select(table, keys):
        """The table's columns and what each takes: the copied row's value unless keys says otherwise."""
        names = tables[table]
        values = ",".join(keys.get(c, "x." + c) for c in names)
        return names, values

    def copy(table, key):
        names, values = select(table, {key: "m.new"})
        return "INSERT INTO %s (%s) SELECT %s FROM %s x JOIN m ON m.old = x.%s;" % (
            table, ",".join(names), values, table, key)
    statements = ["BEGIN;", "CREATE TEMP TABLE m ON COMMIT DROP AS SELECT id AS old, gen_random_uuid() AS new"
                  " FROM agreement LIMIT %d;" % rows, "SELECT extract(epoch FROM clock_timestamp());", copy("agreement", "id")]
    statements += [copy(t, "agreement_id") for t in sorted(tables)
                   if t.startswith("agreement_") and t not in TRIGGER_FILLED]
    # Each revision under a new id from the service's sequence, and the change event the feed keeps for it.
    statements.append("CREATE TEMP TABLE r ON COMMIT DROP AS SELECT x.id AS old, nextval('revision_ids') AS new,"
                      " m.new AS record FROM revision x JOIN m ON m.old = x.record_id;")
    names, values = select("revision", {"id": "r.new", "record_id": "r.record"})
    statements.append("INSERT INTO revision (%s) SELECT %s FROM revision x JOIN r ON r.old = x.id;"
                      % (",".join(names), values))
    if "change_event" in tables:
        names, values = select("change_event", {
            "position": "(SELECT coalesce(max(position), 0) FROM change_event) + row_number() OVER ()",
            "revision_id": "r.new", "record_id": "r.record"})
        statements.append("INSERT INTO change_event (%s) SELECT %s FROM change_event x JOIN r ON r.old = x.revision_id;"
                          % (",".join(names), values))
    statements += ["SELECT extract(epoch FROM clock_timestamp());", "ROLLBACK;"]
    return "\n".join(statements)


def indexes(database, deferred):
    """The definitions of the indexes a bulk load would build after its rows: the GIN ones ("search"), or every index
    that no key or unique constraint needs ("all")."""
    where = "i.indexdef like '%USING gin%'" if deferred == "search" else \
        "not exists (select 1 from pg_constraint c where c.conname = i.indexname) and i.indexdef not like '%UNIQUE%'"
    out = psql(database, "select i.indexname || '|' || i.indexdef from pg_indexes i where i.schemaname = 'public' and"
                         " (i.tablename like 'agreement%' or i.tablename in ('revision', 'change_event')) and "
                         + where)
    return [line.split("|", 1) for line in out.splitlines()]


VECTORS = {"search_vector": "search_text", "search_vector_restricted": "search_text_restricted",
           "search_vector_public": "search_text_public"}


def empty_script(tables, rows, built, vectors="inline"):
    """One transaction: sets aside the rows of the first rows agreements, empties the tables, then stores those rows
    again, with the indexes built (none: the live schema) and the key table's trigger left out and built after; rolls
    back. vectors: "inline" as the schema has them (generated as each row is stored), "after" (computed for every row
    once the rows are in), or "none" (never: a bound no load that keeps search working can reach)."""
    stored = ["agreement"] + sorted(t for t in tables if t.startswith("agreement_") and t not in TRIGGER_FILLED) \
        + ["revision"] + (["change_event"] if "change_event" in tables else [])
    keyed = {"agreement": "id", "revision": "record_id", "change_event": "record_id"}
    statements = ["BEGIN;", "CREATE TEMP TABLE m ON COMMIT DROP AS SELECT id FROM agreement ORDER BY id LIMIT %d;" % rows]
    for table in stored:
        statements.append("CREATE TEMP TABLE src_%s ON COMMIT DROP AS SELECT %s FROM %s x WHERE x.%s IN"
                          " (SELECT id FROM m);" % (table, ",".join("x." + c for c in tables[table]), table,
                                                    keyed.get(table, "agreement_id")))
    # Revisions may not be emptied (append-only triggers); inside this transaction, which is rolled back, they may.
    statements += ["ALTER TABLE revision DISABLE TRIGGER USER;",
                   "TRUNCATE %s, agreement_key, milestone CASCADE;" % ", ".join(stored),
                   "ALTER TABLE revision ENABLE TRIGGER USER;"]
    after = []
    if vectors != "inline":
        statements += ["ALTER TABLE agreement ALTER COLUMN %s DROP EXPRESSION;" % v for v in VECTORS]
    if vectors == "after":
        after.append("UPDATE agreement SET %s;" % ", ".join(
            "%s = to_tsvector('simple', coalesce(%s, ''))" % item for item in VECTORS.items()))
    if built is not None:
        statements.append("ALTER TABLE agreement DISABLE TRIGGER agreement_key_written;")
        statements += ["DROP INDEX %s;" % name for name, _ in built]
        after += ["INSERT INTO agreement_key (key, agreement_id, classification) SELECT DISTINCT k.key, a.id,"
                  " a.classification FROM agreement a, unnest(a.search_keys) AS k(key) WHERE k.key IS NOT NULL;"]
        after += [definition + ";" for _, definition in built]
    statements.append("SELECT extract(epoch FROM clock_timestamp());")
    statements += ["INSERT INTO %s (%s) SELECT * FROM src_%s;" % (t, ",".join(tables[t]), t) for t in stored]
    statements += after
    statements += ["SELECT extract(epoch FROM clock_timestamp());", "ROLLBACK;"]
    return "\n".join(statements)


def timed(database, script):
    """Runs the script, which selects the clock before and after what it times; the seconds between."""
    out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                          "-d", database], input=script, check=True, capture_output=True, text=True).stdout.split()
    return float(out[1]) - float(out[0])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="accords_import")
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--empty", action="store_true", help="a bulk load into an empty registry, five ways")
    parser.add_argument("--ways", help="with --empty, only these ways, comma-separated (none, search, all, ...)")
    args = parser.parse_args()
    if args.empty:
        tables = columns(args.database)
        built = {"none": None, "search": indexes(args.database, "search"), "all": indexes(args.database, "all")}
        ways = {"none": (None, "inline"), "search": (built["search"], "inline"), "all": (built["all"], "inline"),
                "all-vectors-after": (built["all"], "after"), "all-no-vectors": (built["all"], "none")}
        rates = {way: [] for way in ways if not args.ways or way in args.ways.split(",")}
        for _ in range(args.rounds):
            for deferred in rates:
                seconds = timed(args.database, empty_script(tables, args.rows, *ways[deferred]))
                rates[deferred].append(args.rows / seconds)
                print("%s: %d agreements stored in %.2f s: %.0f rows/s (load average %.2f)" % (
                    deferred, args.rows, seconds, rates[deferred][-1], os.getloadavg()[0]), flush=True)
        for deferred in rates:
            print("| %s | %d | %s |" % (deferred, len(ways[deferred][0] or []), ", ".join("%.0f" % r for r in rates[deferred]))
                  + " median %.0f |" % statistics.median(rates[deferred]))
        sys.exit(0)
    script = copy_script(columns(args.database), args.rows)
    rates = []
    for _ in range(args.rounds):
        seconds = timed(args.database, script)
        rates.append(args.rows / seconds)
        print("%d agreements copied in %.2f s: %.0f rows/s" % (args.rows, seconds, rates[-1]))
    print("median %.0f rows/s over %d rounds (load average %.2f)" % (statistics.median(rates), args.rounds,
                                                                      os.getloadavg()[0]))

"""What PostgreSQL alone needs to store imported agreements: copies agreements already in a database (with their
parties' links, collections and revisions) inside the server under new ids, in one transaction that is rolled back, and
prints rows per second. No client, network, parsing or service code takes part, so no import can be faster than this on
the same machine and schema.

  python3 bench/imports.py --db postgresql --rows 100000     # leaves 100,000 agreements in database accords_import
  python3 bench/import_floor.py --database accords_import --rows 10000 --rounds 5
"""
import argparse, os, statistics, subprocess


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


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="accords_import")
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    script = copy_script(columns(args.database), args.rows)
    rates = []
    for _ in range(args.rounds):
        out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                              "-d", args.database],
                             input=script, check=True, capture_output=True, text=True).stdout.split()
        start, end = float(out[0]), float(out[1])
        rates.append(args.rows / (end - start))
        print("%d agreements copied in %.2f s: %.0f rows/s" % (args.rows, end - start, rates[-1]))
    print("median %.0f rows/s over %d rounds (load average %.2f)" % (statistics.median(rates), args.rounds,
                                                                      os.getloadavg()[0]))

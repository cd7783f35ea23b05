#!/usr/bin/env python3
"""Crash durability (issue 6, item 3): kill the packaged application with SIGKILL while it acknowledges writes, restart
it, and check that every write it acknowledged with a 2xx is there with its last acknowledged content (bench/ledger.py).

    python3 bench/crash.py --db h2 --kills 20
    python3 bench/crash.py --db postgresql --kills 20      # needs scripts/postgres-for-tests.sh first
    python3 bench/crash.py --db h2 --kills 3 --control     # negative control: the checker must see losses

Uses the application packaged in target/quarkus-app, which must be the build for that database
(./mvnw package -DskipTests, or with -Ppostgresql). Exits 1 when an acknowledged write is missing or wrong, or the
database does not open.

--control runs the same check on a setup that acknowledges writes before they are durable, to show the checker
catches a real loss: H2 with WRITE_DELAY=10000 (commits reach the file up to 10 s later; the service's default is 0),
or PostgreSQL with synchronous_commit=off whose server is also stopped in immediate mode at every kill. It exits 0
when the checker reports lost writes and 1 when it sees none.
"""
import argparse, random, shutil, signal, subprocess, sys, time

from ledger import Ledger
from packaged import Setup

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
parser.add_argument("--kills", type=int, default=20)
parser.add_argument("--writers", type=int, default=4)
parser.add_argument("--port", type=int, default=8097)
parser.add_argument("--control", action="store_true")
args = parser.parse_args()

setup = Setup(args.db, "crash")
if args.control and args.db == "h2":
    setup.env["QUARKUS_DATASOURCE_JDBC_URL"] = setup.env["QUARKUS_DATASOURCE_JDBC_URL"].replace(
        "WRITE_DELAY=0", "WRITE_DELAY=10000")
elif args.control:
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c",
                    "ALTER DATABASE %s SET synchronous_commit = off" % setup.database], check=True)


def crash_database():
    """In the PostgreSQL control, the server dies too, without writing out what it has not yet flushed."""
    if args.control and args.db == "postgresql":
        subprocess.run(["pg_ctlcluster", "15", "main", "stop", "-m", "immediate"], check=True)
        subprocess.run(["pg_ctlcluster", "15", "main", "start"], check=True)


app = setup.start(args.port)
ledger = Ledger(args.port, setup.token())
rnd = random.Random()
total_lost = []
for kill in range(1, args.kills + 1):
    halt = ledger.writers(args.writers, seed=kill)
    time.sleep(rnd.uniform(0.5, 3.0))
    app.send_signal(signal.SIGKILL)
    app.wait()
    crash_database()
    halt()
    app = setup.start(args.port)
    lost = ledger.verify()
    total_lost += lost
    print("kill %2d: %d parties acknowledged so far, %d lost" % (kill, len(ledger.acked), len(lost)), flush=True)
app.send_signal(signal.SIGTERM)
app.wait()
counts = ledger.counts
print("%s%s: %d SIGKILLs, %d creates and %d updates acknowledged, %d requests unanswered (in flight at a kill),"
      " %d refused (412 races), acknowledged writes lost: %d"
      % (args.db, " (control)" if args.control else "", args.kills, counts["created"], counts["updated"],
         counts["unanswered"], counts["refused"], len(total_lost)))
for party_id, why in total_lost[:20]:
    print("  lost", party_id, why)
if args.control:
    print("control %s: the checker %s" % ("passed" if total_lost else "FAILED",
                                         "saw the losses" if total_lost else "saw no loss where there must be one"))
    sys.exit(0 if total_lost else 1)
if not total_lost:
    shutil.rmtree(setup.work, ignore_errors=True)
sys.exit(1 if total_lost else 0)

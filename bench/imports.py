"""Bulk import on the packaged application: throughput, peak memory and a second run of the same file; or, with
--kill, a restart in the middle of a job (kill -9), after which the job must finish with every row written once; or,
with --failover, two replicas on one PostgreSQL database: the one holding the job is killed (kill -9) while the other
stays up, which must take the job over within its lease and 30 seconds and finish it, every row written once. Both
checks run with a 10-second lease (--lease; shipped: 30 s), so that a killed holder's job waits a third as long.

  python3 bench/imports.py --db postgresql --rows 100000          # rows/s, peak RSS, then the same file again
  python3 bench/imports.py --db h2 --rows 3000 --kill             # crash check (run by .ci/run)
  python3 bench/imports.py --db postgresql --rows 6000 --failover # two-replica check (run by .ci/run)
  python3 bench/imports.py --db postgresql --rows 6000 --failover --lease 30S  # with the shipped lease

Build the package first (./mvnw package -DskipTests, with -Ppostgresql for PostgreSQL); PostgreSQL needs
scripts/postgres-for-tests.sh. The file holds agreements as the NDJSON export writes them, each naming two of 2,000
parties inline, so the import also creates the parties."""
import argparse, json, os, random, signal, subprocess, sys, tempfile, time, urllib.request, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from packaged import Setup, url, management  # noqa: E402

SECTORS = ["AEROSPACE", "NAVAL", "LAND_SYSTEMS", "MUNITIONS", "C4ISR_ELECTRONICS", "TRAINING"]
KINDS = ["COMPANY", "STATE_ENTERPRISE", "AGENCY", "GOVERNMENT"]
COUNTRIES = ["KR", "PE", "CL", "US", "FR", "DE", "PL", "TR", "IN", "BR"]


def write_file(path, rows, seed=7):
    """Writes the NDJSON file: rows agreements in the export's shape, with fixed ids so that a re-run matches."""
    rng = random.Random(seed)
    parties = [{"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "name": "Bench party %d" % i,
                "acronym": "BP%d" % i, "country": COUNTRIES[i % len(COUNTRIES)], "kind": KINDS[i % len(KINDS)],
                "classification": "PUBLIC"} for i in range(2000)]
    with open(path, "w") as out:
        for i in range(rows):
            a, b = rng.sample(parties, 2)
            source = "https://example.org/bench/%d" % i
            row = {"id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                   "title": "Bench agreement %d on %s cooperation" % (i, rng.choice(SECTORS).lower()),
                   "summary": "A synthetic agreement for the import benchmark.", "type": "MOU", "status": "SIGNED",
                   "sectors": [rng.choice(SECTORS)], "modes": ["JOINT_PRODUCTION"],
                   "parties": [{"party": a, "role": "SIGNATORY"}, {"party": b, "role": "SIGNATORY"}],
                   "systems": ["SYS-%d" % (i % 500)], "signed": "20%02d-%02d" % (10 + i % 15, 1 + i % 12),
                   "sources": [{"publisher": "Bench Wire", "title": "Report %d" % i, "url": source,
                                "published": "2024-11-17"}],
                   "claims": [{"fact": "status", "basis": "STATED", "sources": [source]}],
                   "tags": ["bench"], "classification": "PUBLIC"}
            out.write(json.dumps(row) + "\n")


def post_file(port, token, path):
    with open(path, "rb") as body:
        request = urllib.request.Request(url(port, "/api/v1/imports"), data=body, method="POST", headers={
            "Authorization": "Bearer " + token, "Content-Type": "application/x-ndjson",
            "Content-Length": str(os.path.getsize(path))})
        with urllib.request.urlopen(request, timeout=3600) as answer:
            assert answer.status == 202, answer.status
            return json.load(answer)["id"]


def job(port, token, id):
    request = urllib.request.Request(url(port, "/api/v1/imports/" + id), headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


def refused_rows(port, token, id):
    """The job's refusals, each with its row and the problem it answered: what a failed check prints to say why."""
    request = urllib.request.Request(url(port, "/api/v1/imports/%s/refusals" % id),
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.load(answer)


def wait(port, token, id, limit=3600):
    deadline = time.time() + limit
    while time.time() < deadline:
        state = job(port, token, id)
        if state["status"] in ("DONE", "REFUSED", "STOPPED", "CANCELLED"):
            return state
        time.sleep(0.2)
    sys.exit("import %s did not finish within %d s" % (id, limit))


def peak_rss_mb(process):
    with open("/proc/%d/status" % process.pid) as status:
        for line in status:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) // 1024
    return -1


def total(port, token):
    request = urllib.request.Request(url(port, "/api/v1/agreements?size=1&count=exact"),
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return json.load(answer)["total"]


def throughput(args):
    setup = Setup(args.db, "import")
    path = os.path.join(setup.work, "agreements.ndjson")
    write_file(path, args.rows)
    size = os.path.getsize(path) / 1e6
    port = 18480
    app = setup.start(port, jvm_options=["-Xmx1g"])
    token = setup.token("editor", "CONFIDENTIAL")
    load = os.getloadavg()[0]
    print("### %s, %d rows (%.0f MB), batch size %s, load average %.2f at start"
          % (args.db, args.rows, size, os.environ.get("ACCORDS_IMPORTS_BATCH_SIZE", "200"), load))
    print("| run | upload s | rows/s (upload to DONE) | created | updated | unchanged | refused | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for run in (1, 2):
        started = time.time()
        id = post_file(port, token, path)
        uploaded = time.time() - started
        state = wait(port, token, id)
        elapsed = time.time() - started
        c = state["counts"]
        print("| %d | %.1f | %.0f | %d | %d | %d | %d | %d |" % (run, uploaded, args.rows / elapsed, c["created"],
              c["updated"], c["unchanged"], c["refused"], peak_rss_mb(app)))
        sys.stdout.flush()
    print("load average at end: %.2f" % os.getloadavg()[0])
    app.terminate()
    app.wait()


def crash(args):
    """Kills the service while a job runs, restarts it, and checks every row was written once and counted once."""
    setup = Setup(args.db, "importcrash")
    setup.env.update(ACCORDS_IMPORTS_LEASE=args.lease)
    path = os.path.join(setup.work, "agreements.ndjson")
    write_file(path, args.rows, seed=11)
    port = 18490
    app = setup.start(port)
    token = setup.token("editor", "CONFIDENTIAL")
    id = post_file(port, token, path)
    while job(port, token, id)["counts"]["read"] < args.rows // 3:
        time.sleep(0.05)
    before = job(port, token, id)["counts"]["read"]
    app.send_signal(signal.SIGKILL)
    app.wait()
    app = setup.start(port)
    state = wait(port, token, id)
    written = total(port, token)
    refusals = refused_rows(port, token, id) if state["counts"]["refused"] else []
    app.terminate()
    app.wait()
    c = state["counts"]
    print("import %s: killed after %d of %d rows read; after the restart: %s, created %d, unchanged %d, refused %d;"
          " agreements in the registry: %d" % (id, before, args.rows, state["status"], c["created"], c["unchanged"],
                                               c["refused"], written))
    for refusal in refusals:
        print("refused: %s" % json.dumps(refusal))
    if refusals:
        # What the service logged of the rows it could not write, on either run.
        with open(os.path.join(setup.work, "app.log"), errors="replace") as log:
            for line in log:
                if " ERROR " in line or "ImportWorker" in line or line.startswith("Caused by"):
                    print("app.log: " + line.rstrip()[:2000])
    if state["status"] != "DONE" or c["created"] != args.rows or c["unchanged"] or c["refused"] \
            or written != args.rows:
        sys.exit("FAILED: a row was lost or applied twice across the restart")
    print("OK: every row written once")


def seconds(lease):
    """A lease such as 10S or 1M in seconds."""
    return int(lease[:-1]) * {"S": 1, "M": 60}[lease[-1].upper()]


def psql(database, sql):
    return subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-d", database, "-At", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def failover(args):
    """Two replicas, one database: kills the replica that holds the job, and checks that the other takes it over
    within its lease and 30 s (the lease runs out, and the survivor's poll finds it) and writes every row exactly once."""
    if args.db != "postgresql":
        sys.exit("--failover needs --db postgresql: two processes cannot share an embedded H2 file")
    setup = Setup(args.db, "importfailover")
    setup.env.update(ACCORDS_IMPORTS_LEASE=args.lease)
    within = seconds(args.lease) + 30
    path = os.path.join(setup.work, "agreements.ndjson")
    write_file(path, args.rows, seed=13)
    ports = [18494, 18496]
    apps = {port: setup.start(port, log="app-%d.log" % port) for port in ports}
    token = setup.token("editor", "CONFIDENTIAL")
    id = post_file(ports[0], token, path)
    owner = ""
    while True:
        state = job(ports[0], token, id)
        owner = psql(setup.database, "select coalesce(lease_owner, '') from import_job where id = '%s'" % id)
        if state["status"] in ("DONE", "REFUSED", "STOPPED", "CANCELLED"):
            sys.exit("FAILED: the job ended before a replica could be killed; use more --rows")
        if owner and state["counts"]["read"] >= args.rows // 4:
            break
        time.sleep(0.05)
    pid = int(owner.split("-")[1])
    victim = next(port for port, app in apps.items() if app.pid == pid)
    survivor = next(port for port in ports if port != victim)
    before = job(survivor, token, id)["counts"]["read"]
    killed_at = time.time()
    apps[victim].send_signal(signal.SIGKILL)
    apps[victim].wait()
    taken_over = None
    while time.time() < killed_at + 600:
        state = job(survivor, token, id)
        holder = psql(setup.database, "select coalesce(lease_owner, '') from import_job where id = '%s'" % id)
        if taken_over is None and (state["counts"]["read"] > before or (holder and holder != owner)
                                   or state["status"] == "DONE"):
            taken_over = time.time() - killed_at
        if state["status"] in ("DONE", "REFUSED", "STOPPED", "CANCELLED"):
            break
        time.sleep(0.2)
    written = total(survivor, token)
    created_revisions = int(psql(setup.database, "select count(*) from revision where record_type = 'agreement'"
                                                 " and action = 'CREATED'"))
    apps[survivor].terminate()
    apps[survivor].wait()
    c = state["counts"]
    print("import %s on two replicas: the one holding it (port %d) killed after %d of %d rows read; the other (port %d)"
          " took it over after %.1f s; %s, created %d, unchanged %d, refused %d; agreements %d, creation revisions %d"
          % (id, victim, before, args.rows, survivor, taken_over if taken_over is not None else -1, state["status"],
             c["created"], c["unchanged"], c["refused"], written, created_revisions))
    if taken_over is None or taken_over > within:
        sys.exit("FAILED: the surviving replica did not take the job over within %d s" % within)
    if state["status"] != "DONE" or c["created"] != args.rows or c["unchanged"] or c["refused"] \
            or written != args.rows or created_revisions != args.rows:
        sys.exit("FAILED: a row was lost or applied twice across the failover")
    print("OK: taken over within %d s (lease %s), every row written once" % (within, args.lease))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
    parser.add_argument("--rows", type=int, default=100000)
    parser.add_argument("--kill", action="store_true")
    parser.add_argument("--failover", action="store_true")
    parser.add_argument("--lease", default="10S",
                        help="the import job lease of --kill and --failover (ACCORDS_IMPORTS_LEASE); shipped: 30S")
    arguments = parser.parse_args()
    if arguments.failover:
        failover(arguments)
    elif arguments.kill:
        crash(arguments)
    else:
        throughput(arguments)

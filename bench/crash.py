#!/usr/bin/env python3
"""Crash durability (issue 6, item 3): kill the packaged application with SIGKILL while it acknowledges writes, restart
it, and check that every write it acknowledged with a 2xx is there with its last acknowledged content.

    python3 bench/crash.py --db h2 --kills 20
    python3 bench/crash.py --db postgresql --kills 20      # needs scripts/postgres-for-tests.sh first

Uses the application packaged in target/quarkus-app, which must be the build for that database
(./mvnw package -DskipTests, or with -Ppostgresql). Writers create parties and change their acronym with If-Match;
a write whose answer never came (the process died) may or may not have happened, so after a restart a party's
version must be at least the acknowledged one, and its acronym the acknowledged one or one sent after it.
Exits 1 when an acknowledged write is missing or wrong, or the database does not open.
"""
import argparse, json, random, shutil, signal, sys, threading, time, urllib.error

from packaged import Setup, call as send

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
parser.add_argument("--kills", type=int, default=20)
parser.add_argument("--writers", type=int, default=4)
parser.add_argument("--port", type=int, default=8097)
args = parser.parse_args()

setup = Setup(args.db, "crash")
work = setup.work


def start():
    return setup.start(args.port)


def call(method, path, token, body=None, headers=None):
    status, content, response_headers = send(args.port, token, method, path, body, headers, timeout=10)
    return status, json.loads(content) if status < 300 and content else None, response_headers


lock = threading.Lock()
acked = {}      # party id -> (version, acronym) of the last acknowledged write
sent = {}       # party id -> acronyms sent after the last acknowledgement (their answer may have been lost)
counts = {"created": 0, "updated": 0, "unanswered": 0, "refused": 0}


def writer(token, stop, seed):
    rnd = random.Random(seed)
    while not stop.is_set():
        with lock:
            ids = list(acked)
        try:
            if not ids or rnd.random() < 0.3:
                acronym = "C%06d" % rnd.randrange(10 ** 6)
                body = {"name": "Crash %d %d" % (seed, rnd.randrange(10 ** 9)), "acronym": acronym,
                        "country": "KR", "kind": "COMPANY"}
                status, party, _ = call("POST", "/api/v1/parties", token, body)
                if status == 201:
                    with lock:
                        acked[party["id"]] = (party["version"], party["acronym"])
                        sent[party["id"]] = set()
                        counts["created"] += 1
                else:
                    counts["refused"] += 1
            else:
                party_id = rnd.choice(ids)
                with lock:
                    version, _ = acked[party_id]
                    acronym = "U%06d" % rnd.randrange(10 ** 6)
                    sent[party_id].add(acronym)
                status, party, _ = call("PATCH", "/api/v1/parties/" + party_id, token, {"acronym": acronym},
                                        {"If-Match": '"%d"' % version})
                if status == 200:
                    with lock:
                        if party["version"] > acked[party_id][0]:
                            acked[party_id] = (party["version"], party["acronym"])
                            sent[party_id] = set()
                        counts["updated"] += 1
                else:
                    counts["refused"] += 1   # 412 when another writer got there first
        except (urllib.error.URLError, OSError, ConnectionError):
            counts["unanswered"] += 1
            time.sleep(0.05)


def verify(token):
    lost = []
    with lock:
        expected = dict(acked)
        pending = {k: set(v) for k, v in sent.items()}
    for party_id, (version, acronym) in expected.items():
        status, party, _ = call("GET", "/api/v1/parties/" + party_id, token)
        if status != 200:
            lost.append((party_id, "answered %d" % status))
        elif party["version"] < version:
            lost.append((party_id, "version %d < acknowledged %d" % (party["version"], version)))
        elif party["version"] == version and party["acronym"] != acronym:
            lost.append((party_id, "acronym %s, acknowledged %s" % (party["acronym"], acronym)))
        elif party["version"] > version and party["acronym"] not in pending[party_id]:
            lost.append((party_id, "acronym %s was never sent after the acknowledged write" % party["acronym"]))
        else:
            with lock:  # what the database holds is now the acknowledged state
                acked[party_id] = (party["version"], party["acronym"])
                sent[party_id] = set()
    return lost


app = start()
token = setup.token()
rnd = random.Random()
total_lost = []
for kill in range(1, args.kills + 1):
    stop = threading.Event()
    threads = [threading.Thread(target=writer, args=(token, stop, kill * 100 + w)) for w in range(args.writers)]
    for thread in threads:
        thread.start()
    time.sleep(rnd.uniform(0.5, 3.0))
    app.send_signal(signal.SIGKILL)
    app.wait()
    stop.set()
    for thread in threads:
        thread.join()
    app = start()
    lost = verify(token)
    total_lost += lost
    print("kill %2d: %d parties acknowledged so far, %d lost" % (kill, len(acked), len(lost)), flush=True)
app.send_signal(signal.SIGTERM)
app.wait()
print("%s: %d SIGKILLs, %d creates and %d updates acknowledged, %d requests unanswered (in flight at a kill),"
      " %d refused (412 races), acknowledged writes lost: %d"
      % (args.db, args.kills, counts["created"], counts["updated"], counts["unanswered"], counts["refused"],
         len(total_lost)))
for party_id, why in total_lost[:20]:
    print("  lost", party_id, why)
if not total_lost:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if total_lost else 0)

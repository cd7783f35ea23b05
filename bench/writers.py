#!/usr/bin/env python3
"""Concurrent writers (issue 6, item 4): many clients change the same agreements at once, each read-modify-write
guarded by If-Match, and no update may be lost: every agreement's summary holds a counter that each accepted write
increments, so at the end it must equal the number of writes the service accepted (200) for it. Also: no 5xx and no
request left without an answer (a deadlock would show as a timeout).

    python3 bench/writers.py --db h2 --clients 16 --seconds 30
    python3 bench/writers.py --db postgresql --instances 2 --clients 16 --seconds 30   # two apps, one database

Uses the application packaged in target/quarkus-app, built for that database. Exits 1 when an update was lost or
an answer was a 5xx or missing.
"""
import argparse, json, os, random, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
parser.add_argument("--instances", type=int, default=1)
parser.add_argument("--clients", type=int, default=16)
parser.add_argument("--agreements", type=int, default=3)
parser.add_argument("--seconds", type=float, default=30)
args = parser.parse_args()
if args.db == "h2" and args.instances != 1:
    sys.exit("the embedded H2 database serves one instance")

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="accords-writers-")
keys = os.path.join(work, "keys")
env = dict(os.environ, ACCORDS_SEED_ENABLED="false", ACCORDS_AUTH_DEV_KEYS_ENABLED="true",
           ACCORDS_AUTH_DEV_KEYS_DIR=keys, QUARKUS_SHUTDOWN_DELAY_ENABLED="false")
if args.db == "h2":
    env["QUARKUS_DATASOURCE_JDBC_URL"] = "jdbc:h2:file:%s/accords;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" % work
else:
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c",
                    "DROP DATABASE IF EXISTS accords_writers WITH (FORCE)", "-c",
                    "CREATE DATABASE accords_writers OWNER accords"], check=True)
    env.update(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/accords_writers",
               QUARKUS_DATASOURCE_USERNAME="accords", QUARKUS_DATASOURCE_PASSWORD="accords")

apps, bases = [], []
for i in range(args.instances):
    port = 8098 + i
    log = open(os.path.join(work, "app%d.log" % i), "w")
    apps.append(subprocess.Popen(["java", "-jar", os.path.join(root, "target", "quarkus-app", "quarkus-run.jar")],
                                 env=dict(env, QUARKUS_HTTP_PORT=str(port)), stdout=log, stderr=subprocess.STDOUT))
    bases.append("http://127.0.0.1:%d" % port)
    deadline = time.time() + 120   # one after the other: the first runs the migrations
    while True:
        try:
            if urllib.request.urlopen(bases[-1] + "/q/health/ready", timeout=2).status == 200:
                break
        except (urllib.error.URLError, OSError):
            if time.time() > deadline or apps[-1].poll() is not None:
                sys.exit("instance %d did not start; see %s" % (i, work))
            time.sleep(0.2)
token = subprocess.run(["java", os.path.join(root, "scripts", "DevToken.java"), "editor", "CONFIDENTIAL", "--keys",
                        keys], check=True, capture_output=True, text=True).stdout.strip()


def call(base, method, path, body=None, headers=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else
                                     json.dumps(body).encode(), headers=dict(headers or {}))
    request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", "application/merge-patch+json" if method == "PATCH"
                           else "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers.get("ETag")
    except urllib.error.HTTPError as error:
        return error.code, None, None


party = call(bases[0], "POST", "/api/v1/parties", {"name": "Writers Test", "country": "KR", "kind": "COMPANY"})[1]
ids = []
for n in range(args.agreements):
    status, agreement, _ = call(bases[0], "POST", "/api/v1/agreements", {
        "title": "Concurrent writers %d" % n, "summary": "0", "type": "MOU", "status": "SIGNED",
        "sectors": ["NAVAL"], "parties": [{"partyId": party["id"], "role": "SIGNATORY"}],
        "sources": [{"publisher": "Test", "url": "https://example.org/a"}]})
    assert status == 201, status
    ids.append(agreement["id"])

lock = threading.Lock()
accepted = {i: 0 for i in ids}
stats = {"attempted": 0, "accepted": 0, "stale": 0, "5xx": 0, "unanswered": 0, "other": 0}
stop = time.time() + args.seconds


def client(number):
    rnd = random.Random(number)
    while time.time() < stop:
        base = bases[rnd.randrange(len(bases))]
        agreement_id = rnd.choice(ids)
        try:
            status, current, etag = call(base, "GET", "/api/v1/agreements/" + agreement_id)
            status, _, _ = call(bases[rnd.randrange(len(bases))], "PATCH", "/api/v1/agreements/" + agreement_id,
                                {"summary": str(int(current["summary"]) + 1)}, {"If-Match": etag})
        except (urllib.error.URLError, OSError) as error:
            with lock:
                stats["unanswered"] += 1
            continue
        with lock:
            stats["attempted"] += 1
            if status == 200:
                stats["accepted"] += 1
                accepted[agreement_id] += 1
            elif status == 412:
                stats["stale"] += 1
            elif status >= 500:
                stats["5xx"] += 1
            else:
                stats["other"] += 1


threads = [threading.Thread(target=client, args=(c,)) for c in range(args.clients)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
lost = 0
for agreement_id in ids:
    final = int(call(bases[0], "GET", "/api/v1/agreements/" + agreement_id)[1]["summary"])
    lost += accepted[agreement_id] - final
    if final != accepted[agreement_id]:
        print("  %s: %d accepted writes, counter at %d" % (agreement_id, accepted[agreement_id], final))
for app in apps:
    app.terminate()
    app.wait()
print("%s, %d instance(s), %d clients, %.0f s: %d updates attempted, %d accepted, %d refused as stale (412), %d 5xx,"
      " %d unanswered, %d other; updates lost: %d" % (args.db, args.instances, args.clients, args.seconds,
                                                     stats["attempted"], stats["accepted"], stats["stale"],
                                                     stats["5xx"], stats["unanswered"], stats["other"], lost))
sys.exit(1 if lost or stats["5xx"] or stats["unanswered"] or stats["other"] else 0)

#!/usr/bin/env python3
"""Concurrent writers (issue 6, item 4): many clients change the same agreements at once, each read-modify-write
guarded by If-Match, and no update may be lost: every agreement's summary holds a counter that each accepted write
increments, so at the end it must equal the number of writes the service accepted (200) for it. Also: no 5xx and no
request left without an answer (a deadlock would show as a timeout).

    python3 bench/writers.py --db h2 --clients 16 --seconds 30
    python3 bench/writers.py --db postgresql --instances 2 --clients 16 --seconds 30   # two apps, one database

Uses the application packaged in target/quarkus-app, built for that database. Exits 1 when an update was lost or
an answer was a 5xx or missing.

--control is the negative control: each client reads the counter, then fetches a fresh ETag with a second GET and
sends that with its increment -- the classic misuse of ETags that loses updates. The checker must see lost updates;
the run exits 0 when it does and 1 when it sees none.
"""
import argparse, json, random, sys, threading, time, urllib.error

from packaged import Setup, call as send

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
parser.add_argument("--instances", type=int, default=1)
parser.add_argument("--clients", type=int, default=16)
parser.add_argument("--agreements", type=int, default=3)
parser.add_argument("--seconds", type=float, default=30)
parser.add_argument("--control", action="store_true")
args = parser.parse_args()
if args.db == "h2" and args.instances != 1:
    sys.exit("the embedded H2 database serves one instance")

setup = Setup(args.db, "writers")
ports = [8098 + i for i in range(args.instances)]
# One after the other: the first runs the migrations.
apps = [setup.start(port, log="app%d.log" % port) for port in ports]
token = setup.token()


def call(port, method, path, body=None, headers=None):
    status, content, response_headers = send(port, token, method, path, body, headers)
    return status, json.loads(content) if status < 300 and content else None, response_headers.get("ETag")


party = call(ports[0], "POST", "/api/v1/parties", {"name": "Writers Test", "country": "KR", "kind": "COMPANY"})[1]
ids = []
for n in range(args.agreements):
    status, agreement, _ = call(ports[0], "POST", "/api/v1/agreements", {
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
        port = ports[rnd.randrange(len(ports))]
        agreement_id = rnd.choice(ids)
        try:
            status, current, etag = call(port, "GET", "/api/v1/agreements/" + agreement_id)
            if args.control:
                etag = call(port, "GET", "/api/v1/agreements/" + agreement_id)[2]
            status, _, _ = call(ports[rnd.randrange(len(ports))], "PATCH", "/api/v1/agreements/" + agreement_id,
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
    final = int(call(ports[0], "GET", "/api/v1/agreements/" + agreement_id)[1]["summary"])
    lost += accepted[agreement_id] - final
    if final != accepted[agreement_id]:
        print("  %s: %d accepted writes, counter at %d" % (agreement_id, accepted[agreement_id], final))
for app in apps:
    app.terminate()
    app.wait()
print("%s%s, %d instance(s), %d clients, %.0f s: %d updates attempted, %d accepted, %d refused as stale (412), %d 5xx,"
      " %d unanswered, %d other; updates lost: %d"
      % (args.db, " (control)" if args.control else "", args.instances, args.clients, args.seconds,
         stats["attempted"], stats["accepted"], stats["stale"], stats["5xx"], stats["unanswered"], stats["other"], lost))
failed = stats["5xx"] or stats["unanswered"] or stats["other"]
if args.control:
    print("control %s: the checker %s" % ("passed" if lost and not failed else "FAILED",
                                         "saw the lost updates" if lost else "saw no loss where there must be one"))
    sys.exit(0 if lost and not failed else 1)
sys.exit(1 if lost or failed else 0)

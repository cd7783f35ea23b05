#!/usr/bin/env python3
"""Sustained load (issue 6, item 6): a mixed read/write load on the packaged application for a number of minutes,
recording per minute the requests served, errors, p50/p99 latency, the process RSS and the JVM heap in use (from
/q/metrics), so a leak or a slowing service shows as a trend.

    python3 bench/soak.py --db postgresql --minutes 10        # target/quarkus-app built with -Ppostgresql
    python3 bench/soak.py --db h2 --minutes 10
    python3 bench/soak.py --db postgresql --minutes 10 --grow # creates are not balanced by deletes

Load: 8 clients; each request is a list or filtered search (40 %), a get by id (30 %), a facets call (5 %), a create
(10 %) or a PATCH with If-Match (15 %). The registry starts with the seed records and --agreements more; by default
every create beyond the first 100 is followed by the delete of an earlier one (with If-Match), so the data keeps its
size and the latency trend shows the service alone; --grow keeps every create. Exits 1 on any error (a 5xx, or a
4xx other than 412 races).
"""
import argparse, json, random, re, sys, threading, time, urllib.request

from packaged import Setup, call as send, image_jvm_options, management, url

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="postgresql")
parser.add_argument("--minutes", type=float, default=10)
parser.add_argument("--clients", type=int, default=8)
parser.add_argument("--agreements", type=int, default=2000, help="created before the load starts")
parser.add_argument("--grow", action="store_true", help="do not balance creates with deletes")
parser.add_argument("--jvm-option", action="append", default=[],
                    help="an extra JVM option, e.g. -XX:NativeMemoryTracking=summary to follow native memory with jcmd")
args = parser.parse_args()

port = 8096
setup = Setup(args.db, "soak", seed=True)
# The heap limits of the JVM image (src/main/docker/jvm-options), so the soak runs the service as it is shipped.
app = setup.start(port, jvm_options=image_jvm_options() + args.jvm_option)
print("application pid %d" % app.pid, flush=True)
token = setup.token()


def call(method, path, body=None, headers=None):
    status, content, response_headers = send(port, token, method, path, body, headers)
    return status, content, response_headers.get("ETag")


party = json.loads(call("POST", "/api/v1/parties", {"name": "Soak", "country": "KR", "kind": "COMPANY"})[1])["id"]
lock = threading.Lock()
stable = []     # agreements made before the load: read and changed, never deleted
churn = []      # agreements made during the load: deleted again unless --grow
minute = {"latencies": [], "errors": 0}
errors_total = [0]
created = [0]


def create(rnd):
    return call("POST", "/api/v1/agreements", {
        "title": "Soak %d" % rnd.randrange(10 ** 9), "type": "MOU", "status": "SIGNED",
        "sectors": [rnd.choice(["NAVAL", "AEROSPACE", "LAND_SYSTEMS"])],
        "parties": [{"partyId": party, "role": "SIGNATORY"}], "signed": "20%02d" % rnd.randrange(10, 26),
        "sources": [{"publisher": "Test", "url": "https://example.org/a"}]})


def preload(number, count):
    rnd = random.Random(-1 - number)
    for _ in range(count):
        status, body, _ = create(rnd)
        if status != 201:
            return      # the count check below reports it
        with lock:
            stable.append(json.loads(body)["id"])


loaders = [threading.Thread(target=preload, args=(n, args.agreements // args.clients)) for n in range(args.clients)]
for thread in loaders:
    thread.start()
for thread in loaders:
    thread.join()
if not stable or len(stable) < args.agreements // args.clients * args.clients:
    sys.exit("preloading failed: %d agreements made" % len(stable))
stop = time.time() + args.minutes * 60


def timed(request, *arguments):
    start = time.perf_counter()
    status, body, etag = request(*arguments)
    elapsed = (time.perf_counter() - start) * 1000
    with lock:
        minute["latencies"].append(elapsed)
        if status >= 500 or (status >= 400 and status != 412):
            minute["errors"] += 1
            errors_total[0] += 1
    return status, body, etag


def client(number):
    rnd = random.Random(number)
    while time.time() < stop:
        roll = rnd.random()
        if roll < 0.10:
            status, body, _ = timed(create, rnd)
            if status == 201:
                with lock:
                    created[0] += 1
                    churn.append(json.loads(body)["id"])
                    doomed = churn.pop(rnd.randrange(len(churn))) if len(churn) > 100 and not args.grow else None
                if doomed:
                    etag = call("GET", "/api/v1/agreements/" + doomed)[2]
                    timed(call, "DELETE", "/api/v1/agreements/" + doomed, None, {"If-Match": etag})
        elif roll < 0.25:
            agreement = rnd.choice(stable)
            _, _, etag = call("GET", "/api/v1/agreements/" + agreement)
            timed(call, "PATCH", "/api/v1/agreements/" + agreement, {"status": rnd.choice(["IN_FORCE", "SIGNED"])},
                  {"If-Match": etag})
        elif roll < 0.55:
            timed(call, "GET", "/api/v1/agreements/" + rnd.choice(stable))
        elif roll < 0.60:
            timed(call, "GET", "/api/v1/agreements/facets?country=KR")
        else:
            timed(call, "GET", rnd.choice(["/api/v1/agreements", "/api/v1/agreements?sector=NAVAL",
                                           "/api/v1/agreements?q=soak&signedFrom=2015",
                                           "/api/v1/agreements?country=KR&sort=-updatedAt"]))


def heap():
    text = urllib.request.urlopen(url(management(port), "/q/metrics"), timeout=10).read().decode()
    return sum(float(v) for v in re.findall(r'^jvm_memory_used_bytes\{[^}]*area="heap"[^}]*\} ([0-9.eE+]+)', text,
                                             re.M)) / 2 ** 20


def rss():
    for line in open("/proc/%d/status" % app.pid):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024


threads = [threading.Thread(target=client, args=(c,)) for c in range(args.clients)]
for thread in threads:
    thread.start()
print("| Minute | Requests | Errors | p50 | p99 | RSS | Heap used |")
print("| --- | --- | --- | --- | --- | --- | --- |")
n = 0
while time.time() < stop:
    time.sleep(min(60, max(0, stop - time.time())))
    n += 1
    with lock:
        latencies = sorted(minute["latencies"])
        errors = minute["errors"]
        minute["latencies"], minute["errors"] = [], 0
    if latencies:
        print("| %d | %d | %d | %.1f ms | %.1f ms | %.0f MB | %.0f MB |" % (
            n, len(latencies), errors, latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)],
            rss(), heap()), flush=True)
for thread in threads:
    thread.join()
app.terminate()
app.wait()
print("%s, %.0f minutes, %d clients, %s: %d agreements before the load, %d created during it, %d at the end;"
      " errors: %d" % (args.db, args.minutes, args.clients, "growing" if args.grow else "steady size",
                       len(stable), created[0], len(stable) + len(churn), errors_total[0]))
sys.exit(1 if errors_total[0] else 0)

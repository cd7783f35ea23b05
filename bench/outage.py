#!/usr/bin/env python3
"""Database outage under load (issue 6, item 5): the packaged PostgreSQL build serves writers and readers while this
machine's PostgreSQL is stopped for a while and started again. Checks that during the outage every request is
answered quickly with 503 problem+json and Retry-After (no request hangs; the bound is the pool's 5 s acquisition
timeout), readiness reports DOWN, the JVM's live threads do not pile up, the service recovers by itself when the
database returns, and every write acknowledged before, during or after the outage is there afterwards
(bench/ledger.py).

    ./mvnw package -DskipTests -Ppostgresql && bash scripts/postgres-for-tests.sh
    python3 bench/outage.py --down 15          # needs root: it stops and starts PostgreSQL 15

Exits 1 when a write was lost, a request went unanswered or took longer than the bound, an error other than 503
(or 412 races) was answered, readiness never went DOWN, or the service did not recover within 30 s.
"""
import argparse, random, re, subprocess, sys, threading, time, urllib.error, urllib.request

from ledger import Ledger
from packaged import Setup, call as send, management, url

parser = argparse.ArgumentParser()
parser.add_argument("--down", type=float, default=15, help="seconds PostgreSQL stays stopped")
parser.add_argument("--load", type=float, default=5, help="seconds of load before and after the outage")
parser.add_argument("--writers", type=int, default=4)
parser.add_argument("--readers", type=int, default=2)
parser.add_argument("--port", type=int, default=8095)
args = parser.parse_args()
BOUND = 6.0  # seconds: the pool's acquisition timeout (5 s) and a margin

setup = Setup("postgresql", "outage")
app = setup.start(args.port)
token = setup.token()
ledger = Ledger(args.port, token)
lock = threading.Lock()
phase = ["before"]
answers = {p: [] for p in ("before", "down", "after")}   # (status, seconds) per phase
malformed = []   # 503 answers without problem+json or Retry-After


def record(status, headers, seconds):
    with lock:
        answers[phase[0]].append((status, seconds))
        if status == 503 and (not headers.get("Content-Type", "").startswith("application/problem+json")
                              or not headers.get("Retry-After")):
            malformed.append(dict(headers))


def reader(stop, n):
    rnd = random.Random(n)
    while not stop.is_set():
        with ledger.lock:
            ids = list(ledger.acked)
        path = "/api/v1/parties/" + rnd.choice(ids) if ids and rnd.random() < 0.5 else "/api/v1/agreements"
        started = time.perf_counter()
        try:
            status, _, headers = send(args.port, token, "GET", path, timeout=10)
        except (urllib.error.URLError, OSError, ConnectionError):
            with ledger.lock:
                ledger.counts["unanswered"] += 1
            continue
        record(status, headers, time.perf_counter() - started)


def live_threads():
    text = urllib.request.urlopen(url(management(args.port), "/q/metrics"), timeout=5).read().decode()
    return int(float(re.search(r"^jvm_threads_live_threads(?:\{[^}]*\})? ([0-9.eE+]+)", text, re.M).group(1)))


def ready():
    try:
        return urllib.request.urlopen(url(management(args.port), "/q/health/ready"), timeout=5).status
    except urllib.error.HTTPError as error:
        return error.code


def pg(action):
    subprocess.run(["pg_ctlcluster", "15", "main", action], check=True)


stop_readers = threading.Event()
readers = [threading.Thread(target=reader, args=(stop_readers, n)) for n in range(args.readers)]
for thread in readers:
    thread.start()
halt_writers = ledger.writers(args.writers, seed=1, on_answer=record)
time.sleep(args.load)
threads = {"before": live_threads()}

try:
    with lock:
        phase[0] = "down"
    pg("stop")
    readiness_down, peak = [], threads["before"]
    until = time.time() + args.down
    while time.time() < until:
        readiness_down.append(ready())
        peak = max(peak, live_threads())
        time.sleep(0.5)
    threads["down (peak)"] = peak
finally:
    with lock:
        phase[0] = "after"
    started = time.time()
    pg("start")
    accepting = time.time() - started   # pg_ctlcluster returns once the server accepts connections
recovered = None
while time.time() - started < 30:
    with lock:
        if any(status < 300 for status, _ in answers["after"]):
            recovered = time.time() - started
            break
    time.sleep(0.05)
ready_after = None
while time.time() - started < 30:
    if ready() == 200:
        ready_after = time.time() - started
        break
    time.sleep(0.1)
time.sleep(args.load)
halt_writers()
stop_readers.set()
for thread in readers:
    thread.join()
threads["after"] = live_threads()

lost = ledger.verify()
# A create refused with an error that happened anyway would show as a party the ledger does not know.
parties = send(args.port, token, "GET", "/api/v1/parties?size=1")
total = int(re.search(rb'"total":(\d+)', parties[1]).group(1))
app.terminate()
app.wait()

print("| Phase | Answers | 2xx | 412 | 503 | Other | p50 | p99 | Slowest |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
other = 0
slowest = 0
for name, rows in answers.items():
    if not rows:
        continue
    seconds = sorted(s for _, s in rows)
    statuses = [status for status, _ in rows]
    ok = sum(1 for s in statuses if s < 300)
    n412, n503 = statuses.count(412), statuses.count(503)
    other += len(rows) - ok - n412 - n503
    if name != "before":
        slowest = max(slowest, seconds[-1])
    print("| %s | %d | %d | %d | %d | %d | %.1f ms | %.1f ms | %.0f ms |" % (
        name, len(rows), ok, n412, n503, len(rows) - ok - n412 - n503, seconds[len(seconds) // 2] * 1000,
        seconds[int(len(seconds) * 0.99)] * 1000, seconds[-1] * 1000))
counts = ledger.counts
print("PostgreSQL down %.0f s under %d writers and %d readers: readiness during the outage %s; live JVM threads %s;"
      " PostgreSQL accepted connections %.2f s after its start command; first 2xx answer %s s and readiness UP %s s"
      " after it"
      % (args.down, args.writers, args.readers, sorted(set(readiness_down)),
         ", ".join("%s %d" % item for item in threads.items()), accepting,
         "%.2f" % recovered if recovered is not None else "never", "%.2f" % ready_after if ready_after else "never"))
print("%d creates and %d updates acknowledged, %d refused (503 or 412), %d unanswered, %d 503s without problem+json"
      " or Retry-After; parties in the database %d (acknowledged creates %d); acknowledged writes lost: %d"
      % (counts["created"], counts["updated"], counts["refused"], counts["unanswered"], len(malformed), total,
         counts["created"], len(lost)))
for party_id, why in lost[:20]:
    print("  lost", party_id, why)
failures = [why for why, bad in [
    ("acknowledged writes lost", lost), ("requests unanswered", counts["unanswered"]),
    ("answers other than 2xx, 412 and 503", other), ("503s that were not problem+json with Retry-After", malformed),
    ("a request during or after the outage took longer than %.0f s" % BOUND, slowest > BOUND),
    ("readiness never reported DOWN", 503 not in readiness_down),
    ("no recovery within 30 s", recovered is None or ready_after is None)] if bad]
print("FAILED: " + "; ".join(failures) if failures else "passed")
sys.exit(1 if failures else 0)

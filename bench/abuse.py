"""Abuse check (issue 26), bounded and local: while trickled uploads, floods of empty import rows and requests with
invented HTTP methods run, and connections that send half their headers wait, another caller's reads keep their latency and no caller but the abusers' own capped
requests gets a 5xx.

  python3 bench/abuse.py --db postgresql      # build first: ./mvnw package -DskipTests -Ppostgresql
  python3 bench/abuse.py --db h2              # build first: ./mvnw package -DskipTests

It prints the reader's latency (p50/p95) alone and under abuse, every status each kind of request got, and the
database connections in use, and exits non-zero when the reader got an error or its p95 grew more than 3x."""
import argparse, json, os, socket, statistics, sys, threading, time, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from packaged import Setup, call, management, url  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
parser.add_argument("--seconds", type=int, default=30)
parser.add_argument("--trickles", type=int, default=24)
parser.add_argument("--floods", type=int, default=3)
parser.add_argument("--half-open", type=int, default=200,
                    help="connections that send half a request's headers and then nothing (closed after the idle timeout)")
args = parser.parse_args()

setup = Setup(args.db, "abuse", seed=True)
port = 18470
app = setup.start(port)
reader = setup.token("reader", "PUBLIC")
statuses = {"reader": {}, "trickle": {}, "flood": {}, "invented": {}, "half-open": {}}
lock = threading.Lock()


def count(kind, status):
    with lock:
        statuses[kind][status] = statuses[kind].get(status, 0) + 1


def reads(seconds):
    latencies = []
    end = time.time() + seconds
    while time.time() < end:
        started = time.time()
        status, _, _ = call(port, reader, "GET", "/api/v1/agreements?size=20")
        latencies.append((time.time() - started) * 1000)
        count("reader", status)
    latencies.sort()
    return latencies


def trickle(token, stop):
    """Sends an import a few bytes a second over a raw socket until told to stop, then reads the answer."""
    s = socket.create_connection(("127.0.0.1", port), timeout=120)
    s.sendall(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer %s\r\n"
               "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
               % token).encode())
    try:
        while not stop.is_set():
            s.sendall(b"1\r\n{\r\n")
            time.sleep(1)
        s.sendall(b"2\r\n}\n\r\n0\r\n\r\n")
        answer = s.recv(200).decode(errors="replace")
        count("trickle", int(answer.split(" ")[1]) if answer.startswith("HTTP/") else "cut")
    except OSError:
        count("trickle", "closed by the service")
    finally:
        s.close()


def flood(token):
    body = b"{}\n" * 200_000  # 600 KB of empty rows
    request = urllib.request.Request(url(port, "/api/v1/imports"), data=body, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/x-ndjson"})
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            count("flood", answer.status)
    except urllib.error.HTTPError as error:
        count("flood", error.code)


def invented(seconds):
    end = time.time() + seconds
    n = 0
    while time.time() < end:
        n += 1
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
            s.sendall(("INVENT%d /nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" % n).encode())
            answer = s.recv(100).decode(errors="replace")
            count("invented", int(answer.split(" ")[1]) if answer.startswith("HTTP/") else "cut")
        time.sleep(0.02)


def half_open(n):
    """Opens connections that send the start of a request's headers and nothing more."""
    sockets = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET /api/v1/agreements HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        sockets.append(s)
    return sockets


def closed_by_service(sockets):
    for s in sockets:
        s.settimeout(0.5)
        try:
            data = s.recv(100)
            count("half-open", "closed" if data == b"" else "answered")
        except socket.timeout:
            count("half-open", "still open")
        except OSError:
            count("half-open", "closed")
        finally:
            s.close()


def active_connections():
    metrics = urllib.request.urlopen(url(management(port), "/q/metrics"), timeout=10).read().decode()
    for line in metrics.splitlines():
        if line.startswith("agroal_active_count"):
            return float(line.split()[-1])
    return -1


print("### abuse check on %s, load average %.2f at start" % (args.db, os.getloadavg()[0]))
opened = time.time()
halves = half_open(args.half_open)
reads(15)  # warm-up
alone = reads(args.seconds)
stop = threading.Event()
tokens = [setup.token("editor", "PUBLIC", subject="abuser-%d" % i) for i in range(8)]
# Floods first, so that they get in before the trickles take every upload slot; their jobs then run beside the reads.
floods = [threading.Thread(target=flood, args=(tokens[i % len(tokens)],)) for i in range(args.floods)]
for thread in floods:
    thread.start()
for thread in floods:
    thread.join()
threads = [threading.Thread(target=trickle, args=(tokens[i % len(tokens)], stop)) for i in range(args.trickles)]
threads.append(threading.Thread(target=invented, args=(args.seconds,)))
for thread in threads:
    thread.start()
time.sleep(3)
connections = active_connections()
under = reads(args.seconds)
stop.set()
for thread in threads:
    thread.join()
ended = []
for token in tokens:
    _, body, _ = call(port, token, "GET", "/api/v1/imports?size=100")
    ended += ["%s (%d read, %d refused)" % (j["status"], j["counts"]["read"], j["counts"]["refused"])
              for j in json.loads(body)["items"] if j["rows"] > 1000]
# The service closes a connection silent for its idle timeout (90 s): wait for it, then see which are closed.
time.sleep(max(0, opened + 95 - time.time()))
closed_by_service(halves)
app.terminate()
app.wait()


def p(values, q):
    return values[min(len(values) - 1, int(len(values) * q))]


print("| reader | requests | p50 ms | p95 ms |")
print("|---|---|---|---|")
print("| alone | %d | %.1f | %.1f |" % (len(alone), p(alone, 0.5), p(alone, 0.95)))
print("| under abuse | %d | %.1f | %.1f |" % (len(under), p(under, 0.5), p(under, 0.95)))
print("statuses: %s" % statuses)
print("flood jobs: %s" % ended)
print("database connections in use under abuse: %.0f; load average at end %.2f" % (connections, os.getloadavg()[0]))
failed = [s for s in statuses["reader"] if s != 200]
if failed:
    sys.exit("FAILED: the reader got %s" % failed)
if any(isinstance(s, int) and s >= 500 and s != 503 for kind in statuses for s in statuses[kind]):
    sys.exit("FAILED: a request got a 5xx other than the upload cap's 503")
if statuses["half-open"].get("still open"):
    sys.exit("FAILED: %d half-open connections were still held after the idle timeout" % statuses["half-open"]["still open"])
if p(under, 0.95) > 3 * max(p(alone, 0.95), 5):
    sys.exit("FAILED: the reader's p95 grew more than 3x under abuse")
print("OK")

#!/usr/bin/env python3
"""Changes as events (issue 29): while clients write on one or two replicas, a webhook receiver, a Server-Sent Events
follower and a page follower must each be told of every acknowledged change exactly once (a webhook at least once,
repeats only with the same webhook-id), with valid signatures; with --kills, the replica holding the subscription's
lease is killed with SIGKILL and restarted, again and again, and the other (or the restarted one) must take the
deliveries over. With --kafka, the replicas also publish the feed to a fresh topic on that broker, a console
consumer follows it, and the kills alternate between the webhook's lease holder and the relay's: every acknowledged
change must reach the topic, under its record's id, in each record's order (repeats only with the same event id).
Prints commit-to-delivery latency (p50/p95) for the webhook, the stream and Kafka, and how many events per second the
feed serves when read from the start.

    python3 bench/changes.py --db h2 --seconds 10
    python3 bench/changes.py --db postgresql --instances 2 --clients 8 --seconds 30 --kills 3
    bash scripts/kafka.sh start && python3 bench/changes.py --db postgresql --instances 2 --kills 2 --kafka localhost:9092

Uses the application packaged in target/quarkus-app, built for that database. Exits 1 when a change was lost, told
twice to a follower, badly signed, or a write was answered 5xx.
"""
import argparse, atexit, base64, hashlib, hmac, http.client, http.server, json, os, random, re, statistics, subprocess, sys, threading
import time, urllib.error, urllib.request

from packaged import Setup, call as send, url

parser = argparse.ArgumentParser()
parser.add_argument("--db", choices=["h2", "postgresql"], default="h2")
parser.add_argument("--instances", type=int, default=1)
parser.add_argument("--clients", type=int, default=8)
parser.add_argument("--seconds", type=float, default=10)
parser.add_argument("--kills", type=int, default=0)
parser.add_argument("--lease", default="10S",
                    help="the webhook and Kafka relay leases (ACCORDS_WEBHOOKS_LEASE, ACCORDS_KAFKA_LEASE); shipped: 30S")
parser.add_argument("--kafka", metavar="BOOTSTRAP", help="a Kafka broker to publish to (scripts/kafka.sh start)")
args = parser.parse_args()
if args.db == "h2" and args.instances != 1:
    sys.exit("the embedded H2 database serves one instance")

setup = Setup(args.db, "changes")
setup.env.update(ACCORDS_WEBHOOKS_ALLOW_PRIVATE_TARGETS="true", ACCORDS_WEBHOOKS_LEASE=args.lease, QUARKUS_LOG_CATEGORY__IO_ACCORDS_WEBHOOKS__LEVEL=os.environ.get("WEBHOOK_LOG", "INFO"))
topic = "accords.changes.bench.%d" % time.time_ns()
if args.kafka:
    setup.env.update(ACCORDS_KAFKA_ENABLED="true", KAFKA_BOOTSTRAP_SERVERS=args.kafka, ACCORDS_KAFKA_TOPIC=topic,
                     ACCORDS_KAFKA_LEASE=args.lease)
# Ports of its own, so that CI runs it beside bench/writers.py (8098 and on).
ports = [8198 + i for i in range(args.instances)]
# Each start logs to a file of its own: a lease is found by the name its holder logged, and a killed replica's name
# must not point at the one started in its place.
logs = {port: "app%d-0.log" % port for port in ports}
apps = {port: setup.start(port, log=logs[port]) for port in ports}
token = setup.token()
lock = threading.Lock()


def call(port, method, path, body=None, headers=None):
    status, content, response_headers = send(port, token, method, path, body, headers)
    return status, json.loads(content) if status < 300 and content else None, response_headers


def alive():
    return [port for port, app in apps.items() if app.poll() is None]


# --- the webhook receiver: keeps every post, checks its signature
posts = []
bad_signatures = []


class Receive(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # kept-alive connections, as a real receiver has

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        event = json.loads(body)
        signed = ("%s.%s.%s" % (self.headers["webhook-id"], self.headers["webhook-timestamp"], body.decode()))
        expected = "v1," + base64.b64encode(hmac.new(secret_bytes, signed.encode(), hashlib.sha256).digest()).decode()
        with lock:
            posts.append((time.time(), self.headers["webhook-id"], event["subject"], event["recordversion"]))
            if expected not in self.headers["webhook-signature"].split(" "):
                bad_signatures.append(self.headers["webhook-id"])
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *ignored):
        pass


receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receive)
threading.Thread(target=receiver.serve_forever, daemon=True).start()
status, made, _ = call(ports[0], "POST", "/api/v1/subscriptions", {
    "target": "http://127.0.0.1:%d/hook" % receiver.server_address[1], "kinds": ["agreement"]})
assert status == 201, (status, made)
secret_bytes = base64.b64decode(made["secret"][len("whsec_"):])
status, _, headers = call(ports[0], "GET", "/api/v1/changes?after=now&kind=agreement&limit=1")
start = re.search(r"after=([^&>]+)", headers["Link"]).group(1)

# --- the stream follower: reconnects to a live replica with Last-Event-ID, as an EventSource does
streamed = []
stop = threading.Event()


def follow_stream():
    last = None
    while not stop.is_set():
        port = random.choice(alive() or ports)
        request = urllib.request.Request(url(port, "/api/v1/changes/stream?kind=agreement&maxSeconds=3600"
                                              + ("" if last else "&after=" + start)),
                                         headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"})
        if last:
            request.add_header("Last-Event-ID", last)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                sse_id = None
                for raw in response:
                    line = raw.decode().rstrip("\n")
                    if line.startswith("id:"):
                        sse_id = line[3:].strip()
                    elif line.startswith("data:"):
                        event = json.loads(line[5:])
                        with lock:
                            streamed.append((time.time(), event["id"], event["subject"], event["recordversion"]))
                        last = sse_id
                    if stop.is_set():
                        return
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException):
            time.sleep(0.5)


# --- the page follower: reads pages from any live replica
paged = []


def follow_pages():
    after = start
    quiet = 0
    while not (stop.is_set() and quiet >= 3):
        port = random.choice(alive() or ports)
        try:
            status, events, headers = call(port, "GET", "/api/v1/changes?kind=agreement&limit=200&after=" + after)
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException):
            # A replica killed mid-answer cuts it short: read the page again from a live one.
            time.sleep(0.3)
            continue
        if status != 200:
            time.sleep(0.3)
            continue
        after = re.search(r"after=([^&>]+)", headers["Link"]).group(1)
        with lock:
            paged.extend((e["id"], e["subject"], e["recordversion"]) for e in events)
        quiet = quiet + 1 if not events and stop.is_set() else 0
        time.sleep(0.2 if not events else 0)


# --- the Kafka follower: the broker's console consumer from the topic's beginning, a line per event (key, value)
published = []


def follow_kafka():
    libs = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), ".kafka", "libs", "*")
    consumer = subprocess.Popen(
        ["java", "-cp", libs, "org.apache.kafka.tools.consumer.ConsoleConsumer", "--bootstrap-server", args.kafka,
         "--topic", topic, "--from-beginning", "--property", "print.key=true", "--property", "key.separator=\t"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    atexit.register(lambda: consumer.poll() is None and consumer.kill())
    for line in consumer.stdout:
        key, _, value = line.rstrip("\n").partition("\t")
        event = json.loads(value)
        with lock:
            published.append((time.time(), event["id"], key, event["recordversion"], event["subject"]))


# --- the writers: each acknowledged create (version 0) and change (version 1), with when it was acknowledged
acked = {}
stats = {"5xx": 0, "unanswered": 0}
writing_until = time.time() + args.seconds
party = call(ports[0], "POST", "/api/v1/parties", {"name": "Changes Bench", "country": "KR", "kind": "COMPANY"})[1]


def writer(number):
    rnd = random.Random(number)
    while time.time() < writing_until:
        candidates = alive()
        if not candidates:
            time.sleep(0.2)
            continue
        port = rnd.choice(candidates)
        try:
            status, agreement, _ = call(port, "POST", "/api/v1/agreements", {
                "title": "Changes bench %d %d" % (number, rnd.randrange(10 ** 9)), "type": "MOU", "status": "SIGNED",
                "sectors": ["NAVAL"], "parties": [{"partyId": party["id"], "role": "SIGNATORY"}],
                "sources": [{"publisher": "Bench", "url": "https://example.org/b"}]})
            if status >= 500:
                stats["5xx"] += 1
            if status != 201:
                continue
            with lock:
                acked[(agreement["id"], 0)] = time.time()
            status, _, _ = call(rnd.choice(alive() or ports), "PATCH", "/api/v1/agreements/" + agreement["id"],
                                {"summary": "changed"}, {"If-Match": '"0"'})
            if status >= 500:
                stats["5xx"] += 1
            if status == 200:
                with lock:
                    acked[(agreement["id"], 1)] = time.time()
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException):
            stats["unanswered"] += 1


def holder(table):
    """The port of the replica holding the subscription's (or the relay's) lease, from its log line and the database."""
    if args.db != "postgresql":
        return ports[0]
    owner = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-At", "-d", setup.database, "-c",
                            "SELECT lease_owner FROM %s" % table], capture_output=True,
                           text=True).stdout.strip()
    if not owner:
        return None
    for port in alive():
        with open(os.path.join(setup.work, logs[port])) as log:
            if owner in log.read():
                return port
    return None


threads = [threading.Thread(target=writer, args=(c,)) for c in range(args.clients)]
followers = [threading.Thread(target=follow_stream, daemon=True), threading.Thread(target=follow_pages)]
if args.kafka:
    followers.append(threading.Thread(target=follow_kafka, daemon=True))
for thread in threads + followers:
    thread.start()
kills = []
kafka_kills = []
restarts = []


def restart(port):
    time.sleep(1)
    logs[port] = "app%d-%d.log" % (port, time.time_ns())
    apps[port] = setup.start(port, log=logs[port])


for kill in range(args.kills):
    # Spread over the writing time from its start (a restart takes seconds: sleeping between kills would push the
    # last one past the writes, with nothing left to take over).
    time.sleep(max(0.0, writing_until - args.seconds + (kill + 1) * args.seconds / (args.kills + 1) - time.time()))
    relay = args.kafka and kill % 2 == 1
    table = "change_relay" if relay else "webhook_subscription"
    port = holder(table)
    for wait in range(20):  # between turns no replica holds it: wait for the next turn
        if port is not None:
            break
        time.sleep(0.25)
        port = holder(table)
    if port is None:
        print("kill %d: no replica holds the lease now (nothing waiting to be delivered); none killed" % (kill + 1))
        continue
    apps[port].kill()
    apps[port].wait()
    killed_at = time.time()
    (kafka_kills if relay else kills).append(killed_at)
    print("kill %d: SIGKILL to the replica on %d (holding the %s lease)"
          % (kill + 1, port, "Kafka relay's" if relay else "webhook's"), flush=True)
    # Restarted beside the run, so that the next kill keeps its time (a start takes seconds under load).
    restarts.append(threading.Thread(target=restart, args=(port,)))
    restarts[-1].start()
for thread in restarts:
    thread.join()
for thread in threads:
    thread.join()
writes_done = time.time()
# Every acknowledged change delivered, or the deadline (a lease must run out after a kill).
deadline = time.time() + 120
while time.time() < deadline:
    with lock:
        delivered = {(subject, version) for _, _, subject, version in posts}
        on_topic = {(subject, version) for _, _, _, version, subject in published}
    if all(key in delivered for key in acked) and (not args.kafka or all(key in on_topic for key in acked)):
        break
    time.sleep(0.5)
stop.set()
followers[1].join(60)
time.sleep(1)

seen_ids = set()
with lock:
    delivered_at = {}
    for at, webhook_id, subject, version in posts:
        delivered_at.setdefault((subject, version), at)
    streamed_at = {}
    for at, _, subject, version in streamed:
        streamed_at.setdefault((subject, version), at)
    published_at = {}
    kafka_ids = {}
    kafka_order_broken = []
    kafka_wrong_key = [event_id for _, event_id, key, _, subject in published if key != subject]
    last_version = {}
    for at, event_id, key, version, subject in published:
        published_at.setdefault((subject, version), at)
        kafka_ids.setdefault((subject, version), set()).add(event_id)
        if event_id in seen_ids:
            continue  # a page published again after a takeover: the same events, the same ids
        seen_ids.add(event_id)
        if last_version.get(key, -1) >= version:
            kafka_order_broken.append(key)
        last_version[key] = version
lost_kafka = [key for key in acked if key not in published_at] if args.kafka else []
kafka_repeats = len(published) - len({event_id for _, event_id, _, _, _ in published})
kafka_new_ids = sum(1 for ids in kafka_ids.values() if len(ids) > 1)
lost_webhook = [key for key in acked if key not in delivered_at]
lost_paged = [key for key in acked if key not in {(s, v) for _, s, v in paged}]
repeated_paged = len(paged) - len({i for i, _, _ in paged})
ids_by_key = {}
for _, webhook_id, subject, version in posts:
    ids_by_key.setdefault((subject, version), set()).add(webhook_id)
repeats = len(posts) - len(delivered_at)
repeats_with_new_id = sum(1 for ids in ids_by_key.values() if len(ids) > 1)


def percentiles(at):
    delays = sorted((at[key] - acked[key]) * 1000 for key in acked if key in at)
    if not delays:
        return "n/a"
    return "p50 %.0f ms, p95 %.0f ms (%d changes)" % (statistics.median(delays),
                                                       delays[int(len(delays) * 0.95) - 1], len(delays))


# The feed read from the start, 1,000 at a time: events per second.
began = time.time()
after, served = "", 0
while True:
    status, events, headers = call(alive()[0], "GET", "/api/v1/changes?limit=1000" + ("&after=" + after if after else ""))
    after = re.search(r"after=([^&>]+)", headers["Link"]).group(1)
    served += len(events)
    if not events:
        break
rate = served / (time.time() - began)
if lost_webhook:
    status, subscription, _ = call(alive()[0], "GET", "/api/v1/subscriptions/" + made["id"])
    status, log, _ = call(alive()[0], "GET", "/api/v1/subscriptions/" + made["id"] + "/deliveries?size=3")
    print("the subscription: %s\nits last attempts: %s" % (subscription, log and log["items"]))
for app in apps.values():
    app.terminate()
    app.wait()
load = os.getloadavg()
print("%s, %d replica(s), %d clients, %.0f s, %d SIGKILL(s) of the lease holder: %d changes acknowledged;"
      " webhook: %d lost, %d repeated (all with the same webhook-id: %s), %d bad signatures; pages: %d lost,"
      " %d told twice; stream: %d of %d told; 5xx: %d, unanswered: %d"
      % (args.db, args.instances, args.clients, args.seconds, len(kills), len(acked), len(lost_webhook), repeats,
         "yes" if repeats_with_new_id == 0 else "NO", len(bad_signatures), len(lost_paged), repeated_paged,
         len([k for k in acked if k in streamed_at]), len(acked), stats["5xx"], stats["unanswered"]))
print("commit-to-delivery: webhook %s; stream %s" % (percentiles(delivered_at), percentiles(streamed_at)))
if args.kafka:
    print("kafka (topic %s): %d lost, %d repeated (all with the same event id: %s), %d out of a record's order,"
          " %d under another key; commit-to-consumer %s"
          % (topic, len(lost_kafka), kafka_repeats, "yes" if kafka_new_ids == 0 else "NO", len(kafka_order_broken),
             len(kafka_wrong_key), percentiles(published_at)))
takeovers = []
for killed_at in kills:
    after_kill = [at for at, _, _, _ in posts if at > killed_at]
    # A kill after the last delivery leaves nothing to take over.
    takeovers.append(min(after_kill) - killed_at if after_kill else None)
if kills:
    print("deliveries resumed after each SIGKILL within: %s s (lease %s)"
          % (", ".join("n/a" if t is None else "%.1f" % t for t in takeovers), args.lease))
for killed_at in kafka_kills:
    after_kill = [at for at, _, _, _, _ in published if at > killed_at]
    takeovers.append(min(after_kill) - killed_at if after_kill else None)
    print("publishing to Kafka resumed after the SIGKILL of the relay's lease holder within: %s s (lease %s)"
          % ("n/a" if not after_kill else "%.1f" % (min(after_kill) - killed_at), args.lease))
print("feed read from the start: %d events in pages of 1,000 at %.0f events/s; load average %.2f %.2f %.2f"
      % (served, rate, load[0], load[1], load[2]))
failed = (any(t is not None and t > 60 for t in takeovers) or lost_kafka or kafka_new_ids or kafka_order_broken
          or kafka_wrong_key or lost_webhook or lost_paged or repeated_paged or bad_signatures or repeats_with_new_id or stats["5xx"]
          or (not args.kills and len([k for k in acked if k in streamed_at]) < len(acked)))
sys.exit(1 if failed else 0)

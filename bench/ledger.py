"""The writes a client was told succeeded, and the check that they are all still there: what bench/crash.py
(SIGKILLs) and bench/outage.py (a database outage) share.

Writers create parties and change their acronym with If-Match. A write whose answer never came, or came as an
error, may or may not have happened, so a party's version must be at least the acknowledged one, and its acronym
the acknowledged one or one sent after it.
"""
import json, random, threading, time, urllib.error

from packaged import call as send


class Ledger:
    def __init__(self, port, token):
        self.port, self.token = port, token
        self.lock = threading.Lock()
        self.acked = {}     # party id -> (version, acronym) of the last acknowledged write
        self.sent = {}      # party id -> acronyms sent after the last acknowledgement (their answer may be lost)
        self.counts = {"created": 0, "updated": 0, "unanswered": 0, "refused": 0}

    def call(self, method, path, body=None, headers=None):
        status, content, response_headers = send(self.port, self.token, method, path, body, headers, timeout=10)
        return status, json.loads(content) if status < 300 and content else None, response_headers

    def write(self, rnd):
        """One create (30 %, or when nothing exists yet) or one acronym change; returns the answer's status and
        headers. Connection failures raise URLError or OSError, after counting the write as unanswered."""
        with self.lock:
            ids = list(self.acked)
        try:
            if not ids or rnd.random() < 0.3:
                body = {"name": "Ledger %d" % rnd.randrange(10 ** 12), "acronym": "C%06d" % rnd.randrange(10 ** 6),
                        "country": "KR", "kind": "COMPANY"}
                status, party, headers = self.call("POST", "/api/v1/parties", body)
                with self.lock:
                    if status == 201:
                        self.acked[party["id"]] = (party["version"], party["acronym"])
                        self.sent[party["id"]] = set()
                        self.counts["created"] += 1
                    else:
                        self.counts["refused"] += 1
                return status, headers
            party_id = rnd.choice(ids)
            with self.lock:
                version, _ = self.acked[party_id]
                acronym = "U%06d" % rnd.randrange(10 ** 6)
                self.sent[party_id].add(acronym)
            status, party, headers = self.call("PATCH", "/api/v1/parties/" + party_id, {"acronym": acronym},
                                               {"If-Match": '"%d"' % version})
            with self.lock:
                if status == 200:
                    if party["version"] > self.acked[party_id][0]:
                        self.acked[party_id] = (party["version"], party["acronym"])
                        self.sent[party_id] = set()
                    self.counts["updated"] += 1
                else:
                    self.counts["refused"] += 1   # 412 when another writer got there first; 503 in an outage
            return status, headers
        except (urllib.error.URLError, OSError, ConnectionError):
            with self.lock:
                self.counts["unanswered"] += 1
            raise

    def writers(self, count, seed, on_answer=None):
        """Starts writer threads; returns a function that stops them and waits for them. on_answer(status,
        headers, seconds) sees every answered write; an unanswered one makes its writer pause 50 ms."""
        stop = threading.Event()

        def loop(n):
            rnd = random.Random(seed * 1000 + n)
            while not stop.is_set():
                started = time.perf_counter()
                try:
                    status, headers = self.write(rnd)
                except (urllib.error.URLError, OSError, ConnectionError):
                    time.sleep(0.05)
                    continue
                if on_answer:
                    on_answer(status, headers, time.perf_counter() - started)

        threads = [threading.Thread(target=loop, args=(n,)) for n in range(count)]
        for thread in threads:
            thread.start()

        def halt():
            stop.set()
            for thread in threads:
                thread.join()
        return halt

    def verify(self):
        """Reads every acknowledged party back; returns (party id, what is wrong) for each one that is missing or
        holds neither its acknowledged content nor a later one that was sent. What the database holds becomes the
        acknowledged state for the next round; a party found wrong is reported once and then no longer followed."""
        lost = []
        with self.lock:
            expected = dict(self.acked)
            pending = {k: set(v) for k, v in self.sent.items()}
        for party_id, (version, acronym) in expected.items():
            status, party, _ = self.call("GET", "/api/v1/parties/" + party_id)
            if status != 200:
                lost.append((party_id, "answered %d" % status))
            elif party["version"] < version:
                lost.append((party_id, "version %d < acknowledged %d" % (party["version"], version)))
            elif party["version"] == version and party["acronym"] != acronym:
                lost.append((party_id, "acronym %s, acknowledged %s" % (party["acronym"], acronym)))
            elif party["version"] > version and party["acronym"] not in pending[party_id]:
                lost.append((party_id, "acronym %s was never sent after the acknowledged write" % party["acronym"]))
            else:
                with self.lock:
                    self.acked[party_id] = (party["version"], party["acronym"])
                    self.sent[party_id] = set()
        with self.lock:
            for party_id, _ in lost:
                del self.acked[party_id], self.sent[party_id]
        return lost

"""Rate limits across replicas (issue 26), on the packaged PostgreSQL application.

  ./mvnw package -DskipTests -Ppostgresql
  python3 bench/ratelimit_replicas.py --check          # CI: two replicas hold one allowance
  python3 bench/ratelimit_replicas.py --cost 10 3      # also: what the shared store costs a read (wrk)

--check starts two replicas on one database with a reader allowance of 100 requests a minute and sends 300 requests
from one reader, alternating between them, once with the counters in each replica's memory
(ACCORDS_RATE_LIMIT_STORE=replica) and once in the database (database, the PostgreSQL default). It prints how many
were answered and exits non-zero unless the database store answered at most the allowance, plus what the replicas may
count before they share it (a fiftieth of it each), plus what refilled while the requests ran.

--cost SECONDS ROUNDS starts one replica at a time, replica store and database store in turn (the order alternating
each round), with an allowance never reached, warms it for 10 s and measures get by id with wrk (2 threads,
16 connections, one reader token) for SECONDS; it prints each run, the medians and their ratio, and the load average.
"""
import argparse, math, os, re, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from packaged import Setup, call, url  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--check", action="store_true")
parser.add_argument("--cost", nargs=2, type=int, metavar=("SECONDS", "ROUNDS"))
args = parser.parse_args()
if not args.check and not args.cost:
    parser.error("say --check, --cost SECONDS ROUNDS, or both")

PORTS = [18490, 18491]
ALLOWANCE = 100
REQUESTS = 300
AGREEMENT = "/api/v1/agreements/a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5"


def started(setup, store, ports, reader_allowance):
    setup.env.update(ACCORDS_RATE_LIMIT_ENABLED="true", ACCORDS_RATE_LIMIT_STORE=store,
                     ACCORDS_RATE_LIMIT_READER=str(reader_allowance))
    return [setup.start(port, log="app-%s-%d.log" % (store, port)) for port in ports]


def stopped(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=60)


failed = False
if args.check:
    setup = Setup("postgresql", "ratelimit_replicas", seed=True)
    answered, elapsed = {}, {}
    for store in ("replica", "database"):
        processes = started(setup, store, PORTS, ALLOWANCE)
        token = setup.token("reader", "PUBLIC", subject="bench-reader-" + store)
        began = time.time()
        statuses = [call(PORTS[i % 2], token, "GET", AGREEMENT)[0] for i in range(REQUESTS)]
        elapsed[store] = time.time() - began
        stopped(processes)
        answered[store] = statuses.count(200)
        others = sorted(set(statuses) - {200, 429})
        print("store=%s requests=%d in %.1f s answered=%d refused=%d other=%s (allowance %d a minute, 2 replicas)"
              % (store, REQUESTS, elapsed[store], answered[store], statuses.count(429), others, ALLOWANCE))
        failed |= bool(others)
    # The allowance, what each replica may count before sharing it, and what refilled while the requests ran.
    bound = ALLOWANCE + 2 * max(1, ALLOWANCE // 50) + math.ceil(ALLOWANCE * elapsed["database"] / 60)
    if not ALLOWANCE <= answered["database"] <= bound:
        print("FAILED: the shared store answered %d, outside %d..%d" % (answered["database"], ALLOWANCE, bound))
        failed = True

if args.cost:
    seconds, rounds = args.cost
    setup = Setup("postgresql", "ratelimit_cost", seed=True)
    token = None
    rates = {"replica": [], "database": []}

    def wrk(duration):
        out = subprocess.run(["wrk", "-t2", "-c16", "-d%ds" % duration, "-H", "Authorization: Bearer " + token,
                              url(PORTS[0], AGREEMENT)], check=True, capture_output=True, text=True).stdout
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        if non2xx:
            sys.exit("wrk saw %s answers that were not 2xx:\n%s" % (non2xx.group(1), out))
        return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    print("# load average before: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))
    for round_ in range(1, rounds + 1):
        for store in (("replica", "database") if round_ % 2 else ("database", "replica")):
            processes = started(setup, store, PORTS[:1], 1_000_000_000)
            token = token or setup.token("reader", "PUBLIC", subject="bench-cost-reader")
            assert call(PORTS[0], token, "GET", AGREEMENT)[0] == 200
            wrk(10)
            rate = wrk(seconds)
            rates[store].append(rate)
            print("round=%d store=%s requests_per_second=%.0f" % (round_, store, rate))
            stopped(processes)
    replica, database = statistics.median(rates["replica"]), statistics.median(rates["database"])
    print("median replica=%.0f database=%.0f ratio database/replica=%.2f" % (replica, database, database / replica))
    print("# load average after: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))

sys.exit(1 if failed else 0)

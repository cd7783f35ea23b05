#!/usr/bin/env python3
"""Start-up time and footprint of the packaged JVM application, with the seed data.

For each JVM setting, starts target/quarkus-app several times on a copy of an already seeded H2 database and
measures the time from process start to the first successful API response (GET /api/v1/agreements?size=1) and the
process RSS right after it. Reports medians. Settings run interleaved, so machine noise hits them alike.

    ./mvnw package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
    python3 bench/startup.py [--runs 7] [--java /path/to/java] [--aot-cache]

--aot-cache (JDK 24 and later) adds a third setting: the tuned options with a Leyden AOT cache made by a training
run (start, a few requests, stop) instead of the AppCDS archive.
"""
import argparse
import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "target", "quarkus-app")
JVM_OPTIONS = os.path.join(ROOT, "src", "main", "docker", "jvm-options")


def tuned_options():
    with open(JVM_OPTIONS) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def start_once(java, options, data_dir, log, requests=()):
    port = free_port()
    url = f"jdbc:h2:file:{data_dir}/accords;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
    cmd = [java, *options, f"-Dquarkus.http.port={port}", f"-Dquarkus.management.port={free_port()}",
           f"-Dquarkus.datasource.jdbc.url={url}",
           "-jar", os.path.join(APP, "quarkus-run.jar")]
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=APP, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"application exited with {proc.returncode}; see {log.name}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/api/v1/agreements?size=1")
                status = conn.getresponse().status
                conn.close()
                if status == 200:
                    elapsed = time.perf_counter() - began
                    rss = rss_mb(proc.pid)
                    for path in requests:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                        conn.request("GET", path)
                        conn.getresponse().read()
                        conn.close()
                    return elapsed, rss
            except OSError:
                pass
            if time.perf_counter() - began > 60:
                raise RuntimeError("no answer in 60 s")
            time.sleep(0.005)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def train(java, options, data_dir, log):
    """A training run for the AOT cache: start, serve a few typical requests, stop (the JVM writes the cache)."""
    data = tempfile.mkdtemp(dir=os.path.dirname(data_dir))
    shutil.copytree(data_dir, data, dirs_exist_ok=True)
    start_once(java, options, data, log, requests=["/api/v1/agreements", "/api/v1/parties",
                                                   "/api/v1/agreements?sort=title&size=50", "/q/health/ready"] * 10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--java", default=shutil.which("java"))
    parser.add_argument("--aot-cache", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(os.path.join(APP, "app-cds.jsa")):
        sys.exit("target/quarkus-app/app-cds.jsa is missing: build with -Dquarkus.package.jar.appcds.enabled=true")

    version = subprocess.run([args.java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    settings = {"default JVM settings": [], "tuned (src/main/docker/jvm-options)": tuned_options()}
    work = tempfile.mkdtemp(prefix="accords-startup-")
    seeded = os.path.join(work, "seeded")
    os.makedirs(seeded)
    log = open(os.path.join(work, "app.log"), "w")
    # First start seeds the database; every measured run starts from a copy of it.
    start_once(args.java, [], seeded, log)
    if args.aot_cache:
        cache = os.path.join(work, "app.aot")
        without_cds = [o for o in tuned_options() if not o.startswith("-XX:SharedArchiveFile")]
        train(args.java, without_cds + [f"-XX:AOTCacheOutput={cache}"], seeded, log)
        settings["tuned, AOT cache instead of AppCDS"] = without_cds + [f"-XX:AOTCache={cache}"]
    for options in settings.values():  # warm-up: file caches
        start_once(args.java, options, tempfile.mkdtemp(dir=work), log)

    results = {name: [] for name in settings}
    for _ in range(args.runs):
        for name, options in settings.items():
            data = tempfile.mkdtemp(dir=work)
            shutil.copytree(seeded, data, dirs_exist_ok=True)
            results[name].append(start_once(args.java, options, data, log))

    print(f"java: {version}; cores: {os.cpu_count()}; runs per setting: {args.runs}")
    print(f"{'setting':40} {'first response (s), median':>28} {'RSS after it (MB), median':>28}")
    for name, runs in results.items():
        times = [t for t, _ in runs]
        rss = [r for _, r in runs]
        print(f"{name:40} {statistics.median(times):28.3f} {statistics.median(rss):28.0f}"
              f"   (times {min(times):.3f}-{max(times):.3f}, RSS {min(rss):.0f}-{max(rss):.0f})")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

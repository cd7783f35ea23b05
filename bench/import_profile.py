"""Where an import's own threads spend their CPU: the packaged application on a fresh PostgreSQL database with a JFR
recording (settings=profile) from its JVM's start, a warm-up import of 5,000 rows, then the measured import of the next
N rows of the same generated file (new agreements naming the same 2,000 parties, so nothing is refused). Prints the
measured import's rows/s and the CPU the service (thread by thread) and PostgreSQL used during it, then, for the samples
of the import's threads (the worker and its two writers) during it alone, the hottest frames and the share of samples
under each of the Accords methods they pass through. --no-jfr records nothing and prints the CPU only; --image runs
with the image's JVM options.

  ACCORDS_JAR=<quarkus-app>/quarkus-run.jar python3 bench/import_profile.py --rows 20000   (after -Ppostgresql package)
"""
import argparse, collections, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imports import write_file, post_file, wait  # noqa: E402
from packaged import Setup, image_jvm_options  # noqa: E402


def cpu_seconds(pids):
    """User and system CPU the processes have used so far, in seconds."""
    return sum(cpu_seconds_of("/proc/%d/stat" % pid) for pid in pids)


def threads(pid):
    """CPU seconds used so far by each of the process's threads, summed by thread name (numbers left out)."""
    used = collections.Counter()
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            name = re.sub(r"[-#]?\d+$", "", open("/proc/%d/task/%s/comm" % (pid, task)).read().strip())
        except OSError:
            continue
        used[name] += cpu_seconds_of("/proc/%d/task/%s/stat" % (pid, task))
    return used


def cpu_seconds_of(stat):
    """User and system CPU in seconds from a /proc stat file; 0 when the process or thread has ended."""
    try:
        fields = open(stat).read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def postgres_pids():
    return [int(pid) for pid in os.listdir("/proc") if pid.isdigit() and _named(pid, "postgres")]


def _named(pid, name):
    try:
        return open("/proc/%s/comm" % pid).read().strip() == name
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--recording", default="/tmp/accords-import.jfr")
    parser.add_argument("--no-jfr", action="store_true", help="no recording: only the CPU each side and thread used")
    parser.add_argument("--warm", type=int, default=5000, help="rows of the warm-up import")
    parser.add_argument("--image", action="store_true",
                        help="the image's JVM options (src/main/docker/jvm-options without its class-data archive)"
                             " instead of the JVM's defaults with -Xmx1g")
    parser.add_argument("--option", action="append", default=[], help="one more JVM option (-D...), repeatable")
    args = parser.parse_args()
    setup = Setup("postgresql", "importprofile")
    whole, warm, measured = (os.path.join(setup.work, name) for name in ("all.ndjson", "warm.ndjson", "rows.ndjson"))
    write_file(whole, args.rows + args.warm)
    lines = open(whole).readlines()
    open(warm, "w").writelines(lines[:args.warm])
    open(measured, "w").writelines(lines[args.warm:])
    port = 18480
    recording = [] if args.no_jfr else ["-XX:FlightRecorderOptions:stackdepth=256",
                                        "-XX:StartFlightRecording=name=import,settings=profile,filename="
                                        + args.recording]
    options = ["-Xmx1g"]
    if args.image:
        options = image_jvm_options()
    app = setup.start(port, jvm_options=options + args.option + recording)
    token = setup.token("editor", "CONFIDENTIAL")
    wait(port, token, post_file(port, token, warm))
    began, started = time.strftime("%H:%M:%S", time.gmtime()), time.time()
    database_before, service_before = cpu_seconds(postgres_pids()), cpu_seconds([app.pid])
    threads_before = threads(app.pid)
    state = wait(port, token, post_file(port, token, measured))
    elapsed = time.time() - started
    # PostgreSQL's processes that ended during the import (a connection closed) are missing: a lower bound.
    print("CPU during it: the service %.1f s, PostgreSQL %.1f s, in %.1f s" % (
        cpu_seconds([app.pid]) - service_before, cpu_seconds(postgres_pids()) - database_before, elapsed))
    used = threads(app.pid)
    used.subtract(threads_before)
    print("The service's threads: " + ", ".join("%s %.1f s" % (name, seconds) for name, seconds in used.most_common()
                                                 if seconds >= 0.1))
    ended = time.strftime("%H:%M:%S", time.gmtime())
    print("%d rows in %.1f s: %.0f rows/s, %s; load average %.2f" % (args.rows, elapsed, args.rows / elapsed,
                                                                      state["counts"], os.getloadavg()[0]))
    if args.no_jfr:
        app.terminate()
        app.wait()
        return
    subprocess.run(["jcmd", str(app.pid), "JFR.dump", "name=import", "filename=" + args.recording],
                   stdout=subprocess.DEVNULL, check=True)
    app.terminate()
    app.wait()
    printed = subprocess.run(["jfr", "print", "--stack-depth", "200", "--events", "jdk.ExecutionSample",
                              args.recording], capture_output=True, text=True, check=True).stdout
    stacks = []
    for sample in printed.split("jdk.ExecutionSample")[1:]:
        at = re.search(r"startTime = (\d\d:\d\d:\d\d)", sample)
        thread = re.search(r'sampledThread = "([^"]+)"', sample)
        if at and thread and thread.group(1).startswith("accords-import") and began <= at.group(1) <= ended:
            stacks.append(re.findall(r"^\s+([\w.$<>]+)\(", sample, re.M))
    stacks = [s for s in stacks if s]
    print("%d samples of the import's threads (the worker and its two writers) in %.0f s (JFR samples a running"
          " thread every 10 ms or so)"
          % (len(stacks), elapsed))
    print("| Top frame | Share |\n| --- | --- |")
    for name, n in collections.Counter(s[0] for s in stacks).most_common(10):
        print("| `%s` | %.1f %% |" % (name, 100 * n / len(stacks)))
    print("\n| Samples passing through | Share |\n| --- | --- |")
    through = collections.Counter()
    for stack in stacks:
        for name in set(stack):
            if name.startswith("io.accords.") and "_Subclass" not in name and "_ClientProxy" not in name:
                through[name] += 1
    for name, n in through.most_common(25):
        print("| `%s` | %.1f %% |" % (name, 100 * n / len(stacks)))


if __name__ == "__main__":
    main()

"""Where an import's own thread spends its CPU: the packaged application on a fresh PostgreSQL database with a JFR
recording (settings=profile) from its JVM's start, a warm-up import of 5,000 rows, then the measured import of the next
N rows of the same generated file (new agreements naming the same 2,000 parties, so nothing is refused). Prints the
measured import's rows/s, then, for the samples of the import thread during it alone, the hottest frames and the share
of samples under each of the Accords methods they pass through.

  ACCORDS_JAR=<quarkus-app>/quarkus-run.jar python3 bench/import_profile.py --rows 20000   (after -Ppostgresql package)
"""
import argparse, collections, os, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from imports import write_file, post_file, wait  # noqa: E402
from packaged import Setup  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--recording", default="/tmp/accords-import.jfr")
    args = parser.parse_args()
    setup = Setup("postgresql", "importprofile")
    whole, warm, measured = (os.path.join(setup.work, name) for name in ("all.ndjson", "warm.ndjson", "rows.ndjson"))
    write_file(whole, args.rows + 5000)
    lines = open(whole).readlines()
    open(warm, "w").writelines(lines[:5000])
    open(measured, "w").writelines(lines[5000:])
    port = 18480
    app = setup.start(port, jvm_options=["-Xmx1g", "-XX:FlightRecorderOptions:stackdepth=256",
                                         "-XX:StartFlightRecording=name=import,settings=profile,filename="
                                         + args.recording])
    token = setup.token("editor", "CONFIDENTIAL")
    wait(port, token, post_file(port, token, warm))
    began, started = time.strftime("%H:%M:%S", time.gmtime()), time.time()
    state = wait(port, token, post_file(port, token, measured))
    elapsed = time.time() - started
    ended = time.strftime("%H:%M:%S", time.gmtime())
    print("%d rows in %.1f s: %.0f rows/s, %s; load average %.2f" % (args.rows, elapsed, args.rows / elapsed,
                                                                      state["counts"], os.getloadavg()[0]))
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
        if at and thread and thread.group(1) == "accords-import" and began <= at.group(1) <= ended:
            stacks.append(re.findall(r"^\s+([\w.$<>]+)\(", sample, re.M))
    stacks = [s for s in stacks if s]
    print("%d samples of the import thread in %.0f s (JFR samples a running thread every 10 ms or so)"
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

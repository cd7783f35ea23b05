"""What bench/crash.py, bench/writers.py and bench/soak.py share: the packaged application (target/quarkus-app,
built for the database in use) started on a database of its own with a development key pair, a token signed with
it, and JSON calls carrying that token."""
import atexit, json, os, socket, subprocess, sys, tempfile, time, urllib.error, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ACCORDS_JAR runs another build (an A/B against an earlier commit); the working tree's package by default.
JAR = os.environ.get("ACCORDS_JAR") or os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")


def image_jvm_options():
    """The JVM image's options (src/main/docker/jvm-options) without its class-data archive, which each build would
    need its own of: the service run as it is shipped."""
    with open(os.path.join(ROOT, "src", "main", "docker", "jvm-options")) as options:
        return [line.strip() for line in options
                if line.strip() and not line.startswith("#") and "SharedArchiveFile" not in line]


class Setup:
    """A work folder, the environment that points the application at a fresh database, and its key pair."""

    def __init__(self, db, name, seed=False):
        self.work = tempfile.mkdtemp(prefix="accords-%s-" % name)
        self.keys = os.path.join(self.work, "keys")
        # Rate limits off: these checks drive one token at hundreds of requests a second, far above a caller's
        # allowance; what the limits cost is measured by bench/ratelimit.sh, what they do by RateLimitTest.
        self.env = dict(os.environ, ACCORDS_SEED_ENABLED=str(seed).lower(), ACCORDS_AUTH_DEV_KEYS_ENABLED="true",
                        ACCORDS_AUTH_DEV_KEYS_DIR=self.keys, QUARKUS_SHUTDOWN_DELAY="0S",
                        ACCORDS_RATE_LIMIT_ENABLED="false")
        if db == "h2":
            self.env["QUARKUS_DATASOURCE_JDBC_URL"] = ("jdbc:h2:file:%s/accords;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                                                       % self.work)
        else:
            self.database = "accords_" + name
            subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-q", "-c",
                            "DROP DATABASE IF EXISTS %s WITH (FORCE)" % self.database, "-c",
                            "CREATE DATABASE %s OWNER accords" % self.database], check=True)
            self.env.update(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/" + self.database,
                            QUARKUS_DATASOURCE_USERNAME="accords", QUARKUS_DATASOURCE_PASSWORD="accords")

    def start(self, port, log="app.log", jvm_options=None):
        """Starts the application on a port and waits until it is ready; exits when it cannot start. Without
        jvm_options it runs as shipped, with the image's options (ACCORDS_JVM=defaults: the JVM's defaults)."""
        if jvm_options is None:
            jvm_options = [] if os.environ.get("ACCORDS_JVM") == "defaults" else image_jvm_options()
        for taken in (port, management(port)):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", taken)) == 0:
                    sys.exit("port %d is in use (an application left running by an earlier run?); stop it first"
                             % taken)
        output = open(os.path.join(self.work, log), "a")
        process = subprocess.Popen(["java"] + list(jvm_options) + ["-jar", JAR],
                                   env=dict(self.env, QUARKUS_HTTP_PORT=str(port),
                                            QUARKUS_MANAGEMENT_PORT=str(management(port))), stdout=output,
                                   stderr=subprocess.STDOUT)
        # However the check ends, even by an error, the application does not outlive it.
        atexit.register(lambda: process.poll() is None and process.kill())
        deadline = time.time() + 120
        while time.time() < deadline:
            if process.poll() is not None:
                sys.exit("the application exited on start (database did not open?); see %s/%s" % (self.work, log))
            try:
                if urllib.request.urlopen(url(management(port), "/q/health/ready"), timeout=2).status == 200:
                    return process
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        sys.exit("the application did not get ready; see %s/%s" % (self.work, log))

    def token(self, role="editor", clearance="CONFIDENTIAL", subject=None):
        """A token signed with this setup's key pair, valid for 10 hours; call after the first start."""
        named = [] if subject is None else ["--subject", subject]
        return subprocess.run(["java", os.path.join(ROOT, "scripts", "DevToken.java"), role, clearance, "--keys",
                               self.keys, "--minutes", "600"] + named, check=True, capture_output=True,
                              text=True).stdout.strip()


def management(port):
    """The management port (health, metrics) of the application whose API is on this port."""
    return port + 1000


def url(port, path):
    return "http://127.0.0.1:%d%s" % (port, path)


def call(port, token, method, path, body=None, headers=None, timeout=30):
    """Sends a request with the token (a body as JSON, a merge patch for PATCH); returns status, body bytes and
    headers, for error statuses too. Connection failures raise URLError or OSError."""
    request = urllib.request.Request(url(port, path), method=method, headers=dict(headers or {}),
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Authorization", "Bearer " + token)
    if body is not None:
        request.add_header("Content-Type", "application/merge-patch+json" if method == "PATCH"
                           else "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers

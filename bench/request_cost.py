"""Benchmark: what one request costs over HTTP, through gunicorn (2 sync workers) on PostgreSQL and Redis.

    .venv/bin/python bench/request_cost.py                                  # the current tree only
    git worktree add --detach /tmp/wm_before <commit>
    .venv/bin/python bench/request_cost.py --tree before=/tmp/wm_before --tree after=.

Each --tree is a source tree (a git worktree of another commit, or this one) served by its own gunicorn, started
as the Dockerfile and docker-compose.yml start it (sync workers, --timeout 30, access log), with DEBUG off, Redis
as the cache and broker, and the same database. Against each it runs `wrk` (when installed; otherwise a small
Python load generator with as many threads, and the table says so) for --duration seconds with --connections
connections, on four pages in turn. On each page the trees take turns in --rounds slices of equal length (A B, B A,
A B ...), so that a machine which speeds up or slows down during a page (this one drifts by 10-25% within minutes)
favours neither tree; the rate is the mean of a tree's slices. The pages:

- register search: a school coordinator's register, searched for 'jansen' (about 3,800 matches of ~60,000);
- placement page: a mentor's placement;
- plain page: *My account*, the smallest page with the site's menu;
- bare view: a view answering "ok" in the same gunicorn and middleware, no cookie (the framework's floor). It is
  in the bench's own URLconf (bench/request_cost_urls.py, loaded through bench/request_cost_settings.py).

It prints requests per second, wrk's latency p50/p99 and the server time p50 (gunicorn's own request time,
%(D)s in its access log), and the ratio of the register's throughput to the bare view's.

The database (--database-url, default wm_bench_requests) is created when missing: migrated, the demo world
(`manage.py demo`), and 120,000 generated certificates spread over the demo's two schools; later runs reuse it.
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
CERTIFICATES = 120_000
PASSWORD = "demo"  # noqa: S105 - home/demo/data.py
MENTOR = "mentor@demo.werkmentor.nl"
COORDINATOR = "coordinator@demo.werkmentor.nl"

FILL_SQL = """
INSERT INTO registry_certificate (public_id, number, holder_name, holder_email, company_name, company_city,
  company_country, issued_on, valid_until, language, revoked_at, revocation_reason, imported, created_at, school_id)
SELECT md5('bench' || g)::uuid,
  'RB-' || lpad(g::text, 7, '0'),
  (ARRAY['Anna','Bram','Daan','Emma','Fatima','Femke','Jan','Joris','Julia','Kees','Lars','Lotte','Mehmet','Noah',
         'Noor','Pieter','Sanne','Sem','Sophie','Thijs','Zoë','Ahmed','Anouk'])[1 + (g * 7) % 23] || ' ' ||
  (ARRAY['Jansen','de Jong','de Vries','van den Berg','van Dijk','Bakker','Visser','Smit','Meijer','de Boer',
         'Mulder','de Groot','Bos','Vos','Peters','Hendriks','Dekker','Brouwer','Yılmaz','Kowalski','Müller',
         'García','Nguyen','El Amrani','Dubois','Kaya','Prins','Blom','Maas'])[1 + (g * 13) % 29],
  'holder' || g || '@example.org',
  (ARRAY['Bakkerij','Zorgcentrum','Hotel','Garage','Transport','Bouwbedrijf','Drukkerij','Kwekerij'])[1 + g % 8]
    || ' ' || (ARRAY['Jansen','Kowalski','Visser','Smit','Bakker','Dijkstra','Vos','Peeters','Maas','Rossi',
                     'Nowak'])[1 + (g * 3) % 11] || ' ' || (g % 20000),
  (ARRAY['Amsterdam','Rotterdam','Utrecht','Leiden','Groningen','Zwolle','Eindhoven','Tilburg','Breda','Málaga',
         'Antwerpen','Köln'])[1 + (g * 5) % 12],
  (ARRAY['NL','NL','NL','NL','NL','NL','NL','NL','NL','ES','BE','DE'])[1 + (g * 5) % 12],
  date '2015-01-01' + (g * 4079 / {n}), date '2015-01-01' + (g * 4079 / {n}) + 1095,
  'nl', CASE WHEN g % 50 = 0 THEN now() END, CASE WHEN g % 50 = 0 THEN 'Issued by mistake.' ELSE '' END,
  true, now(), (SELECT min(id) FROM accounts_school) + g % 2
FROM generate_series(1, {n}) AS g
"""


def base_env(database_url: str, redis_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))}
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-not-a-real-one-0123456789-abcdefghijklmnop",  # noqa: S106
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        LOG_LEVEL="WARNING",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def prepare_database(database_url: str) -> None:
    """Create, migrate and fill the bench database when needed (with this tree's code and migrations)."""
    import psycopg

    parsed = urllib.parse.urlparse(database_url)
    name = parsed.path.lstrip("/")
    with psycopg.connect(parsed._replace(path="/postgres").geturl(), autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            print(f"Creating database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')
    # Tasks the demo queues run in-process (no REDIS_URL); its e-mails go nowhere.
    env = base_env(database_url, "")
    env.update(DEBUG="true", EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend", DB_STATEMENT_TIMEOUT="0")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603 - our own command
    with psycopg.connect(database_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM accounts_user WHERE email = %s", [MENTOR]).fetchone():
            print("Building the demo world")
            subprocess.run([*manage, "demo", "--quiet-logins", "--language", "nl"], env=env, cwd=ROOT, check=True)  # noqa: S603
        count = connection.execute("SELECT count(*) FROM registry_certificate WHERE number LIKE 'RB-%'").fetchone()[0]
        if count != CERTIFICATES:
            print(f"Generating {CERTIFICATES:,} certificates")
            connection.execute("DELETE FROM registry_certificate WHERE number LIKE 'RB-%'")
            connection.execute(FILL_SQL.replace("{n}", str(CERTIFICATES)))
            connection.execute("VACUUM ANALYZE registry_certificate")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving one source tree, as docker-compose.yml runs it but with 2 workers."""

    def __init__(self, label: str, tree: Path, env: dict[str, str], folder: Path, workers: int):
        self.label, self.tree, self.folder = label, tree.resolve(), folder / label
        self.folder.mkdir(parents=True)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.access_log = self.folder / "access.log"
        self.env = {
            **env,
            "DJANGO_SETTINGS_MODULE": "request_cost_settings",
            "PYTHONPATH": f"{self.tree}{os.pathsep}{BENCH}",
            "STATIC_ROOT": str(self.folder / "static"),
        }
        subprocess.run(  # noqa: S603 - the hashed-name manifest DEBUG=false needs, as the Dockerfile builds it
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=self.tree, env=self.env, check=True
        )
        command = [str(Path(sys.executable).parent / "gunicorn"), "config.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--timeout", "30"]
        command += ["--access-logfile", str(self.access_log), "--access-logformat", '"%(r)s" %(s)s %(b)s %(D)s']
        with (self.folder / "gunicorn.log").open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command line
                command, cwd=self.tree, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(self.base + "/healthz", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"gunicorn for {label} did not start: {(self.folder / 'gunicorn.log').read_text()}")
            time.sleep(0.3)

    def log_in(self, email: str) -> str:
        """Log in with the form, as a browser does; the Cookie header of that session."""
        session = requests.Session()
        session.get(self.base + "/accounts/login/", timeout=10)
        response = session.post(
            self.base + "/accounts/login/",
            data={"username": email, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            allow_redirects=False,
            timeout=10,
        )
        if response.status_code != 302:
            raise RuntimeError(f"{self.label}: log-in of {email} answered {response.status_code}")
        return "; ".join(f"{name}={value}" for name, value in session.cookies.items())

    def server_times_ms(self, path: str, since: int) -> list[float]:
        """gunicorn's own time (%(D)s, microseconds) of each request to `path` logged after byte `since`."""
        with self.access_log.open() as log:
            log.seek(since)
            lines = log.readlines()
        return [int(line.rsplit(" ", 1)[1]) / 1000 for line in lines if f"GET {path} HTTP" in line]

    def log_size(self) -> int:
        return self.access_log.stat().st_size if self.access_log.exists() else 0

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def run_wrk(url: str, cookie: str, connections: int, seconds: int) -> dict:
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency", "--timeout", "10s"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)

    def latency(percent: str) -> float:
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "bad": int(bad.group(1)) if bad else 0,
        "errors": errors.group(1) if errors else "",
    }


def run_threads(url: str, cookie: str, connections: int, seconds: int) -> dict:
    """The fallback without wrk: `connections` threads, each one request after another on its own connection."""
    timings: list[float] = []
    bad = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker():
        session = requests.Session()
        headers = {"Cookie": cookie} if cookie else {}
        own = []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            response = session.get(url, headers=headers, allow_redirects=False, timeout=10)
            own.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                with lock:
                    bad[0] += 1
        with lock:
            timings.extend(own)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    timings.sort()
    return {
        "rps": len(timings) / seconds,
        "p50": statistics.median(timings),
        "p99": timings[int(0.99 * (len(timings) - 1))],
        "bad": bad[0],
        "errors": "",
    }


def check_page(server: Server, path: str, cookie: str) -> None:
    response = requests.get(server.base + path, headers={"Cookie": cookie}, allow_redirects=False, timeout=10)
    if response.status_code != 200:
        raise RuntimeError(f"{server.label}: {path} answered {response.status_code}")


def placement_path(database_url: str) -> str:
    import psycopg

    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT p.id FROM placements_placement p JOIN accounts_user u ON u.id = p.mentor_id "
            "WHERE u.email = %s ORDER BY p.id LIMIT 1",
            [MENTOR],
        ).fetchone()
    return f"/placements/{row[0]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", default=[], help="label=path of a source tree (repeatable)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/wm_bench_requests"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4"))
    parser.add_argument("--duration", type=int, default=30, help="seconds per page and tree")
    parser.add_argument(
        "--rounds", type=int, default=3, help="the duration in this many slices, the trees taking turns (A B, B A ...)"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", default="register,placement,plain,bare", help="which pages, comma-separated")
    parser.add_argument("--json", help="also write the results to this file")
    options = parser.parse_args()

    trees = [item.split("=", 1) for item in options.tree] or [["current", str(ROOT)]]
    tool = "wrk" if shutil.which("wrk") else "python-threads"
    load = run_wrk if tool == "wrk" else run_threads
    prepare_database(options.database_url)
    env = base_env(options.database_url, options.redis_url)
    folder = Path(tempfile.mkdtemp(prefix="wm_request_cost_"))
    servers: list[Server] = []
    try:
        for label, path in trees:
            servers.append(Server(label, Path(path), env, folder, options.workers))
        cookies = {server.label: {who: server.log_in(who) for who in (MENTOR, COORDINATOR)} for server in servers}
        pages = {
            "register": ("register search", "/register/?q=jansen", COORDINATOR),
            "placement": ("placement page (mentor)", placement_path(options.database_url), MENTOR),
            "plain": ("plain page (My account)", "/accounts/me/", MENTOR),
            "bare": ("bare Django view", "/bench/bare/", None),
        }
        chosen = [pages[name] for name in options.pages.split(",")]
        for server in servers:
            for _label, path, who in chosen:
                check_page(server, path, cookies[server.label][who] if who else "")
        print(
            f"\n{tool}, {options.connections} connections, {options.duration} s per page and tree; gunicorn "
            f"--workers {options.workers} (sync), in {options.rounds} turns per tree; load before: "
            f"{os.getloadavg()[0]:.2f}\n"
        )
        results: dict[str, dict[str, dict]] = {}
        seconds = max(1, options.duration // options.rounds)
        for label, path, who in chosen:
            slices: dict[str, list[dict]] = {server.label: [] for server in servers}
            times: dict[str, list[float]] = {server.label: [] for server in servers}
            for round_number in range(options.rounds):
                # A B, then B A: a machine that speeds up or slows down during the page favours neither tree.
                for server in servers if round_number % 2 == 0 else servers[::-1]:
                    cookie = cookies[server.label][who] if who else ""
                    # A few requests first, so that no worker answers its first (cold) request during the measurement.
                    for _ in range(4):
                        check_page(server, path, cookie)
                    since = server.log_size()
                    result = load(server.base + path, cookie, options.connections, seconds)
                    result["load"] = os.getloadavg()[0]
                    times[server.label] += server.server_times_ms(path, since)
                    slices[server.label].append(result)
            for server in servers:
                result = combined(slices[server.label], times[server.label])
                results.setdefault(label, {})[server.label] = result
                print(
                    f"  {label} [{server.label}]: {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
                    f"server p50 {result['server_p50']:.1f} ms, non-2xx {result['bad']} {result['errors']}",
                    flush=True,
                )
        print_table(results, [server.label for server in servers], tool, options)
        if options.json:
            Path(options.json).write_text(json.dumps(results, indent=2))
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


def combined(slices: list[dict], server_times: list[float]) -> dict:
    """One tree's result on one page from its slices of equal length: the mean rate, the median of the slices'
    latency percentiles, the median of every request's server time, the mean load."""
    return {
        "rps": statistics.mean(result["rps"] for result in slices),
        "p50": statistics.median(result["p50"] for result in slices),
        "p99": statistics.median(result["p99"] for result in slices),
        "bad": sum(result["bad"] for result in slices),
        "errors": " ".join(result["errors"] for result in slices if result["errors"]),
        "server_p50": statistics.median(server_times) if server_times else float("nan"),
        "load": statistics.mean(result["load"] for result in slices),
        "slices_rps": [round(result["rps"]) for result in slices],
    }


def print_table(results: dict, labels: list[str], tool: str, options) -> None:
    print("\n| page | tree | req/s | req/s per turn | latency p50 (ms) | p99 (ms) | server p50 (ms) | load 1 min |")
    print("|---|---|---|---|---|---|---|---|")
    for page, by_tree in results.items():
        for label in labels:
            r = by_tree[label]
            print(
                f"| {page} | {label} | {r['rps']:.0f} | {' / '.join(map(str, r['slices_rps']))} | {r['p50']:.1f} "
                f"| {r['p99']:.1f} | {r['server_p50']:.1f} "
                f"| {r['load']:.2f} |"
            )
    if len(labels) == 2:
        first, last = labels
        print()
        for page, by_tree in results.items():
            print(
                f"{page}: {last} / {first} = {by_tree[last]['rps'] / by_tree[first]['rps']:.2f}× req/s, "
                f"server p50 {by_tree[first]['server_p50']:.1f} → {by_tree[last]['server_p50']:.1f} ms"
            )
    register, bare = results.get("register search"), results.get("bare Django view")
    if register and bare:
        for label in labels:
            print(f"register / bare view [{label}]: {register[label]['rps'] / bare[label]['rps']:.2f}")
    print(f"\ntool: {tool}; uptime: {os.getloadavg()}")


if __name__ == "__main__":
    main()

"""Real processes for the fault tests: a Redis server and a Celery worker that a test can stop, kill and restart.

Each runs in a process group of its own (start_new_session), so that killing it takes its children along
(a prefork worker's pool processes) and never touches the test process.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from .smtp_sink import free_port

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


def wait_until(condition, *, timeout: float, interval: float = 0.05, what: str = "condition"):
    """condition()'s first true value, polling; AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def _stop_group(process: subprocess.Popen, sig: int, timeout: float = 15) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


class RedisServer:
    """redis-server on a free port in a folder of its own; `appendonly` keeps what it was given across a kill."""

    def __init__(self, directory: Path, *, appendonly: bool = False, appendfsync: str = "always"):
        self.directory = directory
        self.port = free_port()
        self.appendonly = appendonly
        self.appendfsync = appendfsync
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        # appendfsync always: a message Redis acknowledged is on disk, so a kill -9 cannot take it away; everysec (as
        # in docker-compose.yml) may lose the last second.
        durability = ["--appendonly", "no"]
        if self.appendonly:
            durability = ["--appendonly", "yes", "--appendfsync", self.appendfsync]
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", *durability]
        command += ["--dir", str(self.directory), "--logfile", str(self.directory / "redis.log")]
        self.process = subprocess.Popen(command, cwd=self.directory, start_new_session=True)  # noqa: S603
        wait_until(self.ping, timeout=10, what=f"redis-server on port {self.port}")

    def ping(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        """An orderly stop (SIGTERM: Redis shuts down; with --save "" it writes no snapshot)."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGTERM)
            self.process = None

    def kill(self) -> None:
        """kill -9: whatever Redis held only in memory is gone."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGKILL)
            self.process = None

    def queue_length(self, queue: str = "celery") -> int:
        with socket.create_connection(("127.0.0.1", self.port), timeout=2) as connection:
            connection.sendall(f"LLEN {queue}\r\n".encode())
            answer = connection.recv(64)
        return int(answer[1:].split(b"\r\n")[0])


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for the database pytest-django created (test_<name>, per xdist worker)."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = quote(settings_dict.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{settings_dict['NAME']}"


class CeleryWorker:
    """`celery -A config worker` with production settings, on the test's Redis, database and SMTP sink."""

    def __init__(self, directory: Path, env: dict[str, str], *, name: str, pool: str = "solo", concurrency: int = 1):
        self.directory = directory
        self.name = name
        self.env = env
        self.pool = pool
        self.concurrency = concurrency
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @property
    def log(self) -> Path:
        return self.directory / f"{self.name}-{self.starts}.log"

    def start(self) -> None:
        self.starts += 1
        command = [str(CELERY), "-A", "config", "worker", "-P", self.pool, "-c", str(self.concurrency)]
        command += ["--loglevel=INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"]
        command += ["-n", f"{self.name}-{self.starts}-{os.getpid()}@%h"]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(self._ready, timeout=60, interval=0.1, what=f"the Celery worker to start (log: {self.log})")

    def _ready(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(f"the Celery worker exited with {self.process.returncode}:\n{self.log.read_text()}")
        return " ready." in self.log.read_text(errors="replace")

    def stop(self) -> None:
        """A warm shutdown: the worker finishes what it is running and acknowledges it."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGTERM, timeout=30)
            self.process = None

    def kill(self) -> None:
        """SIGKILL to the worker and its pool processes at once: nothing is finished, acknowledged or cleaned up."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGKILL)
            self.process = None

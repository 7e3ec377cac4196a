"""The production-like stack of bench/outbox_faults.py: gunicorn, Celery workers and beat as real processes.

Redis, the Celery worker processes and the SMTP sink are those of the fault tests (tests/faults/services.py,
tests/faults/smtp_sink.py); this adds gunicorn and beat, and a small HTTP client that logs in with the form
and posts with the CSRF token, as a browser would.
"""

import http.cookiejar
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.faults.services import wait_until

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


class Service:
    """A long-running process in a group of its own, with its log in the bench folder."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], folder: Path, ready):
        self.name, self.command, self.env, self.folder, self.ready = name, command, env, folder, ready
        self.process: subprocess.Popen | None = None
        self.starts = 0

    @property
    def log(self) -> Path:
        return self.folder / f"{self.name}-{self.starts}.log"

    def start(self) -> None:
        self.starts += 1
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own command line
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        wait_until(self._ready, timeout=90, interval=0.2, what=f"{self.name} to start (log: {self.log})")

    def _ready(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log.read_text()[-3000:]}")
        return self.ready(self)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None


def log_says(text: str):
    return lambda service: text in service.log.read_text(errors="replace")


def gunicorn(env: dict[str, str], folder: Path, port: int) -> Service:
    command = [str(BIN / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--timeout", "30", "--access-logfile", "-"]
    return Service("gunicorn", command, env, folder, lambda _service: http_ok(f"http://127.0.0.1:{port}/healthz"))


def beat(env: dict[str, str], folder: Path) -> Service:
    command = [str(BIN / "celery"), "-A", "config", "beat", "-l", "info", "--schedule", str(folder / "beat-schedule")]
    return Service("beat", command, env, folder, log_says("beat: Starting..."))


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - our own local server
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 itself is the answer we check


class Browser:
    """One person's session: cookies, the CSRF token, and how long each request took."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect)
        self.timings: list[float] = []

    def _open(self, path: str, data: dict | None = None) -> int:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310 - our own local server
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:  # 302 (not followed) and 4xx/5xx
            status = error.code
        self.timings.append(time.monotonic() - started)
        return status

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def get(self, path: str) -> int:
        return self._open(path)

    def post(self, path: str, data: dict | None = None) -> int:
        if not any(cookie.name == "csrftoken" for cookie in self.cookies):
            self.get(path)
        return self._open(path, {**(data or {}), "csrfmiddlewaretoken": self.csrf_token()})

    def log_in(self, path: str, email: str, password: str) -> None:
        self.get(path)
        status = self.post(path, {"username": email, "password": password})
        if status != 302:
            raise RuntimeError(f"log-in of {email} answered {status}")

"""The fault tests' stack: a Redis and an SMTP sink of the test's own, a real Celery worker, the test database.

Everything listens on free ports, so parallel pytest processes (xdist) never share a queue or a mailbox.
The worker runs production settings (config.settings) against the database pytest-django created; rows
must really commit for it to see them (transactional_db). The test process itself hands entries to the
same Redis (`kick`) and runs the relay as beat would, sending to the same sink.
"""

import contextlib
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import pytest
from django.db import connection

from core.outbox.models import OutboxEntry
from core.outbox.relay import relay_due

from .services import CeleryWorker, RedisServer, database_url, wait_until
from .smtp_sink import SmtpSink

RETRY_DELAYS = [1, 1, 2, 2, 3, 5, 8]  # seconds: several retries fail within an outage of a few seconds
LEASE_SECONDS = 5
# A bulk run without a heartbeat for this long has lost its worker (BULK_JOB_STALLED_SECONDS); below the lease, so the
# relay resumes it as soon as the dead runner's lease has ended.
BULK_STALLED_SECONDS = 3
Status = OutboxEntry.Status


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def need(condition: bool, reason: str) -> None:
    """Skip with the reason when a service is missing; on CI a missing service fails the test instead."""
    if not condition:
        if _on_ci():
            pytest.fail(f"fault test cannot run on CI: {reason}")
        pytest.skip(reason)


@dataclass
class Tally:
    """Messages expected once each, against what the sink received: sent, lost, duplicated."""

    scenario: str
    expected: list[tuple[str, str]]  # (recipient, a part of the subject that names the message)
    received: list = field(default_factory=list)
    complete_at: float | None = None  # time.monotonic() when the last expected message had arrived

    def seconds_since(self, start: float) -> float:
        return (self.complete_at or time.monotonic()) - start

    def copies(self, recipient: str, subject_part: str) -> int:
        return sum(1 for m in self.received if m.recipient == recipient.lower() and subject_part in m.subject)

    @property
    def sent(self) -> int:
        return len(self.received)

    @property
    def lost(self) -> int:
        return sum(1 for recipient, part in self.expected if self.copies(recipient, part) == 0)

    @property
    def duplicated(self) -> int:
        return sum(max(self.copies(recipient, part) - 1, 0) for recipient, part in self.expected)

    @property
    def unexpected(self) -> list:
        return [
            m for m in self.received if not any(m.recipient == r.lower() and p in m.subject for r, p in self.expected)
        ]

    def line(self, extra: str = "") -> str:
        numbers = f"expected {len(self.expected)}, sent {self.sent}, lost {self.lost}, duplicated {self.duplicated}"
        return f"{self.scenario}: {numbers}" + (f" ({extra})" if extra else "")


class FaultStack:
    def __init__(self, tmp_path, settings, record_property):
        self.tmp_path = tmp_path
        self.settings = settings
        self.record_property = record_property
        self.sink = SmtpSink()
        self.redis: RedisServer | None = None
        self.worker: CeleryWorker | None = None
        self.workers = 0

    # --- the processes -----------------------------------------------------------------------------------
    def start_redis(self, *, appendonly: bool = False) -> RedisServer:
        folder = self.tmp_path / "redis"
        folder.mkdir(exist_ok=True)
        self.redis = RedisServer(folder, appendonly=appendonly)
        self.redis.start()
        self._point_celery_at(self.redis.url)
        # As in production, the same Redis is the cache (the rate limits of the password reset and other pages).
        self.settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": self.redis.url}
        }
        return self.redis

    def worker_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_", "CELERY_"))}
        env.update(
            DJANGO_SETTINGS_MODULE="config.settings",
            DEBUG="false",
            SECRET_KEY="fault-test-secret-key-that-is-long-enough-for-django-0123456789",
            ALLOWED_HOSTS="testserver,localhost,127.0.0.1",
            DATABASE_URL=database_url(connection.settings_dict),
            REDIS_URL=self.redis.url,
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.sink.port),
            EMAIL_TIMEOUT="5",
            OUTBOX_RETRY_DELAYS=",".join(str(delay) for delay in RETRY_DELAYS),
            OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS),
            BULK_JOB_STALLED_SECONDS=str(BULK_STALLED_SECONDS),
            SITE_URL="http://testserver",
            LOG_LEVEL="INFO",
        )
        return env

    def new_worker(self, *, pool: str = "solo", concurrency: int = 1) -> CeleryWorker:
        self.workers += 1
        name = f"worker{self.workers}"
        self.worker = CeleryWorker(self.tmp_path, self.worker_env(), name=name, pool=pool, concurrency=concurrency)
        return self.worker

    def _point_celery_at(self, url: str) -> None:
        """`kick` in this process talks to the test's Redis, for real (not eagerly, not in memory)."""
        from config.celery import app

        app.conf.broker_url = url
        app.conf.task_always_eager = False
        app._pool = None  # the connection pools are made on first use, from the broker URL of that moment
        app.amqp._producer_pool = None
        with app.connection_for_write() as warm:  # imports the transport now, not in the first page timed
            warm.ensure_connection(max_retries=1)

    def close(self, saved: dict) -> None:
        from config.celery import app

        for process in (self.worker, self.redis):
            if process is not None:
                process.stop()
        self.sink.down()
        app.conf.broker_url = saved["broker_url"]
        app.conf.task_always_eager = saved["task_always_eager"]
        app._pool = None
        app.amqp._producer_pool = None

    # --- the relay, as beat runs it --------------------------------------------------------------------------
    def relay_while_failing(self, *, seconds: float, attempts: int, timeout: float = 60, every: float = 0.5) -> int:
        """Beat during an outage: run the relay's scan for at least `seconds` and until every entry has been tried
        `attempts` times (a loaded machine is slower); how many of those runs failed."""
        failures = 0
        started = time.monotonic()
        while True:
            failures += relay_due().outcomes.get(Status.PENDING, 0)
            elapsed = time.monotonic() - started
            if elapsed >= seconds and not OutboxEntry.objects.filter(attempts__lt=attempts).exists():
                return failures
            if elapsed > timeout:
                raise AssertionError(f"not every entry was tried {attempts} times within {timeout} s")
            time.sleep(every)

    def relay_until_sent(self, *, timeout: float = 60, every: float = 0.5) -> None:
        """Run the relay until no entry waits or is held any more."""

        def everything_done():
            relay_due()
            return not OutboxEntry.objects.filter(status__in=[Status.PENDING, Status.SENDING]).exists()

        wait_until(everything_done, timeout=timeout, interval=every, what="every outbox entry to be sent")

    # --- counting ------------------------------------------------------------------------------------------
    def tally(self, scenario: str, expected: Iterable[tuple[str, str]], *, timeout: float = 60) -> Tally:
        """Wait for every expected message and for the outbox to be idle, then count what the sink got."""
        tally = Tally(scenario, list(expected))

        def arrived():
            tally.received = self.sink.received()
            if tally.lost == 0:
                tally.complete_at = time.monotonic()
            return tally.lost == 0

        with contextlib.suppress(AssertionError):  # what did not arrive is counted as lost
            wait_until(arrived, timeout=timeout, interval=0.1, what=f"{scenario}: every expected message")
        time.sleep(1.0)  # a late second copy (a retry, a message the broker gave again) would arrive now
        tally.received = self.sink.received()
        return tally

    def report(self, tally: Tally, extra: str = "") -> str:
        """Print the scenario's numbers (seen with -s or -rA) and keep them for the session's summary."""
        line = tally.line(extra)
        print(line)
        self.record_property("outbox_faults", line)
        return line


def assert_exactly_once(tally: Tally) -> None:
    assert tally.lost == 0, f"{tally.line()}: lost"
    assert tally.duplicated == 0, f"{tally.line()}: duplicated"
    assert tally.unexpected == [], f"{tally.line()}: unexpected {tally.unexpected}"
    assert not OutboxEntry.objects.exclude(status=Status.SENT).exists(), list(
        OutboxEntry.objects.exclude(status=Status.SENT).values("task_name", "status", "attempts", "last_error")
    )

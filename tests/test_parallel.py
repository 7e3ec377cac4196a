"""The suite runs in parallel (pytest-xdist): each worker process gets its own Redis database, so a worker's
Celery test worker never takes or purges another's tasks and cache entries stay apart."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.settings_test import redis_url_for_xdist_worker

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("url", "worker", "expected"),
    [
        ("redis://127.0.0.1:6379/0", "gw0", "redis://127.0.0.1:6379/0"),
        ("redis://127.0.0.1:6379/0", "gw1", "redis://127.0.0.1:6379/1"),
        ("redis://127.0.0.1:6379/3", "gw2", "redis://127.0.0.1:6379/5"),
        ("redis://127.0.0.1:6379", "gw1", "redis://127.0.0.1:6379/1"),
        ("rediss://:secret@cache.example.nl:6380/2", "gw1", "rediss://:secret@cache.example.nl:6380/3"),
        ("redis://127.0.0.1:6379/3", "", "redis://127.0.0.1:6379/3"),
        ("redis://127.0.0.1:6379/3", "master", "redis://127.0.0.1:6379/3"),
    ],
)
def test_each_xdist_worker_gets_the_next_redis_database(url, worker, expected):
    assert redis_url_for_xdist_worker(url, worker) == expected


def _settings_in_worker(worker: str, redis_url: str | None) -> list[str]:
    code = (
        "import django; django.setup(); from django.conf import settings; from config.celery import app; "
        "print(settings.REDIS_URL or '-', app.conf.broker_url, settings.CACHES['default'].get('LOCATION', '-'))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "PYTEST_XDIST_WORKER"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings_test", "PYTEST_XDIST_WORKER": worker})
    if redis_url:
        env["REDIS_URL"] = redis_url
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_second_worker_queues_tasks_and_caches_in_its_own_redis_database():
    url = "redis://127.0.0.1:6379/3"
    assert _settings_in_worker("gw1", url) == ["redis://127.0.0.1:6379/4"] * 3
    assert _settings_in_worker("gw0", url) == [url] * 3


def test_without_redis_a_worker_runs_tasks_in_process():
    assert _settings_in_worker("gw1", None) == ["-", "memory://", "-"]

"""Every log line is printed once, in development (DEBUG) as in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOGGERS = [
    "django.server",
    "django.request",
    "django.utils.autoreload",
    "django",
    "meetings.reminders.delivery",
    "registry",
]
SECRET = "k9#Fq2!vX8m@Lp4zR7wT1yB6nC3hJ5sD0gE-production-like-secret"
OURS = {"DEBUG", "SECRET_KEY", "LOG_LEVEL", "DJANGO_SETTINGS_MODULE"}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in OURS}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


@pytest.mark.parametrize("debug", ["true", "false"])
def test_each_record_is_printed_once(debug):
    code = "import django, logging; django.setup()\n" + "".join(
        f"logging.getLogger({name!r}).warning('marker-{name}')\n" for name in LOGGERS
    )
    result = run_python(code, DEBUG=debug, SECRET_KEY=SECRET)
    printed = result.stderr.splitlines()
    for name in LOGGERS:
        assert sum(line.endswith(f"marker-{name}") for line in printed) == 1, (name, result.stderr)


def test_request_lines_of_the_development_server_keep_their_own_format_and_are_not_repeated():
    code = (
        "import django, logging; django.setup()\n"
        "logging.getLogger('django.server').info('\"GET /healthz HTTP/1.1\" 200 58', "
        "extra={'server_time': '06/Dec/2026 18:19:52', 'status_code': 200})\n"
    )
    result = run_python(code, DEBUG="true")
    assert result.stderr.splitlines() == ['[06/Dec/2026 18:19:52] "GET /healthz HTTP/1.1" 200 58']

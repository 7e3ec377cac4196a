import os
import shutil
import subprocess
import time

import pytest
from django.core import mail


def wait_for_mail(count: int = 1, timeout: float = 15.0) -> list:
    """The outbox once it holds `count` messages; tasks may be running in a worker thread."""
    deadline = time.monotonic() + timeout
    while len(mail.outbox) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return mail.outbox


def need_tool(tool: str) -> str:
    """The path of a command-line tool a test needs: skipped locally without it, a failure on CI (CI=true)."""
    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"{tool} (poppler-utils) is needed in CI to check the PDFs.")
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def pdf_text(pdf: bytes, *, rows: bool = False, page: int | None = None) -> str:
    """A PDF's text with every run of white space as one space (pdftotext, from poppler-utils).

    In reading order, or with `rows` as laid out, so that a table row reads as one line; `page` limits it to
    that page (1 is the first).
    """
    options = (["-layout"] if rows else []) + (["-f", str(page), "-l", str(page)] if page else [])
    command = [need_tool("pdftotext"), *options, "-", "-"]
    result = subprocess.run(command, input=pdf, capture_output=True, check=True)  # noqa: S603
    return " ".join(result.stdout.decode("utf-8").split())


def queued_work(callbacks) -> list:
    """The on-commit callbacks that send or queue something: all but placement health's stale marks
    (oversight/health/triggers.py), which only flag a row in the database for the next minute's scan."""
    from oversight.health.triggers import _after_commit

    return [callback for callback in callbacks if getattr(callback, "func", None) is not _after_commit]

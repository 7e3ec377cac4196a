"""core/garbage.py: a web worker freezes what the site loaded and collects young objects less often; other
processes (commands, Celery, this test run) keep Python's defaults."""

import gc
import os
import subprocess
import sys
from pathlib import Path

from core.garbage import OLDER_THRESHOLDS, YOUNG_THRESHOLD

ROOT = Path(__file__).resolve().parents[2]


def test_the_wsgi_application_settles_its_worker():
    probe = "import gc, config.wsgi; print(gc.get_threshold(), gc.get_freeze_count())"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings_test"}
    result = subprocess.run(  # noqa: S603 - this interpreter, our own module
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    )
    thresholds, frozen = result.stdout.strip().rsplit(" ", 1)
    assert thresholds == str((YOUNG_THRESHOLD, *OLDER_THRESHOLDS))
    assert int(frozen) > 10_000  # the site's modules, URLs and settings


def test_other_processes_keep_pythons_defaults():
    assert gc.get_threshold()[0] != YOUNG_THRESHOLD

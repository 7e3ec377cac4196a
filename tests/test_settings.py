"""Settings come from the environment, fail loudly on bad values, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DEBUG": "false",
    "SECRET_KEY": "k9#Fq2!vX8m@Lp4zR7wT1yB6nC3hJ5sD0gE-production-like-secret",
    "ALLOWED_HOSTS": "werkmentor.example.nl",
}


def run_python(code: str, env: dict) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env={**clean, **env}, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_bad_boolean_is_refused(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG", default=False)


def test_bad_number_is_refused(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT must be a whole number"):
        env_int("EMAIL_PORT", 25)


def test_production_without_secret_key_refuses_to_start():
    result = run_python(
        "import django; django.setup()", {"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "false"}
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_check_deploy_prints_no_warnings_with_production_settings():
    code = (
        "import django; from django.core.management import call_command; django.setup(); "
        "call_command('check', '--deploy', '--fail-level', 'WARNING')"
    )
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr + result.stdout


def test_without_redis_tasks_run_in_process_and_with_it_they_go_to_the_broker():
    code = (
        "import django; django.setup(); from config.celery import app; "
        "print(app.conf.task_always_eager, app.conf.broker_url)"
    )
    assert run_python(code, PRODUCTION_ENV).stdout.split() == ["True", "memory://"]
    with_redis = run_python(code, {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert with_redis.stdout.split() == ["False", "redis://127.0.0.1:6379/3"]


def test_celery_acknowledges_late_so_a_crashed_worker_does_not_lose_tasks(settings):
    assert settings.CELERY_TASK_ACKS_LATE is True
    assert settings.CELERY_TIMEZONE == "Europe/Amsterdam"
    assert settings.TIME_ZONE == "Europe/Amsterdam"


def test_a_standalone_worker_knows_every_task_and_the_beat_schedule_points_at_real_tasks():
    code = (
        "import django; django.setup(); from config.celery import app; app.loader.import_default_modules(); "
        "import json; print(json.dumps(sorted(t for t in app.tasks if not t.startswith('celery.')))); "
        "print(json.dumps([e['task'] for e in app.conf.beat_schedule.values()]))"
    )
    result = run_python(code, PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    import json

    registered, scheduled = (json.loads(line) for line in result.stdout.strip().splitlines()[-2:])
    for name in (
        "accounts.tasks.send_password_reset_email",
        "mentoring.tasks.send_incident_escalation",
        "registry.tasks_certificates.send_certificate_email",
        "registry.tasks_courses.send_course_information",
        "meetings.tasks.scan_reminders",
        "meetings.tasks_meetings.send_invitation",
        "meetings.tasks_minutes.send_minutes_confirmation_request",
        "assessments.tasks_signatures.send_signature_request",
        "assessments.tasks_signatures.send_signature_reminders",
        "assessments.tasks_documents.send_record_pdf",
        "placements.tasks_selection.send_selection_decision",
    ):
        assert name in registered
    assert set(scheduled) <= set(registered)

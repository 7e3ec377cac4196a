"""The cast every test can use: one placement and the people around it, plus outsiders."""

import os
from types import SimpleNamespace

import pytest

from accounts.models import Role
from tests.factories import CompanyFactory, ProgrammeFactory, SchoolFactory, UserFactory, make_placement, person

# Playwright drives the browser from an event loop while Django's live server runs in a thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def task_worker(transactional_db, settings):
    """Run queued tasks for real: a Celery worker on Redis when REDIS_URL is set, in-process otherwise.

    Tasks are queued on commit and a worker thread has its own connection, so rows must really commit:
    hence transactional_db.
    """
    if not settings.REDIS_URL:
        yield None
        return
    from celery.contrib.testing.worker import start_worker

    from config.celery import app

    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        yield worker


@pytest.fixture
def tasks_in_process(monkeypatch):
    """Run what is handed to Celery right here, also when REDIS_URL is set (CI): for tests of the outbox's own
    steps, which need no worker."""
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)


@pytest.fixture
def world(db):
    """A school with a learner placed at a company, and people of another school and company."""
    school = SchoolFactory(name="Rijnland Vakcollege")
    other_school = SchoolFactory(name="Noordkust College")
    company = CompanyFactory(name="Bakkerij De Korenschoof")
    other_company = CompanyFactory(name="Autohaus Becker", country="DE", city="Münster")
    programme = ProgrammeFactory(school=school, name="Medewerker bakkerij")
    cast = SimpleNamespace(
        school=school,
        other_school=other_school,
        company=company,
        other_company=other_company,
        programme=programme,
        learner=person(Role.LEARNER, school, email="learner@example.org", first_name="Daan", last_name="Jansen"),
        other_learner=person(Role.LEARNER, school, email="other.learner@example.org"),
        mentor=person(Role.MENTOR, company, email="mentor@example.org", first_name="Marieke", last_name="de Vries"),
        colleague_mentor=person(Role.MENTOR, company, email="colleague@example.org"),
        other_mentor=person(Role.MENTOR, other_company, email="other.mentor@example.org"),
        supervisor=person(Role.TEACHER, school, email="supervisor@example.org", first_name="Ingrid"),
        colleague_teacher=person(Role.TEACHER, school, email="colleague.teacher@example.org"),
        other_teacher=person(Role.TEACHER, other_school, email="other.teacher@example.org"),
        coordinator=person(Role.COORDINATOR, school, email="coordinator@example.org"),
        other_coordinator=person(Role.COORDINATOR, other_school, email="other.coordinator@example.org"),
        company_admin=person(Role.COMPANY_ADMIN, company, email="admin@example.org"),
        other_company_admin=person(Role.COMPANY_ADMIN, other_company, email="other.admin@example.org"),
        outsider=person(Role.LEARNER, other_school, email="outsider@example.org"),
    )
    cast.staff = UserFactory(email="staff@example.org", is_staff=True)
    cast.nobody = UserFactory(email="nobody@example.org")
    cast.placement = make_placement(
        school=school,
        company=company,
        learner=cast.learner,
        mentor=cast.mentor,
        supervisor=cast.supervisor,
        programme=programme,
    )
    return cast


@pytest.fixture
def scene(world):
    """One of everything a URL can name, around the world's placement (tests/scene.py), by name."""
    from tests.scene import build_scene  # imports every app's factories: only for the tests that use it

    return build_scene(world)


# --- On CI, a skipped browser test is a failure ---------------------------------------------------------
# Locally the browser tests skip themselves when there is no Chromium; on CI (CI=true) that would hide
# a broken set-up behind a green run, so any skipped test marked `browser` fails the session there.
_skipped_browser_tests: list[str] = []


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def pytest_runtest_logreport(report):
    if report.skipped and "browser" in report.keywords and not hasattr(report, "wasxfail"):
        _skipped_browser_tests.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _on_ci() and _skipped_browser_tests and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _on_ci() and _skipped_browser_tests:
        terminalreporter.section("browser tests skipped on CI", sep="=", red=True, bold=True)
        terminalreporter.line(
            f"{len(_skipped_browser_tests)} browser test(s) were skipped, and CI=true does not allow that: "
            "install Chromium (or set CHROMIUM_PATH) so they run. The run fails with exit status 1.",
            red=True,
        )
        for nodeid in _skipped_browser_tests[:10]:
            terminalreporter.line(f"  {nodeid}")
        if len(_skipped_browser_tests) > 10:
            terminalreporter.line(f"  ... and {len(_skipped_browser_tests) - 10} more")


def pytest_configure(config):
    # The outbox fault tests' numbers at the end of the run (tests/faults/summary.py), also under pytest-xdist.
    from tests.faults import summary

    config.pluginmanager.register(summary, "outbox-fault-numbers")

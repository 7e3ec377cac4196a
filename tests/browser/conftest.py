"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

One Chromium is started for the whole session (pytest-playwright's session-scoped ``browser``);
every test gets a fresh browser context, so cookies and storage never leak between tests.
Everything under tests/browser is marked ``browser`` and is skipped, with a reason, when
there is no Chromium (``/usr/bin/chromium``, or the path in ``CHROMIUM_PATH``).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

HERE = Path(__file__).resolve().parent
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_PATH = HERE / "vendor" / "axe.min.js"
# axe-core impacts that fail a test; "moderate" and "minor" are reported but do not fail.
FAILING_IMPACTS = ("serious", "critical")


def chromium_available() -> bool:
    return os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # tryfirst: the marker must be in place before `-m browser` / `-m "not browser"` deselects.
    skip = None
    if not chromium_available():
        skip = pytest.mark.skip(
            reason=f"browser test: no Chromium executable at {CHROMIUM_PATH} "
            "(install Debian's chromium or set CHROMIUM_PATH)"
        )
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            # pytest-base-url (pulled in by pytest-playwright) still defines a session fixture on a class.
            item.add_marker(pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods"))
            if skip is not None:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    # A fixed locale, so the Accept-Language header (and thus the page language) does not depend on the machine.
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "locale": "en-GB",
        "timezone_id": "Europe/Amsterdam",
    }


@pytest.fixture
def context(context, live_server):
    # Requesting live_server here also gives every browser test transactional_db (pytest-django),
    # so rows that a test creates are committed and visible to the server thread.
    context.set_default_timeout(10_000)
    context.set_default_navigation_timeout(15_000)
    return context


@pytest.fixture
def console_errors(page):
    """Console errors of the page, e.g. "Refused to ... Content Security Policy" or uncaught exceptions."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return errors


@pytest.fixture
def log_in(context, live_server):
    """Sign a user in by handing the browser a session cookie (fast; the login form has its own tests)."""

    def _log_in(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
        return user

    return _log_in


@pytest.fixture
def set_language(context, live_server):
    """Choose the UI language the way the language switcher does: with Django's language cookie."""

    def _set_language(code):
        context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": code, "url": live_server.url}])

    return _set_language


@pytest.fixture(scope="session")
def axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def _format_violations(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"    target: {' '.join(node['target'])}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n            ")
            if summary:
                lines.append(f"            {summary}")
    return "\n".join(lines)


@pytest.fixture
def axe(page, axe_source, console_errors):
    """Return check(page=None, lang=None): run axe-core on the loaded page and fail on serious/critical issues.

    axe is injected with page.evaluate, which goes through the DevTools protocol and so is not subject
    to the page's Content-Security-Policy (an inline <script> would be, and must stay, blocked).
    """

    def check(target_page=None, *, lang=None):
        target_page = target_page or page
        target_page.wait_for_load_state("load")
        if lang is not None:
            actual = target_page.evaluate("() => document.documentElement.lang")
            assert actual == lang, f"<html lang> is {actual!r}, expected {lang!r} on {target_page.url}"
        if not target_page.evaluate("() => typeof window.axe === 'object'"):
            target_page.evaluate(axe_source)
        violations = target_page.evaluate(
            """async () => {
                const results = await window.axe.run(document, {resultTypes: ["violations"]});
                return results.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map((n) => ({target: n.target.map(String), failureSummary: n.failureSummary})),
                }));
            }"""
        )
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        others = [v for v in violations if v["impact"] not in FAILING_IMPACTS]
        if others:
            print(f"axe: minor/moderate issues on {target_page.url}:\n{_format_violations(others)}")
        assert not failing, (
            f"axe-core found {len(failing)} serious/critical accessibility violation(s) on {target_page.url}:\n"
            + _format_violations(failing)
        )
        csp = [error for error in console_errors if "Content Security Policy" in error]
        assert not csp, "Content-Security-Policy violations:\n" + "\n".join(csp)
        return violations

    return check

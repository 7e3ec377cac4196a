"""Dutch is shipped complete: every string translated, nothing fuzzy, the compiled catalogue up to date."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# Everything makemessages reads: the project's packages and templates, not the environment or assets.
SKIP = {
    ".venv",
    ".git",
    "static",
    "staticfiles",
    "media",
    "tests",
    "bench",
    "docs",
    "scripts",
    "node_modules",
    "locale",
}
SOURCE_DIRS = [
    p.name
    for p in ROOT.iterdir()
    if p.is_dir() and p.name not in SKIP and not p.name.startswith(".") and not p.name.endswith(".egg-info")
]


def test_dutch_catalogue_has_no_untranslated_or_fuzzy_entries():
    catalogue = polib.pofile(str(PO))
    assert [e.msgid for e in catalogue.untranslated_entries()] == []
    assert [e.msgid for e in catalogue.fuzzy_entries()] == []


def test_compiled_catalogue_matches_the_po_file():
    po = {
        (e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in polib.pofile(str(PO)).translated_entries()
    }
    mo = {(e.msgctxt, e.msgid): (e.msgstr or e.msgstr_plural.get(0)) for e in polib.mofile(str(MO))}
    assert po == mo, "Run: python manage.py compilemessages -l nl"


def test_dutch_is_used_when_chosen():
    with translation.override("nl"):
        assert gettext("Log in") != "Log in"


def test_every_string_in_the_code_is_in_the_dutch_catalogue(tmp_path):
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("GNU gettext is needed in CI to check that every string is translated.")
        pytest.skip("GNU gettext (xgettext) is not installed")
    for name in [*SOURCE_DIRS, "manage.py", "locale"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
        else:
            shutil.copy(source, tmp_path / name)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true"}
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", "--no-obsolete"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in fresh.untranslated_entries()] + [e.msgid for e in fresh.fuzzy_entries()]
    assert missing == [], "Untranslated strings; run makemessages -l nl and translate them"

"""The house plan holds: apps import only downwards, core imports none of them, no import cycles.

The contracts are in .importlinter; scripts/test runs `lint-imports` on the tree. These tests show that the
contracts do catch what they are meant to: a copy of the tree with one wrong-way import fails.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["core", "accounts", "notifications", "placements", "mentoring", "meetings", "registry", "assessments"]
PACKAGES += ["home", "config"]
PACKAGES += ["feedback"]
PACKAGES += ["oversight"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - the project's own lint-imports on a copy of the project
        [str(LINT_IMPORTS), "--no-cache", str(tree / ".importlinter")],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tree(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text() + f"\n{line}\n")


def test_the_tree_keeps_its_contracts(tree):
    result = lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_domain_app_importing_the_site_shell_fails(tree):
    add_line(tree / "placements" / "selectors.py", "from home import menu  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "placements is not allowed to import home" in result.stdout


def test_core_importing_an_app_fails(tree):
    add_line(tree / "core" / "emails.py", "import accounts.models  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "core is not allowed to import accounts" in result.stdout


def test_mentoring_importing_assessments_fails(tree):
    add_line(tree / "mentoring" / "selectors.py", "from assessments import models  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "mentoring is not allowed to import assessments" in result.stdout


def test_an_import_cycle_inside_an_app_fails(tree):
    add_line(tree / "accounts" / "models.py", "from accounts import services  # noqa")
    add_line(tree / "accounts" / "services.py", "from accounts import models  # noqa")
    result = lint(tree)
    assert result.returncode != 0
    assert "No cycles are allowed in accounts" in result.stdout

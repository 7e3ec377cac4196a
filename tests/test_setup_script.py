"""scripts/setup.sh installs once per pyproject.toml: a second start or the test command reinstalls nothing,
so it cannot restart a development server that runs from the same .venv."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _project(tmp_path):
    """A copy of the set-up script and pyproject.toml, a .venv whose python is ours, and a uv that only logs."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").symlink_to(sys.executable)
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir()
    (bin_dir / "uv").write_text(f'#!/bin/sh\necho "$@" >> {tmp_path / "uv.log"}\n')
    (bin_dir / "uv").chmod(0o755)
    return tmp_path


def _setup(project) -> list[str]:
    env = {**os.environ, "PATH": f"{project / 'fakebin'}:{os.environ['PATH']}"}
    env.pop("WERKMENTOR_INSTALLER", None)
    subprocess.run(  # noqa: S603 - our own script
        ["bash", "-c", "source scripts/setup.sh"],  # noqa: S607
        cwd=project,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    log = project / "uv.log"
    return log.read_text().splitlines() if log.exists() else []


def test_the_project_and_its_test_tools_install_once_and_again_only_when_pyproject_changes(tmp_path):
    project = _project(tmp_path)

    assert _setup(project) == ["pip install --quiet --python .venv/bin/python -e .[test]"]
    assert _setup(project) == ["pip install --quiet --python .venv/bin/python -e .[test]"], "nothing changed"

    with (project / "pyproject.toml").open("a") as pyproject:
        pyproject.write("\n# a new dependency\n")
    assert len(_setup(project)) == 2
    assert len(_setup(project)) == 2

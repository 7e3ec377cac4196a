"""The installed project knows every app: importing one must not depend on running from the project folder."""

import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_local_app_and_config_are_packaged():
    find = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"]
    included = {pattern.removesuffix("*") for pattern in find["include"]}
    local_apps = {app.split(".")[0] for app in settings.INSTALLED_APPS if (ROOT / app.split(".")[0]).is_dir()}
    assert "meetings" in local_apps
    assert local_apps | {"config"} <= included, "add the missing apps to [tool.setuptools.packages.find] include"

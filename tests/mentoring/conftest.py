"""Fixtures of the coaching tests; task_worker lives with the accounts tests until the lead moves it."""

from tests.accounts.conftest import task_worker  # noqa: F401

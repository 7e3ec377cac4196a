"""Registry tests use the shared fixtures of tests/conftest.py (world, task_worker), and these."""

import pytest

from registry.register import page_query


@pytest.fixture
def small_walk(monkeypatch):
    """A walk over a handful of rows, so that small registers take the candidates branch too."""
    monkeypatch.setattr(page_query, "WALK_ROWS", 12)
    monkeypatch.setattr(page_query, "WALK_FACTOR", 1)


@pytest.fixture
def short_walks(monkeypatch):
    """A walk of 100 rows and a probe of 26 (the page's depth): each part of the statement has work here."""
    monkeypatch.setattr(page_query, "WALK_ROWS", 100)
    monkeypatch.setattr(page_query, "WALK_FACTOR", 1)

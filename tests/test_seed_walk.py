"""docs/seed-walk.md names a page (URL name and path pattern) for every seed item; keep it true when URLs change.

No database and no requests: only the URL resolver, so the check costs milliseconds.
"""

import re
from pathlib import Path

import pytest
from django.urls import get_resolver

DOC = Path(__file__).resolve().parent.parent / "docs" / "seed-walk.md"
TICKED = re.compile(r"`([^`]+)`")
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def _rows() -> list[tuple[str, list[str], list[str]]]:
    """(item, URL names, paths) of every table row whose "URL name" column names a page."""
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("#", "---"):
            continue
        names, paths = TICKED.findall(cells[2]), TICKED.findall(cells[3])
        if names or paths:
            rows.append((cells[0], names, paths))
    return rows


ROWS = _rows()


def _patterns(name: str) -> set[str]:
    """Every path pattern the name reverses to, written as "/a/%(pk)s/" like Django keeps it."""
    return {"/" + fmt for possibility, *_ in get_resolver().reverse_dict.getlist(name) for fmt, _ in possibility}


def test_the_walk_has_rows_for_every_seed_file():
    text = DOC.read_text(encoding="utf-8")
    for seed in ("000", "001", "002", "003", "004"):
        assert f"## {seed} " in text
    assert len(ROWS) >= 50


@pytest.mark.parametrize(("item", "names", "paths"), ROWS, ids=[row[0] for row in ROWS])
def test_every_named_page_exists_with_the_documented_path(item, names, paths):
    assert len(names) == len(paths), f"{item}: as many paths as URL names"
    for name, path in zip(names, paths, strict=True):
        known = _patterns(name)
        assert known, f"{item}: no URL named {name!r}"
        assert CONVERTER.sub(r"%(\1)s", path) in known, f"{item}: {name!r} is no longer at {path}"

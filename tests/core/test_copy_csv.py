"""On PostgreSQL the register's CSV is written by COPY: the same cells the Python writer gives, formulas defused."""

import csv
import io

import pytest
from django.db import connection

from core.copy_csv import copy_chunks
from core.spreadsheet import csv_chunks
from registry.models import Certificate
from registry.register.exports import certificate_export_query
from tests.registry.factories_register import make_certificate, revoked

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")

AWKWARD = [
    "=cmd|' /C calc'!A0",
    "+31 Bakkers",
    "-minus",
    "@Utrecht",
    "\tTab",
    'Quote "inside"',
    "Semi;colon, and comma",
    "Two\nlines",
    "",
    "Zoë Çelik — ‘quoted’",
]


@pytest.fixture
def awkward(world):
    for number, text in enumerate(AWKWARD):
        make_certificate(school=world.school, holder_name=text, company_name=text, company_city=text[:60])
        revoked(school=world.school, holder_name=f"{number}{text}", number=f"WM-2019-{number:06d}")
    make_certificate(school=world.school, company_name="", company_city="")


def parsed(content: bytes, delimiter: str):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_copy_writes_the_cells_the_python_writer_writes(awkward, delimiter):
    query = certificate_export_query(Certificate.objects.order_by("number"))
    header = ["Number", "Holder"]
    python = b"".join(csv_chunks(header, query.iterator(), delimiter=delimiter))
    copied = b"".join([*csv_chunks(header, [], delimiter=delimiter), *copy_chunks(query, delimiter=delimiter)])
    assert parsed(copied, delimiter) == parsed(python, delimiter)
    assert len(parsed(copied, delimiter)) == 1 + 2 * len(AWKWARD) + 1
    assert b"'=cmd|" in copied and b"'@Utrecht" in copied  # shown as text, never run


def test_the_register_export_streams_from_copy(client, world, awkward):
    client.force_login(world.coordinator)
    response = client.get("/register/export/")
    assert response.status_code == 200 and response.streaming
    rows = parsed(b"".join(response.streaming_content), ",")
    holders = {row[1] for row in rows[1:]}
    assert "'=cmd|' /C calc'!A0" in holders and "Two\nlines" in holders

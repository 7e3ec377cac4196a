"""The register endpoint's rows, written out by api.serializers.register_entries: the JSON RegisterEntrySerializer
(the endpoint's schema) gives for the same rows, in every state."""

from collections import namedtuple
from datetime import UTC, date, datetime, timedelta

from api.serializers import RegisterEntrySerializer, register_entries
from registry.register.selectors import REGISTER_COLUMNS

Row = namedtuple("Row", REGISTER_COLUMNS)
TODAY = date(2026, 12, 7)


def test_the_rows_written_out_are_the_serializers_json():
    revoked = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    rows = [
        Row(
            1,
            "WM-2026-000001",
            "Anna Jansen",
            "Drukkerij Kowalski",
            "Zwolle",
            "NL",
            3,
            TODAY,
            TODAY + timedelta(1),
            None,
        ),
        Row(2, "WM-2020-000002", "Jan Müller", "Bäckerei Çelik", "Köln", "DE", 4, date(2020, 1, 1), TODAY, None),
        Row(3, "WM-2019-000003", "Ayşe", "", "", "NL", 3, date(2019, 5, 6), TODAY - timedelta(1), None),
        Row(2**40, "WM-2025-000004", "Sem de Vries", "Garage", "Leiden", "NL", 3, TODAY, TODAY + timedelta(9), revoked),
    ]
    expected = RegisterEntrySerializer(rows, many=True, context={"today": TODAY}).data
    written = register_entries(rows, TODAY)
    assert written == expected
    assert [list(entry) for entry in written] == [list(entry) for entry in expected]  # the keys in the same order
    assert {entry["state"] for entry in written} == {"valid", "expired", "revoked"}

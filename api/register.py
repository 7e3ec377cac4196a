"""The register for the API: the register page's filters and query, read by a cursor instead of page numbers.

The filters are the page's RegisterFilter over register_certificates(user), so the API finds exactly what the
page finds for the same person. The order is the page's default (newest first); a cursor is the last row's
(issued_on, id), and the next page is the rows older than it. On PostgreSQL the page query of the register
(registry/register/page_query.py) reads it, starting its walk at the cursor: a deep page costs what the first
does, which an offset cannot.
"""

import base64
import binascii
from dataclasses import dataclass
from datetime import date

from django.db import connections
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from registry.models import Certificate
from registry.register.filters import RegisterFilter, is_whole_number
from registry.register.page_query import newest_first_rows
from registry.register.selectors import (
    REGISTER_COLUMNS,
    register_certificates,
    register_rows,
    register_schools,
    walked_schools,
)

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
NOT_FILTERS = ("cursor", "page_size", "sort", "page", "format")


@dataclass
class RegisterSlice:
    rows: list
    next_cursor: str | None


def encode_cursor(issued_on: date, pk: int) -> str:
    return base64.urlsafe_b64encode(f"{issued_on.isoformat()}|{pk}".encode()).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[date, int]:
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()
        day, _sep, pk = raw.partition("|")
        if not pk.isascii() or not pk.isdigit() or not 0 < int(pk) < 2**63:  # an id the database can compare
            raise ValueError(pk)
        return date.fromisoformat(day), int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise ValidationError({"cursor": [_("The cursor is not one this API gave.")]}) from None


def page_size(params) -> int:
    value = params.get("page_size") or PAGE_SIZE
    try:
        size = int(value)
    except (TypeError, ValueError):
        raise ValidationError(
            {"page_size": [_("A whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}]}
        ) from None
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise ValidationError({"page_size": [_("A whole number from 1 to %(max)d.") % {"max": MAX_PAGE_SIZE}]})
    return size


def register_slice(user, params) -> RegisterSlice:
    filters = params.copy()
    for name in NOT_FILTERS:
        filters.pop(name, None)
    size = page_size(params)
    before = decode_cursor(params["cursor"]) if params.get("cursor") else None
    register_filter = RegisterFilter(
        filters or None, queryset=register_certificates(user), schools=register_schools(user)
    )
    if register_filter.is_bound and not register_filter.is_valid():
        errors = register_filter.errors.get_json_data()
        raise ValidationError({field: [error["message"] for error in found] for field, found in errors.items()})
    queryset = register_filter.qs
    if before is not None:
        queryset = queryset.filter(Q(issued_on__lt=before[0]) | Q(issued_on=before[0], pk__lt=before[1]))
    cleaned = register_filter.form.cleaned_data if register_filter.is_bound else {}
    found = None
    if connections[queryset.db].vendor == "postgresql" and not is_whole_number(cleaned.get("q")):
        status = cleaned.get("status")
        found = newest_first_rows(
            queryset,
            REGISTER_COLUMNS,
            0,
            size + 1,
            expired_before=timezone.localdate() if status == Certificate.State.EXPIRED else None,
            revoked=status == Certificate.State.REVOKED,
            before=before,
            schools=walked_schools(register_filter, user),
        )
    rows = found[0] if found is not None else list(register_rows(queryset.order_by("-issued_on", "-pk"))[: size + 1])
    next_cursor = encode_cursor(rows[size - 1].issued_on, rows[size - 1].pk) if len(rows) > size else None
    return RegisterSlice(rows[:size], next_cursor)

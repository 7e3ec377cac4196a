"""What an import makes of each row, and reading a cell's text as a date, a number or an e-mail address."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"
PROGRESS_EVERY = 250  # rows between two progress reports of a background run
OUTCOMES = (CREATE, UPDATE, UNCHANGED, ERROR)
OUTCOME_LABELS = {
    CREATE: gettext_lazy("create"),
    UPDATE: gettext_lazy("update"),
    UNCHANGED: gettext_lazy("unchanged"),
    ERROR: gettext_lazy("error"),
}
# Day first, as Dutch exports write dates; ISO as XLSX cells and other systems do.
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%y", "%Y%m%d")


class RowError(Exception):
    """A row that cannot be imported; `field` names the import field it is about (or "")."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class RowResult:
    row: int
    outcome: str
    what: str
    message: str = ""
    field: str = ""

    def as_list(self) -> list:
        return [self.row, self.outcome, self.what, self.message]


@dataclass
class Plan:
    """The outcome of every row, and what applying it would write (filled in by each kind's planner)."""

    results: list[RowResult] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(result.outcome == ERROR for result in self.results)

    def counts(self) -> dict[str, int]:
        counted = dict.fromkeys(OUTCOMES, 0)
        for result in self.results:
            counted[result.outcome] += 1
        return counted

    def first_error(self) -> RowResult | None:
        return next((result for result in self.results if result.outcome == ERROR), None)


def parse_date(text: str, field_name: str, label) -> date | None:
    if not text:
        return None
    for pattern in DATE_FORMATS:
        try:
            day = datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
        if not 1900 <= day.year <= 2200:
            break
        return day
    raise RowError(_("%(field)s “%(value)s” is not a date (write it as 31-12-2025).") % {"field": label, "value": text},
                   field_name)  # fmt: skip


def parse_email(text: str, field_name: str, label) -> str:
    email = text.strip().lower()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        raise RowError(
            _("%(field)s “%(value)s” is not an e-mail address.") % {"field": label, "value": text}, field_name
        ) from None
    if len(email) > 254:
        raise RowError(_("%(field)s is longer than %(limit)d characters.") % {"field": label, "limit": 254}, field_name)
    return email


def parse_whole_number(text: str, field_name: str, label, *, low: int, high: int) -> int:
    cleaned = text.strip().replace(",", ".")
    if re.fullmatch(r"[0-9]{1,3}(\.0+)?", cleaned):
        number = int(cleaned.split(".")[0])
        if low <= number <= high:
            return number
    raise RowError(
        _("%(field)s “%(value)s” must be a whole number from %(low)d to %(high)d.")
        % {"field": label, "value": text, "low": low, "high": high},
        field_name,
    )


def limited(text: str, field_name: str, label, limit: int) -> str:
    if len(text) > limit:
        raise RowError(
            _("%(field)s is longer than %(limit)d characters.") % {"field": label, "limit": limit}, field_name
        )
    return text


def student_number(text: str) -> str:
    """As the school writes it, without spaces around; "00123" stays "00123" (numbers with leading zeros)."""
    return text.strip()


def kvk_number(text: str) -> str:
    """A Dutch Chamber of Commerce number: eight digits ("12 34 56 78" and "12.345.678" are the same). A number
    cell in Excel loses a leading zero ("01234567" becomes 1234567): seven digits get it back."""
    number = re.sub(r"[\s.\-]", "", text)
    return "0" + number if len(number) == 7 and number.isascii() and number.isdigit() else number

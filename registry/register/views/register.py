"""The register of certified work mentors: the coordinators' search, its exports, and a school's public subset."""

from dataclasses import dataclass
from functools import lru_cache

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.countries import COUNTRIES
from core.spreadsheet import EXPORT_FORMATS, export_response

from ...models import Certificate
from ...selectors import can_search_register
from ..exports import certificate_export_header, certificate_export_query
from ..filters import PublicRegisterFilter, RegisterFilter
from ..selectors import (
    can_import_certificates,
    certificate_state,
    page_number,
    public_register_certificates,
    published_school,
    register_certificates,
    register_page,
    register_rows,
    register_schools,
    search_register,
)


def require_register(user) -> None:
    if not can_search_register(user):
        raise PermissionDenied(_("The register is for the school's teachers and coordinators."))


def query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


COUNTRY_NAMES = dict(COUNTRIES)
URL_STAND_IN = 987654321
# The filters folded away under "More filters"; the fold opens when one of them is in use.
MORE_FILTERS = ("company", "city", "country", "sector", "school", "issued_from", "issued_to", "valid_from", "valid_to")


@dataclass(frozen=True, slots=True)
class RegisterRow:
    url: str
    number: str
    holder: str
    company: str
    city: str
    country: str
    school: str
    issued_on: str
    valid_until: str
    state: str
    state_label: str


def register_rows_for_display(certificates, today, school_names=None, *, links=True) -> list[RegisterRow]:
    """Rows ready to print from register_rows() tuples, prepared once per page instead of per template lookup.

    The register page is the busiest of the site: per-row includes, date filters and
    get_company_country_display() (which rebuilds and translates the country list for every call) cost more
    than its query.
    """
    schools = school_names or {}
    # One reverse() for the page: the detail URL with a stand-in id, filled in per row.
    detail_url = reverse("certificate_detail", args=[URL_STAND_IN]).replace(str(URL_STAND_IN), "%d")
    months, labels, countries = _words(get_language())

    def day(value):
        return f"{value.day} {months[value.month]} {value.year}"

    rows = []
    for cert in certificates:
        state = certificate_state(cert.revoked_at, cert.valid_until, today)
        rows.append(
            RegisterRow(
                url=detail_url % cert.pk if links else "",
                number=cert.number,
                holder=cert.holder_name,
                company=cert.company_name,
                city=cert.company_city,
                country=countries.get(cert.company_country, cert.company_country),
                school=schools.get(cert.school_id, ""),
                issued_on=day(cert.issued_on),
                valid_until=day(cert.valid_until),
                state=state,
                state_label=labels[state],
            )
        )
    return rows


@lru_cache(maxsize=8)
def _words(language: str) -> tuple[list[str], dict[str, str], dict[str, str]]:
    """The month abbreviations, status labels and country names in `language` (the one active when called)."""
    months = [""] + [str(MONTHS_3[month]).title() for month in range(1, 13)]
    labels = {state: capfirst(str(label)) for state, label in Certificate.State.choices}
    return months, labels, {code: str(name) for code, name in COUNTRY_NAMES.items()}


@login_required
@require_GET
def register(request):
    require_register(request.user)
    today = timezone.localdate()
    search = search_register(request.user, request.GET)
    query = query_without_page(request)
    return render(
        request,
        "registry/register/register.html",
        {
            "filter": search.filter,
            "page": search.page,
            "rows": register_rows_for_display(search.page.object_list, today, dict(search.schools)),
            "query": query,
            "show_school": len(search.schools) > 1,
            "more_filters_used": any(request.GET.get(name) for name in MORE_FILTERS),
            "can_import": can_import_certificates(request.user),
        },
    )


@login_required
@require_GET
def register_export(request):
    require_register(request.user)
    export_format = request.GET.get("format", "csv")
    if export_format not in EXPORT_FORMATS:
        return render(request, "400.html", status=400)
    register_filter = RegisterFilter(
        request.GET, queryset=register_certificates(request.user), schools=register_schools(request.user)
    )
    today = timezone.localdate()
    return export_response(
        export_format,
        f"werkmentor-register-{today.isoformat()}",
        _("Certified work mentors"),
        certificate_export_header(),
        certificate_export_query(register_filter.qs, today=today),
    )


@require_GET
def public_register(request, key):
    school = published_school(key)
    public_filter = PublicRegisterFilter(request.GET or None, queryset=public_register_certificates(school))
    page = register_page(register_rows(public_filter.qs), page_number(request.GET.get("page")))
    return render(
        request,
        "registry/register/public_register.html",
        {
            "school": school,
            "filter": public_filter,
            "page": page,
            "rows": register_rows_for_display(page.object_list, timezone.localdate(), links=False),
            "query": query_without_page(request),
        },
    )

"""Search forms of the register of certified work mentors, its public subset and the register of companies.

The certificate filters work on the snapshot columns of the certificate row (holder, company name, city and
country as they were at issue), so a search stays on one table; only the sector needs the company.
"""

import re

import django_filters
from django import forms
from django.core.validators import EMPTY_VALUES
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.countries import COUNTRIES
from accounts.models import Company
from core.filtersets import QuickFilterSet

from ..models import Certificate
from . import satisfaction
from .forms import FixedChoiceFilter, QuickDateInput, QuickSelect, QuickTextInput
from .search import contains_text, search_text_contains

# A whole certificate number (WM-2026-000123) is looked up by its unique index instead of a text search.
WHOLE_NUMBER = re.compile(r"^[A-Z]{2,5}-\d{4}-\d{3,}$")
MAX_SEARCH_WORDS = 5

STATUS_CHOICES = Certificate.State.choices

# Whitelisted sort keys -> the expression sorted on. The primary key breaks ties so pages never overlap.
CERTIFICATE_SORTS = {
    "holder": Upper("holder_name"),
    "company": Upper("company_name"),
    "city": Upper("company_city"),
    "issued": "issued_on",
    "valid_until": "valid_until",
}
CERTIFICATE_SORT_CHOICES = [  # the default first: an unsent form shows it selected
    ("-issued", _("Issued (newest first)")),
    ("holder", _("Holder (A–Z)")),
    ("-holder", _("Holder (Z–A)")),
    ("company", _("Company (A–Z)")),
    ("-company", _("Company (Z–A)")),
    ("city", _("City (A–Z)")),
    ("-city", _("City (Z–A)")),
    ("issued", _("Issued (oldest first)")),
    ("valid_until", _("Valid until (soonest first)")),
    ("-valid_until", _("Valid until (latest first)")),
]
DEFAULT_CERTIFICATE_SORT = "-issued"


def order_certificates(queryset, key: str):
    """Sort by a whitelisted key; anything else falls back to the default order."""
    descending = key.startswith("-")
    expression = CERTIFICATE_SORTS.get(key.lstrip("-"))
    if expression is None:
        return order_certificates(queryset, DEFAULT_CERTIFICATE_SORT)
    if isinstance(expression, str):
        return queryset.order_by(f"-{expression}" if descending else expression, "-pk" if descending else "pk")
    return queryset.order_by(expression.desc() if descending else expression.asc(), "-pk" if descending else "pk")


def is_whole_number(value: str | None) -> bool:
    """The search is one whole certificate number (looked up by its unique index)."""
    words = (value or "").split()
    return len(words) == 1 and bool(WHOLE_NUMBER.match(words[0].upper()))


def search_certificates(queryset, value: str):
    """Every word must occur in the number, the holder's name, the company's name or its city (accent-blind).

    The four are one folded column, search_text: a word holds no space, so it is found in the column exactly
    when it is found in one of the four.
    """
    words = value.split()[:MAX_SEARCH_WORDS]
    if is_whole_number(value):
        return queryset.filter(number=words[0].upper())
    for word in words:
        queryset = queryset.filter(search_text_contains(word))
    return queryset


class TextFilter(django_filters.CharFilter):
    """The field contains the text typed, whatever the case and the accents ('malaga' finds 'Málaga').

    With in_search_text, the field is part of the certificate's search_text, and the text is looked for there
    first: a cheap compare of a stored column (and its trigram index) before folding the field of the few rows
    that pass.
    """

    def __init__(self, *args, in_search_text=False, **kwargs):
        kwargs.setdefault("max_length", 200)  # SQLite refuses a LIKE pattern beyond 50,000 bytes
        self.in_search_text = in_search_text
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        if self.in_search_text:
            qs = qs.filter(search_text_contains(value))
        return qs.filter(contains_text(self.field_name, value))


def filter_state(queryset, value: str):
    if value == Certificate.State.VALID:
        return queryset.currently_valid()
    if value == Certificate.State.EXPIRED:
        return queryset.expired()
    if value == Certificate.State.REVOKED:
        return queryset.revoked()
    return queryset


class RegisterFilter(QuickFilterSet):
    """The coordinators' search. School choices come from the caller, so validating them costs no query."""

    q = django_filters.CharFilter(
        widget=QuickTextInput(),
        label=_("Search"),
        method="filter_search",
        max_length=200,
        help_text=_("Number, holder, company or city."),
    )
    company = TextFilter(widget=QuickTextInput(), label=_("Company"), field_name="company_name", in_search_text=True)
    city = TextFilter(widget=QuickTextInput(), label=_("City"), field_name="company_city", in_search_text=True)
    country = FixedChoiceFilter(
        widget=QuickSelect(cache_as="country"), label=_("Country"), field_name="company_country", choices=COUNTRIES
    )
    sector = TextFilter(widget=QuickTextInput(), label=_("Sector"), field_name="company__sector")
    school = django_filters.ChoiceFilter(widget=QuickSelect(), label=_("School"), field_name="school_id", choices=[])
    status = FixedChoiceFilter(
        widget=QuickSelect(cache_as="register_status"),
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
    )
    issued_from = django_filters.DateFilter(
        label=_("Issued from"), field_name="issued_on", lookup_expr="gte", widget=QuickDateInput()
    )
    issued_to = django_filters.DateFilter(
        label=_("Issued until"), field_name="issued_on", lookup_expr="lte", widget=QuickDateInput()
    )
    valid_from = django_filters.DateFilter(
        label=_("Valid until, from"), field_name="valid_until", lookup_expr="gte", widget=QuickDateInput()
    )
    valid_to = django_filters.DateFilter(
        label=_("Valid until, to"), field_name="valid_until", lookup_expr="lte", widget=QuickDateInput()
    )
    sort = FixedChoiceFilter(
        widget=QuickSelect(cache_as="register_sort"),
        label=_("Sort by"),
        choices=CERTIFICATE_SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Certificate
        fields: list[str] = []

    def __init__(self, data=None, *, queryset, schools: list[tuple[int, str]], **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        if schools:
            self.filters["school"].extra["choices"] = schools
        else:  # one school: nothing to choose
            del self.filters["school"]
        self.schools = tuple(tuple(school) for school in schools)
        self.sort_key = DEFAULT_CERTIFICATE_SORT

    def form_key(self):
        return self.schools

    def filter_search(self, queryset, name, value):
        return search_certificates(queryset, value)

    def filter_status(self, queryset, name, value):
        return filter_state(queryset, value)

    def filter_sort(self, queryset, name, value):
        self.sort_key = value
        return queryset

    @property
    def qs(self):
        # Sorting last, whatever the order of the fields, and by default when the form was not sent.
        if not hasattr(self, "_sorted_qs"):
            self._sorted_qs = order_certificates(super().qs, self.sort_key)
        return self._sorted_qs


class PublicRegisterFilter(QuickFilterSet):
    """The public subset: valid certificates unless someone asks for expired ones; never revoked ones."""

    PUBLIC_STATUSES = [(Certificate.State.VALID, _("valid")), (Certificate.State.EXPIRED, _("expired"))]

    name = TextFilter(widget=QuickTextInput(), label=_("Name"), field_name="holder_name", in_search_text=True)
    city = TextFilter(widget=QuickTextInput(), label=_("City"), field_name="company_city", in_search_text=True)
    status = FixedChoiceFilter(
        widget=QuickSelect(cache_as="public_status"),
        label=_("Status"),
        choices=PUBLIC_STATUSES,
        method="filter_status",
        empty_label=None,
    )

    class Meta:
        model = Certificate
        fields: list[str] = []

    def filter_status(self, queryset, name, value):
        return filter_state(queryset, value)

    @property
    def qs(self):
        if not hasattr(self, "_public_qs"):
            queryset = super().qs
            status = self.form.cleaned_data.get("status") if self.is_bound and self.is_valid() else None
            if not status:
                queryset = queryset.currently_valid()
            self._public_qs = queryset.order_by(Upper("holder_name"), "pk")
        return self._public_qs


# An accreditation whose "valid until" has passed is listed as expired, whatever its recorded status.
EXPIRED = "expired"
ACCREDITATION_CHOICES = [*Company.Accreditation.choices, (EXPIRED, _("accreditation expired"))]
COMPANY_SORTS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "city": ("city", "name", "pk"),
    "-certified": ("-certified_mentors", "name", "pk"),
    "-placements": ("-active_placements", "name", "pk"),
    **satisfaction.SORTS,
}
COMPANY_SORT_CHOICES = [
    ("name", _("Name (A–Z)")),
    ("-name", _("Name (Z–A)")),
    ("city", _("City")),
    ("-certified", _("Most certified mentors")),
    ("-placements", _("Most active placements")),
    *satisfaction.SORT_CHOICES,
]


class CompanyRegisterFilter(QuickFilterSet):
    q = TextFilter(widget=QuickTextInput(), label=_("Name"), field_name="name")
    sector = django_filters.ChoiceFilter(widget=QuickSelect(), label=_("Sector"), choices=[])
    country = django_filters.ChoiceFilter(widget=QuickSelect(cache_as="country"), label=_("Country"), choices=COUNTRIES)
    accreditation = django_filters.ChoiceFilter(
        widget=QuickSelect(cache_as="accreditation"),
        label=_("Accreditation"),
        choices=ACCREDITATION_CHOICES,
        method="filter_accreditation",
    )
    flagged = django_filters.BooleanFilter(
        label=_("Flagged only"),
        method="filter_flagged",
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    satisfaction = django_filters.ChoiceFilter(
        widget=QuickSelect(cache_as="company_satisfaction"),
        label=_("Learners' satisfaction"),
        choices=satisfaction.FILTER_CHOICES,
        method="filter_satisfaction",
    )
    sort = django_filters.ChoiceFilter(
        widget=QuickSelect(cache_as="company_sort"),
        label=_("Sort by"),
        choices=COMPANY_SORT_CHOICES,
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Company
        fields: list[str] = []

    def __init__(self, data=None, *, queryset, sectors: list[str], **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        self.filters["sector"].extra["choices"] = [(sector, sector) for sector in sectors]
        self.sectors = tuple(sectors)
        self.sort_key = "name"

    def form_key(self):
        return self.sectors

    def filter_accreditation(self, queryset, name, value):
        expired = Q(accreditation_valid_until__lt=timezone.localdate())
        if value == EXPIRED:
            return queryset.filter(expired)
        return queryset.filter(accreditation_status=value).exclude(expired)

    def filter_flagged(self, queryset, name, value):
        return queryset.filter(Q(flag_uncertified=True) | Q(flag_expiring=True)) if value else queryset

    def filter_satisfaction(self, queryset, name, value):
        return satisfaction.filter_satisfaction(queryset, value)

    def filter_sort(self, queryset, name, value):
        self.sort_key = value
        return queryset

    @property
    def qs(self):
        if not hasattr(self, "_sorted_qs"):
            self._sorted_qs = super().qs.order_by(*COMPANY_SORTS.get(self.sort_key, COMPANY_SORTS["name"]))
        return self._sorted_qs

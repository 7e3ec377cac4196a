"""Searching openings: words in the title, tasks or company, place, programme and a period to be available in."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.countries import COUNTRIES
from core.combobox import INVALID_CHOICE, Combobox
from core.widgets import DateInput

from ..models import Opening
from ..scopes import PROGRAMMES
from .forms import ProgrammeChoiceField
from .lookups import active_programmes

MAX_SEARCH_WORDS = 5


class ProgrammeFilter(django_filters.ModelChoiceFilter):
    field_class = ProgrammeChoiceField


class OpeningFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("available_from"), cleaned.get("available_until")
        if start and end and end < start:
            self.add_error("available_until", _("“Until” must not be before “from”."))
        return cleaned


class OpeningFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=200,
        help_text=_("Words in the title, the tasks or the company name."),
    )
    city = django_filters.CharFilter(label=_("City"), field_name="city", lookup_expr="icontains", max_length=100)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=COUNTRIES)
    # Every school's active programmes: searched rather than listed.
    programme = ProgrammeFilter(
        label=_("Programme"),
        field_name="programmes",
        queryset=active_programmes(),
        widget=Combobox(lookup=PROGRAMMES, source="opening_lookup_programmes"),
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    # Together these keep the openings whose period overlaps [from, until].
    available_from = django_filters.DateFilter(
        label=_("Available from"), field_name="end_date", lookup_expr="gte", widget=DateInput()
    )
    available_until = django_filters.DateFilter(
        label=_("Available until"), field_name="start_date", lookup_expr="lte", widget=DateInput()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Opening.Status.choices)

    class Meta:
        model = Opening
        fields: list[str] = []
        form = OpeningFilterForm

    def __init__(self, data=None, *, queryset, with_status: bool = False, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        if not with_status:
            del self.filters["status"]

    def search(self, queryset, name, value):
        for word in value.split()[:MAX_SEARCH_WORDS]:
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(tasks__icontains=word) | Q(company__name__icontains=word)
            )
        return queryset

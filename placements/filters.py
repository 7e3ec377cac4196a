import django_filters
from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.lookups import COMPANIES
from accounts.models import Company
from core.combobox import INVALID_CHOICE, Combobox

from .models import Placement, Programme
from .scopes import PROGRAMMES


def descending(label):
    """The descending sort's label in the reader's language (django-filter writes its own once, in English)."""
    return format_lazy(_("{label} (descending)"), label=label)


class PlacementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search", max_length=200)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Placement.Status.choices)
    # Searched rather than listed: for staff these are every company and programme with a placement.
    company = django_filters.ModelChoiceFilter(
        label=_("Host company"),
        queryset=Company.objects.none(),
        widget=Combobox(lookup=COMPANIES, source="placement_list_lookup_companies"),
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        widget=Combobox(lookup=PROGRAMMES, source="placement_list_lookup_programmes"),
    )
    # Archived placements are left out unless asked for (see filter_queryset); this filter only carries the toggle.
    archived = django_filters.BooleanFilter(label=_("Show archived"), method="keep", widget=forms.CheckboxInput)
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        empty_label=_("Default order"),
        fields=[
            ("start_date", "start_date"),
            ("end_date", "end_date"),
            ("learner__last_name", "learner"),
            ("company__name", "company"),
        ],
        field_labels={
            "start_date": _("Start date"),
            "end_date": _("End date"),
            "learner__last_name": _("Learner"),
            "company__name": _("Host company"),
            "-start_date": descending(_("Start date")),
            "-end_date": descending(_("End date")),
            "-learner": descending(_("Learner")),
            "-company": descending(_("Host company")),
        },
    )

    class Meta:
        model = Placement
        fields = ["q", "status", "company", "programme", "archived"]

    def __init__(self, *args, visible, **kwargs):
        super().__init__(*args, queryset=visible, **kwargs)
        # Offer only companies and programmes that occur in what this person can see.
        self.filters["company"].queryset = Company.objects.filter(placements__in=visible).distinct()
        self.filters["programme"].queryset = Programme.objects.filter(placements__in=visible).distinct()
        for name in ("company", "programme"):
            self.filters[name].extra["error_messages"] = {"invalid_choice": INVALID_CHOICE}

    def keep(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        # Decided here rather than in the filter's method, so that archived placements stay hidden even when
        # another field of the form is invalid.
        queryset = super().filter_queryset(queryset)
        return queryset if self.form.cleaned_data.get("archived") else queryset.not_archived()

    def search(self, queryset, name, value):
        for word in value.split()[:5]:
            queryset = queryset.filter(
                Q(learner__first_name__icontains=word)
                | Q(learner__last_name__icontains=word)
                | Q(company__name__icontains=word)
                | Q(company__city__icontains=word)
                | Q(mentor__last_name__icontains=word)
            )
        return queryset

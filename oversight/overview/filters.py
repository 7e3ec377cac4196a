"""The overview's filters and sort orders. Choices come from the reader's schools (three small queries)."""

from functools import cache

import django_filters
from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.selectors import people_with_role
from placements.models import Programme
from placements.selectors import cohorts_of

from ..health.signals import SIGNALS
from ..models import HealthLevel

NEED = ("-level", "-signal_count", "-pk")  # the order of the (school, level, signal_count, placement) index
SORTS = {
    "need": NEED,
    "learner": ("learner_sort", "pk"),  # the order of the (school, learner_sort, placement) index
    "company": ("placement__company__name", "-level", "pk"),
    "programme": ("placement__programme__name", "-level", "pk"),
    "supervisor": ("placement__supervisor__last_name", "-level", "pk"),
    "end_date": ("placement__end_date", "pk"),
    "last_session": (F("last_session").asc(nulls_first=True), "pk"),
    "hours": (F("hours_gap").desc(), "pk"),
}
SORT_CHOICES = [
    ("need", _("Most need first")),
    ("learner", _("Learner")),
    ("company", _("Host company")),
    ("programme", _("Programme")),
    ("supervisor", _("School supervisor")),
    ("end_date", _("End date")),
    ("last_session", _("Longest without a session")),
    ("hours", _("Most hours behind")),
]


def select(**attrs):
    return forms.Select(attrs={"class": "form-select", **attrs})


def text(**attrs):
    return forms.TextInput(attrs={"class": "form-control", **attrs})


class HealthFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Learner"), method="filter_learner", max_length=100, widget=text())
    # Choice filters (not typed ones): their select starts with "All", so sending the form filters only what was
    # chosen. The database takes the level and the supervisor's id as the text the form sends.
    status = django_filters.ChoiceFilter(
        label=_("Health"), field_name="level", choices=HealthLevel.choices, widget=select()
    )
    signal = django_filters.ChoiceFilter(
        label=_("Signal"), choices=[(s.code, s.label) for s in SIGNALS], method="filter_signal", widget=select()
    )
    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), field_name="programme", queryset=Programme.objects.none(), widget=select()
    )
    cohort = django_filters.ChoiceFilter(label=_("Cohort"), choices=[], method="filter_cohort", widget=select())
    company = django_filters.CharFilter(label=_("Host company"), method="filter_company", max_length=100, widget=text())
    supervisor = django_filters.ChoiceFilter(
        label=_("School supervisor"), field_name="placement__supervisor_id", choices=[], widget=select()
    )
    mentor = django_filters.CharFilter(label=_("Work mentor"), method="filter_mentor", max_length=100, widget=text())
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), choices=SORT_CHOICES, method="keep", empty_label=None, widget=select()
    )

    def __init__(self, data=None, *, queryset, schools, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        school_ids = [school.pk for school in schools]
        self.filters["programme"].queryset = Programme.objects.filter(school_id__in=school_ids).order_by("name")
        # Plain (id, name) rows: a school has hundreds of teachers, and a model object per option cost more
        # than the page's own query. Each read once, when the form first needs it (validating, then rendering).
        supervisors = people_with_role(Role.TEACHER, schools=school_ids).order_by("last_name", "first_name", "pk")

        @cache
        def supervisor_choices():
            rows = supervisors.values_list("pk", "first_name", "last_name", "email")
            return [(pk, f"{first} {last}".strip() or email) for pk, first, last, email in rows]

        @cache
        def cohort_choices():
            return [(cohort, cohort) for cohort in cohorts_of(school_ids)]

        self.filters["supervisor"].extra["choices"] = supervisor_choices
        self.filters["cohort"].extra["choices"] = cohort_choices

    def keep(self, queryset, name, value):
        return queryset

    def filter_signal(self, queryset, name, value):
        return queryset.filter(**{value: True})

    def filter_cohort(self, queryset, name, value):
        return queryset.filter(placement__learner__learner_record__cohort=value)

    def filter_learner(self, queryset, name, value):
        for word in value.split()[:4]:
            queryset = queryset.filter(
                Q(placement__learner__first_name__icontains=word) | Q(placement__learner__last_name__icontains=word)
            )
        return queryset

    def filter_company(self, queryset, name, value):
        return queryset.filter(placement__company__name__icontains=value.strip())

    def filter_mentor(self, queryset, name, value):
        for word in value.split()[:4]:
            queryset = queryset.filter(
                Q(placement__mentor__first_name__icontains=word) | Q(placement__mentor__last_name__icontains=word)
            )
        return queryset

    def sort_key(self) -> str:
        if self.is_bound and self.form.is_valid():
            return self.form.cleaned_data.get("sort") or "need"
        return "need"

    @property
    def qs(self):
        rows = super().qs
        key = self.sort_key()
        if key == "hours":
            rows = rows.annotate(hours_gap=F("expected_minutes") - F("logged_minutes"))
        return rows.order_by(*SORTS[key])

"""Learners' satisfaction with a company, for the register: a score (0–10) and the number of responses.

The surveys live in `feedback`, a layer above the registry; feedback provides the annotation when it loads
(FeedbackConfig.ready), the way assessments gives the goal form its competencies. Without it the register shows
no score. The score is empty for a company with fewer responses than the threshold.
"""

from collections.abc import Callable

from django.db.models import F, FloatField, IntegerField, Q, QuerySet, Value
from django.utils.translation import gettext_lazy as _

# (companies, school ids or None for every school) -> companies annotated with satisfaction_score/_responses
Provider = Callable[[QuerySet, frozenset[int] | None], QuerySet]
_provider: list[Provider] = []

SORTS = {
    "-satisfaction": (F("satisfaction_score").desc(nulls_last=True), "name", "pk"),
    "-responses": ("-satisfaction_responses", "name", "pk"),
}
SORT_CHOICES = [("-satisfaction", _("Highest satisfaction")), ("-responses", _("Most survey responses"))]
FILTER_CHOICES = [
    ("high", _("Satisfaction 7 or higher")),
    ("low", _("Satisfaction below 6")),
    ("unknown", _("Too few responses for a score")),
]


def provide(provider: Provider) -> None:
    _provider[:] = [provider]


def with_satisfaction(companies: QuerySet, school_ids: frozenset[int] | None) -> QuerySet:
    if _provider:
        return _provider[0](companies, school_ids)
    return companies.annotate(
        satisfaction_score=Value(None, output_field=FloatField()),
        satisfaction_responses=Value(0, output_field=IntegerField()),
    )


def filter_satisfaction(companies: QuerySet, value: str) -> QuerySet:
    if value == "high":
        return companies.filter(satisfaction_score__gte=7)
    if value == "low":
        return companies.filter(satisfaction_score__lt=6)
    if value == "unknown":
        return companies.filter(Q(satisfaction_score__isnull=True))
    return companies

"""The companies register's satisfaction columns (registry.register.satisfaction.py), provided here.

Learners' responses about the company, at the schools whose register the reader sees; the score stays empty
below the strictest threshold of those schools.
"""

from django.db.models import Avg, Case, Count, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from registry.register.satisfaction import provide

from ..models import Answer, Audience, Response
from .access import threshold_of, thresholds
from .selectors import CLOSED, SCORE_ON_TEN


def annotate_satisfaction(companies: QuerySet, school_ids: frozenset[int] | None) -> QuerySet:
    known = thresholds()
    threshold = threshold_of(known if school_ids is None else school_ids, known)
    responses = Response.objects.filter(company=OuterRef("pk"), audience=Audience.LEARNER)
    answers = Answer.objects.filter(
        response__company=OuterRef("pk"),
        response__audience=Audience.LEARNER,
        question__kind__in=CLOSED,
        value__isnull=False,
    )
    if school_ids is not None:
        responses = responses.filter(school_id__in=school_ids)
        answers = answers.filter(response__school_id__in=school_ids)
    count = responses.order_by().values("company").annotate(n=Count("pk")).values("n")
    average = answers.order_by().values("response__company").annotate(score=Avg(SCORE_ON_TEN)).values("score")
    companies = companies.annotate(
        satisfaction_responses=Coalesce(Subquery(count), Value(0), output_field=IntegerField())
    )
    return companies.annotate(
        satisfaction_score=Case(When(satisfaction_responses__gte=threshold, then=Subquery(average)), default=None)
    )


def provide_company_satisfaction() -> None:
    provide(annotate_satisfaction)

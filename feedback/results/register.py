"""The companies register's satisfaction columns (registry/register/satisfaction.py), provided here.

Learners' responses about the company, at the schools whose register the reader sees; the score (the mean of the
responses' own 0–10 scores) stays empty below the strictest threshold of those schools.
"""

from django.db.models import Avg, Case, Count, IntegerField, OuterRef, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from registry.register.satisfaction import provide

from ..models import Audience, Response
from .access import threshold_of, thresholds


def annotate_satisfaction(companies: QuerySet, school_ids: frozenset[int] | None) -> QuerySet:
    known = thresholds()
    threshold = threshold_of(known if school_ids is None else school_ids, known)
    responses = Response.objects.filter(company=OuterRef("pk"), audience=Audience.LEARNER)
    if school_ids is not None:
        responses = responses.filter(school_id__in=school_ids)
    per_company = responses.order_by().values("company")
    companies = companies.annotate(
        satisfaction_responses=Coalesce(
            Subquery(per_company.annotate(n=Count("pk")).values("n")), Value(0), output_field=IntegerField()
        )
    )
    average = per_company.annotate(score=Avg("score")).values("score")
    return companies.annotate(
        satisfaction_score=Case(When(satisfaction_responses__gte=threshold, then=Subquery(average)), default=None)
    )


def provide_company_satisfaction() -> None:
    provide(annotate_satisfaction)

"""Small queryset building blocks every app's selectors use."""

from django.db.models import Count, IntegerField, Subquery
from django.db.models.functions import Coalesce


def subquery_count(queryset, field: str = "pk"):
    """A correlated COUNT of `queryset` grouped by `field` (the column pointing at the outer row, through
    OuterRef), so several counts annotated on one row never multiply each other's rows; 0 when there are none."""
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)

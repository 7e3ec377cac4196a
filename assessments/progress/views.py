"""A learner's development over time: average rating per competency across their signed assessments."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..selectors import assessment_placement_for_user
from .charts import line_chart
from .selectors import development_of


@login_required
@require_GET
def assessment_development(request, pk):
    placement = assessment_placement_for_user(request.user, pk)
    development = development_of(request.user, placement)
    chart = line_chart(development.dates, [(line.label, line.values) for line in development.lines], development.scale)
    return render(
        request,
        "assessments/progress/development.html",
        {"placement": placement, "development": development, "chart": chart, "rows": development.rows()},
    )

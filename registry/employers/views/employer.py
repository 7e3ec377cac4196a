"""The employer's view (company admin): their employees' courses and results."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.views import require

from ..selectors import can_see_employees, employee_counts, employee_enrolments, employer_companies


@login_required
def course_employees(request):
    require(can_see_employees(request.user), _("This page is for a company's contact person (company admin)."))
    enrolments = list(employee_enrolments(request.user))
    context = {
        "enrolments": enrolments,
        "companies": employer_companies(request.user),
        "counts": employee_counts(enrolments),
    }
    return render(request, "registry/employers/employees.html", context)

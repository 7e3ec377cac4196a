"""The company admin's view of their placements' health and their mentors' certificates."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.paging import page_of
from core.views import require

from .selectors import can_read_company_view, company_health, mentors_with_certificates, shared_signals

PAGE_SIZE = 50
# A large employer has hundreds of work mentors; each list pages on its own and keeps the other's page.
MENTORS_PER_PAGE = 50


@login_required
@require_GET
def company_view(request):
    require(can_read_company_view(request.user), _("Only a company's admins see the health of its placements."))
    page = page_of(company_health(request.user), request, per_page=PAGE_SIZE)
    return render(
        request,
        "oversight/company.html",
        {
            "page": page,
            "rows": [(health, shared_signals(health)) for health in page.object_list],
            "mentors": page_of(
                mentors_with_certificates(request.user), request, per_page=MENTORS_PER_PAGE, param="mentors"
            ),
            "today": timezone.localdate(),
        },
    )

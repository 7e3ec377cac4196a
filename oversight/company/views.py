"""The company admin's view of their placements' health and their mentors' certificates."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.views import require

from .selectors import can_read_company_view, company_health, mentors_with_certificates, shared_signals

PAGE_SIZE = 50


@login_required
@require_GET
def company_view(request):
    require(can_read_company_view(request.user), _("Only a company's admins see the health of its placements."))
    page = Paginator(company_health(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "oversight/company.html",
        {
            "page": page,
            "rows": [(health, shared_signals(health)) for health in page.object_list],
            "mentors": list(mentors_with_certificates(request.user)),
            "today": timezone.localdate(),
        },
    )

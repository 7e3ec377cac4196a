"""The register of host companies: accreditation, certified mentors, active placements and the two flags."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.spreadsheet import EXPORT_FORMATS, export_response

from ..companies.access import can_manage_companies
from ..exports import company_export_header, company_export_rows
from ..filters import CompanyRegisterFilter
from ..selectors import (
    EXPIRY_WARNING_DAYS,
    can_import_certificates,
    companies_in_register,
    company_sectors,
    hosting_companies,
    page_number,
    paginated,
)
from .register import query_without_page, require_register


def _company_filter(request, data):
    return CompanyRegisterFilter(
        data,
        queryset=companies_in_register(request.user),
        sectors=company_sectors(hosting_companies(request.user)),
    )


@login_required
@require_GET
def company_register(request):
    require_register(request.user)
    company_filter = _company_filter(request, request.GET or None)
    page = paginated(company_filter.qs, page_number(request.GET.get("page")))
    return render(
        request,
        "registry/register/company_register.html",
        {
            "filter": company_filter,
            "page": page,
            "query": query_without_page(request),
            "warning_days": EXPIRY_WARNING_DAYS,
            "can_import": can_import_certificates(request.user),
            "can_manage": can_manage_companies(request.user),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_GET
def company_register_export(request):
    require_register(request.user)
    export_format = request.GET.get("format", "csv")
    if export_format not in EXPORT_FORMATS:
        return render(request, "400.html", status=400)
    company_filter = _company_filter(request, request.GET)
    return export_response(
        export_format,
        f"werkmentor-companies-{timezone.localdate().isoformat()}",
        _("Host companies"),
        company_export_header(),
        company_export_rows(company_filter.qs),
    )

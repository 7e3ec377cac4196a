"""A host company's page in the register (its accreditation and merges) and the form to change its accreditation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from core.views import add_service_errors, require

from ...selectors import can_search_register
from ..companies.access import can_manage_company, company_in_register
from ..companies.forms import AccreditationForm
from ..companies.services import ACCREDITATION_FIELDS, change_accreditation

NOT_YOURS = gettext_lazy(
    "Only the coordinators of a school whose learners the company hosts, and staff, can change this."
)


@login_required
@require_GET
def company_register_detail(request, pk):
    company = company_in_register(request.user, pk)
    today = timezone.localdate()
    return render(
        request,
        "registry/register/company_detail.html",
        {
            "company": company,
            "today": today,
            "expired": company.accreditation_expired(today),
            "may_manage": can_manage_company(request.user, company),
            "in_register": can_search_register(request.user),
            "merges": company.merges_received.select_related("merged_by"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def company_accreditation(request, pk):
    company = company_in_register(request.user, pk)
    require(can_manage_company(request.user, company), NOT_YOURS)
    form = AccreditationForm(request.POST if request.method == "POST" else None, instance=company)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in ACCREDITATION_FIELDS}
        try:
            change_accreditation(company=company, changes=changes, by=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The accreditation of %(company)s has been saved.") % {"company": company})
            return redirect("company_register_detail", pk=company.pk)
    return render(
        request,
        "registry/register/company_accreditation.html",
        {"company": company, "form": form},
        status=400 if request.method == "POST" else 200,
    )

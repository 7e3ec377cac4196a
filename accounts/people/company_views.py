"""Company profiles: the companies someone may edit, and the edit page (address, KvK number, contact)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import CompanyForm
from .selectors import COMPANY, Org, company_for_editor, editable_companies, may_manage
from .services import company_update

PAGE_SIZE = 50


@login_required
def company_list(request):
    """Staff: every company; a company admin: theirs; a coordinator: those hosting their school's learners."""
    query = request.GET.get("q", "").strip()[:100]
    companies = editable_companies(request.user).order_by("name", "pk")
    for word in query.split()[:5]:
        companies = companies.filter(
            Q(name__icontains=word) | Q(city__icontains=word) | Q(registration_number__icontains=word)
        )
    page = Paginator(companies, PAGE_SIZE).get_page(request.GET.get("page"))
    for company in page.object_list:
        company.people_managed = may_manage(request.user, COMPANY, company.pk)
    context = {"page": page, "q": query, "query": f"q={query}" if query else ""}
    return render(request, "accounts/people/company_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def company_edit(request, pk):
    company = company_for_editor(request.user, pk)
    form = CompanyForm(request.POST or None, instance=company)
    if request.method == "POST" and form.is_valid():
        company_update(form)
        messages.success(request, _("The details of %(name)s have been saved.") % {"name": company.name})
        return redirect("people_company_edit", pk=company.pk)
    context = {"company": company, "form": form, "org": Org(COMPANY, company)}
    context["people_managed"] = may_manage(request.user, COMPANY, company.pk)
    return render(request, "accounts/people/company_edit.html", context, status=400 if form.errors else 200)

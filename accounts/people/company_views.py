"""Company profiles: the companies someone may edit, and the edit page (address, KvK number, contact)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.lookups import searched_text
from core.views import require

from ..models import Role, School
from ..selectors import roles_of
from .forms import CompanyForm, CompanyLocationForm, CompanyNewForm
from .selectors import COMPANY, Org, company_for_editor, editable_companies, may_manage
from .services import company_create, company_update, location_delete, location_save

PAGE_SIZE = 50


@login_required
def company_list(request):
    """Staff: every company; a company admin: theirs; a coordinator: those hosting their school's learners."""
    query = searched_text(request)
    companies = editable_companies(request.user).order_by("name", "pk")
    for word in query.split()[:5]:
        companies = companies.filter(
            Q(name__icontains=word) | Q(city__icontains=word) | Q(registration_number__icontains=word)
        )
    page = Paginator(companies, PAGE_SIZE).get_page(request.GET.get("page"))
    for company in page.object_list:
        company.people_managed = may_manage(request.user, COMPANY, company.pk)
    context = {"page": page, "q": query, "query": f"q={query}" if query else ""}
    roles = roles_of(request.user)
    context["may_add"] = roles.is_staff or bool(roles.schools_as(Role.COORDINATOR))
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
    context = {"company": company, "form": form, "org": Org(COMPANY, company), "locations": company.locations.all()}
    context["people_managed"] = may_manage(request.user, COMPANY, company.pk)
    return render(request, "accounts/people/company_edit.html", context, status=400 if form.errors else 200)


def _location_of(company, location_pk):
    location = company.locations.filter(pk=location_pk).first()
    if location is None:
        raise Http404
    return location


@login_required
@require_http_methods(["GET", "POST"])
def location_new(request, pk):
    company = company_for_editor(request.user, pk)
    return _location_form(request, company, None)


@login_required
@require_http_methods(["GET", "POST"])
def location_edit(request, pk, location_pk):
    company = company_for_editor(request.user, pk)
    return _location_form(request, company, _location_of(company, location_pk))


def _location_form(request, company, location):
    form = CompanyLocationForm(request.POST or None, instance=location, company=company)
    if request.method == "POST" and form.is_valid():
        saved = location_save(form)
        messages.success(request, _("The location %(name)s has been saved.") % {"name": saved.name})
        return redirect("people_company_edit", pk=company.pk)
    context = {"company": company, "location": location, "form": form}
    return render(request, "accounts/people/location_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def location_remove(request, pk, location_pk):
    company = company_for_editor(request.user, pk)
    location = _location_of(company, location_pk)
    location_delete(location)
    messages.success(request, _("The location %(name)s has been removed.") % {"name": location.name})
    return redirect("people_company_edit", pk=company.pk)


@login_required
@require_http_methods(["GET", "POST"])
def company_new(request):
    """Staff or a coordinator adds a host company, then invites its first admin (the "add a person" page)."""
    roles = roles_of(request.user)
    schools = School.objects.filter(pk__in=roles.schools_as(Role.COORDINATOR)).order_by("name", "pk")
    require(roles.is_staff or schools.exists(), _("Only coordinators and the application's staff add companies."))
    form = CompanyNewForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        school = form.cleaned_data.get("school") or (None if roles.is_staff else schools.first())
        company = company_create(form, school_id=school.pk if school else None)
        message = _("%(name)s has been added. Invite its first company admin.") % {"name": company.name}
        messages.success(request, message)
        add = reverse("people_add", kwargs={"kind": COMPANY, "pk": company.pk})
        return redirect(f"{add}?role={Role.COMPANY_ADMIN.value}")
    duplicate = form.duplicate
    editable = duplicate is not None and editable_companies(request.user).filter(pk=duplicate.pk).exists()
    context = {"form": form, "duplicate": duplicate, "duplicate_editable": editable}
    return render(request, "accounts/people/company_new.html", context, status=400 if form.errors else 200)

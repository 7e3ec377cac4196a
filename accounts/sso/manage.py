"""The school's sign-in settings, for its coordinators (and staff): identity providers and password log-in.

A school a user may not configure is a 404 (outsiders do not learn it exists), a page they may not open at
all (no coordinator anywhere) a 403 with a reason.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.http import private_no_store
from core.lookups import searched_text
from core.paging import page_of
from core.views import require

from ..models import School
from . import services
from .forms import FIELDS, IdentityProviderForm
from .models import IdentityProvider
from .selectors import configurable_school_ids, configurable_schools, providers_for

SCHOOLS_PER_PAGE = 20


class SchoolProviderForm(IdentityProviderForm):
    class Meta(IdentityProviderForm.Meta):
        fields = FIELDS


def _schools(user, text: str = ""):
    ids = configurable_school_ids(user)
    require(ids is None or bool(ids), _("Only the school's coordinators can change how its people sign in."))
    return configurable_schools(user, text)


def _school(user, pk) -> School:
    school = _schools(user).filter(pk=pk).first()
    if school is None:
        raise Http404
    return school


@login_required
@require_http_methods(["GET"])
def sso_settings(request):
    """A page of the schools the user configures (staff: every school, searched by name), with their providers."""
    text = searched_text(request)
    page = page_of(_schools(request.user, text), request, per_page=SCHOOLS_PER_PAGE)
    providers = {}
    for provider in providers_for(request.user).filter(school__in=page.object_list):
        providers.setdefault(provider.school_id, []).append(provider)
    rows = [(school, providers.get(school.pk, [])) for school in page.object_list]
    context = {"rows": rows, "page": page, "q": text, "searchable": bool(text) or page.paginator.num_pages > 1}
    return private_no_store(render(request, "accounts/sso/settings.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def provider_add(request, school_pk):
    school = _school(request.user, school_pk)
    form = SchoolProviderForm(request.POST or None, instance=IdentityProvider(school=school))
    if request.method == "POST" and form.is_valid():
        provider = form.save()
        messages.success(request, _("%(name)s has been added. Try it on the log-in page.") % {"name": provider.name})
        return redirect("sso_settings")
    status = 400 if form.errors else 200
    context = {"form": form, "school": school, "provider": None}
    return private_no_store(render(request, "accounts/sso/provider_form.html", context, status=status))


@login_required
@require_http_methods(["GET", "POST"])
def provider_edit(request, pk):
    provider = get_object_or_404(providers_for(request.user), pk=pk)
    form = SchoolProviderForm(request.POST or None, instance=provider)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings of %(name)s have been saved.") % {"name": provider.name})
        return redirect("sso_settings")
    status = 400 if form.errors else 200
    context = {"form": form, "school": provider.school, "provider": provider}
    return private_no_store(render(request, "accounts/sso/provider_form.html", context, status=status))


@login_required
@require_POST
def password_login(request, school_pk):
    school = _school(request.user, school_pk)
    enabled = request.POST.get("password_login_enabled") == "on"
    try:
        services.set_password_login(school=school, enabled=enabled, by=request.user)
    except services.LockOut as refused:
        messages.error(request, str(refused))
    else:
        if enabled:
            messages.success(request, _("People of %(school)s can log in with a password again.") % {"school": school})
        else:
            messages.success(
                request, _("People of %(school)s now sign in with the school's provider only.") % {"school": school}
            )
    return redirect("sso_settings")

"""The privacy pages: the public statement, a person's own export, and a coordinator's requests and retention."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import School
from core.http import download
from core.views import add_service_errors, require

from . import retention, services
from .export.archive import build_export, export_filename
from .forms import RefuseForm, RequestForm, RetentionForm
from .models import PrivacyRequest, RetentionSettings
from .selectors import (
    may_handle_requests,
    request_for_user,
    requests_visible_to,
    retention_settings_for,
    school_for_coordinator,
)

ONLY_COORDINATORS = gettext_lazy("Only a school's coordinators handle privacy requests and retention.")


def _zip(archive: bytes, filename: str) -> HttpResponse:
    return download(HttpResponse(archive, content_type="application/zip"), filename)


@require_GET
def privacy_statement(request):
    """Public: what is kept, why and how long; with the reader's school's own periods when signed in."""
    schools = []
    if request.user.is_authenticated:
        own = School.objects.filter(memberships__user=request.user, memberships__ended_at__isnull=True).distinct()
        schools = [(school, retention_settings_for(school)) for school in own.order_by("name")]
    return render(request, "privacy/statement.html", {"schools": schools, "defaults": RetentionSettings()})


@login_required
@require_GET
def my_data(request):
    return _zip(build_export(request.user), export_filename(request.user))


def _require_coordinator(user) -> None:
    require(may_handle_requests(user), str(ONLY_COORDINATORS))


@login_required
@require_http_methods(["GET", "POST"])
def request_list(request):
    _require_coordinator(request.user)
    school = school_for_coordinator(request.user)
    form = RequestForm(request.POST or None, school=school)
    if request.method == "POST" and form.is_valid():
        services.request_record(
            school=school,
            kind=form.cleaned_data["kind"],
            person=form.cleaned_data["person"],
            received_on=form.cleaned_data["received_on"],
            notes=form.cleaned_data["notes"],
            by=request.user,
        )
        messages.success(request, _("The request is in the log."))
        return redirect("privacy_requests")
    context = {"requests": list(requests_visible_to(request.user)[:200]), "form": form, "school": school}
    return render(request, "privacy/requests.html", context, status=400 if form.errors else 200)


def _detail(request, privacy_request, *, refuse_form=None, status=200):
    context = {"item": privacy_request, "refuse_form": refuse_form or RefuseForm()}
    return render(request, "privacy/request_detail.html", context, status=status)


@login_required
@require_GET
def request_detail(request, pk):
    return _detail(request, request_for_user(request.user, pk))


@login_required
@require_POST
def request_fulfil(request, pk):
    privacy_request = request_for_user(request.user, pk)
    try:
        if privacy_request.kind == PrivacyRequest.Kind.ACCESS:
            archive = services.request_fulfil_access(request=privacy_request, by=request.user)
            return _zip(archive, export_filename(privacy_request.person))
        handled = services.request_fulfil_erasure(request=privacy_request, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _detail(request, privacy_request, status=400)
    if handled.status == PrivacyRequest.Status.REFUSED:
        messages.warning(request, _("The erasure was refused: the log says why."))
    else:
        messages.success(request, _("The person's data has been erased where the rules allow it."))
    return redirect("privacy_request", pk=handled.pk)


@login_required
@require_POST
def request_refuse(request, pk):
    privacy_request = request_for_user(request.user, pk)
    form = RefuseForm(request.POST)
    if form.is_valid():
        try:
            services.request_refuse(request=privacy_request, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The request is refused; the log says why."))
            return redirect("privacy_request", pk=privacy_request.pk)
    return _detail(request, privacy_request, refuse_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def retention_page(request):
    """The school's periods, and the dry run: what the daily job would remove today."""
    _require_coordinator(request.user)
    school = school_for_coordinator(request.user)
    rules = retention_settings_for(school)
    form = RetentionForm(request.POST or None, instance=rules)
    if request.method == "POST" and form.is_valid():
        try:
            services.retention_settings_save(
                settings=form.save(commit=False), enabled=form.cleaned_data["enabled"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The retention settings are saved."))
            return redirect("privacy_retention")
    context = {
        "school": school,
        "form": form,
        "rules": rules,
        "report": retention.plan(school),
    }
    return render(request, "privacy/retention.html", context, status=400 if form.errors else 200)

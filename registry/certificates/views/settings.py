"""The participant's own eligibility evidence, and a school's certificate rules and look."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import pdf_response

from ...models import Enrolment, MentorEligibility
from ..documents import certificate_pdf
from ..eligibility import eligibility, evidence_of, mentor_eligibility_update, registry_settings_for
from ..forms import EligibilityForm, RegistrySettingsForm
from ..registry_settings import registry_settings_update
from ..selectors import can_keep_eligibility, registry_settings_schools
from ..services import sample_certificate


def _add_errors(form, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
@require_http_methods(["GET", "POST"])
def my_eligibility(request):
    if not can_keep_eligibility(request.user):
        raise PermissionDenied(_("Work mentors who take a mentor course keep their evidence here."))
    evidence = evidence_of(request.user) or MentorEligibility(user=request.user)
    saved_file = PurePath(evidence.good_conduct_file.name).name if evidence.good_conduct_file else ""
    form = EligibilityForm(request.POST or None, request.FILES or None, instance=evidence)
    if request.method == "POST" and form.is_valid():
        mentor_eligibility_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Your evidence has been saved."))
        return redirect("my_eligibility")
    enrolments = (
        Enrolment.objects.filter(participant=request.user)
        .exclude(status=Enrolment.Status.WITHDRAWN)
        .select_related("course__school")
        .order_by("-created_at")
    )
    # Judged on the saved evidence: enrolment.participant is loaded afresh, not the half-edited form instance.
    checks = [(enrolment, eligibility(enrolment, enrolment.course.school)) for enrolment in enrolments]
    return render(
        request,
        "registry/certificates/my_eligibility.html",
        {"form": form, "saved_file": saved_file, "checks": checks},
    )


def _settings_school(request):
    schools = list(registry_settings_schools(request.user))
    if not schools:
        raise PermissionDenied(_("Only a school's coordinators change its certificate settings."))
    wanted = request.GET.get("school")
    if wanted:
        school = next((school for school in schools if str(school.pk) == wanted), None)
        if school is None:
            raise Http404("No such school.")
        return school, schools
    return schools[0], schools


@login_required
@require_http_methods(["GET", "POST"])
def registry_settings(request):
    school, schools = _settings_school(request)
    rules = registry_settings_for(school)
    form = RegistrySettingsForm(request.POST or None, request.FILES or None, instance=rules)
    if request.method == "POST" and form.is_valid():
        try:
            registry_settings_update(rules=rules, data=form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("The certificate settings of %(school)s have been saved.") % {"school": school})
            return redirect(f"{reverse('registry_settings')}?school={school.pk}")
    return render(
        request,
        "registry/certificates/registry_settings.html",
        {"form": form, "school": school, "schools": schools},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
@require_GET
def registry_settings_preview(request):
    """A sample certificate with the saved settings, so a coordinator sees logo, colour and signature."""
    school, _schools = _settings_school(request)
    rules = registry_settings_for(school)
    return pdf_response(certificate_pdf(sample_certificate(school, rules), rules=rules), "certificate-preview.pdf")

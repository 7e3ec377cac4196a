"""A school designs its certificate: versions, a form per draft, a preview with sample data, and "use this".

Coordinators and staff change designs; the school's teachers see the versions and preview them.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import pdf_response

from ...models import Course
from ..design_forms import CertificateDesignForm
from ..design_selectors import can_change_designs, design_for_user, design_in_use_pk, design_schools, designs_of
from ..designs import DesignFrozen, design_copy, design_draft_save, design_from_settings, design_in_use, design_use
from ..documents import certificate_pdf
from ..eligibility import registry_settings_for
from ..services import sample_certificate


def _school(request):
    schools = list(design_schools(request.user))
    if not schools:
        raise Http404("No certificate designs for this user.")
    wanted = request.GET.get("school")
    if not wanted:
        return schools[0], schools
    school = next((school for school in schools if str(school.pk) == wanted), None)
    if school is None:
        raise Http404("No such school.")
    return school, schools


def _editable(request, school):
    if not can_change_designs(request.user, school):
        raise PermissionDenied(_("Only the school's coordinators change its certificate design."))


def _preview(school, design):
    """A sample certificate (made-up holder and course) in `design`, as a PDF."""
    rules = registry_settings_for(school)
    certificate = sample_certificate(school, rules)
    certificate.course = Course(title="Werkmentortraining", school=school)
    return pdf_response(certificate_pdf(certificate, design=design), f"certificate-design-{school.pk}.pdf")


def _design_url(design):
    return reverse("certificate_design", args=[design.public_id])


@login_required
@require_GET
def certificate_designs(request):
    school, schools = _school(request)
    return render(
        request,
        "registry/certificates/designs.html",
        {
            "school": school,
            "schools": schools,
            "designs": designs_of(school),
            "in_use_pk": design_in_use_pk(school),
            "can_change": can_change_designs(request.user, school),
        },
    )


def _form_page(request, school, form, design=None, status=200):
    return render(
        request,
        "registry/certificates/design_form.html",
        {"school": school, "form": form, "design": design, "can_change": can_change_designs(request.user, school)},
        status=400 if status == 200 and form.is_bound and form.errors else status,
    )


def _save(request, school, form, draft=None):
    try:
        design = design_draft_save(school=school, data=form.cleaned_data, user=request.user, draft=draft)
    except ValidationError as exc:
        for error in exc.messages:
            form.add_error(None, error)
        return None
    messages.success(request, _("The draft has been saved. Preview it, then use it for new certificates."))
    return redirect(_design_url(design))


@login_required
@require_http_methods(["GET", "POST"])
def certificate_design_new(request):
    school, _schools = _school(request)
    _editable(request, school)
    start = design_in_use(school) or design_from_settings(school, registry_settings_for(school))
    form = CertificateDesignForm(request.POST or None, request.FILES or None, design=start)
    if request.method == "POST" and form.is_valid():
        response = _save(request, school, form)
        if response is not None:
            return response
    return _form_page(request, school, form)


@login_required
@require_http_methods(["GET", "POST"])
def certificate_design(request, public_id):
    """A draft's form; a used version is shown as it is, frozen."""
    design = design_for_user(request.user, public_id)
    school = design.school
    if request.method == "POST":
        _editable(request, school)
    form = CertificateDesignForm(request.POST or None, request.FILES or None, design=design)
    if request.method == "POST" and form.is_valid():
        if design.frozen:
            form.add_error(
                None, DesignFrozen(_("This design is in use and cannot be changed; make a new version from it."))
            )
        else:
            response = _save(request, school, form, draft=design)
            if response is not None:
                return response
    return _form_page(request, school, form, design=design, status=409 if design.frozen and form.is_bound else 200)


@login_required
@require_POST
def certificate_design_preview_form(request):
    """The form as it is, not saved, rendered on a sample certificate; a form with errors shows them."""
    base = request.GET.get("design")
    design = design_for_user(request.user, base) if base else None
    school = design.school if design else _school(request)[0]
    _editable(request, school)
    form = CertificateDesignForm(request.POST, request.FILES, design=design)
    if not form.is_valid():
        return _form_page(request, school, form, design=design)
    return _preview(school, form.unsaved_design(school))


@login_required
@require_GET
def certificate_design_preview(request, public_id):
    design = design_for_user(request.user, public_id)
    return _preview(design.school, design)


@login_required
@require_POST
def certificate_design_use(request, public_id):
    design = design_for_user(request.user, public_id)
    _editable(request, design.school)
    design_use(design=design, user=request.user)
    messages.success(
        request,
        _("Version %(version)s is now used for new certificates. Certificates issued before keep their design.")
        % {"version": design.version},
    )
    return redirect(f"{reverse('certificate_designs')}?school={design.school_id}")


@login_required
@require_POST
def certificate_design_copy(request, public_id):
    design = design_for_user(request.user, public_id)
    _editable(request, design.school)
    copy = design_copy(design=design, user=request.user)
    messages.success(
        request, _("Version %(version)s is a new draft; change it and preview it.") % {"version": copy.version}
    )
    return redirect(_design_url(copy))

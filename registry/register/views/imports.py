"""Importing existing certified mentors: upload and preview (nothing written), then confirm (all or nothing).

The uploaded text waits in the session between the two steps, not in a temporary file that may be gone by
the time the coordinator confirms; the token in the form ties the confirmation to the preview they saw.
"""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ..forms import ImportConfirmForm, ImportUploadForm
from ..selectors import can_import_certificates, import_schools
from ..services import MAX_IMPORT_ROWS, certificates_import, decode_upload, import_preview

SESSION_KEY = "registry_import"
PREVIEW_ROWS = 100


def _require_import(user) -> None:
    if not can_import_certificates(user):
        raise PermissionDenied(_("Only coordinators can import certificates into the register."))


def _render_preview(request, *, preview, school, filename, token=None, status=200):
    return render(
        request,
        "registry/register/import_preview.html",
        {
            "preview": preview,
            "school": school,
            "filename": filename,
            "shown_rows": preview.rows[:PREVIEW_ROWS],
            "hidden_rows": max(0, len(preview.rows) - PREVIEW_ROWS),
            "confirm_form": ImportConfirmForm(initial={"token": token}) if token else None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_import(request):
    _require_import(request.user)
    form = ImportUploadForm(request.POST or None, request.FILES or None, schools=import_schools(request.user))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        school = form.cleaned_data["school"]
        text, _encoding = decode_upload(upload.read())
        preview = import_preview(text, school=school)
        request.session.pop(SESSION_KEY, None)
        token = None
        if preview.is_valid:
            token = secrets.token_urlsafe(24)
            request.session[SESSION_KEY] = {"token": token, "school": school.pk, "text": text, "name": upload.name}
        return _render_preview(request, preview=preview, school=school, filename=upload.name, token=token)
    return render(request, "registry/register/import.html", {"form": form, "max_rows": MAX_IMPORT_ROWS})


@login_required
@require_POST
def register_import_confirm(request):
    _require_import(request.user)
    form = ImportConfirmForm(request.POST)
    pending = request.session.get(SESSION_KEY)
    if not (form.is_valid() and pending and constant_time_compare(pending["token"], form.cleaned_data["token"])):
        messages.error(request, _("This import is no longer waiting to be confirmed; upload the file again."))
        return redirect("register_import")
    school = get_object_or_404(import_schools(request.user), pk=pending["school"])
    try:
        count = certificates_import(text=pending["text"], school=school)
    except ValidationError as exc:
        request.session.pop(SESSION_KEY, None)
        for message in exc.messages:
            messages.error(request, message)
        preview = import_preview(pending["text"], school=school)
        return _render_preview(request, preview=preview, school=school, filename=pending["name"], status=400)
    request.session.pop(SESSION_KEY, None)
    messages.success(
        request,
        ngettext(
            "%(count)d certificate was imported into the register.",
            "%(count)d certificates were imported into the register.",
            count,
        )
        % {"count": count},
    )
    return redirect("register")

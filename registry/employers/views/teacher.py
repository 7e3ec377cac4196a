"""The teacher's side: invite employers' contacts to a course, withdraw a link, nominate participants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors, require

from ...courses.selectors import places_taken
from ...selectors import can_manage_course, course_for_user
from ..forms import EmployerInvitationForm, NominationForm
from ..selectors import invitation_of_course, invitations_of, nomination_candidates
from ..services import employer_invitation_revoke, employer_invitation_send, nomination_record


def _managed_course(request, pk):
    """The course if the user may see it (else 404) and runs it (else 403)."""
    course = course_for_user(request.user, pk)
    require(can_manage_course(request.user, course), _("Only the school's teachers and coordinators run this course."))
    return course


@login_required
@require_http_methods(["GET", "POST"])
def course_employer_invitations(request, pk):
    course = _managed_course(request, pk)
    form = EmployerInvitationForm(request.POST or None, course=course)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                invitation = employer_invitation_send(
                    course=course,
                    company=data["company"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    language=data["language"],
                    message=data["message"],
                    by=request.user,
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("The invitation has been sent to %(email)s.") % {"email": invitation.contact_email},
                )
                return redirect("course_employer_invitations", pk=course.pk)
    context = {
        "course": course,
        "form": form,
        "invitations": invitations_of(course),
        "places_left": max(course.max_participants - places_taken(course), 0),
        "section": _("Invite employers"),
    }
    return render(request, "registry/employers/invitations.html", context, status=status)


@login_required
@require_POST
def course_employer_invitation_revoke(request, pk, invitation_pk):
    course = _managed_course(request, pk)
    invitation = invitation_of_course(course, invitation_pk)
    try:
        employer_invitation_revoke(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The link sent to %(email)s no longer works.") % {"email": invitation.contact_email}
        )
    return redirect("course_employer_invitations", pk=course.pk)


@login_required
def course_nominations(request, pk):
    course = _managed_course(request, pk)
    context = {
        "course": course,
        "enrolments": nomination_candidates(course),
        "form": NominationForm(),
        "section": _("Nominations for the qualification"),
    }
    return render(request, "registry/employers/nominations.html", context)


@login_required
@require_POST
def course_nominate(request, pk, enrolment_pk):
    course = _managed_course(request, pk)
    enrolment = get_object_or_404(course.enrolments.select_related("participant", "course"), pk=enrolment_pk)
    form = NominationForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
        return redirect("course_nominations", pk=course.pk)
    try:
        nomination_record(enrolment=enrolment, by=request.user, note=form.cleaned_data["note"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(name)s is nominated for %(qualification)s.")
            % {"name": enrolment.participant, "qualification": course.qualification},
        )
    return redirect("course_nominations", pk=course.pk)

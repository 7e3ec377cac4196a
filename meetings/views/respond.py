"""Answering an invitation through the signed link in the e-mail, without logging in.

The token decides everything: which participant answers, and that the meeting has not changed since the
e-mail was sent. A bad link gets a page that says what to do (400 or 410), never an error.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.signing import TokenError, TokenOutdated
from core.views import add_service_errors

from ..forms_meetings import RespondForm
from ..models import Meeting
from ..selectors import RESPOND_LINK
from ..services_meetings import meeting_answerable_validate, meeting_respond


def _refused(request, *, message, status, meeting=None):
    return render(
        request, "meetings/meetings/respond_refused.html", {"message": message, "meeting": meeting}, status=status
    )


@never_cache
@require_http_methods(["GET", "POST"])
def meeting_respond_signed(request, token):
    try:
        participant = RESPOND_LINK.read(token)
    except TokenOutdated as exc:
        meeting = exc.obj.meeting if exc.obj else None
        if meeting is not None and meeting.status == Meeting.Status.CANCELLED:
            return _refused(request, message=_("This meeting has been cancelled."), status=410, meeting=meeting)
        return _refused(request, message=exc.message, status=exc.status)
    except TokenError as exc:
        return _refused(request, message=exc.message, status=exc.status)

    meeting = participant.meeting
    try:
        meeting_answerable_validate(meeting)
    except ValidationError as exc:
        return _refused(request, message=" ".join(exc.messages), status=410, meeting=meeting)

    form = RespondForm(
        request.POST or None, initial={"response": participant.response, "reason": participant.decline_reason}
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting_respond(
                participant=participant,
                response=form.cleaned_data["response"],
                reason=form.cleaned_data["reason"],
                proposed_starts_at=form.cleaned_data["proposed_starts_at"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
            return redirect("meeting_respond_signed", token=token)
    return render(
        request,
        "meetings/meetings/respond_signed.html",
        {"meeting": meeting, "placement": meeting.placement, "participant": participant, "form": form},
    )

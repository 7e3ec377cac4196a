"""Planning tripartite meetings of a placement: the list, planning, the detail page and its actions.

At the end: answering an invitation through the signed link in the e-mail, without logging in. The token
decides everything: which participant answers, and that the meeting has not changed since the e-mail was
sent. A bad link gets a page that says what to do (400 or 410), never an error.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.choice_keys import whole_number
from core.paging import page_of
from core.ratelimit import rate_limited
from core.signing import TokenError, TokenOutdated
from core.views import add_service_errors, require
from mentoring.selectors import coaching_placement_for_user

from ..models import Meeting
from ..selectors import RESPOND_LINK, can_plan_meetings, can_view_meetings_of, meeting_for_user, participant_of
from .forms import CancelForm, MeetingForm, RescheduleForm, RespondForm
from .ics import download_filename, download_method, meeting_calendar
from .selectors import (
    agenda_from_coaching_plan,
    coming_meetings_of_placement,
    meeting_history,
    meeting_participants,
    past_meetings_of_placement,
)
from .services import meeting_answerable_validate, meeting_plan, meeting_unchanged_validate
from .services import meeting_cancel as meeting_cancel_service
from .services import meeting_reschedule as meeting_reschedule_service
from .services import meeting_respond as meeting_respond_service


def _planner_required(user, placement):
    require(
        can_plan_meetings(user, placement),
        _("Only the work mentor and the school (supervisor or coordinator) plan and change meetings."),
    )


# Per list on the page: the coming meetings and the past ones page separately (?upcoming=2, ?past=2).
MEETINGS_PER_PAGE = 20


@login_required
def meeting_list(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    now = timezone.now()
    coming = coming_meetings_of_placement(placement, now=now)
    past = past_meetings_of_placement(placement, now=now)
    return render(
        request,
        "meetings/meetings/meeting_list.html",
        {
            "placement": placement,
            "upcoming": page_of(coming, request, per_page=MEETINGS_PER_PAGE, param="upcoming"),
            "past": page_of(past, request, per_page=MEETINGS_PER_PAGE, param="past"),
            "can_plan": can_plan_meetings(request.user, placement),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_new(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    _planner_required(request.user, placement)
    form = MeetingForm(request.POST or None, initial={"agenda": agenda_from_coaching_plan(placement)})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = meeting_plan(placement=placement, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting has been planned and the invitations are on their way."))
            return redirect("meeting_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meetings/meeting_form.html",
        {"placement": placement, "form": form, "section": _("Plan a tripartite meeting")},
    )


def _answerable(meeting) -> bool:
    try:
        meeting_answerable_validate(meeting)
    except ValidationError:
        return False
    return True


def _detail_page(request, meeting, *, respond_form=None, status=200):
    placement = meeting.placement
    mine = participant_of(request.user, meeting)
    answerable = _answerable(meeting)
    if mine is not None and answerable and respond_form is None:
        respond_form = RespondForm(initial={"response": mine.response, "reason": mine.decline_reason})
    return render(
        request,
        "meetings/meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "placement": placement,
            "participants": meeting_participants(meeting),
            "history": meeting_history(meeting),
            "mine": mine,
            "respond_form": respond_form if mine is not None and answerable else None,
            "can_plan": can_plan_meetings(request.user, placement) and meeting.status != Meeting.Status.CANCELLED,
            "can_view_placement": can_view_meetings_of(request.user, placement),
            "has_started": meeting.starts_at <= timezone.now(),
        },
        status=status,
    )


@login_required
def meeting_detail(request, pk):
    return _detail_page(request, meeting_for_user(request.user, pk))


@login_required
@require_safe
@never_cache
def meeting_ics(request, pk):
    """The meeting for the user's own calendar: the same .ics as the e-mailed invitation (same UID and
    SEQUENCE, so a calendar updates the event it already has); a cancelled meeting gives the cancellation."""
    meeting = meeting_for_user(request.user, pk)
    method = download_method(meeting)
    link = settings.SITE_URL + reverse("meeting_detail", args=[meeting.pk])
    ics = meeting_calendar(meeting, method=method, link=link)
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, download_filename(meeting, method))
    return response


@login_required
@require_POST
def meeting_respond(request, pk):
    meeting = meeting_for_user(request.user, pk)
    participant = participant_of(request.user, meeting)
    require(participant is not None, _("Only the people invited to this meeting answer it, each for themselves."))
    try:
        meeting_answerable_validate(meeting)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _detail_page(request, meeting, status=400)
    form = RespondForm(request.POST)
    if form.is_valid():
        try:
            meeting_respond_service(
                participant=participant,
                response=form.cleaned_data["response"],
                reason=form.cleaned_data["reason"],
                proposed_starts_at=form.cleaned_data["proposed_starts_at"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
            return redirect("meeting_detail", pk=meeting.pk)
    return _detail_page(request, meeting, respond_form=form, status=400)


def _changeable_or_refuse(request, meeting):
    """None when the meeting may still change; otherwise the detail page saying why not (400)."""
    try:
        meeting_unchanged_validate(meeting)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _detail_page(request, meeting, status=400)
    return None


def _change_page(request, meeting, form, *, section, intro, button, danger=False):
    return render(
        request,
        "meetings/meetings/meeting_change.html",
        {
            "meeting": meeting,
            "placement": meeting.placement,
            "form": form,
            "section": section,
            "intro": intro,
            "button": button,
            "danger": danger,
        },
    )


def _initial_time(request, meeting) -> dict:
    """Pre-fill the new time with a participant's proposal, when the planner follows one."""
    proposal = whole_number(request.GET.get("proposal"))
    if proposal is None:
        return {}
    proposed = meeting.participants.filter(pk=proposal).values_list("proposed_starts_at", flat=True).first()
    if proposed is None:
        return {}
    local = timezone.localtime(proposed)
    return {"date": local.date(), "time": local.time().replace(second=0, microsecond=0)}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_reschedule(request, pk):
    meeting = meeting_for_user(request.user, pk)
    _planner_required(request.user, meeting.placement)
    refused = _changeable_or_refuse(request, meeting)
    if refused:
        return refused
    form = RescheduleForm(request.POST or None, initial=_initial_time(request, meeting))
    if request.method == "POST" and form.is_valid():
        try:
            meeting_reschedule_service(
                meeting=meeting,
                user=request.user,
                starts_at=form.cleaned_data["starts_at"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting has been moved; everyone gets the new invitation."))
            return redirect("meeting_detail", pk=meeting.pk)
    return _change_page(
        request,
        meeting,
        form,
        section=_("Move the meeting"),
        intro=_("Everyone is asked to answer again, and gets an updated invitation for their calendar."),
        button=_("Move the meeting"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_cancel(request, pk):
    meeting = meeting_for_user(request.user, pk)
    _planner_required(request.user, meeting.placement)
    refused = _changeable_or_refuse(request, meeting)
    if refused:
        return refused
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_cancel_service(meeting=meeting, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The meeting has been cancelled; everyone has been told."))
            return redirect("meeting_detail", pk=meeting.pk)
    return _change_page(
        request,
        meeting,
        form,
        section=_("Cancel the meeting"),
        intro=_("A cancelled meeting cannot be changed again. Everyone gets a cancellation for their calendar."),
        button=_("Cancel the meeting"),
        danger=True,
    )


def _refused(request, *, message, status, meeting=None):
    return render(
        request, "meetings/meetings/respond_refused.html", {"message": message, "meeting": meeting}, status=status
    )


@never_cache
@rate_limited("signed_link")
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
            meeting_respond_service(
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

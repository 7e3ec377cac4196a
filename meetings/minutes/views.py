"""Minutes of a tripartite meeting: write, read, confirm (in the app or through a signed link), withdraw, PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import pdf_response, signed_link_no_store
from core.ratelimit import rate_limited
from core.signing import TokenError, render_waiting
from core.views import add_service_errors, require

from ..models import Minutes
from ..selectors import MINUTES_LINK, meeting_for_user, participant_of
from . import documents, services
from .forms import MinutesForm, agreements_formset
from .selectors import (
    GOALS_IN_MINUTES,
    agreement_owners,
    agreements_of,
    can_write_minutes,
    confirmation_rows,
    goals_for_minutes,
    minutes_for_meeting,
    minutes_refusal,
    minutes_waiting_for,
    minutes_waiting_on_others,
    open_goal_count,
    own_unconfirmed_row,
)

NOT_A_WRITER = gettext_lazy("Only the work mentor and the school write the minutes of this meeting.")


def _detail(request, meeting, minutes, *, status=200):
    can_write = can_write_minutes(request.user, meeting)
    return render(
        request,
        "meetings/minutes/minutes_detail.html",
        {
            "meeting": meeting,
            "placement": meeting.placement,
            "minutes": minutes,
            # Drafts are work in progress: only those who may write them read them.
            "shown": minutes is not None and (minutes.status != Minutes.Status.DRAFT or can_write),
            "can_write": can_write,
            "refusal": minutes_refusal(meeting, minutes),
            "rows": confirmation_rows(meeting, minutes),
            "agreements": list(agreements_of(meeting)) if minutes else [],
            "my_turn": own_unconfirmed_row(request.user, meeting, minutes),
            "today": timezone.localdate(),
        },
        status=status,
    )


def _minutes_or_404(meeting) -> Minutes:
    minutes = minutes_for_meeting(meeting)
    if minutes is None:
        raise Http404("This meeting has no minutes.")
    return minutes


@login_required
@require_GET
def minutes_detail(request, pk):
    meeting = meeting_for_user(request.user, pk)
    return _detail(request, meeting, minutes_for_meeting(meeting))


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request, pk):
    meeting = meeting_for_user(request.user, pk)
    require(can_write_minutes(request.user, meeting), NOT_A_WRITER)
    minutes = minutes_for_meeting(meeting)
    refusal = minutes_refusal(meeting, minutes)
    require(refusal is None, refusal)
    data = request.POST if request.method == "POST" else None
    # Goals written about before a form error stay on the form, also when they are past the first few.
    written = [name.removeprefix("goal_") for name in data or () if name.startswith("goal_")]
    goals = goals_for_minutes(meeting, minutes, keep=written)
    form = MinutesForm(data, meeting=meeting, goals=goals, minutes=minutes)
    agreements = agreements_formset(data, people=agreement_owners(meeting), queryset=agreements_of(meeting))
    if data is not None and form.is_valid() and agreements.is_valid():
        send = request.POST.get("action") == "send"
        try:
            services.minutes_save(
                meeting=meeting,
                by=request.user,
                summary=form.cleaned_data["summary"],
                next_meeting_at=form.cleaned_data["next_meeting_at"],
                progress=form.progress(),
                agreements=[row for row in (f.agreement() for f in agreements.forms) if row is not None],
                send=send,
            )
        except services.MinutesLocked as exc:  # sent or cancelled by someone else while this form was open
            raise PermissionDenied(" ".join(exc.messages)) from None
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("The minutes have been sent; everyone is asked to confirm them.")
                if send
                else _("The minutes have been saved as a draft."),
            )
            return redirect("minutes_detail", pk=meeting.pk)
    return render(
        request,
        "meetings/minutes/minutes_form.html",
        {
            "meeting": meeting,
            "placement": meeting.placement,
            "form": form,
            "agreements": agreements,
            "goals_open": open_goal_count(meeting),
            "goals_shown": GOALS_IN_MINUTES,
        },
    )


@login_required
@require_POST
def minutes_confirm(request, pk):
    meeting = meeting_for_user(request.user, pk)
    minutes = _minutes_or_404(meeting)
    # Only ever the user's own row: nothing in the request can name someone else's.
    participant = participant_of(request.user, meeting)
    require(participant is not None, _("Only the meeting's participants confirm its minutes."))
    try:
        services.minutes_confirm(minutes=minutes, participant=participant)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _detail(request, meeting, minutes_for_meeting(meeting), status=400)
    messages.success(request, _("Thank you: you have confirmed the minutes."))
    if request.POST.get("next") == "waiting":
        return redirect("minutes_waiting")
    return redirect("minutes_detail", pk=meeting.pk)


@login_required
@require_POST
def minutes_withdraw(request, pk):
    meeting = meeting_for_user(request.user, pk)
    require(can_write_minutes(request.user, meeting), NOT_A_WRITER)
    minutes = _minutes_or_404(meeting)
    try:
        services.minutes_withdraw(minutes=minutes, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _detail(request, meeting, minutes_for_meeting(meeting), status=400)
    messages.success(request, _("The minutes are a draft again. Correct them and send them once more."))
    return redirect("minutes_edit", pk=meeting.pk)


@login_required
@require_GET
def minutes_pdf(request, pk):
    meeting = meeting_for_user(request.user, pk)
    minutes = _minutes_or_404(meeting)
    if minutes.status == Minutes.Status.DRAFT and not can_write_minutes(request.user, meeting):
        raise Http404("These minutes are not finished yet.")
    return pdf_response(documents.minutes_pdf(minutes), documents.minutes_pdf_filename(minutes))


@login_required
@require_GET
def minutes_waiting(request):
    return render_waiting(
        request,
        "meetings/minutes/minutes_waiting.html",
        mine=minutes_waiting_for(request.user),
        others=minutes_waiting_on_others(request.user),
    )


# --- Without login: the signed link in the e-mail ---------------------------------------------------------


def _link_refused(request, error: TokenError):
    context = {"message": error.message}
    return render(request, "meetings/minutes/minutes_link_refused.html", context, status=error.status)


@rate_limited("signed_link")
@require_http_methods(["GET", "POST"])
def minutes_confirm_signed(request, token):
    try:
        participant = MINUTES_LINK.read(token)
    except TokenError as error:
        return signed_link_no_store(_link_refused(request, error))
    meeting = participant.meeting
    minutes = minutes_for_meeting(meeting)
    status = 200
    if request.method == "POST":
        if minutes is None:
            messages.error(request, _("These minutes are not waiting for confirmation."))
            status = 400
        else:
            try:
                services.minutes_confirm(minutes=minutes, participant=participant)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                status = 400
            else:
                messages.success(request, _("Thank you: you have confirmed the minutes."))
                return signed_link_no_store(redirect("minutes_confirm_signed", token=token))
        minutes = minutes_for_meeting(meeting)
    confirmed = minutes is not None and any(c.participant_id == participant.pk for c in minutes.confirmations.all())
    context = {
        "participant": participant,
        "meeting": meeting,
        "placement": meeting.placement,
        "minutes": minutes if minutes is not None and minutes.status != Minutes.Status.DRAFT else None,
        "rows": confirmation_rows(meeting, minutes),
        "agreements": list(agreements_of(meeting)),
        "confirmed": confirmed,
        "today": timezone.localdate(),
    }
    return signed_link_no_store(render(request, "meetings/minutes/minutes_signed.html", context, status=status))

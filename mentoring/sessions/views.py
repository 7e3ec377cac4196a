from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import User
from core.choice_keys import whole_number
from core.paging import page_of
from core.private_files import private_file_response
from core.views import add_service_errors, require
from placements.selectors import is_learner_of, is_mentor_of

from ..models import ActionItem, CoachingSession, SessionAttachment
from ..schedule.selectors import open_planned_sessions
from ..selectors import (
    OPEN_ITEMS_SHOWN,
    coaching_placement_for_user,
    is_supervisor_of,
    open_action_items,
    open_action_items_page,
    recent_open_action_items,
    sessions_for_timeline,
)
from .forms import ActionItemFormSet, ReflectionForm, SessionForm, TimelineFilterForm
from .goal_choices import GOALS_IN_FILTER, GOALS_OFFERED, goal_counts, goals_for_filter, goals_to_offer
from .services import action_item_complete, session_log, session_reflect

PAGE_SIZE = 20
DUE_SOON = timedelta(days=3)


def _people(placement):
    return User.objects.filter(pk__in=[placement.learner_id, placement.mentor_id, placement.supervisor_id])


def _due_planned_pk(open_planned, method) -> int | None:
    """The planned session this one most likely fulfils: the latest open one due by now (or in a few days)."""
    if method != "GET":
        return None
    due = open_planned.filter(planned_on__lte=timezone.localdate() + DUE_SOON).order_by("-planned_on").first()
    return due.pk if due else None


@login_required
def session_list(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    filter_form = TimelineFilterForm(
        request.GET or None,
        goals=goals_for_filter(placement, chosen=request.GET.get("goal")),
        goals_total=goal_counts(placement)["all"],
        goals_shown=GOALS_IN_FILTER,
    )
    sessions = filter_form.filter(sessions_for_timeline(placement=placement, viewer=request.user))
    page = page_of(sessions, request, per_page=PAGE_SIZE)
    open_page = open_action_items_page(placement=placement, number=request.GET.get("agreements"))
    query = request.GET.copy()
    query.pop("page", None)
    agreements_query = request.GET.copy()
    agreements_query.pop("agreements", None)
    return render(
        request,
        "mentoring/sessions/session_list.html",
        {
            "placement": placement,
            "page": page,
            "query": query.urlencode(),
            "agreements_query": agreements_query.urlencode(),
            "filter_form": filter_form,
            "open_items": open_page.object_list,
            "open_page": open_page,
            "can_log": is_mentor_of(request.user, placement),
            "is_learner": is_learner_of(request.user, placement),
            "can_tick": is_mentor_of(request.user, placement) or is_supervisor_of(request.user, placement),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def session_new(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_mentor_of(request.user, placement), _("Only the work mentor of this placement logs sessions."))
    open_planned = open_planned_sessions(placement)
    form = SessionForm(
        request.POST or None,
        request.FILES or None,
        placement=placement,
        # Goals ticked before a form error stay on offer, also when they are past the cap.
        goals=goals_to_offer(placement, keep=request.POST.getlist("goals")),
        open_items=recent_open_action_items(placement=placement),
        planned_sessions=open_planned,
        initial={"planned": whole_number(request.GET.get("planned")) or _due_planned_pk(open_planned, request.method)},
    )
    items = ActionItemFormSet(
        request.POST or None,
        queryset=ActionItem.objects.none(),
        prefix="items",
        form_kwargs={"people": _people(placement)},
    )
    if request.method == "POST" and form.is_valid() and items.is_valid():
        try:
            session_log(
                placement=placement,
                by=request.user,
                data=form.cleaned_data,
                goals=form.cleaned_data["goals"],
                action_items=[item.item_data for item in items.forms if item.item_data],
                completed_items=form.cleaned_data["completed_items"],
                private_note=form.cleaned_data["private_note"],
                files=form.uploads_checked,
                planned=form.cleaned_data.get("planned"),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The session has been logged."))
            return redirect("mentoring_sessions", pk=placement.pk)
    planned = form["planned"].value()
    preparation = (
        open_planned.filter(pk=whole_number(str(planned)), prepared_at__isnull=False).first() if planned else None
    )
    return render(
        request,
        "mentoring/sessions/session_form.html",
        {
            "placement": placement,
            "form": form,
            "items": items,
            "preparation": preparation,
            # The form offers the most recent few; the page says how many are open in all and where the rest are.
            "open_items_total": open_action_items(placement=placement).count(),
            "open_items_shown": OPEN_ITEMS_SHOWN,
            "goal_counts": goal_counts(placement),
            "goals_shown": GOALS_OFFERED,
        },
    )


@login_required
@require_POST
def session_reflection(request, pk, session_pk):
    placement = coaching_placement_for_user(request.user, pk)
    require(is_learner_of(request.user, placement), _("Only the learner adds a reflection to a session."))
    session = get_object_or_404(CoachingSession, pk=session_pk, placement=placement)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            session_reflect(session=session, by=request.user, text=form.cleaned_data["text"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Your reflection has been saved."))
    else:
        messages.error(request, _("Write your reflection before saving."))
    return redirect(reverse("mentoring_sessions", args=[placement.pk]) + f"#session-{session.pk}")


@login_required
@require_POST
def action_item_toggle(request, pk, item_pk):
    placement = coaching_placement_for_user(request.user, pk)
    item = get_object_or_404(ActionItem, pk=item_pk, placement=placement)
    allowed = item.owner_id == request.user.pk or is_mentor_of(request.user, placement)
    require(allowed or is_supervisor_of(request.user, placement), _("Only the owner or the mentor ticks this off."))
    action_item_complete(item=item, by=request.user, done=request.POST.get("done") != "0")
    messages.success(request, _("The agreement has been updated."))
    if request.POST.get("next") == "dashboard":
        return redirect("dashboard")
    return redirect("mentoring_sessions", pk=placement.pk)


@login_required
def attachment_download(request, pk, session_pk, attachment_pk):
    placement = coaching_placement_for_user(request.user, pk)
    attachment = get_object_or_404(
        SessionAttachment, pk=attachment_pk, session_id=session_pk, session__placement=placement
    )
    return private_file_response(
        attachment.file, filename=attachment.original_name, content_type=attachment.content_type
    )

"""The learners page of a school: the list with search, adding one learner, editing a record, marking as left."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.invitations.services import awaiting_activation
from core.lookups import searched_text
from core.views import add_service_errors, require

from .forms import LearnerAddForm, LearnerForm, LeftForm
from .selectors import (
    can_manage_learners,
    can_see_learners,
    learner_record_for_user,
    learner_records_for,
    managed_schools,
    search_records,
)
from .services import learner_add, learner_invite, learner_mark_left, learner_return, learner_update

PAGE_SIZE = 50


def _only_coordinators() -> str:
    return _("Only the school's coordinators add and change learners.")


@login_required
@require_GET
def learner_list(request):
    require(can_see_learners(request.user), _("Only a school's supervisors and coordinators see its learners."))
    query = searched_text(request)
    records = search_records(learner_records_for(request.user), query) if query else learner_records_for(request.user)
    page = Paginator(records.order_by("user__last_name", "user__first_name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for record in page.object_list:
        record.awaiting_activation = awaiting_activation(record.user)
    return render(
        request,
        "placements/learners/learner_list.html",
        {
            "page": page,
            "q": query,
            "query": urlencode({"q": query}) if query else "",
            "can_manage": can_manage_learners(request.user),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def learner_new(request):
    require(can_manage_learners(request.user), _only_coordinators())
    form = LearnerAddForm(request.POST or None, schools=managed_schools(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record = learner_add(
                school=data["school"], data=data, by=request.user, send_invitation=data["send_invitation"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if data["send_invitation"]:
                message = _("%(name)s has been added; an invitation e-mail is on its way.")
            else:
                message = _("%(name)s has been added.")
            messages.success(request, message % {"name": record.user.get_full_name()})
            return redirect("learner_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "placements/learners/learner_form.html", {"form": form}, status=status)


def _managed_record(request, user_pk):
    record = learner_record_for_user(request.user, user_pk)
    require(can_manage_learners(request.user, record.school_id), _only_coordinators())
    return record


@login_required
@require_http_methods(["GET", "POST"])
def learner_edit(request, user_pk):
    record = _managed_record(request, user_pk)
    form = LearnerForm(request.POST or None, schools=managed_schools(request.user), record=record)
    if request.method == "POST" and form.is_valid():
        try:
            learner_update(record=record, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The learner's record has been saved."))
            return redirect("learner_list")
    status = 400 if request.method == "POST" else 200
    return render(request, "placements/learners/learner_form.html", {"form": form, "record": record}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def learner_left(request, user_pk):
    """Mark a learner as left (their learner role ends), or undo it."""
    record = _managed_record(request, user_pk)
    form = LeftForm(request.POST or None, initial={"left_on": record.left_on or timezone.localdate()})
    if request.method == "POST":
        try:
            if "return" in request.POST:
                learner_return(record=record)
                messages.success(
                    request, _("%(name)s is a learner at the school again.") % {"name": record.user.get_full_name()}
                )
                return redirect("learner_list")
            if form.is_valid():
                learner_mark_left(record=record, left_on=form.cleaned_data["left_on"])
                messages.success(
                    request,
                    _("%(name)s has been marked as left; their records are kept.")
                    % {"name": record.user.get_full_name()},
                )
                return redirect("learner_list")
        except ValidationError as exc:
            add_service_errors(form, exc)
    status = 400 if request.method == "POST" else 200
    return render(request, "placements/learners/learner_left.html", {"form": form, "record": record}, status=status)


@login_required
@require_POST
def learner_invite_view(request, user_pk):
    record = _managed_record(request, user_pk)
    try:
        learner_invite(record=record, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("An invitation e-mail is on its way to %(email)s.") % {"email": record.user.email})
    return redirect("learner_list")

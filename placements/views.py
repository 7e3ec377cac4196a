from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role, User
from accounts.selectors import people_with_role
from core.choice_keys import whole_number

from .filters import PlacementFilter
from .forms import PlacementForm, PlacementStatusForm
from .line_manager.risks import RISKS as LINE_MANAGER_RISKS
from .line_manager.selectors import can_set_line_manager
from .selectors import (
    can_archive_placement,
    can_create_placements,
    can_manage_placement,
    is_mentor_of,
    placement_for_user,
    placements_visible_to,
)
from .services import ALLOWED_TRANSITIONS, placement_change_status, placement_create, placement_update

PAGE_SIZE = 25


@login_required
def placement_list(request):
    visible = placements_visible_to(request.user).with_people()
    placement_filter = PlacementFilter(request.GET or None, visible=visible)
    placements = placement_filter.qs if placement_filter.is_bound else visible.not_archived()
    page = Paginator(placements, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "placements/placement_list.html",
        {
            "filter": placement_filter,
            "page": page,
            "query": query.urlencode(),
            "can_create": can_create_placements(request.user),
        },
    )


def _status_form(placement, data=None):
    allowed = ALLOWED_TRANSITIONS[placement.status]
    return PlacementStatusForm(data, allowed_statuses=allowed, prefix="status") if allowed else None


@login_required
def placement_detail(request, pk):
    placement = placement_for_user(request.user, pk)
    can_manage = can_manage_placement(request.user, placement)
    return render(
        request,
        "placements/placement_detail.html",
        {
            "placement": placement,
            "can_manage": can_manage,
            "can_archive": can_archive_placement(request.user, placement),
            "can_log_session": is_mentor_of(request.user, placement),  # only the mentor logs sessions
            "status_form": _status_form(placement) if can_manage else None,
            "can_set_line_manager": can_set_line_manager(request.user, placement),
            "line_manager_risks": LINE_MANAGER_RISKS,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def placement_new(request):
    if not can_create_placements(request.user):
        raise PermissionDenied(_("Only school supervisors and coordinators can add placements."))
    form = PlacementForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            placement = placement_create(data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The placement has been added."))
            return redirect("placement_detail", pk=placement.pk)
    return render(request, "placements/placement_form.html", {"form": form, "placement": None})


@login_required
@require_http_methods(["GET", "POST"])
def placement_edit(request, pk):
    placement = placement_for_user(request.user, pk)
    if not can_manage_placement(request.user, placement):
        raise PermissionDenied(_("Only the school's coordinators and this placement's supervisor can change it."))
    form = PlacementForm(request.POST or None, instance=placement, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            placement_update(placement=placement, data=form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The placement has been saved."))
            return redirect("placement_detail", pk=placement.pk)
    return render(request, "placements/placement_form.html", {"form": form, "placement": placement})


@login_required
@require_POST
def placement_status(request, pk):
    placement = placement_for_user(request.user, pk)
    if not can_manage_placement(request.user, placement):
        raise PermissionDenied(_("Only the school's coordinators and this placement's supervisor can change it."))
    form = _status_form(placement, request.POST)
    if form is None:
        raise PermissionDenied(_("This placement has ended; its status can no longer change."))
    if form.is_valid():
        try:
            placement_change_status(
                placement=placement,
                status=form.cleaned_data["status"],
                ended_on=form.cleaned_data["ended_on"],
                reason=form.cleaned_data["end_reason"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("The status is now “%(status)s”.") % {"status": placement.get_status_display()})
            return redirect("placement_detail", pk=placement.pk)
    return render(
        request,
        "placements/placement_detail.html",
        {
            "placement": placement,
            "can_manage": True,
            "can_archive": can_archive_placement(request.user, placement),
            "can_log_session": is_mentor_of(request.user, placement),  # only the mentor logs sessions
            "status_form": form,
        },
        status=400,
    )


@login_required
def mentor_options(request):
    """The work mentors of one company, as <option>s for the placement form once a company is chosen."""
    if not can_create_placements(request.user):
        raise PermissionDenied(_("Only school supervisors and coordinators can add placements."))
    company_id = whole_number(request.GET.get("company"))
    mentors = people_with_role(Role.MENTOR, companies=[company_id]) if company_id else User.objects.none()
    return render(request, "placements/includes/_mentor_options.html", {"mentors": mentors})

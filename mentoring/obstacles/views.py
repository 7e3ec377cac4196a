"""The obstacle log and the incidents of a placement."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.paging import page_of
from core.views import add_service_errors, require

from ..models import Incident, Obstacle
from ..selectors import coaching_placement_for_user, incident_placement_for_user
from .forms import IncidentForm, ObstacleForm
from .guidance import ALWAYS_ESCALATE, COMMON_OBSTACLES, all_guidance, guidance_for
from .selectors import can_close_incidents, can_edit_obstacles, incidents_for_placement, obstacles_for_placement
from .services import incident_close as incident_close_service
from .services import incident_escalate as incident_escalate_service
from .services import incident_record, obstacle_create, obstacle_update

# An obstacle is a card with its plan and support: ten to a column, newest first within each status.
OBSTACLES_PER_COLUMN = 10
INCIDENTS_PER_PAGE = 20


def _obstacle_writer_required(user, placement):
    require(
        can_edit_obstacles(user, placement),
        _("Only the learner, the work mentor and the school supervisor keep the obstacle log."),
    )


@login_required
def obstacle_list(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    obstacles = obstacles_for_placement(placement)
    # Each column pages by itself (?mentor_page=2), so leafing through one keeps the others where they are.
    columns = [
        (
            side,
            Obstacle.Side(side).label,
            page_of(obstacles.filter(side=side), request, per_page=OBSTACLES_PER_COLUMN, param=f"{side}_page"),
        )
        for side in Obstacle.Side.values
    ]
    return render(
        request,
        "mentoring/obstacles/obstacle_list.html",
        {
            "placement": placement,
            "columns": columns,
            "common_obstacles": COMMON_OBSTACLES,
            "can_edit": can_edit_obstacles(request.user, placement),
        },
    )


def _obstacle_form_page(request, placement, form, obstacle=None):
    return render(
        request,
        "mentoring/obstacles/obstacle_form.html",
        {"placement": placement, "form": form, "obstacle": obstacle},
    )


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_new(request, pk):
    placement = coaching_placement_for_user(request.user, pk)
    _obstacle_writer_required(request.user, placement)
    side = request.GET.get("side")
    form = ObstacleForm(request.POST or None, initial={"side": side} if side in Obstacle.Side.values else None)
    if request.method == "POST" and form.is_valid():
        try:
            obstacle_create(placement=placement, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The obstacle has been added."))
            return redirect("mentoring_obstacles", pk=placement.pk)
    return _obstacle_form_page(request, placement, form)


@login_required
@require_http_methods(["GET", "POST"])
def obstacle_edit(request, pk, obstacle_pk):
    placement = coaching_placement_for_user(request.user, pk)
    obstacle = get_object_or_404(Obstacle, pk=obstacle_pk, placement=placement)
    _obstacle_writer_required(request.user, placement)
    form = ObstacleForm(request.POST or None, instance=obstacle)
    if request.method == "POST" and form.is_valid():
        try:
            obstacle_update(obstacle=obstacle, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The obstacle has been saved."))
            return redirect("mentoring_obstacles", pk=placement.pk)
    return _obstacle_form_page(request, placement, form, obstacle)


@login_required
def incident_list(request, pk):
    placement = incident_placement_for_user(request.user, pk)
    incidents = page_of(incidents_for_placement(placement), request, per_page=INCIDENTS_PER_PAGE)
    return render(request, "mentoring/obstacles/incident_list.html", {"placement": placement, "incidents": incidents})


@login_required
@require_http_methods(["GET", "POST"])
def incident_new(request, pk):
    # Everyone who may see the incidents (the mentor and the school's staff) may record one.
    placement = incident_placement_for_user(request.user, pk)
    category = request.GET.get("category")
    initial = {"category": category} if category in Incident.Category.values else None
    form = IncidentForm(request.POST or None, initial=initial, placement=placement)
    if request.method == "POST" and form.is_valid():
        try:
            incident = incident_record(placement=placement, user=request.user, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if incident.escalated_at:
                messages.warning(
                    request,
                    _(
                        "The incident has been recorded. This kind of incident always goes to the school: "
                        "it has been escalated to the school supervisor."
                    ),
                )
            else:
                messages.success(request, _("The incident has been recorded."))
            return redirect("mentoring_incident_detail", pk=placement.pk, incident_pk=incident.pk)
    selected = form["category"].value()
    return render(
        request,
        "mentoring/obstacles/incident_form.html",
        {
            "placement": placement,
            "form": form,
            "guidance": all_guidance(),
            "selected_category": selected if selected in Incident.Category.values else "",
        },
    )


def _incident_detail_page(request, placement, incident, status=200):
    return render(
        request,
        "mentoring/obstacles/incident_detail.html",
        {
            "placement": placement,
            "incident": incident,
            "guidance": guidance_for(incident.category),
            "always_escalate": incident.category in ALWAYS_ESCALATE,
            "can_close": can_close_incidents(request.user, placement),
        },
        status=status,
    )


def _incident(placement, incident_pk):
    return get_object_or_404(incidents_for_placement(placement), pk=incident_pk)


@login_required
def incident_detail(request, pk, incident_pk):
    placement = incident_placement_for_user(request.user, pk)
    return _incident_detail_page(request, placement, _incident(placement, incident_pk))


@login_required
@require_POST
def incident_escalate(request, pk, incident_pk):
    # The mentor and the school's staff may escalate: exactly the people who see incidents.
    placement = incident_placement_for_user(request.user, pk)
    incident = _incident(placement, incident_pk)
    try:
        incident_escalate_service(incident=incident, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _incident_detail_page(request, placement, incident, status=400)
    messages.success(request, _("The incident has been escalated; the school supervisor is informed by e-mail."))
    return redirect("mentoring_incident_detail", pk=placement.pk, incident_pk=incident.pk)


@login_required
@require_POST
def incident_close(request, pk, incident_pk):
    placement = incident_placement_for_user(request.user, pk)
    incident = _incident(placement, incident_pk)
    require(
        can_close_incidents(request.user, placement),
        _("Only the work mentor and the school supervisor or coordinator can close an incident."),
    )
    try:
        incident_close_service(incident=incident)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _incident_detail_page(request, placement, incident, status=400)
    messages.success(request, _("The incident has been closed."))
    return redirect("mentoring_incidents", pk=placement.pk)

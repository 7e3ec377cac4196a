"""A placement's induction checklist (work process 1.2) and its PDF; the company templates are in template_views."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import pdf_response
from core.views import add_service_errors, require

from ..models import InductionItem, Placement
from ..pages import placement_form_page
from ..selectors import placement_for_user
from . import documents, services
from .forms import ChecklistCreateForm, ChecklistItemForm
from .selectors import (
    can_run_checklist,
    checklist_items,
    checklist_of,
    dress_item,
    grouped_by_section,
    is_learner_of,
    progress_of,
    templates_for_placement,
)

NOT_RUNNING_THE_CHECKLIST = gettext_lazy(
    "Only the work mentor and the host company's admins keep the induction checklist."
)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- The checklist of a placement --------------------------------------------------------------------------


def _flags(user, placement) -> dict:
    return {"can_run": can_run_checklist(user, placement), "is_learner": is_learner_of(user, placement)}


def _checklist_page(request, placement, *, status=200):
    checklist = checklist_of(placement)
    today = timezone.localdate()
    items = [dress_item(item, placement, today) for item in checklist_items(checklist)] if checklist else []
    flags = _flags(request.user, placement)
    context = {
        "placement": placement,
        "checklist": checklist,
        "groups": grouped_by_section(items),
        "progress": progress_of(items),
        "create_form": None,
        **flags,
    }
    if checklist is None and flags["can_run"]:
        context["create_form"] = ChecklistCreateForm(templates=templates_for_placement(placement))
    return render(request, "placements/induction/checklist.html", context, status=status)


def _checklist_or_404(placement):
    checklist = checklist_of(placement)
    if checklist is None:
        raise Http404("This placement has no induction checklist yet.")
    return checklist


def _item_or_404(placement, item_pk) -> InductionItem:
    return get_object_or_404(
        InductionItem.objects.select_related("checklist", "done_by"), pk=item_pk, checklist__placement=placement
    )


def _item_to_run(user, pk, item_pk) -> tuple[Placement, InductionItem]:
    """The placement and its checklist item, for the mentor or a company admin who keeps the checklist."""
    placement = placement_for_user(user, pk)
    require(can_run_checklist(user, placement), NOT_RUNNING_THE_CHECKLIST)
    return placement, _item_or_404(placement, item_pk)


def _row_response(request, placement, item):
    """The item's row, and the progress block swapped in beside it, for htmx."""
    today = timezone.localdate()
    items = list(checklist_items(item.checklist))
    context = {
        "placement": placement,
        "item": dress_item(item, placement, today),
        "progress": progress_of(items),
        "oob": True,
        **_flags(request.user, placement),
    }
    html = render_to_string("placements/induction/_item_row.html", context, request=request)
    html += render_to_string("placements/induction/_progress.html", context, request=request)
    return HttpResponse(html)


def _back_to_item(placement, item):
    return redirect(reverse("induction_checklist", args=[placement.pk]) + f"#induction-item-{item.pk}")


@login_required
@require_GET
def checklist(request, pk):
    return _checklist_page(request, placement_for_user(request.user, pk))


@login_required
@require_POST
def checklist_create(request, pk):
    placement = placement_for_user(request.user, pk)
    require(can_run_checklist(request.user, placement), NOT_RUNNING_THE_CHECKLIST)
    if checklist_of(placement) is not None:
        messages.info(request, _("This placement already has an induction checklist."))
        return redirect("induction_checklist", pk=placement.pk)
    form = ChecklistCreateForm(request.POST, templates=templates_for_placement(placement))
    if not form.is_valid():
        messages.error(request, _("Choose one of the host company's induction templates, or an empty checklist."))
        return _checklist_page(request, placement, status=400)
    try:
        services.checklist_create(placement=placement, template=form.cleaned_data["template"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _checklist_page(request, placement, status=400)
    messages.success(request, _("The induction checklist has been made."))
    return redirect("induction_checklist", pk=placement.pk)


def _item_form_page(request, placement, form, *, section, intro, status=200):
    return placement_form_page(
        request, placement, form, section=section, tab="induction_checklist", intro=intro, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_new(request, pk):
    placement = placement_for_user(request.user, pk)
    require(can_run_checklist(request.user, placement), NOT_RUNNING_THE_CHECKLIST)
    checklist = _checklist_or_404(placement)
    form = ChecklistItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_add(checklist=checklist, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The item has been added to the checklist."))
            return _back_to_item(placement, item)
    intro = _("An item for this learner only; the company's templates stay as they are.")
    return _item_form_page(request, placement, form, section=_("Add an induction item"), intro=intro)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk, item_pk):
    placement, item = _item_to_run(request.user, pk, item_pk)
    form = ChecklistItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.item_update(item=item, data=form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 409
        else:
            messages.success(request, _("The item has been saved."))
            return _back_to_item(placement, item)
    else:
        status = 400 if request.method == "POST" else 200
    intro = _("Changes apply to this learner's checklist only; the company's templates stay as they are.")
    return _item_form_page(request, placement, form, section=_("Change an induction item"), intro=intro, status=status)


@login_required
@require_POST
def item_delete(request, pk, item_pk):
    placement, item = _item_to_run(request.user, pk, item_pk)
    try:
        services.item_delete(item=item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return _checklist_page(request, placement, status=409)
    messages.success(request, _("The item has been removed from the checklist."))
    return redirect("induction_checklist", pk=placement.pk)


@login_required
@require_POST
def item_toggle(request, pk, item_pk):
    placement, item = _item_to_run(request.user, pk, item_pk)
    done = request.POST.get("done") != "0"
    ticked = services.item_set_done(item=item, by=request.user, done=done)
    item.done_at, item.done_by = ticked.done_at, ticked.done_by
    if _is_htmx(request):
        return _row_response(request, placement, item)
    messages.success(request, _("The item is marked done.") if done else _("The item is open again."))
    return _back_to_item(placement, item)


@login_required
@require_POST
def item_confirm(request, pk, item_pk):
    placement = placement_for_user(request.user, pk)
    require(
        is_learner_of(request.user, placement),
        _("Only the learner confirms having received the house rules and the calamity instructions."),
    )
    item = _item_or_404(placement, item_pk)
    try:
        confirmed = services.item_confirm(item=item)
    except ValidationError as exc:
        reason = " ".join(exc.messages)
        if _is_htmx(request):
            return HttpResponse(reason, status=400, content_type="text/plain; charset=utf-8")
        messages.error(request, reason)
        return _checklist_page(request, placement, status=400)
    item.learner_confirmed_at = confirmed.learner_confirmed_at
    if _is_htmx(request):
        return _row_response(request, placement, item)
    messages.success(request, _("Thank you: you have confirmed that you received this."))
    return _back_to_item(placement, item)


@login_required
@require_GET
def checklist_pdf(request, pk):
    placement = placement_for_user(request.user, pk)
    checklist = _checklist_or_404(placement)
    pdf = documents.induction_pdf(placement, checklist)
    return pdf_response(pdf, documents.induction_pdf_filename(placement))

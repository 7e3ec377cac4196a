"""The content of a draft framework version: its rating levels, areas, competencies and indicators.

Add, change, delete and move them; the framework and its versions themselves are in versions.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from core.views import add_service_errors

from ...models import Competency, Indicator
from ..forms import ITEM_FORMS
from ..selectors import version_for_user
from ..services import ITEM_KINDS, item_delete, item_move, item_save, version_editable_validate
from .versions import detail_url, form_page, refused, require_editor

# Whole sentences per kind, so that each language can word them (and give them the right article).
ITEM_TEXTS = {
    "level": {
        "add": gettext_lazy("Add a rating level"),
        "edit": gettext_lazy("Edit rating level"),
        "saved": gettext_lazy("The rating level has been saved."),
        "delete": gettext_lazy("Delete rating level"),
        "question": gettext_lazy("Delete this rating level?"),
        "deleted": gettext_lazy("The rating level has been deleted."),
    },
    "area": {
        "add": gettext_lazy("Add an area"),
        "edit": gettext_lazy("Edit area"),
        "saved": gettext_lazy("The area has been saved."),
        "delete": gettext_lazy("Delete area"),
        "question": gettext_lazy("Delete this area with its competencies and indicators?"),
        "deleted": gettext_lazy("The area has been deleted."),
    },
    "competency": {
        "add": gettext_lazy("Add a competency"),
        "edit": gettext_lazy("Edit competency"),
        "saved": gettext_lazy("The competency has been saved."),
        "delete": gettext_lazy("Delete competency"),
        "question": gettext_lazy("Delete this competency with its indicators?"),
        "deleted": gettext_lazy("The competency has been deleted."),
    },
    "indicator": {
        "add": gettext_lazy("Add an indicator"),
        "edit": gettext_lazy("Edit indicator"),
        "saved": gettext_lazy("The indicator has been saved."),
        "delete": gettext_lazy("Delete indicator"),
        "question": gettext_lazy("Delete this indicator?"),
        "deleted": gettext_lazy("The indicator has been deleted."),
    },
}


def _editable_version(request, version_pk):
    """The draft version, if the user may change it; the refusal page (400) when it is no longer a draft."""
    version = version_for_user(request.user, version_pk)
    require_editor(request.user, version.framework)
    try:
        version_editable_validate(version=version)
    except ValidationError as exc:
        return version, refused(request, version, exc)
    return version, None


def _item(version, kind, pk):
    spec = ITEM_KINDS[kind]
    return get_object_or_404(spec.model.objects.filter(**{spec.to_version: version}), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def framework_item_form(request, version_pk, kind, item_pk=None, parent_pk=None):
    """Add an item of `kind` to a draft (under the area or competency `parent_pk`), or change one."""
    version, refusal = _editable_version(request, version_pk)
    if refusal:
        return refusal
    spec = ITEM_KINDS[kind]
    item = _item(version, kind, item_pk) if item_pk else None
    parent = _item(version, spec.parent, parent_pk) if parent_pk else None
    initial = None
    if kind == "level" and item is None:  # the next step up the scale, which is what people add most
        initial = {"value": (version.levels.aggregate(top=Max("value"))["top"] or 0) + 1}
    form = ITEM_FORMS[kind](request.POST or None, instance=item, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            saved = item_save(version=version, kind=kind, data=form.cleaned_data, item=item, parent=parent)
        except ValidationError as exc:
            add_service_errors(form, exc)
            status = 400
        else:
            messages.success(request, ITEM_TEXTS[kind]["saved"])
            return redirect(detail_url(version, "scale" if kind == "level" else f"{kind}-{saved.pk}"))
    section = ITEM_TEXTS[kind]["edit" if item else "add"]
    intro = None
    if parent is not None:
        intro = _("In: %(parent)s") % {"parent": parent.label}
    return form_page(
        request,
        form,
        section,
        framework=version.framework,
        version=version,
        cancel_url=detail_url(version),
        status=status,
        intro=intro,
    )


@login_required
@require_http_methods(["GET", "POST"])
def framework_item_delete(request, version_pk, kind, item_pk):
    version, refusal = _editable_version(request, version_pk)
    if refusal:
        return refusal
    item = _item(version, kind, item_pk)
    if request.method == "POST":
        try:
            item_delete(version=version, kind=kind, item=item)
        except ValidationError as exc:
            return refused(request, version, exc)
        messages.success(request, ITEM_TEXTS[kind]["deleted"])
        return redirect(detail_url(version))
    contents = {}
    if kind == "area":
        contents["competencies"] = Competency.objects.filter(area=item).count()
        contents["indicators"] = Indicator.objects.filter(competency__area=item).count()
    elif kind == "competency":
        contents["indicators"] = Indicator.objects.filter(competency=item).count()
    return render(
        request,
        "assessments/frameworks/confirm_delete.html",
        {
            "framework": version.framework,
            "version": version,
            "item": item,
            "contents": contents,
            "section": ITEM_TEXTS[kind]["delete"],
            "question": ITEM_TEXTS[kind]["question"],
            "cancel_url": detail_url(version),
        },
    )


@login_required
@require_POST
def framework_item_move(request, version_pk, kind, item_pk):
    version, refusal = _editable_version(request, version_pk)
    if refusal:
        return refusal
    item = _item(version, kind, item_pk)
    try:
        item_move(version=version, kind=kind, item=item, direction=request.POST.get("direction", ""))
    except ValidationError as exc:
        return refused(request, version, exc)
    return redirect(detail_url(version, f"{kind}-{item.pk}"))

"""Archive and restore a placement: a confirmation page on GET, the change only on POST."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.views import require

from ..selectors import can_archive_placement, placement_for_user
from .services import archive_placement, archive_refusal, restore_placement, restore_refusal


def _archive_or_restore(request, pk, *, archiving: bool):
    placement = placement_for_user(request.user, pk)
    require(
        can_archive_placement(request.user, placement),
        _("Only the school's coordinators and this placement's supervisor can archive or restore it."),
    )
    refusal = archive_refusal(placement) if archiving else restore_refusal(placement)
    if request.method == "POST" and not refusal:
        try:
            if archiving:
                archive_placement(placement, request.user)
            else:
                restore_placement(placement, request.user)
        except ValidationError as exc:
            refusal = " ".join(exc.messages)
        else:
            if archiving:
                messages.success(request, _("The placement has been archived. Its records are kept."))
            else:
                messages.success(request, _("The placement has been restored and appears in the lists again."))
            return redirect("placement_detail", pk=placement.pk)
    return render(
        request,
        "placements/placement_archive_confirm.html",
        {"placement": placement, "archiving": archiving, "refusal": refusal},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def placement_archive(request, pk):
    return _archive_or_restore(request, pk, archiving=True)


@login_required
@require_http_methods(["GET", "POST"])
def placement_restore(request, pk):
    return _archive_or_restore(request, pk, archiving=False)

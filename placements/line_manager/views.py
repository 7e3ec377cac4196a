"""Say whether the work mentor is also the learner's line manager (seed 003's risks then show to both)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.views import require

from ..selectors import placement_for_user
from .forms import LineManagerForm
from .risks import ADVANTAGES, RISKS
from .selectors import can_set_line_manager


@login_required
@require_http_methods(["GET", "POST"])
def line_manager_edit(request, pk):
    placement = placement_for_user(request.user, pk)
    require(
        can_set_line_manager(request.user, placement),
        gettext_lazy("Only the school's coordinators, the supervisor and the company admin can change this."),
    )
    form = LineManagerForm(request.POST if request.method == "POST" else None, instance=placement)
    if request.method == "POST" and form.is_valid():
        # update_fields keeps a concurrent edit of the placement's other fields intact.
        placement.mentor_is_line_manager = form.cleaned_data["mentor_is_line_manager"]
        placement.save(update_fields=["mentor_is_line_manager", "updated_at"])
        messages.success(request, _("The placement has been saved."))
        return redirect("placement_detail", pk=placement.pk)
    return render(
        request,
        "placements/line_manager_form.html",
        {"placement": placement, "form": form, "advantages": ADVANTAGES, "risks": RISKS},
    )

"""The openings' look-ups: active programmes (every school's), for the opening filter and the opening form; and the
learners school staff may propose for an opening (their schools', every school's for staff)."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from accounts.lookups import PEOPLE
from core.lookups import lookup_response
from core.views import require

from ..models import Programme
from ..scopes import PROGRAMMES
from .access import can_propose_for_school
from .selectors import can_browse_openings, can_propose, learners_of


def active_programmes():
    return Programme.objects.filter(is_active=True).select_related("school").order_by("name", "school__name")


@login_required
def programmes(request):
    require(can_browse_openings(request.user), _("Openings are for learners, schools and host companies."))
    return lookup_response(request, active_programmes(), PROGRAMMES)


@login_required
def learners(request):
    require(can_propose(request.user), _("Only school staff can propose learners."))
    learners = learners_of(can_propose_for_school(request.user)).order_by("last_name", "first_name", "pk")
    return lookup_response(request, learners, PEOPLE)

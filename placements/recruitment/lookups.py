"""The openings' look-up: active programmes (every school's), for the opening filter and the opening form."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from core.lookups import lookup_response
from core.views import require

from ..models import Programme
from ..scopes import PROGRAMMES
from .selectors import can_browse_openings


def active_programmes():
    return Programme.objects.filter(is_active=True).select_related("school").order_by("name", "school__name")


@login_required
def programmes(request):
    require(can_browse_openings(request.user), _("Openings are for learners, schools and host companies."))
    return lookup_response(request, active_programmes(), PROGRAMMES)

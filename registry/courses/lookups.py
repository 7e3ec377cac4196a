"""The course form's look-up: the companies a course can be closed for (all of them), for those who run courses."""

from django.contrib.auth.decorators import login_required
from django.utils.translation import gettext as _

from accounts.lookups import COMPANIES
from accounts.models import Company
from core.lookups import lookup_response
from core.views import require

from .selectors import can_create_course


def closed_for_companies():
    return Company.objects.order_by("name", "pk")


@login_required
def companies(request):
    require(can_create_course(request.user), _("Only teachers and coordinators of a school add mentor courses."))
    return lookup_response(request, closed_for_companies(), COMPANIES)

"""The look-up endpoints behind the placement form's and the placement list's search-as-you-type fields.

Each answers within exactly the queryset its field validates against (placements/scopes.py), so a coordinator
finds only what their schools may pick and staff find everything; core/lookups.py does the searching.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from accounts.lookups import COMPANIES, PEOPLE
from core.lookups import lookup_response

from .scopes import PROGRAMMES, PlacementFormScope, filter_companies, filter_programmes
from .selectors import can_create_placements


def _form_scope(request) -> PlacementFormScope:
    if not can_create_placements(request.user):
        raise PermissionDenied(_("Only school supervisors and coordinators can add placements."))
    return PlacementFormScope(request.user)


@login_required
def companies(request):
    return lookup_response(request, _form_scope(request).companies(), COMPANIES)


@login_required
def learners(request):
    return lookup_response(request, _form_scope(request).learners(), PEOPLE)


@login_required
def supervisors(request):
    return lookup_response(request, _form_scope(request).supervisors(), PEOPLE)


@login_required
def programmes(request):
    return lookup_response(request, _form_scope(request).programmes(), PROGRAMMES)


@login_required
def list_companies(request):
    return lookup_response(request, filter_companies(request.user), COMPANIES)


@login_required
def list_programmes(request):
    return lookup_response(request, filter_programmes(request.user), PROGRAMMES)

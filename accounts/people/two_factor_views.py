"""Resetting a person's lost authenticator from their page on the people pages (accounts/two_factor/reset.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..two_factor.reset import two_factor_reset
from .selectors import org_for_manager, person_of


@login_required
@require_POST
def people_two_factor_reset(request, kind, pk, user_pk):
    org = org_for_manager(request.user, kind, pk)
    person = person_of(org, user_pk)
    try:
        two_factor_reset(person=person, by=request.user)  # PermissionDenied (403) for who may not
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The authenticator of %(name)s has been reset. They have been told by e-mail.")
            % {"name": person.get_full_name()},
        )
    return redirect("people_person", kind=org.kind, pk=org.pk, user_pk=person.pk)

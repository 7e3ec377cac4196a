"""Changing a school's sign-in: switching password log-in off or on."""

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import School, User
from .models import SsoIdentity


class LockOut(Exception):
    """Switching passwords off now would leave people, or the one switching, without a way in."""


@transaction.atomic
def set_password_login(*, school: School, enabled: bool, by: User) -> School:
    school = School.objects.select_for_update().get(pk=school.pk)
    if not enabled:
        if not school.identity_providers.filter(enabled=True).exists():
            raise LockOut(_("Add and enable an identity provider first: without one nobody could sign in."))
        # The coordinator must have signed in through the school's provider once, or they lock themselves out.
        if not by.is_staff and not SsoIdentity.objects.filter(user=by, provider__school=school).exists():
            raise LockOut(
                _("Sign in once with your school's provider before switching passwords off, so that you keep a way in.")
            )
    school.password_login_enabled = enabled
    school.save(update_fields=["password_login_enabled"])
    return school

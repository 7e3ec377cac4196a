"""Resetting someone's lost authenticator: a coordinator for a person of their school, staff for anyone.

The authenticator and the recovery codes are deleted, the reset is recorded (TwoFactorReset: who, whose, when)
and logged, and the person is told by e-mail through the outbox. Where two-factor authentication is required of
them, their next log-in asks them to set up an authenticator again (signals.py decides that at each log-in).
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.outbox import enqueue

from ..models import User
from . import tasks
from .models import TwoFactorReset
from .selectors import may_reset_two_factor

log = logging.getLogger(__name__)


@transaction.atomic
def two_factor_reset(*, person: User, by: User) -> TwoFactorReset:
    if not may_reset_two_factor(by, person):
        if person.pk == by.pk:
            raise PermissionDenied(_("Switch your own two-factor authentication off on your own security page."))
        raise PermissionDenied(
            _("Only a coordinator of this person's school, or staff, can reset their authenticator.")
        )
    User.objects.select_for_update().filter(pk=person.pk).first()  # one reset at a time, not during a set-up
    devices = TOTPDevice.objects.filter(user=person)
    if not devices.exists() and not StaticDevice.objects.filter(user=person).exists():
        raise ValidationError(_("%(name)s has no authenticator to reset.") % {"name": person.get_full_name()})
    devices.delete()
    StaticDevice.objects.filter(user=person).delete()
    reset = TwoFactorReset.objects.create(user=person, reset_by=by)
    log.info("Two-factor authenticator of user %s reset by user %s", person.pk, by.pk)
    enqueue(tasks.send_two_factor_reset, reset.pk)
    return reset

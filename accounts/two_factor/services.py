"""Writes: confirm an authenticator (with its recovery codes), renew the codes, switch two-factor off, check a code."""

from binascii import unhexlify

import django_otp
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from ..models import School, User
from .selectors import authenticator_of, has_two_factor, recovery_codes_of

RECOVERY_CODES = 10
# One step (30 s) either side: a phone's clock that is a little off, or a code typed just as it changed.
TOLERANCE = 1


def new_secret() -> str:
    """A fresh 20-byte secret (hex), kept in the session until the first code confirms it."""
    return random_hex(20)


def provisioning_uri(user: User, key: str) -> str:
    """The otpauth:// link an authenticator app reads from the QR code (issuer: settings.OTP_TOTP_ISSUER)."""
    return TOTPDevice(user=user, key=key).config_url


def is_authenticator_code(code: str) -> bool:
    return code.isdigit() and len(code) == 6


@transaction.atomic
def authenticator_confirm(*, user: User, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """The first code from the app proves it holds the secret: the authenticator is on, with new recovery codes."""
    User.objects.select_for_update().filter(pk=user.pk).first()  # two tabs confirming at once make one device
    if has_two_factor(user):
        raise ValidationError(_("Two-factor authentication is already on for your account."))
    totp = TOTP(unhexlify(key))
    if not is_authenticator_code(code) or not totp.verify(int(code), tolerance=TOLERANCE):
        raise ValidationError(
            {"code": _("That code does not match. Check that the app shows Werkmentor and enter its current code.")}
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(
        user=user, name=_("Authenticator app"), key=key, confirmed=True, last_t=totp.t(), drift=totp.drift
    )
    return device, _new_recovery_codes(user)


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working."""
    if not has_two_factor(user):
        raise ValidationError(_("Two-factor authentication is off for your account."))
    return _new_recovery_codes(user)


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Recovery codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_disable(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def verify_code(user: User, code: str) -> Device:
    """The device that accepts `code` (six digits: the app; else a recovery code, used up), or ValidationError.

    Each device slows down after wrong codes (django-otp's throttling: 1, 2, 4, 8 ... seconds), so guessing is
    hopeless even across sessions; a slowed-down device refuses even the right code until its time is up.
    """
    device = authenticator_of(user) if is_authenticator_code(code) else recovery_codes_of(user)
    if device is None:
        raise ValidationError(_("That code is not right."))
    allowed, details = device.verify_is_allowed()
    if not allowed:
        until = details.get("locked_until") if details else None
        if until:
            raise ValidationError(
                _("Too many wrong codes in a row. Wait until %(time)s and try again.")
                % {"time": time_format(timezone.localtime(until), "H:i:s")}
            )
        raise ValidationError(_("Too many wrong codes in a row. Wait a moment and try again."))
    verified = django_otp.verify_token(user, device.persistent_id, code)
    if verified is None:
        raise ValidationError(_("That code is not right."))
    return verified


def school_security_update(*, school: School, require_two_factor_for_staff: bool) -> School:
    school.require_two_factor_for_staff = require_two_factor_for_staff
    school.save(update_fields=["require_two_factor_for_staff"])
    return school

"""Too many wrong codes in one session: log it out. Guessing then needs the password again for every few tries,
and the device's own throttling (services.verify_code) slows each try down further."""

import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def log_out_after_failures(request):
    logger.warning("Two-factor: too many wrong codes for user %s; session logged out", request.user.pk)
    logout(request)
    messages.error(request, _("Too many wrong codes. You have been logged out: log in again to try once more."))
    return redirect("login")

"""The record of an authenticator reset: a coordinator (or staff) removed someone's lost authenticator and recovery
codes. Loaded through accounts/models.py."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TwoFactorReset(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_resets",
        verbose_name=_("person"),
    )
    reset_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reset by"),
    )
    reset_at = models.DateTimeField(_("reset on"), default=timezone.now)

    class Meta:
        verbose_name = _("authenticator reset")
        verbose_name_plural = _("authenticator resets")
        ordering = ["-reset_at", "-pk"]

    def __str__(self):
        return f"{self.user} · {self.reset_at:%Y-%m-%d %H:%M}"

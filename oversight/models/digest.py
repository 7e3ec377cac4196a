"""The weekly digest: one row per person and ISO week, written in the transaction that sends it.

The row makes the digest go out once per person per week however often the task runs, and it keeps the levels
the person's placements had (only those not on track), which next week's digest compares with to say what changed.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DigestSent(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("person")
    )
    week = models.CharField(_("week"), max_length=8)  # ISO week, "2026-W49"
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    # False when there was nothing to tell (no e-mail went out); the levels are kept all the same.
    emailed = models.BooleanField(default=True)
    # {placement id: level} of the person's placements that were not on track.
    levels = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("weekly digest sent")
        verbose_name_plural = _("weekly digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "week"], name="digest_once_per_person_week")]

    def __str__(self):
        return f"{self.user_id} · {self.week}"

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Company


class CompanyMerge(models.Model):
    """Two records of one host company made one: which record (by id and name) went into which, by whom, when.

    The merged company is deleted, so what identified it is kept here as text; the kept company points here.
    When the kept company is merged into a third one later, these rows move along with everything else.
    """

    kept = models.ForeignKey(
        Company, on_delete=models.CASCADE, related_name="merges_received", verbose_name=_("kept company")
    )
    merged_company_id = models.PositiveBigIntegerField(_("id of the merged company"))
    merged_name = models.CharField(_("name of the merged company"), max_length=200)
    merged_city = models.CharField(_("city of the merged company"), max_length=100, blank=True)
    merged_registration_number = models.CharField(
        _("registration number of the merged company"), max_length=40, blank=True
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merged by"),
    )
    merged_at = models.DateTimeField(_("merged at"), default=timezone.now)
    # {"app_label.model": rows moved}, and "dropped" for rows that would have been duplicates (a second role).
    moved = models.JSONField(_("rows moved"), default=dict, blank=True)
    copied_fields = models.JSONField(_("details copied"), default=list, blank=True)

    class Meta:
        verbose_name = _("company merge")
        verbose_name_plural = _("company merges")
        ordering = ["-merged_at", "-pk"]

    def __str__(self):
        return f"{self.merged_name} (#{self.merged_company_id}) → {self.kept_id}"

"""The end of a placement: the review with the employer, the close-out, and the mentor's reference letter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class EmployerReview(models.Model):
    class HostAgain(models.TextChoices):
        YES = "yes", _("yes")
        MAYBE = "maybe", _("perhaps")
        NO = "no", _("no")

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="employer_review")
    held_on = models.DateField(_("held on"))
    went_well = models.TextField(_("what went well"))
    would_change = models.TextField(_("what the company would change"), blank=True)
    would_host_again = models.CharField(_("would host a learner again"), max_length=10, choices=HostAgain.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("employer review")
        verbose_name_plural = _("employer reviews")

    def __str__(self):
        return str(self.placement)


class PlacementCloseout(models.Model):
    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="closeout")
    closed_at = models.DateTimeField(_("closed"))
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # What the checklist said when the placement was closed: {item: true/false}.
    checklist = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("placement close-out")
        verbose_name_plural = _("placement close-outs")

    def __str__(self):
        return str(self.placement)


class ReferenceLetter(models.Model):
    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="reference_letter")
    body = models.TextField(_("letter"))
    language = models.CharField(_("language"), max_length=8, default="nl")
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(_("sent to the learner"), null=True, blank=True)

    class Meta:
        verbose_name = _("reference letter")
        verbose_name_plural = _("reference letters")

    def __str__(self):
        return str(self.placement)

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class MentoringAgreement(models.Model):
    """Who will and will not do what; valid once mentor and learner have both accepted this wording."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="mentoring_agreement")
    mentor_will = models.TextField(_("the mentor will"))
    mentor_will_not = models.TextField(_("the mentor will not"))
    learner_will = models.TextField(_("the learner is expected to"))
    learner_will_not = models.TextField(_("the learner is expected not to"))
    mentor_helps_with = models.JSONField(_("the mentor helps with"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    mentor_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    mentor_accepted_name = models.CharField(max_length=200, blank=True)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    learner_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    learner_accepted_name = models.CharField(max_length=200, blank=True)
    learner_accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring agreement")
        verbose_name_plural = _("mentoring agreements")

    def __str__(self):
        return f"{self.placement}"

    @property
    def is_accepted(self) -> bool:
        return bool(self.mentor_accepted_at and self.learner_accepted_at)

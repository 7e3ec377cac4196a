from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class CriticalSituation(models.Model):
    """A critical situation of the coach (seed 001, "kritieke situaties"): the mentor's own conduct at stake.

    Unlike an incident (the learner's behaviour) this is about the mentor, so the learner never sees it; the mentor
    records it to get guidance and may ask the school for support.
    """

    # The seed's five item titles, as data; the guidance per category is in mentoring/critical/guidance.py.
    class Category(models.TextChoices):
        GIFTS = "gifts", _("Corruption: money or gifts offered for favours")
        DOUBLE_AGENDA = "double_agenda", _("Not trustworthy: a double agenda")
        UNREALISTIC_DEMANDS = "unrealistic_demands", _("No practical insight: unrealistic demands")
        RELATIONSHIP = "relationship", _("Relationships getting out of hand or serious conflicts")
        WEAK_NETWORK = "weak_network", _("No good network: little contact with employers and target groups")

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="critical_situations", verbose_name=_("placement")
    )
    category = models.CharField(_("situation"), max_length=30, choices=Category.choices)
    occurred_on = models.DateField(_("date"))
    description = models.TextField(_("what happened"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    support_question = models.TextField(_("support asked for"), blank=True)
    support_requested_at = models.DateTimeField(_("support requested"), null=True, blank=True)

    class Meta:
        verbose_name = _("critical situation")
        verbose_name_plural = _("critical situations")
        ordering = ["-occurred_on", "-pk"]

    def __str__(self):
        return f"{self.get_category_display()} · {self.occurred_on}"

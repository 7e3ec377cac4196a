from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement


class Obstacle(models.Model):
    """Something that stands in the way of the coaching, and how it will be overcome."""

    class Side(models.TextChoices):
        MENTOR = "mentor", _("work mentor")
        LEARNER = "learner", _("learner")
        ENVIRONMENT = "environment", _("environment")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("being worked on")
        OVERCOME = "overcome", _("overcome")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="obstacles")
    side = models.CharField(_("obstacle for"), max_length=20, choices=Side.choices)
    description = models.TextField(_("obstacle"))
    how_to_overcome = models.TextField(_("how to overcome it"), blank=True)
    support_needed = models.TextField(_("support needed"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("obstacle")
        verbose_name_plural = _("obstacles")
        ordering = ["status", "-created_at"]

    def __str__(self):
        return self.description[:60]


class Incident(models.Model):
    """A boundary or critical situation; escalating it notifies the school supervisor."""

    class Category(models.TextChoices):
        LATENESS = "lateness", _("arriving late")
        SICK_DAYS = "sick_days", _("repeated sick days")
        DISTRACTED = "distracted", _("constantly distracted by colleagues")
        NO_MOTIVATION = "no_motivation", _("no interest in the agreed goals")
        NOT_COOPERATING = "not_cooperating", _("not working with the team")
        CONFLICT = "conflict", _("conflict or fight with a colleague")
        BELOW_LEVEL = "below_level", _("working below their level")
        GIVES_UP = "gives_up", _("gives up quickly on new skills")
        BULLYING = "bullying", _("being bullied at work")
        SUBSTANCE_USE = "substance_use", _("suspected drug or alcohol use")
        POLICE = "police", _("trouble with the police")
        RAN_AWAY = "ran_away", _("ran away from home")
        PRIVATE_CONTACT = "private_contact", _("asks for private contact details")
        SOCIAL_MEDIA = "social_media", _("friend request on social media")
        GIFTS = "gifts", _("offers money or gifts for favours")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "closed", _("closed")

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="incidents")
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    occurred_on = models.DateField(_("date"))
    description = models.TextField(_("what happened"))
    actions_taken = models.TextField(_("what was done about it"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    escalated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-occurred_on", "-pk"]

    def __str__(self):
        return f"{self.get_category_display()} · {self.occurred_on}"

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class DevelopmentActivity(models.Model):
    """Something a work mentor did for their own professional development (work process 1.6)."""

    class Kind(models.TextChoices):
        COURSE = "course", _("course")
        TRAINING = "training", _("training")
        TRADE_FAIR = "trade_fair", _("trade fair or event")
        READING = "reading", _("reading trade literature")
        PEER_FEEDBACK = "peer_feedback", _("feedback from colleagues")
        REFLECTION = "reflection", _("reflection on own practice")
        LABOUR_MARKET = "labour_market", _("labour-market orientation")
        INTERVISION = "intervision", _("peer consultation (intervision)")
        # The coach's network (seed 001, result area "network"): contacts with employers, institutions and
        # target groups kept up on purpose.
        NETWORK = "network", _("network contact (employers, institutions)")

    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_activities"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("200"))],
    )
    notes = models.TextField(_("notes"), blank=True)
    proof = models.FileField(
        _("proof"),
        upload_to="mentoring/development/",
        blank=True,
        help_text=_("A certificate of attendance, a report or a photo that shows what you did."),
    )
    # The registry's completed course enrolment this row was recorded from. A plain number, not a foreign key:
    # the registry sits above mentoring in the house plan. Unique, so a course is counted once however often
    # the completion runs; such a row is the school's record and the mentor cannot change it.
    source_enrolment = models.PositiveIntegerField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("development activity")
        verbose_name_plural = _("development activities")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["mentor", "date"])]

    def __str__(self):
        return self.title

    @property
    def from_course(self) -> bool:
        return self.source_enrolment is not None

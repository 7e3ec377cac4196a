from django.db import models
from django.utils.translation import gettext_lazy as _

from placements.models import Placement

from .sessions import CoachingSession


class PlannedSession(models.Model):
    """A coaching session the plan's frequency schedules (seed 002: regular, scheduled meetings).

    `slot` numbers the sessions from the start of the placement, so generating again updates the same rows
    instead of adding duplicates. Logging a session against it fills `session`; a planned session whose date
    has passed without one is missed.
    """

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="planned_sessions", verbose_name=_("placement")
    )
    slot = models.PositiveSmallIntegerField()
    planned_on = models.DateField(_("planned for"))
    # Set when a logged session's "next session" agreed a moment for this one; regenerating then leaves it alone.
    agreed_at = models.DateTimeField(_("agreed moment"), null=True, blank=True)
    agreed_in = models.ForeignKey(
        CoachingSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="agreed_planned_sessions"
    )
    session = models.OneToOneField(
        CoachingSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="planned_session",
        verbose_name=_("logged session"),
    )
    prep_questions = models.TextField(_("my questions"), blank=True)
    prep_went_well = models.TextField(_("what went well"), blank=True)
    prepared_at = models.DateTimeField(_("prepared"), null=True, blank=True)

    class Meta:
        verbose_name = _("planned session")
        verbose_name_plural = _("planned sessions")
        ordering = ["planned_on", "slot"]
        constraints = [models.UniqueConstraint(fields=["placement", "slot"], name="planned_session_slot_unique")]
        indexes = [models.Index(fields=["placement", "planned_on"])]

    def __str__(self):
        return f"{self.placement} · {self.planned_on}"

    @property
    def is_logged(self) -> bool:
        return self.session_id is not None

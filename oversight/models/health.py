"""Placement health: a school's thresholds, the materialised status per active placement, and daily counts.

`PlacementHealth` is a cache, not a record: oversight/health/compute.py rebuilds it from the coaching, meetings,
assessments and registry tables (after relevant writes, and by Celery beat for what time alone changes).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from accounts.models import School
from placements.models import Placement, Programme


class HealthLevel(models.IntegerChoices):
    """Ordered by need, so sorting by level puts the placements that need someone first."""

    ON_TRACK = 0, _("on track")
    ATTENTION = 1, _("needs attention")
    AT_RISK = 2, _("at risk")


def _between(low, high):
    return [MinValueValidator(low), MaxValueValidator(high)]


class HealthSettings(models.Model):
    """A school's thresholds for the signals; a school without a row uses the defaults (DEFAULTS)."""

    school = models.OneToOneField(
        School, on_delete=models.CASCADE, related_name="health_settings", verbose_name=_("school")
    )
    session_weeks = models.PositiveSmallIntegerField(
        _("weeks without a coaching session"),
        default=3,
        validators=_between(1, 26),
        help_text=_("Needs attention after this many weeks without a logged session; at risk after twice as many."),
    )
    hours_tolerance_percent = models.PositiveSmallIntegerField(
        _("hours behind the plan (%)"),
        default=20,
        validators=_between(5, 50),
        help_text=_(
            "Needs attention when the logged hours are this much below the hours expected to date; "
            "at risk at twice this percentage."
        ),
    )
    meeting_weeks = models.PositiveSmallIntegerField(
        _("weeks without a tripartite meeting"), default=10, validators=_between(1, 52)
    )
    minutes_days = models.PositiveSmallIntegerField(
        _("days to confirm the minutes"),
        default=14,
        validators=_between(1, 90),
        help_text=_("A meeting held longer ago than this needs minutes that everyone confirmed."),
    )
    signature_days = models.PositiveSmallIntegerField(
        _("days to sign an assessment"), default=14, validators=_between(1, 90)
    )
    agreement_days = models.PositiveSmallIntegerField(
        _("days to accept the mentoring agreement"),
        default=14,
        validators=_between(0, 90),
        help_text=_("Counted from the start of the placement."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    THRESHOLDS = (
        "session_weeks",
        "hours_tolerance_percent",
        "meeting_weeks",
        "minutes_days",
        "signature_days",
        "agreement_days",
    )

    class Meta:
        verbose_name = _("placement health settings")
        verbose_name_plural = _("placement health settings")

    def __str__(self):
        return f"{self.school}"

    @classmethod
    def defaults(cls) -> dict[str, int]:
        return {name: cls._meta.get_field(name).default for name in cls.THRESHOLDS}


class PlacementHealth(models.Model):
    """The health of one active placement as last computed: its level, which signals it trips and their facts."""

    placement = models.OneToOneField(
        Placement, on_delete=models.CASCADE, primary_key=True, related_name="health", verbose_name=_("placement")
    )
    # The placement's school, copied so that a school's overview counts and sorts without joining its placements.
    school = models.ForeignKey(School, on_delete=models.CASCADE, null=True, related_name="+", verbose_name=_("school"))
    # Copied for the same reason: filtering by programme and sorting by learner are then one table and an index,
    # not a join of every placement and learner that the planner may price wrong. The learner's key is their last
    # and first name folded (compute.learner_sort_key), rewritten at every computation and when they are renamed.
    programme = models.ForeignKey(
        Programme, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("programme")
    )
    learner_sort = models.TextField(blank=True, default="")
    level = models.PositiveSmallIntegerField(_("health"), choices=HealthLevel.choices, default=HealthLevel.ON_TRACK)
    # One column per signal (oversight/health/signals.py), so filtering and counting per signal is plain SQL.
    no_session = models.BooleanField(default=False)
    hours_behind = models.BooleanField(default=False)
    no_meeting = models.BooleanField(default=False)
    minutes_open = models.BooleanField(default=False)
    goals_off_track = models.BooleanField(default=False)
    signatures_overdue = models.BooleanField(default=False)
    incident = models.BooleanField(default=False)
    certificate = models.BooleanField(default=False)
    agreement = models.BooleanField(default=False)
    signal_count = models.PositiveSmallIntegerField(default=0)
    # Per tripped signal: its level and the facts its reason names ({"no_session": {"level": 1, "days": 30}}).
    details = models.JSONField(default=dict)
    logged_minutes = models.PositiveIntegerField(default=0)
    expected_minutes = models.PositiveIntegerField(default=0)
    last_session = models.DateField(null=True, blank=True)
    last_meeting = models.DateTimeField(null=True, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    # Debouncing the refresh after writes: a write marks the row stale; the minute scan recomputes all stale rows.
    stale = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("placement health")
        verbose_name_plural = _("placement health")
        indexes = [
            models.Index(fields=["school", "level", "signal_count", "placement"]),
            models.Index(fields=["school", "learner_sort", "placement"]),
            # The overview's "most hours behind" sort (oversight/overview/filters.py), read in index order.
            models.Index(
                F("school"),
                (F("expected_minutes") - F("logged_minutes")).desc(),
                F("placement"),
                name="health_school_hours_gap",
            ),
            models.Index(fields=["stale"]),
        ]

    def __str__(self):
        return f"{self.placement_id}: {self.get_level_display()}"

    @property
    def logged_hours(self) -> int:
        return self.logged_minutes // 60

    @property
    def expected_hours(self) -> int:
        return self.expected_minutes // 60


class HealthSnapshot(models.Model):
    """How many of a school's active placements were at each level on a day: the chart over time."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+", verbose_name=_("school"))
    date = models.DateField(_("date"))
    on_track = models.PositiveIntegerField(default=0)
    attention = models.PositiveIntegerField(default=0)
    at_risk = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("placement health snapshot")
        verbose_name_plural = _("placement health snapshots")
        ordering = ["school", "date"]
        constraints = [models.UniqueConstraint(fields=["school", "date"], name="health_snapshot_per_school_day")]

    def __str__(self):
        return f"{self.school_id} · {self.date}"

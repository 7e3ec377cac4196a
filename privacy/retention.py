"""Retention: after a placement ends, its coaching content goes after the school's N years and the learner's
personal data after M years. `plan` is the dry run (what would go, changing nothing); `apply` does it."""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import School
from placements.models import Placement

from .anonymise import coaching_content_remove, person_anonymise
from .models import PlacementRetention, RetentionSettings
from .selectors import retention_settings_for

ENDED = (Placement.Status.COMPLETED, Placement.Status.ENDED_EARLY)


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


@dataclass
class RetentionPlan:
    school: School
    rules: RetentionSettings
    coaching: list[Placement] = field(default_factory=list)
    personal: list[Placement] = field(default_factory=list)
    # Past the period, but the learner has a newer placement that is not: their name stays until that one is due.
    waiting: list[Placement] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.coaching or self.personal)


def _ended_before(school: School, cutoff: date):
    return (
        Placement.objects.filter(school=school, status__in=ENDED)
        .annotate(ended=Coalesce(F("ended_on"), F("end_date")))
        .filter(ended__lte=cutoff)
        .select_related("learner", "company", "retention")
        .order_by("ended", "pk")
    )


def plan(school: School, *, today: date | None = None) -> RetentionPlan:
    """What retention would remove from the school's ended placements today. Reads only."""
    today = today or timezone.localdate()
    rules = retention_settings_for(school)
    result = RetentionPlan(school=school, rules=rules)
    coaching_cutoff = years_before(today, rules.coaching_years)
    personal_cutoff = years_before(today, rules.personal_years)
    result.coaching = list(
        _ended_before(school, coaching_cutoff).filter(
            Q(retention__isnull=True) | Q(retention__coaching_removed_at__isnull=True)
        )
    )
    candidates = _ended_before(school, personal_cutoff).filter(
        Q(retention__isnull=True) | Q(retention__personal_removed_at__isnull=True)
    )
    # A learner is anonymised once, when every placement of theirs (at any school) has passed the period.
    not_due = set(
        Placement.objects.filter(learner__in=[p.learner_id for p in candidates])
        .annotate(ended=Coalesce(F("ended_on"), F("end_date")))
        .filter(~Q(status__in=ENDED) | Q(ended__gt=personal_cutoff))
        .values_list("learner_id", flat=True)
    )
    for placement in candidates:
        (result.waiting if placement.learner_id in not_due else result.personal).append(placement)
    return result


@dataclass
class RetentionResult:
    coaching: int = 0
    personal: int = 0


@transaction.atomic
def apply(school: School, *, today: date | None = None) -> RetentionResult:
    """Remove what the plan says; each step is marked on the placement so it runs once."""
    found = plan(school, today=today)
    now = timezone.now()
    if found.coaching:
        coaching_content_remove([p.pk for p in found.coaching])
        for placement in found.coaching:
            PlacementRetention.objects.update_or_create(placement=placement, defaults={"coaching_removed_at": now})
    done_learners = set()
    for placement in found.personal:
        if placement.learner_id not in done_learners:
            person_anonymise(placement.learner)
            done_learners.add(placement.learner_id)
        PlacementRetention.objects.update_or_create(placement=placement, defaults={"personal_removed_at": now})
    return RetentionResult(coaching=len(found.coaching), personal=len(found.personal))


def schools_to_run():
    """The schools whose coordinators read the dry run and switched retention on."""
    return School.objects.filter(retention_settings__enabled_at__isnull=False).order_by("pk")

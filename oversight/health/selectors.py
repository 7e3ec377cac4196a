"""Reads of placement health, scoped by the central access rules (placements.selectors).

The API the overview, the supervisor caseload, the company view and the digest build on:
- `health_visible_to(user)`: the health rows of every placement the user may see (any role);
- `overview_schools(user)` / `school_overview(user)`: the coordinator's (or staff's) schools and their rows;
- `health_counts(rows)` (levels, signals and the oldest computation in one query), `signal_counts`, `level_counts`;
- `reasons(health)`: each tripped signal as a sentence in the reader's language with a link to act on it.
"""

from dataclasses import dataclass

from django.db.models import Count, Min, Q, QuerySet

from accounts.models import Role, School, User
from accounts.selectors import roles_of
from placements.selectors import placements_visible_to

from ..models import HealthLevel, HealthSettings, PlacementHealth
from .signals import BY_CODE, SIGNALS

WITH_PEOPLE = (
    "placement__learner",
    "placement__mentor",
    "placement__supervisor",
    "placement__company",
    "placement__programme",
    "placement__school",
)


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    text: str
    url: str
    level: int

    @property
    def at_risk(self) -> bool:
        return self.level == HealthLevel.AT_RISK


def health_visible_to(user: User) -> QuerySet[PlacementHealth]:
    """Health of the placements `user` may see (a learner: their own; a mentor: their learners'; ...)."""
    return PlacementHealth.objects.filter(placement__in=placements_visible_to(user))


def health_of(placement) -> PlacementHealth | None:
    """The computed health of one placement the caller has already been allowed to see; None before the first run."""
    return PlacementHealth.objects.filter(placement=placement, computed_at__isnull=False).first()


def overview_schools(user: User) -> QuerySet[School]:
    """The schools whose overview `user` may read: as coordinator; staff every school."""
    roles = roles_of(user)
    if roles.is_staff:
        return School.objects.all()
    return School.objects.filter(pk__in=roles.schools_as(Role.COORDINATOR))


def can_read_overview(user: User) -> bool:
    roles = roles_of(user)
    return roles.is_staff or bool(roles.schools_as(Role.COORDINATOR))


def school_overview(user: User) -> QuerySet[PlacementHealth]:
    """The health of every active placement of the schools `user` coordinates (staff: of every school)."""
    rows = PlacementHealth.objects.filter(computed_at__isnull=False)
    roles = roles_of(user)
    if not roles.is_staff:
        rows = rows.filter(school_id__in=roles.schools_as(Role.COORDINATOR))
    return rows


def signal_counts(rows: QuerySet[PlacementHealth]) -> dict[str, int]:
    """How many of `rows` trip each signal, in one query."""
    return rows.aggregate(**{signal.code: Count("pk", filter=Q(**{signal.code: True})) for signal in SIGNALS})


def health_counts(rows: QuerySet[PlacementHealth]) -> dict:
    """Per level and per signal how many of `rows` there are, and when the oldest was computed: one query."""
    found = rows.aggregate(
        **{f"level_{level}": Count("pk", filter=Q(level=level)) for level in HealthLevel.values},
        **{signal.code: Count("pk", filter=Q(**{signal.code: True})) for signal in SIGNALS},
        computed_at=Min("computed_at"),
    )
    return {
        "levels": {level: found[f"level_{level}"] for level in HealthLevel.values},
        "signals": {signal.code: found[signal.code] for signal in SIGNALS},
        "computed_at": found["computed_at"],
    }


def level_counts(rows: QuerySet[PlacementHealth]) -> dict[int, int]:
    found = {row["level"]: row["n"] for row in rows.order_by().values("level").annotate(n=Count("pk"))}
    return {level: found.get(level, 0) for level in HealthLevel.values}


def reasons(health: PlacementHealth) -> list[Reason]:
    """The tripped signals of one placement, most severe first (needs health.placement with its mentor loaded)."""
    found = []
    for code, details in health.details.items():
        signal = BY_CODE.get(code)
        if signal is not None:
            link = signal.link(health.placement, details)
            found.append(Reason(code, str(signal.label), signal.reason(details), link, details["level"]))
    return sorted(found, key=lambda reason: -reason.level)


def health_settings_for(school: School) -> HealthSettings:
    """The school's thresholds; an unsaved row with the defaults when it never changed them."""
    return HealthSettings.objects.filter(school=school).first() or HealthSettings(school=school)

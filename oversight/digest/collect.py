"""What the weekly digest tells each recipient, read for all recipients at once (a fixed number of queries).

Recipients: active coordinators (their schools' placements) and school supervisors (the placements they supervise
at the schools where they still are supervisors), who chose all notifications or essential ones only, and who
did not get this week's digest yet. Everything is then split per recipient in Python from the rows read once.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Prefetch, Q

from accounts.models import Membership, Role, User
from mentoring.models import Incident

from ..health.selectors import WITH_PEOPLE
from ..models import DigestSent, HealthLevel, PlacementHealth

DIGEST_ROLES = (Role.COORDINATOR, Role.TEACHER)


def iso_week(day: date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def stored_levels(levels: dict[str, int]) -> dict[str, list[int]]:
    """The levels as DigestSent keeps them: placement ids per level, {"2": [ids], "1": [ids]}.

    A coordinator of a large school has thousands of placements not on track; as one JSON key per placement the
    row took PostgreSQL 25 ms to write (jsonb sorts and checks every key), as two lists of numbers a fraction.
    """
    grouped: dict[str, list[int]] = {}
    for placement_id, level in levels.items():
        grouped.setdefault(str(level), []).append(int(placement_id))
    return {level: sorted(ids) for level, ids in grouped.items()}


def read_levels(stored: dict) -> dict[str, int]:
    """DigestSent.levels back as {placement id: level}; rows written before the lists were one key per placement."""
    if all(isinstance(ids, list) for ids in stored.values()):
        return {str(placement_id): int(level) for level, ids in stored.items() for placement_id in ids}
    return stored


@dataclass
class Recipient:
    user: User
    coordinated: set[int] = field(default_factory=set)  # school ids
    supervising: set[int] = field(default_factory=set)  # school ids where they are a school supervisor
    previous: dict[str, int] | None = None  # last week's levels, None when they got no digest last week

    def sees(self, row: PlacementHealth) -> bool:
        school_id = row.placement.school_id
        if school_id in self.coordinated:
            return True
        return school_id in self.supervising and row.placement.supervisor_id == self.user.pk


@dataclass
class Batch:
    week: str
    recipients: list[Recipient]
    rows: list[PlacementHealth]
    incidents: list[Incident]


def _recipients(week: str, previous_week: str) -> list[Recipient]:
    active = Membership.objects.filter(role__in=DIGEST_ROLES, ended_at__isnull=True, school__isnull=False)
    users = (
        User.objects.filter(
            is_active=True,
            notification_level__in=[User.NotificationLevel.ALL, User.NotificationLevel.ESSENTIAL],
            memberships__in=active,
        )
        .exclude(pk__in=DigestSent.objects.filter(week=week).values("user"))
        .distinct()
        .prefetch_related(Prefetch("memberships", queryset=active, to_attr="digest_roles"))
        .order_by("pk")
    )
    found = []
    for user in users:
        recipient = Recipient(user)
        for membership in user.digest_roles:
            target = recipient.coordinated if membership.role == Role.COORDINATOR else recipient.supervising
            target.add(membership.school_id)
        found.append(recipient)
    last = DigestSent.objects.filter(week=previous_week, user__in=[r.user.pk for r in found])
    previous = {user_id: read_levels(levels) for user_id, levels in last.values_list("user_id", "levels")}
    for recipient in found:
        recipient.previous = previous.get(recipient.user.pk)
    return found


def collect(now: datetime) -> Batch:
    """Everyone who still gets this week's digest, the health rows and the week's escalated incidents they read."""
    today = now.date()
    week = iso_week(today)
    recipients = _recipients(week, iso_week(today - timedelta(days=7)))
    coordinated = set().union(*(r.coordinated for r in recipients))
    supervisors = [r.user.pk for r in recipients if r.supervising]
    scope = Q(placement__school_id__in=coordinated) | Q(placement__supervisor_id__in=supervisors)
    rows = list(
        PlacementHealth.objects.filter(scope, computed_at__isnull=False)
        .select_related(*WITH_PEOPLE)
        .order_by("-level", "-signal_count", "placement__learner__last_name", "placement_id")
    )
    incidents = (
        list(
            Incident.objects.filter(
                placement_id__in=[row.placement_id for row in rows], escalated_at__gte=now - timedelta(days=7)
            )
            .only("pk", "placement_id", "category", "escalated_at")
            .order_by("escalated_at")
        )
        if rows
        else []
    )
    return Batch(week, recipients, rows, incidents)


@dataclass
class Digest:
    """One recipient's digest: what changed since last week and what needs them now."""

    became: dict[int, list[PlacementHealth]]  # level -> placements that reached it this week
    incidents: list[tuple[Incident, PlacementHealth]]
    at_risk: list[PlacementHealth]
    attention: int
    levels: dict[str, list[int]]  # as DigestSent keeps them (stored_levels)

    @property
    def changed(self) -> bool:
        return any(self.became.values()) or bool(self.incidents)

    def worth_sending(self, user: User) -> bool:
        """All notifications: when there is news; essential only: when a placement is at risk or escalated."""
        if user.notification_level == User.NotificationLevel.ESSENTIAL:
            return bool(self.at_risk or self.incidents)
        return self.changed or bool(self.at_risk) or bool(self.attention)


@dataclass
class Share:
    """A set of placements with what every reader of exactly that set is told alike (computed once per set)."""

    by_id: dict[int, PlacementHealth]
    levels: dict[str, int]  # placements not on track
    at_risk: list[PlacementHealth]
    attention: int
    stored: dict[str, list[int]] = field(default_factory=dict)  # the levels as DigestSent keeps them


class RowIndex:
    """The rows by school and by supervisor, so that each recipient's share is found without scanning them all;
    the coordinators of one school share one Share."""

    def __init__(self, rows: list[PlacementHealth]):
        self.by_school = defaultdict(list)
        self.by_supervisor = defaultdict(list)
        self.shares = {}
        for row in rows:  # read by need: every list below keeps that order
            self.by_school[row.placement.school_id].append(row)
            self.by_supervisor[row.placement.supervisor_id].append(row)
        self.order = {row.placement_id: number for number, row in enumerate(rows)}

    def of(self, recipient: Recipient) -> Share:
        supervised = tuple(
            row.placement_id for row in self.by_supervisor.get(recipient.user.pk, ()) if recipient.sees(row)
        )
        key = (frozenset(recipient.coordinated), supervised)
        if key not in self.shares:
            found = {}
            for school_id in recipient.coordinated:
                found.update((row.placement_id, row) for row in self.by_school.get(school_id, ()))
            for row in self.by_supervisor.get(recipient.user.pk, ()):
                if row.placement_id in supervised:
                    found[row.placement_id] = row
            mine = sorted(found.values(), key=lambda row: self.order[row.placement_id])
            levels = {str(row.placement_id): row.level for row in mine if row.level != HealthLevel.ON_TRACK}
            self.shares[key] = Share(
                by_id=found,
                levels=levels,
                at_risk=[row for row in mine if row.level == HealthLevel.AT_RISK],
                attention=sum(1 for row in mine if row.level == HealthLevel.ATTENTION),
                stored=stored_levels(levels),
            )
        return self.shares[key]


def digest_for(recipient: Recipient, index: RowIndex, incidents_by_placement: dict) -> Digest:
    share = index.of(recipient)
    became = defaultdict(list)
    if recipient.previous is not None:
        # Only placements not on track last week or now can have changed: no walk over all of them.
        for placement_id in sorted(set(recipient.previous) | set(share.levels), key=int):
            row = share.by_id.get(int(placement_id))
            if row is not None and recipient.previous.get(placement_id, HealthLevel.ON_TRACK) != row.level:
                became[row.level].append(row)
    incidents = [
        (incident, share.by_id[placement_id])
        for placement_id, found in incidents_by_placement.items()
        if placement_id in share.by_id
        for incident in found
    ]
    return Digest(
        became=dict(became),
        incidents=incidents,
        at_risk=share.at_risk,
        attention=share.attention,
        levels=share.stored,
    )

"""The dashboard: what each role needs to see today, gathered from every app's panel module.

Every panel costs a fixed number of queries, however big the school. Archived placements are out of sight here:
their lists and counts leave them out (the placement list shows them on request).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import Membership, Role, User
from accounts.selectors import roles_of
from assessments.dashboard import assessments_todo
from meetings.dashboard import meetings_todo
from mentoring.dashboard import coaching_todo
from oversight.health.selectors import level_counts, school_overview
from placements.models import Placement
from placements.recruitment.dashboard import recruitment_todo
from placements.selectors import placements_visible_to
from registry.dashboard import registry_todo

LIST_LIMIT = 10
SOON_DAYS = 14


@dataclass
class Panel:
    role: str
    counts: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)


def _status_counts(placements) -> dict:
    statuses = Placement.Status
    return placements.aggregate(
        total=Count("pk"),
        planned=Count("pk", filter=Q(status=statuses.PLANNED)),
        active=Count("pk", filter=Q(status=statuses.ACTIVE)),
        completed=Count("pk", filter=Q(status=statuses.COMPLETED)),
        ended_early=Count("pk", filter=Q(status=statuses.ENDED_EARLY)),
    )


def _soon(placements, date_field: str, today) -> list[Placement]:
    window = {f"{date_field}__gte": today, f"{date_field}__lte": today + timedelta(days=SOON_DAYS)}
    return list(placements.ongoing().filter(**window).with_people().order_by(date_field, "pk")[:LIST_LIMIT])


def _learner_panel(user: User, today) -> Panel:
    mine = Placement.objects.not_archived().filter(learner=user).with_people().order_by("-start_date")
    placements = list(mine[:LIST_LIMIT])
    current = next((p for p in placements if p.status == Placement.Status.ACTIVE), None) or next(
        (p for p in placements if p.status == Placement.Status.PLANNED), None
    )
    return Panel(role=Role.LEARNER, lists={"current": current, "placements": placements})


def _mentor_panel(user: User, today) -> Panel:
    mentored = Placement.objects.not_archived().filter(mentor=user)
    return Panel(
        role=Role.MENTOR,
        counts=_status_counts(mentored),
        lists={
            "open": list(mentored.ongoing().with_people().order_by("status", "end_date")[:LIST_LIMIT]),
            "ending": _soon(mentored, "end_date", today),
        },
    )


def _teacher_panel(user: User, today) -> Panel:
    supervised = Placement.objects.not_archived().filter(supervisor=user)
    return Panel(
        role=Role.TEACHER,
        counts=_status_counts(supervised),
        lists={
            "open": list(supervised.ongoing().with_people().order_by("status", "end_date")[:LIST_LIMIT]),
            "starting": _soon(supervised, "start_date", today),
        },
    )


def _coordinator_panel(user: User, today) -> Panel:
    school_ids = roles_of(user).schools_as(Role.COORDINATOR)
    placements = Placement.objects.not_archived().filter(school_id__in=school_ids)
    counts = _status_counts(placements)
    counts["companies"] = placements.ongoing().values("company").distinct().count()
    counts["learners_without_placement"] = (
        Membership.objects.filter(role=Role.LEARNER, school_id__in=school_ids, ended_at__isnull=True)
        .exclude(user__placements_as_learner__status__in=Placement.OPEN_STATUSES)
        .values("user")
        .distinct()
        .count()
    )
    counts["health"] = level_counts(school_overview(user).filter(school_id__in=school_ids))
    return Panel(
        role=Role.COORDINATOR,
        counts=counts,
        lists={"starting": _soon(placements, "start_date", today), "ending": _soon(placements, "end_date", today)},
    )


def _company_admin_panel(user: User, today) -> Panel:
    company_ids = roles_of(user).companies_as(Role.COMPANY_ADMIN)
    placements = Placement.objects.not_archived().filter(company_id__in=company_ids)
    counts = _status_counts(placements)
    counts["mentors"] = (
        Membership.objects.filter(role=Role.MENTOR, company_id__in=company_ids, ended_at__isnull=True)
        .values("user")
        .distinct()
        .count()
    )
    return Panel(
        role=Role.COMPANY_ADMIN,
        counts=counts,
        lists={"open": list(placements.ongoing().with_people().order_by("status", "end_date")[:LIST_LIMIT])},
    )


def _staff_panel(user: User, today) -> Panel:
    return Panel(role="staff", counts=_status_counts(placements_visible_to(user).not_archived()))


_PANELS = {
    Role.LEARNER: _learner_panel,
    Role.MENTOR: _mentor_panel,
    Role.TEACHER: _teacher_panel,
    Role.COORDINATOR: _coordinator_panel,
    Role.COMPANY_ADMIN: _company_admin_panel,
}


def dashboard_panels(user: User) -> list[Panel]:
    today = timezone.localdate()
    roles = roles_of(user)
    panels = [_PANELS[role](user, today) for role in roles.roles]
    if roles.is_staff:
        panels.append(_staff_panel(user, today))
    return panels


def dashboard_context(user: User) -> dict:
    """Everything the dashboard shows the person: the placement panels of their roles and each app's to-do."""
    return {
        "panels": dashboard_panels(user),
        "todo": coaching_todo(user),
        "registry_todo": registry_todo(user),
        "meetings_todo": meetings_todo(user),
        "assessments_todo": assessments_todo(user),
        "recruitment_todo": recruitment_todo(user),
    }

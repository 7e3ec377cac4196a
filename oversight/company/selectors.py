"""A company admin's view of their placements' health: no coaching content, which stays personal.

Only the signals about what the company and the school arrange together are named (hours, meetings and minutes,
signatures, the agreement, the mentor's certificate); coaching sessions, goals and incidents stay between the
learner, the mentor and the school, and show only as the placement's overall level. Mentors' certificate status
comes from one query with the latest valid date per mentor.
"""

from django.db.models import Exists, Max, OuterRef, Q, QuerySet, Subquery

from accounts.models import Membership, Role, User
from accounts.selectors import roles_of
from registry.models import Certificate

from ..health.selectors import WITH_PEOPLE, health_visible_to
from ..health.signals import BY_CODE
from ..models import PlacementHealth

SHARED_SIGNALS = ("hours_behind", "no_meeting", "minutes_open", "signatures_overdue", "agreement", "certificate")


def can_read_company_view(user: User) -> bool:
    return bool(roles_of(user).companies_as(Role.COMPANY_ADMIN))


def company_health(user: User) -> QuerySet[PlacementHealth]:
    companies = roles_of(user).companies_as(Role.COMPANY_ADMIN)
    return (
        health_visible_to(user)
        .filter(computed_at__isnull=False, placement__company_id__in=companies)
        .select_related(*WITH_PEOPLE)
        .order_by("-level", "placement__learner__last_name", "placement__learner__first_name", "placement_id")
    )


def shared_signals(health: PlacementHealth) -> list[str]:
    """The names (never the facts) of the tripped signals a company may read."""
    return [str(BY_CODE[code].label) for code in SHARED_SIGNALS if code in health.details]


def mentors_with_certificates(user: User) -> QuerySet[User]:
    """The company's current work mentors with their latest valid certificate date (None: none or expired)."""
    companies = roles_of(user).companies_as(Role.COMPANY_ADMIN)
    held = Certificate.objects.filter(holder=OuterRef("pk"), revoked_at__isnull=True).order_by().values("holder")
    return (
        User.objects.filter(
            Exists(
                Membership.objects.filter(
                    user=OuterRef("pk"), role=Role.MENTOR, company_id__in=companies, ended_at__isnull=True
                )
            )
        )
        .annotate(certificate_until=Subquery(held.annotate(value=Max("valid_until")).values("value")[:1]))
        .filter(Q(is_active=True))
        .order_by("last_name", "first_name", "pk")
    )

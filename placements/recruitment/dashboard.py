"""Recruitment on the dashboard: scores someone owes, openings a company admin runs, a learner's applications."""

from django.db.models import Count, Exists, OuterRef, Q

from accounts.models import Role, User
from accounts.selectors import roles_of

from ..models import Candidate, Opening, ScoreSheet
from .selectors import learner_view

LIMIT = 10


def recruitment_todo(user: User) -> dict:
    roles = roles_of(user)
    todo: dict = {}
    if roles.has(Role.MENTOR) or roles.has(Role.COMPANY_ADMIN):
        submitted = ScoreSheet.objects.filter(candidate=OuterRef("pk"), interviewer=user, submitted_at__isnull=False)
        todo["to_score"] = list(
            Candidate.objects.filter(
                opening__interviewers=user,
                opening__status=Opening.Status.PUBLISHED,
                status=Candidate.Status.OPEN,
            )
            .exclude(Exists(submitted))
            .select_related("opening__company")
            .order_by("opening__start_date", "alias")[:LIMIT]
        )
    if roles.has(Role.COMPANY_ADMIN):
        todo["openings"] = list(
            Opening.objects.filter(
                company_id__in=roles.companies_as(Role.COMPANY_ADMIN),
                status__in=(Opening.Status.DRAFT, Opening.Status.PUBLISHED),
            )
            .annotate(open_candidates=Count("candidates", filter=Q(candidates__status=Candidate.Status.OPEN)))
            .select_related("company")
            .order_by("start_date", "pk")[:LIMIT]
        )
    if roles.has(Role.LEARNER):
        # Through learner_view: a decision the company has not sent yet is not shown to the learner.
        todo["applications"] = [
            learner_view(candidate)
            for candidate in Candidate.objects.filter(learner=user)
            .exclude(status=Candidate.Status.WITHDRAWN)
            .select_related("opening__company")
            .order_by("-created_at")[:LIMIT]
        ]
    todo["any"] = any(todo.values())
    return todo

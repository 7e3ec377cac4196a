"""Reads of the mentor's growth: everything is the mentor's own; anyone else's answers 404.

Like the development log, the plan, the self-assessments and the feedback are personal: the
employer, the school and staff do not see them; the mentor may share what they choose in a conversation.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from accounts.models import Role, User
from accounts.selectors import roles_of
from core.signing import SignedLink

from ..models import DevelopmentGoal, DevelopmentPlan, FeedbackRequest, SelfAssessment
from .profile import Profile


def can_keep_growth_plan(user: User) -> bool:
    return roles_of(user).has(Role.MENTOR)


def plan_of(user: User) -> DevelopmentPlan | None:
    return DevelopmentPlan.objects.filter(mentor=user).first()


def goals_of(user: User) -> QuerySet[DevelopmentGoal]:
    return DevelopmentGoal.objects.filter(plan__mentor=user).order_by("created_at", "pk")


def goal_for_user(user: User, pk: int) -> DevelopmentGoal:
    return get_object_or_404(DevelopmentGoal, pk=pk, plan__mentor=user)


def self_assessments_of(user: User) -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.filter(mentor=user).order_by("-created_at", "-pk")


def self_assessment_for_user(user: User, pk: int) -> SelfAssessment:
    return get_object_or_404(SelfAssessment, pk=pk, mentor=user)


def feedback_requests_of(user: User) -> QuerySet[FeedbackRequest]:
    return FeedbackRequest.objects.filter(mentor=user).order_by("-created_at", "-pk")


def feedback_request_for_user(user: User, pk: int) -> FeedbackRequest:
    return get_object_or_404(FeedbackRequest, pk=pk, mentor=user)


# --- comparing self-assessments -------------------------------------------------------------------------


@dataclass
class ComparisonRow:
    item: object  # ProfileItem
    scores: list[int | None]

    @property
    def change(self) -> int | None:
        """Last score minus first score, when both moments scored the item."""
        first, last = self.scores[0], self.scores[-1]
        return None if first is None or last is None else last - first

    @property
    def below_minimum(self) -> bool:
        minimum = getattr(self.item, "minimum", None)
        last = self.scores[-1]
        return minimum is not None and last is not None and last < minimum


def compare(profile: Profile, assessments: Iterable[SelfAssessment]) -> list[ComparisonRow]:
    """Per profile item the scores of the given assessments, oldest first ("then" → "now")."""
    ordered = sorted(assessments, key=lambda a: (a.created_at, a.pk))
    return [ComparisonRow(item, [_score(a.scores.get(item.key)) for a in ordered]) for item in profile.items]


def _score(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# --- the feedback summary ---------------------------------------------------------------------------------


@dataclass
class FeedbackLine:
    item: object  # ProfileItem
    scores: list[int] = field(default_factory=list)

    @property
    def average(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


def feedback_summary(profile: Profile, requests: Iterable[FeedbackRequest]) -> tuple[list[FeedbackLine], list]:
    """Per competency the average of the answered requests' scores, and the comments (newest first)."""
    answered = [r for r in requests if r.answered_at]
    lines = {item.key: FeedbackLine(item) for item in profile.items}
    for request in answered:
        for key, value in request.scores.items():
            if key in lines and _score(value) is not None:
                lines[key].scores.append(value)
    comments = [r for r in sorted(answered, key=lambda r: r.answered_at, reverse=True) if r.comment]
    return [line for line in lines.values() if line.scores], comments


# --- the signed link of a feedback request ----------------------------------------------------------------


def _request_for_link(pk: int) -> FeedbackRequest | None:
    return FeedbackRequest.objects.select_related("mentor").filter(pk=pk).first()


FEEDBACK_LINK = SignedLink[FeedbackRequest](
    salt="assessments.growth.feedback",
    max_age=timedelta(days=30),
    load=_request_for_link,
    # The e-mail address: a request corrected to another address stops the first link.
    version=lambda request: request.email.lower(),
    expired_message=gettext_lazy("This link has expired. Ask the work mentor to send the request again."),
    outdated_message=gettext_lazy("This request has been withdrawn by the work mentor."),
)

"""Writes of the mentor's growth: the plan and its goals, self-assessments, feedback requests and answers."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.outbox import enqueue

from ..models import DevelopmentGoal, DevelopmentPlan, FeedbackRequest, SelfAssessment
from .profile import Profile

GOAL_FIELDS = ("profile_item", "goal", "actions", "due_on", "status")
MAX_FEEDBACK_ITEMS = 6


@transaction.atomic
def plan_save(*, mentor: User, ambition: str) -> DevelopmentPlan:
    plan, _created = DevelopmentPlan.objects.select_for_update().get_or_create(mentor=mentor)
    plan.ambition = ambition.strip()
    plan.save()
    return plan


def _goal_check(profile: Profile, goal: DevelopmentGoal) -> None:
    if goal.profile_item not in profile.by_key():
        raise ValidationError({"profile_item": _("Choose a competency of the coach profile.")})
    goal.goal = (goal.goal or "").strip()
    goal.actions = (goal.actions or "").strip()
    goal.full_clean(exclude=["plan"])


@transaction.atomic
def goal_create(*, mentor: User, profile: Profile, data: dict) -> DevelopmentGoal:
    plan, _created = DevelopmentPlan.objects.get_or_create(mentor=mentor)
    goal = DevelopmentGoal(plan=plan, **{name: data[name] for name in GOAL_FIELDS if name in data})
    _goal_check(profile, goal)
    goal.save()
    return goal


@transaction.atomic
def goal_update(*, goal: DevelopmentGoal, profile: Profile, data: dict) -> DevelopmentGoal:
    for name in GOAL_FIELDS:
        if name in data:
            setattr(goal, name, data[name])
    _goal_check(profile, goal)
    goal.save()
    return goal


@transaction.atomic
def goal_delete(*, goal: DevelopmentGoal) -> None:
    goal.delete()


def _scores_check(profile: Profile, scores: dict, *, keys, required: bool) -> dict:
    """Whole numbers within each item's scale, for known keys only; `required` asks for every key."""
    items = profile.by_key()
    clean = {}
    for key in keys:
        value = scores.get(key)
        if value in (None, ""):
            if required:
                raise ValidationError(_("Give a score for every item."))
            continue
        item = items.get(key)
        if item is None or isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= item.scale:
            raise ValidationError(_("A score is outside the scale."))
        clean[key] = value
    return clean


@transaction.atomic
def self_assessment_create(*, mentor: User, profile: Profile, scores: dict, reflection: str = "") -> SelfAssessment:
    """Record a new self-assessment; earlier ones stay as they were, so the mentor can compare."""
    if profile.version is None:
        raise ValidationError(_("The coach competency profile is not installed."))
    keys = [item.key for item in profile.items]
    clean = _scores_check(profile, scores, keys=keys, required=True)
    return SelfAssessment.objects.create(
        mentor=mentor, version=profile.version, scores=clean, reflection=reflection.strip()
    )


# --- feedback ------------------------------------------------------------------------------------------------


@transaction.atomic
def feedback_request_create(*, mentor: User, profile: Profile, data: dict) -> FeedbackRequest:
    """Ask someone for feedback on a few competencies; the e-mail with the link goes through the outbox."""
    from .tasks import send_feedback_request

    items = list(dict.fromkeys(data.get("items") or []))
    competencies = {item.key for item in profile.competencies}
    if not items or len(items) > MAX_FEEDBACK_ITEMS or not set(items) <= competencies:
        raise ValidationError({"items": _("Choose between 1 and %(max)s competencies.") % {"max": MAX_FEEDBACK_ITEMS}})
    email = (data.get("email") or "").strip().lower()
    if email == (mentor.email or "").lower():
        raise ValidationError({"email": _("Ask someone else: this is your own e-mail address.")})
    request = FeedbackRequest(
        mentor=mentor,
        name=(data.get("name") or "").strip(),
        email=email,
        relation=data.get("relation") or "",
        items=items,
        message=(data.get("message") or "").strip(),
    )
    request.full_clean(exclude=["items", "scores"])  # checked above; empty until answered
    request.save()
    enqueue(send_feedback_request, request.pk)
    return request


@transaction.atomic
def feedback_request_withdraw(*, request: FeedbackRequest) -> None:
    """Take back an unanswered request (its link stops working); an answer stays the mentor's to read."""
    if request.answered_at:
        raise ValidationError(_("This request has been answered; the answer stays in your summary."))
    request.delete()


@transaction.atomic
def feedback_answer(*, request: FeedbackRequest, profile: Profile, scores: dict, comment: str) -> FeedbackRequest:
    """Store the answer once: a second answer (a reused link, a form sent twice) is refused."""
    locked = FeedbackRequest.objects.select_for_update().get(pk=request.pk)
    if locked.answered_at:
        raise ValidationError(_("This request has already been answered. Thank you!"))
    clean = _scores_check(profile, scores, keys=locked.items, required=False)
    comment = comment.strip()
    if not clean and not comment:
        raise ValidationError(_("Give at least one score or a comment."))
    locked.scores, locked.comment, locked.answered_at = clean, comment, timezone.now()
    locked.save(update_fields=["scores", "comment", "answered_at"])
    return locked

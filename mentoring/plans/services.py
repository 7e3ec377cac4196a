"""Writing the coaching plan: drafting by the mentor, attuning by the school supervisor, and its versions.

Changing what the plan says (manner of coaching, goal definitions with their linked competencies,
milestones) after it was submitted or approved sends it back to draft, so it needs approval again.
Tracking a goal (status, progress, next review) or marking a milestone reached is follow-up, not a change
of the agreement.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from placements.models import Placement

from ..models import CoachingPlan, LearningGoal, Milestone, PlanVersion
from ..schedule.services import planned_sessions_generate

PLAN_FIELDS = ("coaching_frequency", "session_interval_weeks", "coaching_forms", "learning_style", "energisers")
GOAL_FIELDS = ("title", "success_measure", "target_date", "rationale")
TRACKING_FIELDS = ("status", "progress", "next_review")


def plan_for_placement(placement: Placement) -> CoachingPlan:
    plan, _created = CoachingPlan.objects.get_or_create(placement=placement)
    return plan


def _plan_changed(plan: CoachingPlan, by: User) -> None:
    if plan.status == CoachingPlan.Status.SUBMITTED:
        plan.versions.filter(decision=PlanVersion.Decision.PENDING).update(decision=PlanVersion.Decision.SUPERSEDED)
    if plan.status in (CoachingPlan.Status.SUBMITTED, CoachingPlan.Status.APPROVED):
        plan.status = CoachingPlan.Status.DRAFT
    plan.updated_by = by
    plan.save()


@transaction.atomic
def plan_update(*, plan: CoachingPlan, data: dict, by: User) -> CoachingPlan:
    for field in PLAN_FIELDS:
        if field in data:
            setattr(plan, field, data[field])
    _plan_changed(plan, by)
    # The schedule follows the plan's working copy: the learner and mentor meet as agreed while it is attuned.
    planned_sessions_generate(placement=plan.placement, interval_weeks=plan.session_interval_weeks)
    return plan


@transaction.atomic
def goal_save(*, plan: CoachingPlan, data: dict, by: User, goal: LearningGoal | None = None) -> LearningGoal:
    goal = goal or LearningGoal(plan=plan, position=plan.goals.count())
    for field in GOAL_FIELDS:
        setattr(goal, field, data[field])
    goal.save()
    # The linked competencies are part of the goal's definition; callers that do not offer them keep them.
    if "competencies" in data:
        goal.competencies.set(data["competencies"])
    _plan_changed(plan, by)
    return goal


@transaction.atomic
def goal_delete(*, goal: LearningGoal, by: User) -> None:
    plan = goal.plan
    goal.delete()
    _plan_changed(plan, by)


def goal_track(*, goal: LearningGoal, data: dict) -> LearningGoal:
    for field in TRACKING_FIELDS:
        setattr(goal, field, data[field])
    if goal.status == LearningGoal.Status.ACHIEVED:
        goal.progress = 100
    goal.save(update_fields=list(TRACKING_FIELDS))
    return goal


@transaction.atomic
def milestone_save(*, plan: CoachingPlan, data: dict, by: User) -> Milestone:
    milestone = Milestone.objects.create(plan=plan, title=data["title"], due_date=data["due_date"])
    _plan_changed(plan, by)
    return milestone


@transaction.atomic
def milestone_delete(*, milestone: Milestone, by: User) -> None:
    plan = milestone.plan
    milestone.delete()
    _plan_changed(plan, by)


def milestone_reached(*, milestone: Milestone, reached: bool) -> Milestone:
    milestone.reached_on = timezone.localdate() if reached else None
    milestone.save(update_fields=["reached_on"])
    return milestone


def plan_snapshot(plan: CoachingPlan) -> dict:
    return {
        "coaching_frequency": plan.coaching_frequency,
        "session_interval_weeks": plan.session_interval_weeks,
        "coaching_forms": list(plan.coaching_forms),
        "learning_style": plan.learning_style,
        "energisers": plan.energisers,
        "goals": [
            {
                "title": goal.title,
                "success_measure": goal.success_measure,
                "target_date": goal.target_date.isoformat(),
                "rationale": goal.rationale,
                "competencies": [
                    {
                        "id": competency.pk,
                        "code": competency.code,
                        "title_en": competency.title_en,
                        "title_nl": competency.title_nl,
                    }
                    for competency in goal.competencies.all()
                ],
            }
            for goal in plan.goals.prefetch_related("competencies")
        ],
        "milestones": [
            {"title": milestone.title, "due_date": milestone.due_date.isoformat()}
            for milestone in plan.milestones.all()
        ],
    }


@transaction.atomic
def plan_submit(*, plan: CoachingPlan, by: User) -> PlanVersion:
    plan = CoachingPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == CoachingPlan.Status.SUBMITTED:
        raise ValidationError(_("This plan is already waiting for approval."))
    if plan.status == CoachingPlan.Status.APPROVED:
        raise ValidationError(_("This plan is approved and has not changed since."))
    if not plan.goals.exists():
        raise ValidationError(_("Add at least one learning goal before submitting the plan."))
    number = (plan.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    version = PlanVersion.objects.create(
        plan=plan, number=number, snapshot=plan_snapshot(plan), submitted_by=by, submitted_at=timezone.now()
    )
    plan.status = CoachingPlan.Status.SUBMITTED
    plan.save(update_fields=["status", "updated_at"])
    return version


@transaction.atomic
def plan_decide(*, plan: CoachingPlan, by: User, approve: bool, comment: str = "") -> PlanVersion:
    plan = CoachingPlan.objects.select_for_update().get(pk=plan.pk)
    version = plan.versions.filter(decision=PlanVersion.Decision.PENDING).first()
    if plan.status != CoachingPlan.Status.SUBMITTED or version is None:
        raise ValidationError(_("There is no submitted version waiting for a decision."))
    if not approve and not comment.strip():
        raise ValidationError(_("Say which changes you would like to see."))
    version.decision = PlanVersion.Decision.APPROVED if approve else PlanVersion.Decision.CHANGES_REQUESTED
    version.decision_comment = comment.strip()
    version.decided_by = by
    version.decided_at = timezone.now()
    version.save()
    plan.status = CoachingPlan.Status.APPROVED if approve else CoachingPlan.Status.CHANGES_REQUESTED
    plan.save(update_fields=["status", "updated_at"])
    return version

"""Demo coaching trajectories: plans in every state, an accepted agreement, sessions with agreements."""

from datetime import timedelta

from django.utils import timezone

from mentoring.agreements.services import agreement_initial
from mentoring.models import ActionItem, CoachingPlan, CoachingSession, LearningGoal, MentoringAgreement, Milestone
from mentoring.plans.services import plan_decide, plan_for_placement, plan_submit
from mentoring.schedule.services import planned_sessions_generate
from placements.models import Placement

from .coaching_texts import FREQUENCY, LEARNING_STYLE, MILESTONE
from .trades import trade_of


def _seed_plan(placement: Placement, today, approve: bool) -> CoachingPlan:
    plan = plan_for_placement(placement)
    if plan.goals.exists():
        return plan
    trade = trade_of(placement)
    plan.coaching_frequency = str(FREQUENCY)
    plan.session_interval_weeks = 1  # as FREQUENCY says; the schedule page and the calendar show them
    plan.coaching_forms = ["on_the_job", "in_person"]
    plan.learning_style = str(LEARNING_STYLE)
    plan.energisers = str(trade.energisers)
    plan.save()
    planned_sessions_generate(placement=placement, interval_weeks=plan.session_interval_weeks)
    for position, goal in enumerate(trade.goals):
        LearningGoal.objects.create(
            plan=plan,
            title=str(goal.title),
            success_measure=str(goal.measure),
            target_date=min(placement.end_date, today + timedelta(days=30 * (position + 1))),
            rationale=str(goal.why),
            position=position,
            progress=[60, 30, 10][position],
            status=["on_track", "at_risk", "on_track"][position],
            next_review=today + timedelta(days=7),
        )
    Milestone.objects.create(plan=plan, title=str(MILESTONE), due_date=today + timedelta(days=30))
    plan_submit(plan=plan, by=placement.mentor)
    if approve:
        plan_decide(plan=plan, by=placement.supervisor, approve=True)
    return plan


def _seed_sessions(placement: Placement, today) -> None:
    trade = trade_of(placement)
    goals = list(LearningGoal.objects.filter(plan__placement=placement))
    for index, (offset, text) in enumerate(zip((-21, -14, -7), trade.sessions, strict=True)):
        # Found in either language, so running the demo in the other language adds no second session.
        if CoachingSession.objects.filter(placement=placement, activities__in=text.activities.both).exists():
            continue
        session = CoachingSession.objects.create(
            placement=placement,
            activities=str(text.activities),
            date=max(placement.start_date, today + timedelta(days=offset)),
            duration_minutes=30,
            coached_by=placement.mentor,
            went_well=str(text.went_well),
            to_improve=str(text.to_improve),
            created_by=placement.mentor,
            learner_reflection=str(trade.reflection) if index == 0 else "",
            reflection_at=timezone.now() if index == 0 else None,
        )
        session.goals.set(goals[index : index + 1])
    last = CoachingSession.objects.filter(placement=placement).order_by("-date").first()
    if last:
        for description, owner, due in (
            (trade.learner_action, placement.learner, today + timedelta(days=3)),
            (trade.mentor_action, placement.mentor, today - timedelta(days=1)),
        ):
            if not ActionItem.objects.filter(placement=placement, description__in=description.both).exists():
                ActionItem.objects.create(
                    placement=placement, description=str(description), session=last, owner=owner, due_date=due
                )


def seed(placements: list, today) -> None:
    active = [p for p in placements if p.status == Placement.Status.ACTIVE]
    for index, placement in enumerate(active):
        # One plan waits for the supervisor, so the demo shows the approval step too.
        _seed_plan(placement, today, approve=index % 3 != 1)
        _seed_sessions(placement, today)
        if index % 2 == 0:
            defaults = agreement_initial()
            agreement, created = MentoringAgreement.objects.get_or_create(placement=placement, defaults=defaults)
            if created:
                now = timezone.now()
                agreement.mentor_accepted_by = placement.mentor
                agreement.mentor_accepted_name = placement.mentor.get_full_name()
                agreement.mentor_accepted_at = now
                agreement.learner_accepted_by = placement.learner
                agreement.learner_accepted_name = placement.learner.get_full_name()
                agreement.learner_accepted_at = now
                agreement.save()

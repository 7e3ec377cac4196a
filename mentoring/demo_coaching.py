"""Demo coaching trajectories: plans in every state, an accepted agreement, sessions with agreements."""

from datetime import timedelta

from django.utils import timezone

from placements.models import Placement

from .models import ActionItem, CoachingPlan, CoachingSession, LearningGoal, MentoringAgreement, Milestone
from .services_agreements import agreement_initial
from .services_plans import plan_decide, plan_for_placement, plan_submit

GOALS = [
    (
        "Work hygienically according to the HACCP rules",
        "No remarks in two internal hygiene checks",
        "Food safety is the first thing a customer relies on.",
    ),
    (
        "Plan your own morning shift",
        "Three shifts in a row ready on time without help",
        "Independence is the aim of this level.",
    ),
    (
        "Give customers advice about products",
        "Mentor observes five conversations, four rated good",
        "Customer contact is part of the qualification.",
    ),
]

SESSIONS = [
    (
        -21,
        "Explained the dough schedule and the order of the morning.",
        "Arrived early and well prepared.",
        "Check the recipe card before weighing.",
    ),
    (
        -14,
        "Worked the oven together; learner led the second batch.",
        "Calm under time pressure.",
        "Ask earlier when unsure.",
    ),
    (
        -7,
        "Observed two customer conversations at the counter.",
        "Friendly, makes eye contact.",
        "Explain ingredients for allergies more precisely.",
    ),
]


def _seed_plan(placement: Placement, today, approve: bool) -> CoachingPlan:
    plan = plan_for_placement(placement)
    if plan.goals.exists():
        return plan
    plan.coaching_frequency = "Every week, 30 minutes on Friday"
    plan.coaching_forms = ["on_the_job", "in_person"]
    plan.learning_style = "Learns by doing first, then talking it through."
    plan.energisers = "Making something with their hands; compliments from customers."
    plan.save()
    for position, (title, measure, why) in enumerate(GOALS):
        LearningGoal.objects.create(
            plan=plan,
            title=title,
            success_measure=measure,
            target_date=min(placement.end_date, today + timedelta(days=30 * (position + 1))),
            rationale=why,
            position=position,
            progress=[60, 30, 10][position],
            status=["on_track", "at_risk", "on_track"][position],
            next_review=today + timedelta(days=7),
        )
    Milestone.objects.create(plan=plan, title="Mid-term evaluation", due_date=today + timedelta(days=30))
    plan_submit(plan=plan, by=placement.mentor)
    if approve:
        plan_decide(plan=plan, by=placement.supervisor, approve=True)
    return plan


def _seed_sessions(placement: Placement, today) -> None:
    goals = list(LearningGoal.objects.filter(plan__placement=placement))
    for index, (offset, done, well, improve) in enumerate(SESSIONS):
        date = max(placement.start_date, today + timedelta(days=offset))
        session, created = CoachingSession.objects.get_or_create(
            placement=placement,
            activities=done,
            defaults={
                "date": date,
                "duration_minutes": 30,
                "coached_by": placement.mentor,
                "went_well": well,
                "to_improve": improve,
                "created_by": placement.mentor,
                "learner_reflection": "I now read the recipe card first." if index == 0 else "",
                "reflection_at": timezone.now() if index == 0 else None,
            },
        )
        if created:
            session.goals.set(goals[index : index + 1])
    last = CoachingSession.objects.filter(placement=placement).order_by("-date").first()
    if last:
        ActionItem.objects.get_or_create(
            placement=placement,
            description="Write down the allergen questions customers asked this week",
            defaults={"session": last, "owner": placement.learner, "due_date": today + timedelta(days=3)},
        )
        ActionItem.objects.get_or_create(
            placement=placement,
            description="Arrange a tour of the flour supplier",
            defaults={"session": last, "owner": placement.mentor, "due_date": today - timedelta(days=1)},
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

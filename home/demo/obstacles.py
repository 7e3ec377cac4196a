"""Demo obstacles and incidents. Rows are written directly: a seed must never e-mail anyone."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from mentoring.models import Incident, Obstacle
from placements.models import Placement

DEMO_LEARNER = "learner@demo.werkmentor.nl"
DEMO_SUPERVISOR = "supervisor@demo.werkmentor.nl"

# (side, description, how to overcome it, support needed, status, written by: "mentor" or "learner")
OBSTACLES = [
    (
        Obstacle.Side.MENTOR,
        "Early-morning baking leaves little quiet time for coaching conversations.",
        "Plan a fixed half hour on Wednesday after the morning rush.",
        "The manager keeps that half hour free in the roster.",
        Obstacle.Status.IN_PROGRESS,
        "mentor",
    ),
    (
        Obstacle.Side.LEARNER,
        "I find it hard to ask for help when I do not understand a recipe.",
        "Write questions down during the shift and go through them at the end of the day.",
        "",
        Obstacle.Status.OPEN,
        "learner",
    ),
    (
        Obstacle.Side.ENVIRONMENT,
        "The shop is very busy on Saturdays, so there is no time to practise new skills.",
        "Practise decorating on Tuesdays, when production is lighter.",
        "A colleague covers the counter for an hour.",
        Obstacle.Status.OVERCOME,
        "mentor",
    ),
]

LATENESS = "Arrived 40 minutes late after missing the bus; did not call ahead."
LATENESS_ACTIONS = "Talked about it the same morning; agreed to call the bakery before 6:00 when running late."
ESCALATED = "Says colleagues make jokes about her accent every day and she no longer wants to come in."
ESCALATED_ACTIONS = "Listened, wrote down what she said and moved her to the decorating team for now."


def _day_in(placement: Placement, today: date, days_ago: int) -> date:
    return max(placement.start_date, min(today, today - timedelta(days=days_ago)))


def seed(placements: list, today) -> None:
    active = [p for p in placements if p.status == Placement.Status.ACTIVE]
    demo = next((p for p in active if p.learner.email == DEMO_LEARNER), None)
    if demo is not None:
        for side, description, how, support, status, author in OBSTACLES:
            Obstacle.objects.get_or_create(
                placement=demo,
                side=side,
                description=description,
                defaults={
                    "how_to_overcome": how,
                    "support_needed": support,
                    "status": status,
                    "created_by": demo.learner if author == "learner" else demo.mentor,
                },
            )
        Incident.objects.get_or_create(
            placement=demo,
            category=Incident.Category.LATENESS,
            description=LATENESS,
            defaults={
                "occurred_on": _day_in(demo, today, 6),
                "actions_taken": LATENESS_ACTIONS,
                "reported_by": demo.mentor,
            },
        )

    # An escalated incident on another learner's placement, preferably one the demo supervisor follows,
    # so the supervisor's dashboard has something to show.
    others = sorted(
        (p for p in active if p.learner.email != DEMO_LEARNER and p.start_date <= today), key=lambda p: p.pk
    )
    other = next((p for p in others if p.supervisor.email == DEMO_SUPERVISOR), others[0] if others else None)
    if other is not None:
        occurred_on = _day_in(other, today, 2)
        Incident.objects.get_or_create(
            placement=other,
            category=Incident.Category.BULLYING,
            description=ESCALATED,
            defaults={
                "occurred_on": occurred_on,
                "actions_taken": ESCALATED_ACTIONS,
                "reported_by": other.mentor,
                "escalated_at": timezone.make_aware(datetime.combine(occurred_on, time(15, 30))),
                "escalated_by": other.mentor,
            },
        )

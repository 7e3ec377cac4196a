"""Demo minutes of the demo learner's tripartite meeting three weeks ago, waiting for the learner's confirmation.

Rows are written directly, so the seed never e-mails anyone. Everything is created once and left alone after
that: a demo visitor who confirms the minutes keeps them confirmed when the demo is seeded again.
"""

import uuid
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from meetings.models import GoalProgress, Meeting, Minutes, MinutesConfirmation, Participant
from mentoring.models import ActionItem, LearningGoal
from placements.models import Placement

DEMO_LEARNER = "learner@demo.werkmentor.nl"
# The same UID as home/demo/meetings.py gives its held meeting, so both seeds end up with one meeting.
MEETINGS_NAMESPACE = uuid.UUID("6f1d7c1e-4b7a-4c55-9a43-6d2f3e0b8a10")

SUMMARY = (
    "Daan has settled in well at the bakery and is on time every morning. He works carefully with the dough "
    "and asks good questions. Hygiene still needs attention during the busiest hours. His hours are on schedule."
)
PROGRESS = [
    "Knows the HACCP rules; the first internal check had one remark about cleaning the proofer in time.",
    "Prepared two morning shifts on his own; the third one needed help with the oven schedule.",
]
AGREEMENT = "Make a checklist for cleaning the proofer and use it every shift"


def _held_meeting(placement: Placement, today) -> Meeting:
    """The earliest past, non-cancelled meeting of the placement; one three weeks ago if there is none."""
    now = timezone.now()
    held = (
        Meeting.objects.filter(placement=placement, starts_at__lt=now)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at", "pk")
        .first()
    )
    if held is not None:
        return held
    starts_at = timezone.make_aware(datetime.combine(today - timedelta(days=21), time(14, 0)))
    uid = uuid.uuid5(MEETINGS_NAMESPACE, f"{placement.learner.email}|{placement.company.name}|three-weeks-ago")
    meeting, _created = Meeting.objects.get_or_create(
        uid=uid,
        defaults={
            "placement": placement,
            "starts_at": starts_at,
            "status": Meeting.Status.CONFIRMED,
            "organiser": placement.supervisor,
            "location": f"{placement.company.name}, {placement.company.city}",
        },
    )
    for person, role in (
        (placement.learner, Participant.Role.LEARNER),
        (placement.mentor, Participant.Role.MENTOR),
        (placement.supervisor, Participant.Role.SUPERVISOR),
    ):
        Participant.objects.get_or_create(
            meeting=meeting,
            email=person.email,
            defaults={
                "user": person,
                "name": person.get_full_name(),
                "role": role,
                "response": Participant.Response.ACCEPTED,
                "responded_at": starts_at - timedelta(days=6),
            },
        )
    return meeting


def _next_meeting_at(meeting: Meeting):
    upcoming = (
        Meeting.objects.filter(placement_id=meeting.placement_id, starts_at__gt=timezone.now())
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("starts_at")
        .first()
    )
    return upcoming.starts_at if upcoming else None


def seed(placements: list, today) -> None:
    demo = next(
        (p for p in placements if p.status == Placement.Status.ACTIVE and p.learner.email == DEMO_LEARNER), None
    )
    if demo is None:
        return
    meeting = _held_meeting(demo, today)
    sent_at = meeting.starts_at + timedelta(days=1)
    minutes, created = Minutes.objects.get_or_create(
        meeting=meeting,
        defaults={
            "summary": SUMMARY,
            "status": Minutes.Status.AWAITING,
            "written_by": demo.mentor,
            "submitted_at": sent_at,
            "next_meeting_at": _next_meeting_at(meeting),
        },
    )
    if not created:
        return
    Minutes.objects.filter(pk=minutes.pk).update(written_at=sent_at - timedelta(hours=2))
    goals = LearningGoal.objects.filter(plan__placement=demo).filter(~Q(status=LearningGoal.Status.ACHIEVED))
    for goal, note in zip(goals.order_by("position", "pk")[:2], PROGRESS, strict=False):
        GoalProgress.objects.get_or_create(minutes=minutes, goal=goal, defaults={"note": note})
    ActionItem.objects.get_or_create(
        placement=demo,
        meeting=meeting,
        description=AGREEMENT,
        defaults={"owner": demo.learner, "due_date": timezone.localtime(meeting.starts_at).date() + timedelta(days=28)},
    )
    for participant in meeting.participants.exclude(user=demo.learner):
        confirmation, _new = MinutesConfirmation.objects.get_or_create(minutes=minutes, participant=participant)
        MinutesConfirmation.objects.filter(pk=confirmation.pk).update(confirmed_at=sent_at + timedelta(hours=3))

"""Demo tripartite meetings. Rows are written directly: a seed must never e-mail anyone.

Each demo meeting has a fixed UID derived from its placement's people, so a second run (also on another
day) updates the same rows instead of adding new ones.
"""

import uuid
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from meetings.models import Meeting, MeetingChange, Participant
from meetings.planning.selectors import agenda_from_coaching_plan
from placements.models import Placement

from .text import Text

DEMO_LEARNER = "learner@demo.werkmentor.nl"
DEMO_MENTOR = "mentor@demo.werkmentor.nl"
DEMO_SUPERVISOR = "supervisor@demo.werkmentor.nl"
NAMESPACE = uuid.UUID("6f1d7c1e-4b7a-4c55-9a43-6d2f3e0b8a10")

HELD_AGENDA = Text(
    """1. Welcome and how the placement is going
2. Open learning goals: progress since the start
3. Hours so far and the planning for the coming weeks
4. Agreements and the next meeting""",
    """1. Welkom en hoe de stage loopt
2. Openstaande leerdoelen: voortgang sinds de start
3. Uren tot nu toe en de planning voor de komende weken
4. Afspraken en de volgende bijeenkomst""",
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _meeting(placement: Placement, key: str, *, starts_at, status, agenda: str, pending_roles=()) -> Meeting:
    uid = uuid.uuid5(NAMESPACE, f"{placement.learner.email}|{placement.company.name}|{key}")
    meeting, _created = Meeting.objects.update_or_create(
        uid=uid,
        defaults={"placement": placement, "starts_at": starts_at, "status": status, "organiser": placement.supervisor},
        create_defaults={
            "placement": placement,
            "starts_at": starts_at,
            "status": status,
            "organiser": placement.supervisor,
            "location": f"{placement.company.name}, {placement.company.city}",
            "duration_minutes": 45,
            "agenda": agenda,
        },
    )
    people = [
        (placement.learner, Participant.Role.LEARNER),
        (placement.mentor, Participant.Role.MENTOR),
        (placement.supervisor, Participant.Role.SUPERVISOR),
    ]
    for person, role in people:
        pending = role in pending_roles
        Participant.objects.update_or_create(
            meeting=meeting,
            email=person.email,
            defaults={
                "user": person,
                "name": person.get_full_name(),
                "role": role,
                "response": Participant.Response.PENDING if pending else Participant.Response.ACCEPTED,
                "responded_at": None if pending else starts_at - timedelta(days=6),
            },
        )
    change, created = MeetingChange.objects.get_or_create(
        meeting=meeting,
        kind=MeetingChange.Kind.PLANNED,
        defaults={"new_starts_at": starts_at, "by": placement.supervisor},
    )
    # Planned about a week before it takes place, not at the moment the demo was seeded.
    MeetingChange.objects.filter(pk=change.pk).update(new_starts_at=starts_at, at=starts_at - timedelta(days=8))
    return meeting


def seed(placements: list, today) -> None:
    active = [p for p in placements if p.status == Placement.Status.ACTIVE]
    demo = next((p for p in active if p.learner.email == DEMO_LEARNER), None)
    if demo is not None:
        # The demo command runs the seeds in the demo's language, so the agenda's headings are in it too.
        agenda = agenda_from_coaching_plan(demo)
        _meeting(
            demo,
            "next-week",
            starts_at=_at(today + timedelta(days=7), 10),
            status=Meeting.Status.CONFIRMED,
            agenda=agenda,
        )
        _meeting(
            demo,
            "three-weeks-ago",
            starts_at=_at(today - timedelta(days=21), 14),
            status=Meeting.Status.CONFIRMED,
            agenda=str(HELD_AGENDA),
        )
    # Another placement the demo supervisor follows, preferably with the demo mentor, who has yet to answer.
    others = sorted(
        (p for p in active if p.supervisor.email == DEMO_SUPERVISOR and p.learner.email != DEMO_LEARNER),
        key=lambda p: (p.mentor.email != DEMO_MENTOR, p.pk),
    )
    if others:
        placement = others[0]
        agenda = agenda_from_coaching_plan(placement)
        _meeting(
            placement,
            "proposed",
            starts_at=_at(today + timedelta(days=10), 15),
            status=Meeting.Status.PROPOSED,
            agenda=agenda,
            pending_roles=(Participant.Role.MENTOR,),
        )

"""Small builders for minutes tests: a held meeting of the `world` placement, goals, and minutes."""

from datetime import timedelta

from django.utils import timezone

from meetings.models import Meeting, Participant
from meetings.services_minutes import Agreement, minutes_save
from mentoring.models import CoachingPlan, LearningGoal

GUEST_EMAIL = "jan@korenschoof.example"


def make_meeting(world, *, starts_at=None, status=Meeting.Status.CONFIRMED, placement=None, guest=False) -> Meeting:
    """A meeting of learner, mentor and supervisor (all accepted), two days ago unless told otherwise."""
    placement = placement or world.placement
    meeting = Meeting.objects.create(
        placement=placement,
        starts_at=starts_at or timezone.now() - timedelta(days=2),
        location="Bakkerij De Korenschoof, Oudegracht 201",
        status=status,
        cancelled_reason="The learner is ill." if status == Meeting.Status.CANCELLED else "",
        organiser=placement.supervisor,
    )
    for user, role in (
        (placement.learner, Participant.Role.LEARNER),
        (placement.mentor, Participant.Role.MENTOR),
        (placement.supervisor, Participant.Role.SUPERVISOR),
    ):
        Participant.objects.create(
            meeting=meeting,
            user=user,
            name=user.get_full_name(),
            email=user.email,
            role=role,
            response=Participant.Response.ACCEPTED,
        )
    if guest:
        add_guest(meeting)
    return meeting


def add_guest(meeting: Meeting, *, name="Jan Bakker", email=GUEST_EMAIL, **kwargs) -> Participant:
    """Someone without an account, such as the bakery's owner."""
    kwargs.setdefault("response", Participant.Response.ACCEPTED)
    return Participant.objects.create(
        meeting=meeting, user=None, name=name, email=email, role=Participant.Role.OTHER, **kwargs
    )


def make_goals(world, titles=("Kneads bread dough by hand", "Plans the oven schedule"), **kwargs) -> list[LearningGoal]:
    plan, _created = CoachingPlan.objects.get_or_create(placement=kwargs.pop("placement", world.placement))
    return [
        LearningGoal.objects.create(
            plan=plan,
            title=title,
            success_measure="The mentor sees it done well three times.",
            target_date=timezone.localdate() + timedelta(days=60),
            position=index,
            **kwargs,
        )
        for index, title in enumerate(titles)
    ]


def write_minutes(world, meeting, *, by=None, send=False, goals=(), agreements=None, **kwargs):
    """Minutes through the service, with one agreement for the learner unless told otherwise."""
    if agreements is None:
        agreements = [
            Agreement(
                item=None,
                description="Practise shaping baguettes every Friday",
                owner=world.learner,
                due_date=timezone.localdate() + timedelta(days=14),
            )
        ]
    return minutes_save(
        meeting=meeting,
        by=by or world.mentor,
        summary=kwargs.pop("summary", "Daan works carefully and asks good questions."),
        progress={goal: f"Progress on {goal.title.lower()}." for goal in goals},
        agreements=agreements,
        send=send,
        **kwargs,
    )


def form_data(*, summary="Daan works carefully.", action="draft", agreements=(), existing=(), **extra) -> dict:
    """POST data for minutes_edit: agreements are (description, owner pk, due date) rows after the existing ones."""
    rows = list(existing) + list(agreements)
    data = {
        "summary": summary,
        "next_meeting_at": "",
        "action": action,
        "agreements-TOTAL_FORMS": str(len(rows)),
        "agreements-INITIAL_FORMS": str(len(existing)),
        "agreements-MIN_NUM_FORMS": "0",
        "agreements-MAX_NUM_FORMS": "20",
    }
    for index, row in enumerate(rows):
        if index < len(existing):
            item, *change = row
            description, owner, due, *delete = change or (item.description, item.owner_id, item.due_date, False)
            data[f"agreements-{index}-id"] = str(item.pk)
            if delete and delete[0]:
                data[f"agreements-{index}-DELETE"] = "on"
        else:
            description, owner, due = row
        data[f"agreements-{index}-description"] = description
        data[f"agreements-{index}-owner"] = str(owner) if owner else ""
        data[f"agreements-{index}-due_date"] = str(due) if due else ""
    data.update(extra)
    return data

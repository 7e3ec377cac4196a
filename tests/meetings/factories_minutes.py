"""Builders for minutes tests: minutes written through the service and the minutes form's data."""

from datetime import timedelta

from django.utils import timezone

from meetings.minutes.services import Agreement, minutes_save


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

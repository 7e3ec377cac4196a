"""Moving and cancelling a meeting: history with the reason, a higher sequence, answers reset, finality."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, MeetingChange, Minutes, Participant
from notifications.models import Notification

from .factories_meetings import in_days, make_meeting, row, when_data


def move(client, meeting, user, when, reason="The mentor is on a course that day."):
    client.force_login(user)
    return client.post(reverse("meeting_reschedule", args=[meeting.pk]), {**when_data(when), "reason": reason})


def cancel(client, meeting, user, reason="The placement is paused."):
    client.force_login(user)
    return client.post(reverse("meeting_cancel", args=[meeting.pk]), {"reason": reason})


def test_moving_keeps_history_raises_the_sequence_and_asks_everyone_again(client, world):
    meeting = make_meeting(world, status=Meeting.Status.CONFIRMED, response=Participant.Response.ACCEPTED)
    Participant.objects.filter(pk=row(meeting, world.learner).pk).update(decline_reason="old note")
    old = meeting.starts_at
    new = in_days(9, hour=14)
    assert move(client, meeting, world.mentor, new).status_code == 302

    meeting.refresh_from_db()
    assert (meeting.starts_at, meeting.sequence, meeting.status) == (new, 1, Meeting.Status.PROPOSED)
    change = meeting.changes.get(kind=MeetingChange.Kind.RESCHEDULED)
    assert (change.old_starts_at, change.new_starts_at, change.by) == (old, new, world.mentor)
    assert change.reason == "The mentor is on a course that day."
    learner = row(meeting, world.learner)
    assert (learner.response, learner.decline_reason, learner.responded_at) == ("pending", "", None)
    assert row(meeting, world.supervisor).response == Participant.Response.PENDING
    assert row(meeting, world.mentor).response == Participant.Response.ACCEPTED  # who moved it chose the time

    page = client.get(reverse("meeting_detail", args=[meeting.pk])).text
    assert "The mentor is on a course that day." in page
    assert "Moved by Marieke de Vries" in page


def test_moving_needs_a_reason_and_a_future_time(client, world):
    meeting = make_meeting(world)
    response = move(client, meeting, world.supervisor, in_days(9), reason="")
    assert response.status_code == 200
    assert "This field is required." in response.text
    response = move(client, meeting, world.supervisor, timezone.now() - timedelta(days=2))
    assert response.status_code == 200
    assert "The time has to be in the future." in response.text
    response = move(client, meeting, world.supervisor, meeting.starts_at)
    assert "That is the time already planned" in response.text
    meeting.refresh_from_db()
    assert meeting.sequence == 0
    assert not meeting.changes.filter(kind=MeetingChange.Kind.RESCHEDULED).exists()


def test_moving_tells_the_others_in_the_app(client, world):
    meeting = make_meeting(world)
    move(client, meeting, world.supervisor, in_days(9))
    assert set(Notification.objects.values_list("user__email", flat=True)) == {
        "learner@example.org",
        "mentor@example.org",
    }
    assert Notification.objects.filter(text__startswith="Moved: the tripartite meeting about Daan Jansen").count() == 2


def test_cancelling_needs_a_reason(client, world):
    meeting = make_meeting(world)
    response = cancel(client, meeting, world.supervisor, reason="   ")
    assert response.status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PROPOSED


def test_cancelling_keeps_the_reason_in_the_history_and_raises_the_sequence(client, world):
    meeting = make_meeting(world)
    assert cancel(client, meeting, world.coordinator).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.cancelled_reason) == (
        Meeting.Status.CANCELLED,
        1,
        "The placement is paused.",
    )
    change = meeting.changes.get(kind=MeetingChange.Kind.CANCELLED)
    assert (change.old_starts_at, change.reason, change.by) == (
        meeting.starts_at,
        "The placement is paused.",
        world.coordinator,
    )
    assert Notification.objects.filter(level="essential", text__startswith="Cancelled:").count() == 3


def test_a_cancelled_meeting_cannot_be_changed_further(client, world):
    meeting = make_meeting(world)
    cancel(client, meeting, world.supervisor)
    for response in (
        move(client, meeting, world.supervisor, in_days(10)),
        cancel(client, meeting, world.supervisor, reason="Again"),
        client.get(reverse("meeting_reschedule", args=[meeting.pk])),
        client.get(reverse("meeting_cancel", args=[meeting.pk])),
    ):
        assert response.status_code == 400
        assert "This meeting has been cancelled and can no longer be changed." in response.text
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    assert meeting.changes.count() == 2
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).text
    assert "Move the meeting" not in page


def test_a_meeting_with_minutes_cannot_be_moved(client, world):
    meeting = make_meeting(world)
    Minutes.objects.create(meeting=meeting, summary="Went well.", written_by=world.mentor)
    response = move(client, meeting, world.supervisor, in_days(10))
    assert response.status_code == 400
    assert "has minutes" in response.text

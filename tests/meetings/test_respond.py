"""Answering an invitation in the app: accept, decline with a reason, or propose another (future) time."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, Participant
from meetings.planning.selectors import invitations_waiting_for
from notifications.models import Notification

from .factories_meetings import add_guest, in_days, make_meeting, row, when_data


def answer(client, meeting, user, **data):
    client.force_login(user)
    return client.post(reverse("meeting_respond", args=[meeting.pk]), data)


def test_declining_needs_a_reason(client, world):
    meeting = make_meeting(world)
    response = answer(client, meeting, world.learner, response="declined", reason="  ")
    assert response.status_code == 400
    assert "Please say why you cannot come." in response.text
    assert row(meeting, world.learner).response == Participant.Response.PENDING


def test_declining_with_a_reason_is_recorded(client, world):
    meeting = make_meeting(world)
    assert answer(client, meeting, world.learner, response="declined", reason="I have an exam").status_code == 302
    mine = row(meeting, world.learner)
    assert (mine.response, mine.decline_reason) == (Participant.Response.DECLINED, "I have an exam")
    assert mine.responded_at is not None
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).text
    assert "I have an exam" in page


def test_proposing_needs_a_time(client, world):
    meeting = make_meeting(world)
    response = answer(client, meeting, world.mentor, response="proposed")
    assert response.status_code == 400
    assert "Choose a date and time." in response.text
    assert row(meeting, world.mentor).response == Participant.Response.PENDING


def test_proposing_a_time_in_the_past_is_refused(client, world):
    meeting = make_meeting(world)
    past = timezone.now() - timedelta(days=1)
    response = answer(client, meeting, world.mentor, response="proposed", **when_data(past, "proposed_"))
    assert response.status_code == 400
    assert "The time has to be in the future." in response.text
    assert row(meeting, world.mentor).proposed_starts_at is None


def test_proposing_a_future_time_is_recorded_and_the_planner_can_follow_it(client, world):
    meeting = make_meeting(world)
    later = in_days(9, hour=15)
    response = answer(
        client, meeting, world.mentor, response="proposed", reason="Busy morning", **when_data(later, "proposed_")
    )
    assert response.status_code == 302
    mine = row(meeting, world.mentor)
    assert (mine.response, mine.proposed_starts_at) == (Participant.Response.PROPOSED, later)

    client.force_login(world.supervisor)
    page = client.get(reverse("meeting_detail", args=[meeting.pk])).text
    follow = reverse("meeting_reschedule", args=[meeting.pk]) + f"?proposal={mine.pk}"
    assert follow in page
    form = client.get(follow).context["form"]
    assert (str(form.initial["date"]), form.initial["time"].strftime("%H:%M")) == (
        timezone.localtime(later).date().isoformat(),
        "15:00",
    )


def test_an_answer_changes_only_your_own_row(client, world):
    meeting = make_meeting(world)
    guest = add_guest(meeting)
    answer(client, meeting, world.learner, response="accepted")
    answers = dict(meeting.participants.values_list("email", "response"))
    assert answers == {
        "learner@example.org": "accepted",
        "mentor@example.org": "pending",
        "supervisor@example.org": "pending",
        guest.email: "pending",
    }


def test_the_meeting_is_confirmed_once_learner_mentor_and_supervisor_all_accepted(client, world):
    meeting = make_meeting(world)
    add_guest(meeting)  # an optional guest's answer does not hold the meeting up
    for user in (world.learner, world.mentor):
        answer(client, meeting, user, response="accepted")
        meeting.refresh_from_db()
        assert meeting.status == Meeting.Status.PROPOSED
    answer(client, meeting, world.supervisor, response="accepted")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CONFIRMED


def test_a_later_decline_takes_the_confirmation_back(client, world):
    meeting = make_meeting(world, status=Meeting.Status.CONFIRMED, response=Participant.Response.ACCEPTED)
    answer(client, meeting, world.learner, response="declined", reason="Ill")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PROPOSED


def test_the_organiser_hears_about_a_decline_in_the_app_at_level_all_only(client, world):
    meeting = make_meeting(world)  # organised by the supervisor
    answer(client, meeting, world.learner, response="declined", reason="I have an exam")
    notice = Notification.objects.get(user=world.supervisor)
    assert notice.level == Notification.Level.NORMAL
    assert notice.text.startswith("Daan Jansen cannot come to the tripartite meeting about Daan Jansen")

    world.supervisor.notification_level = "essential"
    world.supervisor.save(update_fields=["notification_level"])
    answer(client, meeting, world.mentor, response="proposed", **when_data(in_days(12), "proposed_"))
    assert Notification.objects.filter(user=world.supervisor).count() == 1


def test_accepting_tells_nobody(client, world):
    meeting = make_meeting(world)
    answer(client, meeting, world.learner, response="accepted")
    assert not Notification.objects.exists()


def test_a_meeting_that_has_started_can_no_longer_be_answered(client, world):
    meeting = make_meeting(world, starts_at=timezone.now() - timedelta(hours=1))
    response = answer(client, meeting, world.learner, response="accepted")
    assert response.status_code == 400
    assert "already started" in response.text
    assert row(meeting, world.learner).response == Participant.Response.PENDING


def test_a_cancelled_meeting_can_no_longer_be_answered(client, world):
    meeting = make_meeting(world, status=Meeting.Status.CANCELLED)
    response = answer(client, meeting, world.learner, response="accepted")
    assert response.status_code == 400
    assert "has been cancelled" in response.text


def test_an_unknown_answer_is_refused(client, world):
    meeting = make_meeting(world)
    assert answer(client, meeting, world.learner, response="pending").status_code == 400
    assert answer(client, meeting, world.learner, response="maybe").status_code == 400


def test_answering_removes_the_invitation_from_the_waiting_list(client, world):
    meeting = make_meeting(world)
    assert [p.meeting for p in invitations_waiting_for(world.learner)] == [meeting]
    answer(client, meeting, world.learner, response="accepted")
    assert list(invitations_waiting_for(world.learner)) == []

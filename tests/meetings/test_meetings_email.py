"""Invitations go out through the Celery worker: one e-mail per participant, each with its .ics attached."""

from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from icalendar import Calendar

from meetings.models import Meeting, Participant
from meetings.planning.tasks import send_invitation
from tests.helpers import wait_for_mail

from .factories_meetings import in_days, make_meeting, plan_data, when_data


def calendar_of(message):
    (part,) = [a for a in message.attachments if getattr(a, "get_content_type", lambda: "")() == "text/calendar"]
    return part, Calendar.from_ical(part.get_content())


def by_recipient(outbox):
    return {message.to[0]: message for message in outbox}


def plan(client, world, **data):
    client.force_login(world.supervisor)
    response = client.post(reverse("meeting_new", args=[world.placement.pk]), plan_data(**data))
    assert response.status_code == 302
    return Meeting.objects.get(placement=world.placement)


def test_planning_sends_one_invitation_per_participant_with_the_calendar_attached(client, world, task_worker):
    meeting = plan(client, world, others="Jan Bakker, jan@korenschoof.example")
    messages = by_recipient(wait_for_mail(4))
    assert len(mail.outbox) == 4
    assert set(messages) == {
        "learner@example.org",
        "mentor@example.org",
        "supervisor@example.org",
        "jan@korenschoof.example",
    }
    for message in messages.values():
        assert message.subject.startswith("Invitation: tripartite meeting about Daan Jansen on ")
        part, calendar = calendar_of(message)
        assert part.get_param("method") == "REQUEST"
        assert part.get_filename() == "invite.ics"
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == f"{meeting.uid}@werkmentor"
        assert event.decoded("SEQUENCE") == 0
        assert event.decoded("DTSTART") == meeting.starts_at
        assert "/meetings/respond/" in message.body  # the personal link that needs no login

    detail = settings.SITE_URL + reverse("meeting_detail", args=[meeting.pk])
    assert detail in messages["mentor@example.org"].body
    assert detail not in messages["jan@korenschoof.example"].body  # no account, so no login page
    assert "Hello Jan Bakker," in messages["jan@korenschoof.example"].body
    assert "1. How is it going?" in messages["learner@example.org"].body


def test_the_link_in_the_email_lets_the_guest_answer(client, world, task_worker):
    meeting = plan(client, world, others="Jan Bakker, jan@korenschoof.example")
    body = by_recipient(wait_for_mail(4))["jan@korenschoof.example"].body
    link = next(line for line in body.splitlines() if "/meetings/respond/" in line).strip()
    client.logout()
    assert client.post(link.removeprefix(settings.SITE_URL), {"response": "accepted"}).status_code == 302
    assert meeting.participants.get(email="jan@korenschoof.example").response == Participant.Response.ACCEPTED


def test_moving_sends_updated_invitations_with_the_same_uid_and_a_higher_sequence(client, world, task_worker):
    meeting = plan(client, world)
    wait_for_mail(3)
    mail.outbox.clear()
    new = in_days(9, hour=14)
    client.post(reverse("meeting_reschedule", args=[meeting.pk]), {**when_data(new), "reason": "Exam week"})
    messages = by_recipient(wait_for_mail(3))
    assert len(mail.outbox) == 3
    for message in messages.values():
        assert message.subject.startswith("Moved: tripartite meeting about Daan Jansen")
        assert "Exam week" in message.body
        part, calendar = calendar_of(message)
        assert part.get_param("method") == "REQUEST"
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == f"{meeting.uid}@werkmentor"
        assert event.decoded("SEQUENCE") == 1
        assert event.decoded("DTSTART") == new


def test_cancelling_sends_a_cancelling_invitation_to_everyone(client, world, task_worker):
    meeting = plan(client, world)
    wait_for_mail(3)
    mail.outbox.clear()
    client.post(reverse("meeting_cancel", args=[meeting.pk]), {"reason": "The placement is paused."})
    messages = wait_for_mail(3)
    assert len(messages) == 3
    for message in messages:
        assert message.subject.startswith("Cancelled: tripartite meeting about Daan Jansen")
        assert "The placement is paused." in message.body
        part, calendar = calendar_of(message)
        assert part.get_param("method") == "CANCEL"
        assert part.get_filename() == "cancel.ics"
        assert str(calendar["METHOD"]) == "CANCEL"
        (event,) = calendar.walk("VEVENT")
        assert (str(event["UID"]), event.decoded("SEQUENCE"), str(event["STATUS"])) == (
            f"{meeting.uid}@werkmentor",
            1,
            "CANCELLED",
        )


def test_someone_who_wants_no_notifications_still_gets_the_invitation(client, world, task_worker):
    world.learner.notification_level = "none"
    world.learner.save(update_fields=["notification_level"])
    plan(client, world)
    assert "learner@example.org" in by_recipient(wait_for_mail(3))
    assert not world.learner.notifications.exists()


def test_the_invitation_is_in_the_participants_language(client, world, task_worker):
    world.learner.language = "nl"
    world.learner.save(update_fields=["language"])
    meeting = plan(client, world)
    body = by_recipient(wait_for_mail(3))["learner@example.org"].body
    with translation.override("nl"), timezone.override(settings.TIME_ZONE):
        dutch = formats.date_format(timezone.localtime(meeting.starts_at), "l j F Y")
    assert dutch in body


def test_a_queued_invitation_for_a_meeting_cancelled_since_is_not_sent(world):
    meeting = make_meeting(world, status=Meeting.Status.CANCELLED)
    participant = meeting.participants.first()
    assert send_invitation.run(meeting.pk, participant.pk, "REQUEST") is False
    assert send_invitation.run(meeting.pk, participant.pk, "CANCEL") is True
    assert len(mail.outbox) == 1

"""The "waiting for others" lists: minutes waiting for me, and minutes of mine waiting for someone else."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.minutes.selectors import minutes_waiting_for, minutes_waiting_on_others
from meetings.minutes.services import minutes_confirm
from meetings.models import Participant
from tests.factories import make_placement

from .factories_meetings import add_guest, held_meeting
from .factories_minutes import write_minutes


def test_minutes_wait_for_each_participant_until_they_confirm(world):
    meeting = held_meeting(world)
    minutes = write_minutes(world, meeting, send=True)
    assert list(minutes_waiting_for(world.learner)) == [minutes]
    assert list(minutes_waiting_for(world.supervisor)) == [minutes]
    assert list(minutes_waiting_for(world.mentor)) == []  # sending was the mentor's confirmation
    for who in ("coordinator", "colleague_teacher", "staff", "outsider"):
        assert list(minutes_waiting_for(getattr(world, who))) == []
    minutes_confirm(minutes=minutes, participant=meeting.participants.get(user=world.learner))
    assert list(minutes_waiting_for(world.learner)) == []


def test_drafts_and_declined_meetings_wait_for_nobody(world):
    meeting = held_meeting(world)
    write_minutes(world, meeting)
    assert list(minutes_waiting_for(world.learner)) == []
    other = held_meeting(world, starts_at=timezone.now() - timedelta(days=30))
    other.participants.filter(user=world.learner).update(response=Participant.Response.DECLINED)
    write_minutes(world, other, send=True)
    assert list(minutes_waiting_for(world.learner)) == []


def test_the_writer_sees_who_is_still_to_confirm(world):
    meeting = held_meeting(world)
    guest = add_guest(meeting)
    minutes = write_minutes(world, meeting, send=True)
    [row] = minutes_waiting_on_others(world.mentor)
    assert row.minutes == minutes
    assert [p.name for p in row.missing] == [
        world.learner.get_full_name(),
        world.supervisor.get_full_name(),
        guest.name,
    ]

    minutes_confirm(minutes=minutes, participant=meeting.participants.get(user=world.learner))
    minutes_confirm(minutes=minutes, participant=guest)
    [row] = minutes_waiting_on_others(world.mentor)
    assert [p.name for p in row.missing] == [world.supervisor.get_full_name()]
    # The supervisor is the only one missing: for them it is their own turn, not a wait on others.
    assert minutes_waiting_on_others(world.supervisor) == []
    assert list(minutes_waiting_for(world.supervisor)) == [minutes]

    minutes_confirm(minutes=minutes, participant=meeting.participants.get(user=world.supervisor))
    assert minutes_waiting_on_others(world.mentor) == []


def test_others_waiting_lists_only_the_users_own_placements_and_writings(world):
    meeting = held_meeting(world)
    write_minutes(world, meeting, by=world.coordinator, send=True)
    assert len(minutes_waiting_on_others(world.coordinator)) == 1  # wrote them
    assert len(minutes_waiting_on_others(world.supervisor)) == 1  # supervises the placement
    assert len(minutes_waiting_on_others(world.mentor)) == 1  # mentors it
    for who in ("learner", "colleague_teacher", "colleague_mentor", "other_coordinator", "staff", "outsider"):
        assert minutes_waiting_on_others(getattr(world, who)) == [], who


def test_the_waiting_page_lists_both_and_confirms_from_there(client, world):
    meeting = held_meeting(world)
    write_minutes(world, meeting, send=True)
    client.force_login(world.supervisor)
    page = client.get(reverse("minutes_waiting"))
    assert page.status_code == 200
    assert [m.meeting for m in page.context["mine"]] == [meeting]
    assert [row.meeting for row in page.context["others"]] == [meeting]
    assert "Still to confirm:" in page.text
    assert "includes/_waiting_page.html" in [t.name for t in page.templates]  # the layout signatures use too
    assert "Daan Jansen" in page.text

    response = client.post(reverse("minutes_confirm", args=[meeting.pk]), {"next": "waiting"})
    assert response.url == reverse("minutes_waiting")
    page = client.get(reverse("minutes_waiting"))
    assert page.context["mine"] == []
    assert "No minutes wait for your confirmation." in page.text


def test_the_waiting_page_has_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for index in range(5):
        placement = make_placement(
            school=world.school, company=world.company, mentor=world.mentor, supervisor=world.supervisor
        )
        meeting = held_meeting(world, placement=placement, starts_at=timezone.now() - timedelta(days=index + 1))
        add_guest(meeting)
        write_minutes(world, meeting, by=world.coordinator, send=True, agreements=[])
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("minutes_waiting"))
    assert len(page.context["mine"]) == 5
    assert len(page.context["others"]) == 5

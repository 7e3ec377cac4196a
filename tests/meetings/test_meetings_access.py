"""Who may see and do what with a placement's tripartite meetings: every endpoint, every role."""

import pytest
from django.urls import reverse

from meetings.models import Meeting, Participant
from meetings.selectors import RESPOND_LINK
from tests.cast import COACHING_VIEWERS, EVERYONE

from .factories_meetings import add_guest, in_days, make_meeting, plan_data, row, when_data

SEES = COACHING_VIEWERS
PLANNERS = {"mentor", "supervisor", "coordinator", "staff"}
PARTICIPANTS = {"learner", "mentor", "supervisor"}


def expected(who, allowed, ok=200):
    if who in allowed:
        return ok
    return 403 if who in SEES else 404


@pytest.mark.parametrize("who", EVERYONE)
def test_meeting_list_is_for_those_who_see_the_coaching(client, world, who):
    make_meeting(world, location="Kantine van de bakkerij")
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_list", args=[world.placement.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert "Kantine van de bakkerij" in response.text
        assert ("Plan a meeting" in response.text) == (who in PLANNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_planning_page_is_for_the_mentor_and_the_school(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_new", args=[world.placement.pk]))
    assert response.status_code == expected(who, PLANNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_planning_a_meeting_is_for_the_mentor_and_the_school(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("meeting_new", args=[world.placement.pk]), plan_data())
    assert response.status_code == expected(who, PLANNERS, ok=302)
    assert Meeting.objects.filter(placement=world.placement).exists() == (who in PLANNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_meeting_page_is_for_those_who_see_the_coaching(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_detail", args=[meeting.pk]))
    assert response.status_code == (200 if who in SEES else 404)
    if response.status_code == 200:
        assert ("Move the meeting" in response.text) == (who in PLANNERS)
        assert ("Send my answer" in response.text) == (who in PARTICIPANTS)


@pytest.mark.parametrize("who", EVERYONE)
def test_answering_is_for_the_invited_each_for_themselves(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("meeting_respond", args=[meeting.pk]), {"response": "accepted"})
    assert response.status_code == expected(who, PARTICIPANTS, ok=302)
    accepted = set(meeting.participants.filter(response="accepted").values_list("user__email", flat=True))
    assert accepted == ({getattr(world, who).email} if who in PARTICIPANTS else set())


@pytest.mark.parametrize("who", EVERYONE)
def test_move_page_is_for_the_mentor_and_the_school(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_reschedule", args=[meeting.pk]))
    assert response.status_code == expected(who, PLANNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_moving_a_meeting_is_for_the_mentor_and_the_school(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    data = {**when_data(in_days(9, hour=14)), "reason": "The mentor is on a course that day."}
    response = client.post(reverse("meeting_reschedule", args=[meeting.pk]), data)
    assert response.status_code == expected(who, PLANNERS, ok=302)
    meeting.refresh_from_db()
    assert (meeting.sequence == 1) == (who in PLANNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_cancel_page_is_for_the_mentor_and_the_school(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_cancel", args=[meeting.pk]))
    assert response.status_code == expected(who, PLANNERS)


@pytest.mark.parametrize("who", EVERYONE)
def test_cancelling_a_meeting_is_for_the_mentor_and_the_school(client, world, who):
    meeting = make_meeting(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("meeting_cancel", args=[meeting.pk]), {"reason": "The placement is paused."})
    assert response.status_code == expected(who, PLANNERS, ok=302)
    meeting.refresh_from_db()
    assert (meeting.status == Meeting.Status.CANCELLED) == (who in PLANNERS)


def test_an_invited_company_admin_sees_and_answers_the_meeting_but_not_the_placement_list(client, world):
    meeting = make_meeting(world)
    add_guest(meeting, name="Ruud van Leeuwen", email=world.company_admin.email, user=world.company_admin)
    client.force_login(world.company_admin)
    assert client.get(reverse("meeting_list", args=[world.placement.pk])).status_code == 404
    page = client.get(reverse("meeting_detail", args=[meeting.pk]))
    assert page.status_code == 200
    assert reverse("placement_detail", args=[world.placement.pk]) not in page.text
    answer = client.post(reverse("meeting_respond", args=[meeting.pk]), {"response": "accepted"})
    assert answer.status_code == 302
    assert row(meeting, world.company_admin).response == Participant.Response.ACCEPTED
    # Invited is not the same as planning: moving stays with the mentor and the school.
    assert client.get(reverse("meeting_reschedule", args=[meeting.pk])).status_code == 403


def test_the_learner_is_told_why_planning_is_refused(client, world):
    client.force_login(world.learner)
    response = client.get(reverse("meeting_new", args=[world.placement.pk]))
    assert response.status_code == 403
    assert "work mentor and the school" in response.text


@pytest.mark.parametrize(
    "name", ["meeting_detail", "meeting_respond", "meeting_reschedule", "meeting_cancel", "meeting_list", "meeting_new"]
)
def test_anonymous_visitors_are_sent_to_log_in(client, world, name):
    meeting = make_meeting(world)
    pk = world.placement.pk if name in ("meeting_list", "meeting_new") else meeting.pk
    response = client.get(reverse(name, args=[pk]))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_the_signed_page_needs_no_login_and_acts_for_its_participant_only(client, world):
    meeting = make_meeting(world)
    guest = add_guest(meeting)
    client.force_login(world.mentor)  # logged in as someone else: the token still decides who answers
    url = reverse("meeting_respond_signed", args=[RESPOND_LINK.make(guest)])
    assert client.post(url, {"response": "accepted"}).status_code == 302
    guest.refresh_from_db()
    assert guest.response == Participant.Response.ACCEPTED
    assert row(meeting, world.mentor).response == Participant.Response.PENDING


def test_other_mentor_and_an_unknown_meeting_get_404(client, world):
    meeting = make_meeting(world)
    client.force_login(world.other_mentor)
    assert client.post(reverse("meeting_respond", args=[meeting.pk]), {"response": "accepted"}).status_code == 404
    assert client.get(reverse("meeting_detail", args=[meeting.pk + 1000])).status_code == 404

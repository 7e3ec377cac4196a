"""What the dashboard and the list page read: the coming meetings, the answers still owed, few queries."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from meetings.models import Meeting, Participant
from meetings.planning.selectors import invitations_waiting_for, upcoming_meetings_for
from tests.factories import make_placement

from .factories_meetings import add_guest, in_days, make_meeting, row


def test_upcoming_meetings_are_the_users_own_in_the_next_thirty_days_with_their_answer(world):
    soon = make_meeting(world, starts_at=in_days(3))
    later = make_meeting(world, starts_at=in_days(20))
    Participant.objects.filter(pk=row(later, world.mentor).pk).update(response="accepted")
    make_meeting(world, starts_at=in_days(40))  # too far ahead
    make_meeting(world, starts_at=timezone.now() - timedelta(days=1))  # past
    make_meeting(world, starts_at=in_days(5), status=Meeting.Status.CANCELLED)
    meetings = list(upcoming_meetings_for(world.mentor))
    assert meetings == [soon, later]
    assert [m.my_response for m in meetings] == ["pending", "accepted"]
    assert meetings[0].my_participant_id == row(soon, world.mentor).pk
    assert list(upcoming_meetings_for(world.coordinator)) == []  # sees the placement, is not invited


def test_a_guest_with_an_account_sees_the_meeting_on_their_dashboard(world):
    meeting = make_meeting(world)
    add_guest(meeting, email=world.company_admin.email, user=world.company_admin)
    assert list(upcoming_meetings_for(world.company_admin)) == [meeting]


def test_invitations_waiting_are_the_users_pending_answers_to_coming_meetings(world):
    waiting = make_meeting(world, starts_at=in_days(4))
    answered = make_meeting(world, starts_at=in_days(2))
    Participant.objects.filter(pk=row(answered, world.learner).pk).update(response="declined", decline_reason="Ill")
    make_meeting(world, starts_at=in_days(6), status=Meeting.Status.CANCELLED)
    make_meeting(world, starts_at=timezone.now() - timedelta(hours=2))
    rows = list(invitations_waiting_for(world.learner))
    assert [p.meeting for p in rows] == [waiting]
    assert rows[0].user == world.learner


def test_the_list_page_splits_coming_and_past_meetings_in_a_fixed_number_of_queries(
    client, world, django_assert_max_num_queries
):
    for days in (3, 10, 17, -7, -21):
        meeting = make_meeting(world, starts_at=in_days(days))
        add_guest(meeting)
    other = make_placement(school=world.school, company=world.company, mentor=world.mentor)
    make_meeting(world, placement=other, location="Somewhere else")
    client.force_login(world.mentor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("meeting_list", args=[world.placement.pk]))
    assert len(response.context["upcoming"]) == 3
    assert len(response.context["past"]) == 2
    assert response.context["upcoming"][0].starts_at < response.context["upcoming"][1].starts_at
    assert response.context["past"][0].starts_at > response.context["past"][1].starts_at
    assert "Somewhere else" not in response.text

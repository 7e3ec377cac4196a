"""Writing minutes: when it is allowed, what is saved, agreements joining the coaching log, and the lock on sending."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from meetings.minutes.services import Agreement, MinutesLocked, minutes_save
from meetings.models import GoalProgress, Meeting, Minutes, MinutesConfirmation
from mentoring.models import ActionItem, LearningGoal
from mentoring.selectors import open_action_items
from notifications.models import Notification

from .factories_meetings import held_meeting, make_goals
from .factories_minutes import form_data, write_minutes


def due(days=14):
    return timezone.localdate() + timedelta(days=days)


def test_minutes_cannot_be_written_before_the_meeting(client, world):
    meeting = held_meeting(world, starts_at=timezone.now() + timedelta(hours=1))
    client.force_login(world.mentor)
    page = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert page.status_code == 403
    assert "has not started yet" in page.text
    assert client.post(reverse("minutes_edit", args=[meeting.pk]), form_data()).status_code == 403
    assert not Minutes.objects.exists()


def test_minutes_cannot_be_written_for_a_cancelled_meeting(client, world):
    meeting = held_meeting(world, status=Meeting.Status.CANCELLED)
    client.force_login(world.supervisor)
    page = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert page.status_code == 403
    assert "was cancelled" in page.text
    assert client.post(reverse("minutes_edit", args=[meeting.pk]), form_data()).status_code == 403
    with pytest.raises(MinutesLocked):
        write_minutes(world, meeting)
    assert not Minutes.objects.exists()


def test_the_form_offers_one_progress_field_per_open_goal(client, world):
    open_goal, done_goal = make_goals(world, titles=("Kneads bread dough by hand", "Weighs ingredients"))
    done_goal.status = LearningGoal.Status.ACHIEVED
    done_goal.save()
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    page = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Kneads bread dough by hand" in page.text
    assert "Weighs ingredients" not in page.text


def test_a_draft_saves_summary_progress_agreements_and_next_meeting(client, world):
    first, second = make_goals(world)
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    data = form_data(
        summary="Daan is on schedule.",
        agreements=[
            ("Practise shaping baguettes", world.learner.pk, due()),
            ("Visit Daan at work", world.supervisor.pk, due(21)),
        ],
        next_meeting_at=(timezone.localtime() + timedelta(days=42)).strftime("%Y-%m-%dT10:00"),
        **{f"goal_{first.pk}": "Kneads well now.", f"goal_{second.pk}": "  "},
    )
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), data)
    assert response.status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == Minutes.Status.DRAFT
    assert minutes.summary == "Daan is on schedule."
    assert minutes.written_by == world.mentor
    assert timezone.localtime(minutes.next_meeting_at).hour == 10
    assert list(GoalProgress.objects.filter(minutes=minutes).values_list("goal__title", "note")) == [
        (first.title, "Kneads well now.")
    ]
    assert not MinutesConfirmation.objects.exists()


def test_agreements_become_action_items_in_the_coaching_log(world):
    meeting = held_meeting(world)
    write_minutes(world, meeting)
    item = ActionItem.objects.get()
    assert item.meeting == meeting
    assert item.placement == world.placement
    assert item.session is None
    assert item.owner == world.learner
    assert list(open_action_items(placement=world.placement)) == [item]


def test_an_agreement_owner_must_be_a_participant_with_an_account(client, world):
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    data = form_data(agreements=[("Bake the bread", world.colleague_mentor.pk, due())])
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.text
    assert not Minutes.objects.exists()
    assert not ActionItem.objects.exists()


def test_an_agreement_needs_an_owner_and_a_due_date(client, world):
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), form_data(agreements=[("Bake", "", "")]))
    assert response.status_code == 200
    assert "An agreement needs an owner and a due date." in response.text
    assert not Minutes.objects.exists()


def test_a_summary_is_required_and_the_next_meeting_comes_after_this_one(client, world):
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    earlier = (timezone.localtime(meeting.starts_at) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), form_data(summary="", next_meeting_at=earlier))
    assert response.status_code == 200
    assert "This field is required." in response.text
    assert "The next meeting must be after this one." in response.text
    assert not Minutes.objects.exists()


def test_editing_a_draft_changes_and_removes_its_agreements(client, world):
    meeting = held_meeting(world)
    write_minutes(
        world,
        meeting,
        agreements=[
            Agreement(None, "Keep", world.learner, due()),
            Agreement(None, "Drop", world.mentor, due()),
        ],
    )
    keep, drop = ActionItem.objects.order_by("description").reverse()
    client.force_login(world.supervisor)
    data = form_data(
        existing=[
            (keep, "Keep, but sooner", world.learner.pk, due(7), False),
            (drop, "Drop", world.mentor.pk, due(), True),
        ],
        agreements=[("New one", world.supervisor.pk, due(30))],
    )
    assert client.post(reverse("minutes_edit", args=[meeting.pk]), data).status_code == 302
    assert sorted(ActionItem.objects.filter(meeting=meeting).values_list("description", "due_date")) == [
        ("Keep, but sooner", due(7)),
        ("New one", due(30)),
    ]


def test_an_agreement_of_another_meeting_cannot_be_edited_through_this_one(client, world):
    other = held_meeting(world, starts_at=timezone.now() - timedelta(days=40))
    write_minutes(world, other)
    foreign = ActionItem.objects.get()
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    data = form_data(existing=[(foreign, "Hijacked", world.learner.pk, due(), False)])
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "That agreement belongs to another meeting." in response.text
    assert ActionItem.objects.count() == 1
    foreign.refresh_from_db()
    assert foreign.description == "Practise shaping baguettes every Friday"
    assert not Minutes.objects.filter(meeting=meeting).exists()


def test_sending_locks_the_minutes_and_records_the_writers_confirmation(client, world):
    meeting = held_meeting(world)
    client.force_login(world.mentor)
    response = client.post(reverse("minutes_edit", args=[meeting.pk]), form_data(action="send"))
    assert response.status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.status == Minutes.Status.AWAITING
    assert minutes.submitted_at is not None
    assert list(minutes.confirmations.values_list("participant__user", flat=True)) == [world.mentor.pk]

    page = client.get(reverse("minutes_edit", args=[meeting.pk]))
    assert page.status_code == 403
    assert "sent for confirmation and can no longer be changed" in page.text
    assert client.post(reverse("minutes_edit", args=[meeting.pk]), form_data(summary="Changed")).status_code == 403
    minutes.refresh_from_db()
    assert minutes.summary == "Daan works carefully."
    with pytest.raises(MinutesLocked):
        minutes_save(meeting=meeting, by=world.mentor, summary="Changed")


def test_sending_tells_the_others_in_the_app(world):
    meeting = held_meeting(world)
    write_minutes(world, meeting, send=True)
    notified = set(Notification.objects.values_list("user__email", flat=True))
    assert notified == {world.learner.email, world.supervisor.email}
    assert Notification.objects.filter(level=Notification.Level.ESSENTIAL).count() == 2


def test_a_writer_who_is_not_a_participant_confirms_nothing(world):
    meeting = held_meeting(world)
    minutes = write_minutes(world, meeting, by=world.coordinator, send=True)
    assert minutes.status == Minutes.Status.AWAITING
    assert not minutes.confirmations.exists()


def test_the_detail_page_shows_who_confirmed_and_who_is_still_to_confirm(client, world):
    first, _second = make_goals(world)
    meeting = held_meeting(world)
    write_minutes(world, meeting, send=True, goals=[first])
    client.force_login(world.supervisor)
    page = client.get(reverse("minutes_detail", args=[meeting.pk]))
    rows = {row.participant.user_id: row.confirmed_at for row in page.context["rows"]}
    assert rows[world.mentor.pk] is not None
    assert rows[world.learner.pk] is None and rows[world.supervisor.pk] is None
    assert page.text.count("still to confirm") == 2
    assert "Progress on kneads bread dough by hand." in page.text
    assert page.context["my_turn"].user == world.supervisor


def test_the_detail_page_has_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    goals = make_goals(world, titles=[f"Goal {n}" for n in range(6)])
    meeting = held_meeting(world, guest=True)
    agreements = [Agreement(None, f"Agreement {n}", world.learner, due(n)) for n in range(6)]
    write_minutes(world, meeting, send=True, goals=goals, agreements=agreements)
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(11):
        assert client.get(reverse("minutes_detail", args=[meeting.pk])).status_code == 200


def test_the_service_refuses_an_agreement_owner_outside_the_meeting_and_saves_nothing(world):
    meeting = held_meeting(world)
    with pytest.raises(ValidationError, match="must be one of the meeting's participants"):
        write_minutes(world, meeting, agreements=[Agreement(None, "Bake", world.colleague_mentor, due())])
    assert not Minutes.objects.exists()
    assert not ActionItem.objects.exists()

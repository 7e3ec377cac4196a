"""The work mentor approves or rejects hours, one by one or all waiting ones at once; decisions are final."""

from datetime import time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mentoring.hours.services import hours_approve_all, hours_entry_decide
from mentoring.models import HoursEntry
from tests.factories import make_placement


def entry(placement, days_ago=2, start=time(8), end=time(12), status=HoursEntry.Status.SUBMITTED, **kwargs):
    if status == HoursEntry.Status.REJECTED:
        kwargs.setdefault("rejection_reason", "Not at work that day.")
    return HoursEntry.objects.create(
        placement=placement,
        date=timezone.localdate() - timedelta(days=days_ago),
        start_time=start,
        end_time=end,
        status=status,
        **kwargs,
    )


@pytest.fixture
def mentor_client(client, world):
    client.force_login(world.mentor)
    return client


def decide(client, placement, hours, **data):
    return client.post(reverse("mentoring_hours_decide", args=[placement.pk, hours.pk]), data)


def test_mentor_approves_hours(mentor_client, world):
    waiting = entry(world.placement)
    response = decide(mentor_client, world.placement, waiting, decision="approve")
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == HoursEntry.Status.APPROVED
    assert waiting.decided_by == world.mentor
    assert waiting.decided_at is not None


def test_mentor_rejects_hours_with_a_reason(mentor_client, world):
    waiting = entry(world.placement)
    response = decide(mentor_client, world.placement, waiting, decision="reject", reason="  You were at school.  ")
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert (waiting.status, waiting.rejection_reason) == (HoursEntry.Status.REJECTED, "You were at school.")


@pytest.mark.parametrize("reason", ["", "   "])
def test_rejecting_needs_a_reason(mentor_client, world, reason):
    waiting = entry(world.placement)
    response = decide(mentor_client, world.placement, waiting, decision="reject", reason=reason)
    assert response.status_code == 400
    assert "Say why the hours are rejected" in response.text
    assert response.context["decision_entry"] == waiting
    waiting.refresh_from_db()
    assert waiting.status == HoursEntry.Status.SUBMITTED


def test_the_service_also_refuses_a_rejection_without_reason(world):
    waiting = entry(world.placement)
    with pytest.raises(ValidationError):
        hours_entry_decide(entry=waiting, decided_by=world.mentor, approve=False, reason=" ")
    assert HoursEntry.objects.get(pk=waiting.pk).status == HoursEntry.Status.SUBMITTED


def test_an_unknown_decision_is_a_bad_request(mentor_client, world):
    waiting = entry(world.placement)
    assert decide(mentor_client, world.placement, waiting, decision="maybe").status_code == 400
    assert HoursEntry.objects.get(pk=waiting.pk).status == HoursEntry.Status.SUBMITTED


@pytest.mark.parametrize("status", [HoursEntry.Status.APPROVED, HoursEntry.Status.REJECTED])
def test_a_decision_is_final(mentor_client, world, status):
    decided = entry(world.placement, status=status)
    other = "reject" if status == HoursEntry.Status.APPROVED else "approve"
    assert decide(mentor_client, world.placement, decided, decision=other, reason="Changed my mind").status_code == 403
    assert HoursEntry.objects.get(pk=decided.pk).status == status


def test_only_the_mentor_can_decide_through_the_service(world):
    waiting = entry(world.placement)
    with pytest.raises(PermissionDenied):
        hours_entry_decide(entry=waiting, decided_by=world.supervisor, approve=True)
    with pytest.raises(PermissionDenied):
        hours_approve_all(placement=world.placement, decided_by=world.staff)


def test_approve_all_approves_only_the_waiting_hours_of_this_placement(mentor_client, world):
    first = entry(world.placement, days_ago=3)
    second = entry(world.placement, days_ago=2)
    rejected = entry(world.placement, days_ago=1, status=HoursEntry.Status.REJECTED)
    elsewhere = entry(make_placement(school=world.school, company=world.company, mentor=world.mentor))
    response = mentor_client.post(reverse("mentoring_hours_approve_all", args=[world.placement.pk]), follow=True)
    assert "2 entries of hours approved." in response.text
    statuses = dict(HoursEntry.objects.values_list("pk", "status"))
    assert statuses[first.pk] == statuses[second.pk] == HoursEntry.Status.APPROVED
    assert statuses[rejected.pk] == HoursEntry.Status.REJECTED
    assert statuses[elsewhere.pk] == HoursEntry.Status.SUBMITTED
    assert HoursEntry.objects.get(pk=first.pk).decided_by == world.mentor


def test_approve_all_leaves_hours_recorded_after_the_page_was_loaded(mentor_client, world):
    seen = entry(world.placement, days_ago=3)
    page = mentor_client.get(reverse("mentoring_hours", args=[world.placement.pk]))
    up_to = page.context["approve_all_form"].initial["up_to"]
    unseen = entry(world.placement, days_ago=1)
    mentor_client.post(reverse("mentoring_hours_approve_all", args=[world.placement.pk]), {"up_to": up_to})
    assert HoursEntry.objects.get(pk=seen.pk).status == HoursEntry.Status.APPROVED
    assert HoursEntry.objects.get(pk=unseen.pk).status == HoursEntry.Status.SUBMITTED


def test_approve_all_with_nothing_waiting_says_so(mentor_client, world):
    entry(world.placement, status=HoursEntry.Status.APPROVED)
    response = mentor_client.post(reverse("mentoring_hours_approve_all", args=[world.placement.pk]), follow=True)
    assert "No hours were waiting for approval." in response.text


def test_approve_all_with_a_garbled_limit_approves_nothing(mentor_client, world):
    waiting = entry(world.placement)
    response = mentor_client.post(reverse("mentoring_hours_approve_all", args=[world.placement.pk]), {"up_to": "x"})
    assert response.status_code == 400
    assert HoursEntry.objects.get(pk=waiting.pk).status == HoursEntry.Status.SUBMITTED


def test_mentor_sees_decision_controls_and_the_learner_does_not(client, world):
    entry(world.placement)
    url = reverse("mentoring_hours", args=[world.placement.pk])
    client.force_login(world.mentor)
    mentor_page = client.get(url).text
    assert "Reject these hours" in mentor_page
    assert "Approve the 1 waiting entry" in mentor_page
    client.force_login(world.learner)
    learner_page = client.get(url).text
    assert "Reject these hours" not in learner_page
    assert "waiting entry" not in learner_page
    client.force_login(world.supervisor)
    supervisor_page = client.get(url).text
    assert "Reject these hours" not in supervisor_page
    assert "Delete" not in supervisor_page

"""Who may see placement hours and who may record, correct, delete and decide them: every endpoint, every role."""

from datetime import time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mentoring.models import HoursEntry
from tests.cast import COACHING_VIEWERS, EVERYONE
from tests.factories import CompanyFactory, make_placement

SEES = COACHING_VIEWERS


def expected(who, allowed_role, ok=302):
    if who == allowed_role:
        return ok
    return 403 if who in SEES else 404


def waiting_entry(placement, days_ago=2, status=HoursEntry.Status.SUBMITTED, **kwargs):
    if status == HoursEntry.Status.REJECTED:
        kwargs.setdefault("rejection_reason", "Not at work that day.")
    return HoursEntry.objects.create(
        placement=placement,
        date=timezone.localdate() - timedelta(days=days_ago),
        start_time=time(8),
        end_time=time(12),
        status=status,
        **kwargs,
    )


def record_data(days_ago=1, start="08:00", end="16:30", break_minutes=30):
    return {
        "date": (timezone.localdate() - timedelta(days=days_ago)).isoformat(),
        "start_time": start,
        "end_time": end,
        "break_minutes": break_minutes,
        "description": "Baked bread",
    }


@pytest.mark.parametrize("who", EVERYONE)
def test_hours_page_is_shown_to_those_who_see_the_coaching(client, world, who):
    waiting_entry(world.placement)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_hours", args=[world.placement.pk]))
    assert response.status_code == (200 if who in SEES else 404)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_learner_records_hours(client, world, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_hours", args=[world.placement.pk]), record_data())
    assert response.status_code == expected(who, "learner")
    assert HoursEntry.objects.filter(placement=world.placement).exists() == (who == "learner")


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_learner_opens_the_edit_page(client, world, who):
    entry = waiting_entry(world.placement)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_hours_edit", args=[world.placement.pk, entry.pk]))
    assert response.status_code == expected(who, "learner", ok=200)


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_learner_corrects_hours(client, world, who):
    entry = waiting_entry(world.placement)
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("mentoring_hours_edit", args=[world.placement.pk, entry.pk]), record_data(days_ago=2, end="13:00")
    )
    assert response.status_code == expected(who, "learner")
    entry.refresh_from_db()
    assert (entry.end_time == time(13)) == (who == "learner")


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_learner_deletes_hours(client, world, who):
    entry = waiting_entry(world.placement)
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_hours_delete", args=[world.placement.pk, entry.pk]))
    assert response.status_code == expected(who, "learner")
    assert HoursEntry.objects.filter(pk=entry.pk).exists() == (who != "learner")


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_mentor_decides_on_hours(client, world, who):
    entry = waiting_entry(world.placement)
    client.force_login(getattr(world, who))
    response = client.post(
        reverse("mentoring_hours_decide", args=[world.placement.pk, entry.pk]), {"decision": "approve"}
    )
    assert response.status_code == expected(who, "mentor")
    entry.refresh_from_db()
    assert (entry.status == HoursEntry.Status.APPROVED) == (who == "mentor")


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_mentor_approves_all_waiting_hours(client, world, who):
    entry = waiting_entry(world.placement)
    client.force_login(getattr(world, who))
    response = client.post(reverse("mentoring_hours_approve_all", args=[world.placement.pk]))
    assert response.status_code == expected(who, "mentor")
    entry.refresh_from_db()
    assert (entry.status == HoursEntry.Status.APPROVED) == (who == "mentor")


@pytest.mark.parametrize(
    ("url_name", "method", "with_entry"),
    [
        ("mentoring_hours", "get", False),
        ("mentoring_hours", "post", False),
        ("mentoring_hours_edit", "get", True),
        ("mentoring_hours_edit", "post", True),
        ("mentoring_hours_delete", "post", True),
        ("mentoring_hours_decide", "post", True),
        ("mentoring_hours_approve_all", "post", False),
    ],
)
def test_anonymous_visitors_are_sent_to_login(client, world, url_name, method, with_entry):
    entry = waiting_entry(world.placement)
    args = [world.placement.pk, entry.pk] if with_entry else [world.placement.pk]
    response = getattr(client, method)(reverse(url_name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert HoursEntry.objects.get(pk=entry.pk).status == HoursEntry.Status.SUBMITTED


@pytest.mark.parametrize(
    "url_name", ["mentoring_hours_delete", "mentoring_hours_decide", "mentoring_hours_approve_all"]
)
def test_actions_refuse_get(client, world, url_name):
    entry = waiting_entry(world.placement)
    client.force_login(world.mentor)
    args = [world.placement.pk] if url_name == "mentoring_hours_approve_all" else [world.placement.pk, entry.pk]
    assert client.get(reverse(url_name, args=args)).status_code == 405


def test_entry_of_another_placement_is_not_found_through_this_placement(client, world):
    earlier = make_placement(
        school=world.school,
        company=CompanyFactory(),
        learner=world.learner,
        supervisor=world.supervisor,
        programme=world.programme,
        start_date=timezone.localdate() - timedelta(days=200),
        end_date=timezone.localdate() - timedelta(days=100),
        status="completed",
    )
    other = waiting_entry(earlier, days_ago=150)
    client.force_login(world.learner)
    for url_name in ("mentoring_hours_edit", "mentoring_hours_delete"):
        response = client.post(reverse(url_name, args=[world.placement.pk, other.pk]), record_data())
        assert response.status_code == 404
    client.force_login(world.mentor)
    response = client.post(
        reverse("mentoring_hours_decide", args=[world.placement.pk, other.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    assert HoursEntry.objects.get(pk=other.pk).status == HoursEntry.Status.SUBMITTED


def test_unknown_placement_is_404_for_staff(client, world):
    client.force_login(world.staff)
    assert client.get(reverse("mentoring_hours", args=[999999])).status_code == 404


def test_a_mentor_of_another_placement_at_the_same_company_cannot_decide(client, world):
    make_placement(school=world.school, company=world.company, mentor=world.colleague_mentor)
    entry = waiting_entry(world.placement)
    client.force_login(world.colleague_mentor)
    response = client.post(
        reverse("mentoring_hours_decide", args=[world.placement.pk, entry.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404


def test_learner_cannot_see_the_hours_of_another_learner(client, world):
    other = make_placement(school=world.school, company=world.company, learner=world.other_learner)
    client.force_login(world.learner)
    assert client.get(reverse("mentoring_hours", args=[other.pk])).status_code == 404

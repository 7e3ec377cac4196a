"""Who may use the development log: every work mentor for their own log only; nobody else, not even staff."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from mentoring.models import DevelopmentActivity
from tests.cast import EVERYONE

MENTORS = {"mentor", "colleague_mentor", "other_mentor"}


@pytest.fixture
def activity(world):
    """An activity in the log of the placement's mentor."""
    return DevelopmentActivity.objects.create(
        mentor=world.mentor,
        kind=DevelopmentActivity.Kind.COURSE,
        title="Refresher day for work mentors",
        date=date(2024, 3, 14),
        hours=Decimal("6"),
    )


def expected_for_owner_only(who):
    """The owner may; other mentors do not find it; people without the mentor role are refused."""
    if who == "mentor":
        return 200
    return 404 if who in MENTORS else 403


@pytest.mark.parametrize("who", EVERYONE)
def test_list_page_is_for_work_mentors_only(client, world, activity, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("development_list"), {"year": 2024})
    assert response.status_code == (200 if who in MENTORS else 403)
    if response.status_code == 200:
        assert (activity in response.context["activities"]) == (who == "mentor")
    else:
        assert "Only work mentors keep a professional development log." in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_adding_an_activity_is_for_work_mentors_only(client, world, who):
    client.force_login(getattr(world, who))
    data = {"kind": "reading", "title": "Trade journal", "date": "2024-05-01", "hours": "1.5", "notes": ""}
    response = client.post(reverse("development_list"), data)
    assert response.status_code == (302 if who in MENTORS else 403)
    created = DevelopmentActivity.objects.filter(title="Trade journal")
    if who in MENTORS:
        assert list(created.values_list("mentor", flat=True)) == [getattr(world, who).pk]
    else:
        assert not created.exists()


@pytest.mark.parametrize("who", EVERYONE)
def test_edit_page_is_for_the_owner_only(client, world, activity, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("development_edit", args=[activity.pk]))
    assert response.status_code == expected_for_owner_only(who)


@pytest.mark.parametrize("who", EVERYONE)
def test_changing_an_activity_is_for_the_owner_only(client, world, activity, who):
    client.force_login(getattr(world, who))
    data = {"kind": "course", "title": "Changed", "date": "2024-03-14", "hours": "6", "notes": ""}
    response = client.post(reverse("development_edit", args=[activity.pk]), data)
    expected = expected_for_owner_only(who)
    assert response.status_code == (302 if expected == 200 else expected)
    activity.refresh_from_db()
    assert (activity.title == "Changed") == (who == "mentor")


@pytest.mark.parametrize("who", EVERYONE)
def test_deleting_an_activity_is_for_the_owner_only(client, world, activity, who):
    client.force_login(getattr(world, who))
    response = client.post(reverse("development_delete", args=[activity.pk]))
    expected = expected_for_owner_only(who)
    assert response.status_code == (302 if expected == 200 else expected)
    assert DevelopmentActivity.objects.filter(pk=activity.pk).exists() == (who != "mentor")


@pytest.mark.parametrize("who", EVERYONE)
def test_export_is_for_work_mentors_and_holds_only_their_own_activities(client, world, activity, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("development_export"), {"year": 2024})
    assert response.status_code == (200 if who in MENTORS else 403)
    if response.status_code == 200:
        content = b"".join(response.streaming_content).decode("utf-8-sig")
        assert ("Refresher day for work mentors" in content) == (who == "mentor")


def test_delete_answers_only_post(client, world, activity):
    client.force_login(world.mentor)
    assert client.get(reverse("development_delete", args=[activity.pk])).status_code == 405
    assert DevelopmentActivity.objects.filter(pk=activity.pk).exists()


@pytest.mark.parametrize(
    "url_name, args",
    [("development_list", []), ("development_edit", [1]), ("development_export", []), ("development_delete", [1])],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, url_name, args):
    url = reverse(url_name, args=args)
    response = client.post(url) if url_name == "development_delete" else client.get(url)
    assert response.status_code == 302
    assert reverse("login") in response.url


def test_a_mentor_who_is_also_staff_sees_only_their_own_log(client, world, activity):
    world.colleague_mentor.is_staff = True
    world.colleague_mentor.save(update_fields=["is_staff"])
    client.force_login(world.colleague_mentor)
    assert client.get(reverse("development_list"), {"year": 2024}).context["activities"] == []
    assert client.get(reverse("development_edit", args=[activity.pk])).status_code == 404

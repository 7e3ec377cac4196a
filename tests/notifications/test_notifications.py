"""In-app notifications: written at each person's chosen level, listed to their owner only, marked read."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from notifications.models import Notification
from notifications.services import notify
from tests.cast import EVERYONE


def note(user, text="Reminder: tripartite meeting", **fields) -> Notification:
    return Notification.objects.create(user=user, text=text, url="/placements/", **fields)


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_signed_in_has_a_notifications_page(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("notification_list")).status_code == 200


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_signed_in_can_mark_their_own_notifications_read(client, world, who):
    person = getattr(world, who)
    note(person)
    other = note(world.outsider if who != "outsider" else world.nobody)
    client.force_login(person)
    response = client.post(reverse("notification_read_all"))
    assert response.status_code == 302
    assert not Notification.objects.filter(user=person, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_the_notifications_page_needs_a_login(client, db):
    response = client.get(reverse("notification_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert client.post(reverse("notification_read_all")).status_code == 302


def test_a_person_sees_only_their_own_notifications_unread_first(client, world):
    note(world.mentor, "Old news", read_at=timezone.now())
    note(world.mentor, "Fresh news")
    note(world.learner, "Someone else's news")
    client.force_login(world.mentor)
    response = client.get(reverse("notification_list"))
    texts = [n.text for n in response.context["page"].object_list]
    assert texts == ["Fresh news", "Old news"]
    assert "Someone else" not in response.text
    assert "You have 1 unread notification." in response.text


def test_the_list_is_paginated_with_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    for number in range(30):
        note(world.mentor, f"News {number}")
    client.force_login(world.mentor)
    # Session, user, roles for the menu, page count, page, unread count: 6; the navigation badge adds one.
    with django_assert_max_num_queries(7):
        first = client.get(reverse("notification_list"))
    assert len(first.context["page"].object_list) == 25
    second = client.get(reverse("notification_list"), {"page": 2})
    assert len(second.context["page"].object_list) == 5


def test_mark_all_read_marks_only_the_persons_own(client, world):
    note(world.mentor)
    note(world.mentor)
    note(world.learner)
    client.force_login(world.mentor)
    response = client.post(reverse("notification_read_all"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("notification_list")
    assert "2 notifications marked as read." in response.text
    assert not Notification.objects.filter(user=world.mentor, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=world.learner, read_at__isnull=True).count() == 1


def test_mark_all_read_is_a_post(client, world):
    note(world.mentor)
    client.force_login(world.mentor)
    assert client.get(reverse("notification_read_all")).status_code == 405
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_the_badge_shows_only_my_unread_count_and_pages_do_not_pay_for_it(client, world):
    note(world.mentor)
    note(world.mentor)
    note(world.learner)
    client.force_login(world.mentor)
    badge = client.get(reverse("notification_badge")).text
    assert ">2<" in badge
    page = client.get(reverse("dashboard")).text
    assert reverse("notification_badge") in page  # fetched after the page loaded
    client.force_login(world.nobody)
    assert "badge" not in client.get(reverse("notification_badge")).text
    client.logout()
    assert client.get(reverse("notification_badge")).status_code == 302


@pytest.mark.parametrize(
    ("level", "normal", "essential"),
    [(User.NotificationLevel.ALL, True, True), (User.NotificationLevel.ESSENTIAL, False, True), ("none", False, False)],
)
def test_notify_honours_the_persons_level(world, level, normal, essential):
    world.mentor.notification_level = level
    world.mentor.save(update_fields=["notification_level"])
    assert (notify(world.mentor, "A reminder", "/x/") is not None) is normal
    assert (notify(world.mentor, "An alert", "/y/", Notification.Level.ESSENTIAL) is not None) is essential


def test_notify_skips_people_without_an_account_or_who_left_and_shortens_long_texts(world):
    assert notify(None, "To a guest") is None
    world.colleague_mentor.is_active = False
    world.colleague_mentor.save(update_fields=["is_active"])
    assert notify(world.colleague_mentor, "Gone") is None
    created = notify(world.mentor, "x" * 400)
    assert len(created.text) == 300 and created.text.endswith("…")

"""In-app notifications: written at each person's chosen level, listed to their owner only, marked read."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from meetings.context_processors import notifications as notifications_context
from meetings.models import Notification
from meetings.notifications import notify
from tests.cast import EVERYONE


def note(user, text="Reminder: tripartite meeting", **fields) -> Notification:
    return Notification.objects.create(user=user, text=text, url="/placements/", **fields)


@pytest.mark.parametrize("who", EVERYONE)
def test_everyone_signed_in_has_a_notifications_page(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("notification_list")).status_code == 200


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
    with django_assert_max_num_queries(7):  # session, user, count, page, unread, and the navigation's roles
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


def test_the_unread_count_for_the_badge_costs_one_query_and_only_when_shown(world, django_assert_num_queries):
    note(world.mentor)
    note(world.mentor)
    request = RequestFactory().get("/")
    request.user = world.mentor
    with django_assert_num_queries(0):
        context = notifications_context(request)
    with django_assert_num_queries(1):
        assert str(context["unread_notifications"]) == "2"
        assert context["unread_notifications"]
    request.user = AnonymousUser()
    assert notifications_context(request) == {"unread_notifications": 0}


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

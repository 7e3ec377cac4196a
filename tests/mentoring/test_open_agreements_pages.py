"""A placement with a thousand open agreements: the timeline and the progress page show a page of them, the first
due first, with a link to the rest, in the same number of queries as with a handful."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mentoring.models import ActionItem
from mentoring.selectors import OPEN_ITEMS_SHOWN


def add_agreements(world, count, *, start=0):
    first_due = world.placement.start_date
    ActionItem.objects.bulk_create(
        ActionItem(
            placement=world.placement,
            description=f"Agreement {number:04d}",
            owner=world.learner,
            due_date=first_due + timedelta(days=number),
        )
        for number in range(start, start + count)
    )


def shown(html):
    return re.findall(r"Agreement (\d{4})", html)


def queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.fixture
def mentor_client(client, world):
    client.force_login(world.mentor)
    return client


def test_the_timeline_shows_a_page_of_open_agreements_in_fixed_queries(mentor_client, world):
    url = reverse("mentoring_sessions", args=[world.placement.pk])
    add_agreements(world, 3)
    few_queries, html = queries(mentor_client, url)
    assert shown(html) == ["0000", "0001", "0002"]
    assert "More agreements" not in html

    add_agreements(world, 997, start=3)
    many_queries, html = queries(mentor_client, url)
    assert shown(html) == [f"{number:04d}" for number in range(OPEN_ITEMS_SHOWN)]  # the first due first
    assert many_queries <= few_queries + 1  # the page's count query
    assert f"1–{OPEN_ITEMS_SHOWN} of 1000" in html
    assert "agreements=2" in html

    later_queries, html = queries(mentor_client, url, {"agreements": 3})
    assert shown(html) == [f"{number:04d}" for number in range(2 * OPEN_ITEMS_SHOWN, 3 * OPEN_ITEMS_SHOWN)]
    assert later_queries == many_queries
    assert "agreements=2" in html and "agreements=4" in html


def test_a_page_of_agreements_keeps_the_timeline_filter_and_bad_numbers_are_the_first_page(mentor_client, world):
    add_agreements(world, OPEN_ITEMS_SHOWN + 5)
    url = reverse("mentoring_sessions", args=[world.placement.pk])
    html = mentor_client.get(url, {"page": 1}).content.decode()
    assert "page=1&amp;agreements=2" in html
    for bad in ("x", "-1", "99999999999999999999"):
        response = mentor_client.get(url, {"agreements": bad})
        assert response.status_code == 200


def test_the_progress_page_counts_every_open_agreement_and_lists_a_few(mentor_client, world):
    url = reverse("mentoring_progress", args=[world.placement.pk])
    add_agreements(world, 2)
    few_queries, _html = queries(mentor_client, url)
    add_agreements(world, 998, start=2)
    many_queries, html = queries(mentor_client, url)
    assert len(shown(html)) == OPEN_ITEMS_SHOWN
    assert many_queries <= few_queries + 1
    assert f"{1000 - OPEN_ITEMS_SHOWN} more agreements on the coaching timeline" in html
    assert '<div class="stat">1000</div>' in html


def test_the_first_meeting_agenda_lists_the_first_agreements_and_counts_the_rest(world, django_assert_max_num_queries):
    from meetings.planning.selectors import agenda_from_coaching_plan

    add_agreements(world, 1000)
    with django_assert_max_num_queries(4):  # the goals, the count, the page of agreements
        agenda = agenda_from_coaching_plan(world.placement)
    assert len(shown(agenda)) == OPEN_ITEMS_SHOWN
    assert f"… and {1000 - OPEN_ITEMS_SHOWN} more open action items" in agenda

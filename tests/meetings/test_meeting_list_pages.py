"""A placement's meetings over the years: the coming and the past meetings each show a page at a time, in the same
number of queries for 3 meetings as for 60, and paging one list keeps the other where it is."""

import pytest
from django.urls import reverse

from meetings.models import Meeting
from meetings.planning.views import MEETINGS_PER_PAGE
from tests.cast import COACHING_VIEWERS, EVERYONE

from .factories_meetings import in_days, meeting_at


def add_meetings(world, *, coming, past):
    """'Coming 01' is tomorrow and 'Past 01' yesterday; each next one a day further away."""
    for n in range(1, coming + 1):
        meeting_at(world.placement, in_days(n), location=f"Coming {n:02d}")
    for n in range(1, past + 1):
        meeting_at(world.placement, in_days(-n), location=f"Past {n:02d}")


def places(page) -> list[str]:
    return [meeting.location for meeting in page]


def numbered(kind, numbers) -> list[str]:
    return [f"{kind} {n:02d}" for n in numbers]


def test_the_meeting_list_shows_a_page_of_each_in_fixed_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.mentor)
    url = reverse("meeting_list", args=[world.placement.pk])
    add_meetings(world, coming=2, past=1)
    # user, roles, placement; per list its count, its page and the page's participants
    with django_assert_max_num_queries(9) as few:
        response = client.get(url)
    assert places(response.context["upcoming"]) == ["Coming 01", "Coming 02"]
    assert places(response.context["past"]) == ["Past 01"]

    Meeting.objects.all().delete()
    add_meetings(world, coming=30, past=30)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert places(response.context["upcoming"]) == numbered("Coming", range(1, MEETINGS_PER_PAGE + 1))  # soonest
    assert places(response.context["past"]) == numbered("Past", range(1, MEETINGS_PER_PAGE + 1))  # latest first
    assert response.text.count("Daan Jansen:") == 2 * MEETINGS_PER_PAGE  # each shown meeting's answers
    assert "?upcoming=2" in response.text and "?past=2" in response.text


def test_page_two_of_past_meetings_shows_the_older_ones_and_keeps_the_coming_page(client, world):
    add_meetings(world, coming=30, past=30)
    client.force_login(world.learner)
    response = client.get(reverse("meeting_list", args=[world.placement.pk]), {"past": 2, "upcoming": 2})
    assert places(response.context["past"]) == numbered("Past", range(MEETINGS_PER_PAGE + 1, 31))
    assert places(response.context["upcoming"]) == numbered("Coming", range(MEETINGS_PER_PAGE + 1, 31))
    # Back to the first page of past meetings keeps the second page of coming ones, and the other way round.
    assert "?upcoming=2&amp;past=1" in response.text
    assert "?past=2&amp;upcoming=1" in response.text
    assert 'aria-label="Pages of past meetings"' in response.text


def test_bad_page_numbers_show_a_page_not_an_error(client, world):
    add_meetings(world, coming=1, past=MEETINGS_PER_PAGE + 1)
    client.force_login(world.mentor)
    url = reverse("meeting_list", args=[world.placement.pk])
    for bad in ("x", "-1", "0", "99999999999999999999"):
        response = client.get(url, {"past": bad, "upcoming": bad})
        assert response.status_code == 200
        assert places(response.context["upcoming"]) == ["Coming 01"]


@pytest.mark.parametrize("who", EVERYONE)
def test_a_later_page_of_meetings_is_still_for_those_who_see_the_coaching(client, world, who):
    add_meetings(world, coming=0, past=MEETINGS_PER_PAGE + 1)
    client.force_login(getattr(world, who))
    response = client.get(reverse("meeting_list", args=[world.placement.pk]), {"past": 2})
    assert response.status_code == (200 if who in COACHING_VIEWERS else 404)
    if response.status_code == 200:
        assert places(response.context["past"]) == [f"Past {MEETINGS_PER_PAGE + 1:02d}"]


def test_the_page_links_are_named_in_dutch(client, world, settings):
    add_meetings(world, coming=MEETINGS_PER_PAGE + 1, past=MEETINGS_PER_PAGE + 1)
    client.force_login(world.mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = client.get(reverse("meeting_list", args=[world.placement.pk])).text
    assert 'aria-label="Pagina\'s met komende gesprekken"' in page
    assert 'aria-label="Pagina\'s met eerdere gesprekken"' in page

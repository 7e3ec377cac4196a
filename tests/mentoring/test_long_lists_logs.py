"""Long lists in the mentor's logs: the session form offers the most recently made open agreements and says how many
there are; the development log shows a year a page at a time. Both in the same queries for 3 rows as for 60."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from mentoring.development.views import ACTIVITIES_PER_PAGE
from mentoring.models import ActionItem, DevelopmentActivity
from mentoring.selectors import OPEN_ITEMS_SHOWN
from tests.cast import COACHING_VIEWERS, EVERYONE

from .test_development_access import MENTORS
from .test_sessions import session_data

Kind = DevelopmentActivity.Kind


def add_agreements(world, count):
    """Agreement 0000 was made first and is due first; each next one is made later and due a day later."""
    ActionItem.objects.bulk_create(
        ActionItem(
            placement=world.placement,
            description=f"Agreement {n:04d}",
            owner=world.learner,
            due_date=world.placement.start_date + timedelta(days=n),
        )
        for n in range(count)
    )


def offered(response) -> list[str]:
    return [item.description for item in response.context["form"].fields["completed_items"].queryset]


def add_activities(mentor, count, *, year=2024):
    """Activity 000 on 1 January, each next one a day later; reading and courses by turns, an hour each."""
    DevelopmentActivity.objects.bulk_create(
        DevelopmentActivity(
            mentor=mentor,
            kind=Kind.READING if n % 2 else Kind.COURSE,
            title=f"Activity {n:03d}",
            date=date(year, 1, 1) + timedelta(days=n),
            hours=Decimal(1),
        )
        for n in range(count)
    )


def titles(response) -> list[str]:
    return [activity.title for activity in response.context["activities"]]


# --- The session form's open agreements ---------------------------------------------------------------------


def test_the_session_form_offers_the_most_recent_open_agreements_in_fixed_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.mentor)
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    add_agreements(world, 3)
    with django_assert_max_num_queries(12) as few:
        response = client.get(url)
    assert offered(response) == ["Agreement 0000", "Agreement 0001", "Agreement 0002"]
    assert "most recently made" not in response.text

    ActionItem.objects.all().delete()
    add_agreements(world, 60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    recent = [f"Agreement {n:04d}" for n in range(60 - OPEN_ITEMS_SHOWN, 60)]
    assert offered(response) == recent  # the latest made, the first due first
    assert re.findall(r"Agreement \d{4}", response.text) == recent
    assert f"Showing the {OPEN_ITEMS_SHOWN} most recently made of 60 open agreements." in response.text
    timeline = reverse("mentoring_sessions", args=[world.placement.pk])
    assert f'href="{timeline}">See all on the coaching timeline' in response.text


def test_an_agreement_the_form_does_not_offer_is_a_form_error_and_a_recent_one_is_ticked_off(client, world):
    add_agreements(world, 60)
    client.force_login(world.mentor)
    url = reverse("mentoring_session_new", args=[world.placement.pk])
    oldest = ActionItem.objects.get(description="Agreement 0000")
    newest = ActionItem.objects.get(description="Agreement 0059")

    response = client.post(url, session_data(world, completed_items=[oldest.pk]))
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors["completed_items"])
    assert not ActionItem.objects.filter(done_at__isnull=False).exists()

    response = client.post(url, session_data(world, completed_items=[newest.pk]))
    assert response.status_code == 302
    assert list(ActionItem.objects.filter(done_at__isnull=False)) == [newest]


@pytest.mark.parametrize("who", EVERYONE)
def test_the_capped_session_form_is_still_for_the_mentor_only(client, world, who):
    add_agreements(world, OPEN_ITEMS_SHOWN + 1)
    client.force_login(getattr(world, who))
    response = client.get(reverse("mentoring_session_new", args=[world.placement.pk]))
    if who == "mentor":
        assert response.status_code == 200
        assert len(offered(response)) == OPEN_ITEMS_SHOWN
    else:
        assert response.status_code == (403 if who in COACHING_VIEWERS else 404)


# --- The mentor's development log for a year ----------------------------------------------------------------


def test_the_development_log_shows_a_page_of_the_year_and_totals_all_of_it_in_fixed_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.mentor)
    url = reverse("development_list")
    add_activities(world.mentor, 3)
    with django_assert_max_num_queries(6) as few:  # user, roles, count, page, totals per year, totals per kind
        response = client.get(url, {"year": 2024})
    assert titles(response) == ["Activity 002", "Activity 001", "Activity 000"]
    assert "page=2" not in response.text

    DevelopmentActivity.objects.all().delete()
    add_activities(world.mentor, 60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url, {"year": 2024})
    assert titles(response) == [f"Activity {n:03d}" for n in range(59, 59 - ACTIVITIES_PER_PAGE, -1)]  # newest first
    assert response.context["year_total"] == Decimal(60)  # the whole year, not the page
    assert [(str(label), hours) for label, hours in response.context["kind_totals"]] == [
        ("course", Decimal(30)),
        ("reading trade literature", Decimal(30)),
    ]
    assert "?year=2024&amp;page=2" in response.text  # the next page stays in the year


def test_page_two_of_the_development_log_shows_older_activities_of_the_same_year(client, world):
    add_activities(world.mentor, 60)
    add_activities(world.mentor, 60, year=2023)
    client.force_login(world.mentor)
    response = client.get(reverse("development_list"), {"year": 2024, "page": 2})
    first = 59 - ACTIVITIES_PER_PAGE
    assert titles(response) == [f"Activity {n:03d}" for n in range(first, first - ACTIVITIES_PER_PAGE, -1)]
    assert {activity.date.year for activity in response.context["activities"]} == {2024}
    assert "?year=2024&amp;page=1" in response.text and "?year=2024&amp;page=3" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_a_later_page_of_the_development_log_is_still_the_owners_own(client, world, who):
    add_activities(world.mentor, 2 * ACTIVITIES_PER_PAGE)
    client.force_login(getattr(world, who))
    response = client.get(reverse("development_list"), {"year": 2024, "page": 2})
    assert response.status_code == (200 if who in MENTORS else 403)
    if response.status_code == 200:
        assert len(titles(response)) == (ACTIVITIES_PER_PAGE if who == "mentor" else 0)


def test_the_session_forms_cap_reads_in_dutch(client, world, settings):
    add_agreements(world, OPEN_ITEMS_SHOWN + 1)
    client.force_login(world.mentor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    page = client.get(reverse("mentoring_session_new", args=[world.placement.pk])).text
    assert (
        f"De {OPEN_ITEMS_SHOWN} laatst gemaakte van {OPEN_ITEMS_SHOWN + 1} openstaande afspraken worden getoond."
        in page
    )
    assert "Alle bekijken bij de begeleidingsgesprekken" in page

"""Recording incidents: the date rules, guidance per category, closing, and the list page's queries."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentoring.models import Incident
from mentoring.obstacles.guidance import ALWAYS_ESCALATE, GUIDANCE
from mentoring.obstacles.selectors import open_incidents_for_school_staff
from mentoring.obstacles.views import INCIDENTS_PER_PAGE
from tests.factories import CompanyFactory, make_placement

from .test_incidents_access import incident_data, make_incident


def record(client, world, **changes):
    return client.post(reverse("mentoring_incident_new", args=[world.placement.pk]), incident_data(**changes))


def test_the_mentor_records_an_incident_and_lands_on_it(client, world):
    client.force_login(world.mentor)
    response = record(client, world)
    incident = Incident.objects.get(placement=world.placement)
    assert response.url == reverse("mentoring_incident_detail", args=[world.placement.pk, incident.pk])
    assert incident.reported_by == world.mentor
    assert incident.status == Incident.Status.OPEN
    assert incident.escalated_at is None


def test_an_incident_dated_in_the_future_is_refused(client, world):
    client.force_login(world.mentor)
    response = record(client, world, occurred_on=(timezone.localdate() + timedelta(days=1)).isoformat())
    assert response.status_code == 200
    assert "cannot be in the future" in str(response.context["form"].errors["occurred_on"])
    assert not Incident.objects.exists()


def test_an_incident_dated_before_the_placement_started_is_refused(client, world):
    client.force_login(world.mentor)
    response = record(client, world, occurred_on=(world.placement.start_date - timedelta(days=1)).isoformat())
    assert response.status_code == 200
    assert "before the placement started" in str(response.context["form"].errors["occurred_on"])
    assert not Incident.objects.exists()


def test_today_and_the_first_day_of_the_placement_are_accepted(client, world):
    client.force_login(world.supervisor)
    assert record(client, world, occurred_on=timezone.localdate().isoformat()).status_code == 302
    assert record(client, world, occurred_on=world.placement.start_date.isoformat()).status_code == 302
    assert Incident.objects.count() == 2


def test_an_unknown_category_is_refused_on_the_form(client, world):
    client.force_login(world.mentor)
    response = record(client, world, category="aliens")
    assert response.status_code == 200
    assert response.context["form"].errors["category"]


def test_every_category_has_guidance_and_the_serious_ones_always_escalate():
    assert set(GUIDANCE) == set(Incident.Category.values)
    assert all(item.steps for item in GUIDANCE.values())
    assert {"bullying", "substance_use", "police", "ran_away", "gifts"} <= ALWAYS_ESCALATE
    assert "lateness" not in ALWAYS_ESCALATE


def test_without_javascript_all_guidance_is_listed_under_headings(client, world):
    client.force_login(world.mentor)
    page = client.get(reverse("mentoring_incident_new", args=[world.placement.pk])).text
    for category in Incident.Category.values:
        assert f'data-guidance-for="{category}"' in page
    assert "Arriving late</h3>" in page
    assert "Do not diagnose or accuse" in page


def test_the_guidance_for_the_chosen_category_is_marked_on_the_page(client, world):
    client.force_login(world.mentor)
    response = client.get(reverse("mentoring_incident_new", args=[world.placement.pk]) + "?category=substance_use")
    assert response.context["selected_category"] == "substance_use"
    chosen = re.search(r'<section class="card mb-3 border-primary" data-guidance-for="([a-z_]+)"', response.text)
    assert chosen.group(1) == "substance_use"
    assert response.text.count("border-primary") == 1


def test_the_chosen_category_and_its_guidance_survive_a_refused_form(client, world):
    client.force_login(world.mentor)
    response = record(client, world, category="private_contact", description="")
    assert response.status_code == 200
    assert response.context["selected_category"] == "private_contact"
    assert "Keep contact through work channels" in response.text


def test_the_guidance_script_is_a_file_with_the_nonce_and_there_is_no_inline_code(client, world):
    client.force_login(world.mentor)
    html = client.get(reverse("mentoring_incident_new", args=[world.placement.pk])).text
    assert re.search(r'<script src="[^"]*js/guidance\.js" nonce="[^"]+"></script>', html)
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag
    assert " style=" not in html
    assert "<style" not in html


def test_the_detail_page_shows_the_guidance_of_its_category_only(client, world):
    incident = make_incident(world, category="private_contact")
    client.force_login(world.colleague_teacher)
    page = client.get(reverse("mentoring_incident_detail", args=[world.placement.pk, incident.pk])).text
    assert "Keep contact through work channels" in page
    assert "Do not diagnose or accuse" not in page


def test_the_supervisor_closes_an_incident_once(client, world):
    incident = make_incident(world)
    client.force_login(world.supervisor)
    url = reverse("mentoring_incident_close", args=[world.placement.pk, incident.pk])
    assert client.post(url).status_code == 302
    incident.refresh_from_db()
    assert incident.status == Incident.Status.CLOSED
    again = client.post(url)
    assert again.status_code == 400
    assert "already closed" in again.text


def test_a_closed_incident_cannot_be_escalated(client, world):
    incident = make_incident(world, status=Incident.Status.CLOSED)
    client.force_login(world.mentor)
    response = client.post(reverse("mentoring_incident_escalate", args=[world.placement.pk, incident.pk]))
    assert response.status_code == 400
    incident.refresh_from_db()
    assert incident.escalated_at is None


def test_open_escalated_incidents_are_listed_for_the_school_staff(world):
    now = timezone.now()
    escalated = make_incident(world, escalated_at=now, escalated_by=world.mentor)
    make_incident(world)  # not escalated
    make_incident(world, escalated_at=now, status=Incident.Status.CLOSED)
    elsewhere = make_placement(school=world.other_school, company=CompanyFactory(), supervisor=world.supervisor)
    supervised = make_incident(world, placement=elsewhere, escalated_at=now, occurred_on=elsewhere.start_date)
    assert list(open_incidents_for_school_staff(world.colleague_teacher)) == [escalated]
    assert set(open_incidents_for_school_staff(world.supervisor)) == {escalated, supervised}
    assert list(open_incidents_for_school_staff(world.other_teacher)) == [supervised]
    assert list(open_incidents_for_school_staff(world.mentor)) == []


@pytest.mark.parametrize("url_name", ["mentoring_incidents"])
def test_incident_list_needs_the_same_queries_for_one_or_fifty_incidents(
    client, world, url_name, django_assert_max_num_queries
):
    client.force_login(world.supervisor)
    make_incident(world)
    url = reverse(url_name, args=[world.placement.pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    reporters = [world.mentor, world.supervisor, world.coordinator]
    Incident.objects.bulk_create(
        Incident(
            placement=world.placement,
            category=Incident.Category.values[i % len(Incident.Category.values)],
            occurred_on=timezone.localdate() - timedelta(days=i % 20),
            description=f"Incident {i}",
            reported_by=reporters[i % 3],
            escalated_at=timezone.now() if i % 2 else None,
            escalated_by=reporters[(i + 1) % 3] if i % 2 else None,
        )
        for i in range(49)
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert len(response.context["incidents"]) == INCIDENTS_PER_PAGE
    assert response.context["incidents"].paginator.count == 50
    assert len(one.captured_queries) <= 8

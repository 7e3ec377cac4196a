"""The coordinator's overview: who may open it, what it shows, its filters, its fixed cost and its export."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import Role
from accounts.services import account_update
from mentoring.models import Incident
from oversight.health.compute import compute, refresh_all, refresh_stale
from oversight.models import HealthSnapshot, PlacementHealth
from tests.factories import CompanyFactory, ProgrammeFactory, make_placement, person
from tests.oversight.factories_health import BREAKS, healthy_placement

OVERVIEW = reverse("oversight_placements")


@pytest.fixture
def school_health(world):
    """The world's placement healthy, a second one at risk (escalated incident), one of another school."""
    healthy_placement(world, placement=world.placement)
    at_risk = healthy_placement(world, company=CompanyFactory(name="Garage Smit"))
    BREAKS["incident escalated"][1](at_risk)
    elsewhere = make_placement(school=world.other_school, company=world.other_company)
    refresh_all()
    return {"healthy": world.placement, "at_risk": at_risk, "elsewhere": elsewhere}


def test_the_coordinator_sees_the_health_of_their_own_schools_placements(client, world, school_health):
    client.force_login(world.coordinator)
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Garage Smit" in text
    assert "1 escalated incident is open." in text
    assert reverse("mentoring_incidents", args=[school_health["at_risk"].pk]) in text
    assert world.other_company.name not in text
    assert "How the health of a placement is decided" in text


def test_another_schools_coordinator_sees_only_theirs(client, world, school_health):
    client.force_login(world.other_coordinator)
    text = client.get(OVERVIEW).content.decode()
    assert world.other_company.name in text
    assert "Garage Smit" not in text


@pytest.mark.parametrize("role", ["learner", "mentor", "supervisor", "company_admin", "outsider", "nobody"])
def test_others_are_refused_with_a_reason(client, world, school_health, role):
    client.force_login(getattr(world, role))
    for name in ("oversight_placements", "oversight_export", "oversight_charts", "oversight_settings"):
        assert client.get(reverse(name)).status_code == 403, name


def test_a_visitor_is_sent_to_log_in(client, school_health):
    assert client.get(OVERVIEW).status_code == 302


def test_filtering_to_at_risk_and_by_signal(client, world, school_health):
    client.force_login(world.coordinator)
    text = client.get(OVERVIEW, {"status": "2"}).content.decode()
    assert "Garage Smit" in text
    assert world.company.name not in text.split('id="health-table"')[1]
    text = client.get(OVERVIEW, {"signal": "certificate"}).content.decode()
    assert "No placement matches these filters" in text
    assert client.get(OVERVIEW, {"status": "7", "signal": "nonsense", "sort": "x"}).status_code == 200


def _overview_queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(OVERVIEW, params).status_code == 200
    return len(queries)


def test_the_overview_costs_the_same_for_5_and_for_30_placements(client, world):
    for _n in range(5):
        make_placement(school=world.school, company=world.company, programme=world.programme)
    compute()
    client.force_login(world.coordinator)
    few = _overview_queries(client)
    few_sorted = _overview_queries(client, sort="learner", status="1")
    for _n in range(25):
        make_placement(school=world.school, company=world.company, programme=world.programme)
    compute()
    assert _overview_queries(client) == few
    assert _overview_queries(client, sort="learner", status="1") == few_sorted
    assert few <= 16


@pytest.fixture
def thirty(world):
    """30 placements of the world's school (more than a page), their health computed."""
    for _n in range(30):
        make_placement(school=world.school, company=world.company, programme=world.programme)
    refresh_all()


BENCH_SCENARIOS = {  # bench/placement_health.py's requests and their queries (the bench adds the session's)
    "first page": ({}, 10),
    "at risk": ({"status": "2"}, 10),
    "signal and programme": ({"signal": "no_session", "programme": "__programme__"}, 11),
    "cohort and company": ({"cohort": "2025-2026", "company": "Korenschoof"}, 10),
    "learner": ({"sort": "learner"}, 10),
    "hours behind, page 2": ({"sort": "hours", "page": "2"}, 10),
}


@pytest.mark.parametrize("scenario", BENCH_SCENARIOS)
def test_each_benchmarked_request_costs_a_fixed_number_of_queries(
    client, world, thirty, scenario, django_assert_max_num_queries
):
    params, most = BENCH_SCENARIOS[scenario]
    params = {name: world.programme.pk if value == "__programme__" else value for name, value in params.items()}
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(most):
        assert client.get(OVERVIEW, params).status_code == 200


def _learner_placement(world, first_name, last_name):
    learner = person(Role.LEARNER, world.school, first_name=first_name, last_name=last_name)
    return make_placement(school=world.school, company=world.company, learner=learner)


def _learners_shown(client, **params) -> list[str]:
    page = client.get(OVERVIEW, {"sort": "learner", **params}).content.decode()
    if 'id="health-table"' not in page:
        assert "No placement matches these filters" in page
        return []
    table = page.split('id="health-table"')[1]
    return [row.split('">', 1)[1].split("</a>", 1)[0] for row in table.split('<td><a href="')[1:]]


@pytest.fixture
def named(world):
    """Learners whose names sort differently by their letters than by their bytes: a lower-case prefix, an accent,
    a last name that begins another one. The world's own learner is Daan Jansen."""
    placements = {
        name: _learner_placement(world, *name.split(" ", 1)) for name in ("Emre Öztürk", "Anna de Vries", "Zoë Jan")
    }
    refresh_all()
    return placements


def test_sorting_by_learner_goes_by_last_then_first_name_whatever_the_case_and_accents(client, world, named):
    client.force_login(world.coordinator)
    assert _learners_shown(client) == ["Anna de Vries", "Zoë Jan", "Daan Jansen", "Emre Öztürk"]
    named["Zoë Jan"].delete()
    assert _learners_shown(client, status="2") == ["Anna de Vries", "Daan Jansen", "Emre Öztürk"]  # none coached


def test_a_renamed_learner_moves_to_their_new_place_at_once(client, world, named):
    client.force_login(world.coordinator)
    learner = named["Emre Öztürk"].learner
    account_update(user=learner, data={"last_name": "Aydın"})  # the learner's own profile form
    assert _learners_shown(client) == ["Emre Aydın", "Anna de Vries", "Zoë Jan", "Daan Jansen"]
    world.learner.last_name = "Zwart"  # the admin saves every field
    world.learner.save()
    assert _learners_shown(client) == ["Emre Aydın", "Anna de Vries", "Zoë Jan", "Daan Zwart"]
    refresh_all()
    assert _learners_shown(client) == ["Emre Aydın", "Anna de Vries", "Zoë Jan", "Daan Zwart"]


def test_a_save_that_leaves_the_name_alone_does_not_touch_the_health_rows(world, named, django_assert_num_queries):
    with django_assert_num_queries(1):
        world.learner.save(update_fields=["last_login"])


def test_the_programme_filter_follows_a_placement_moved_to_another_programme(
    client, world, django_capture_on_commit_callbacks
):
    compute()
    client.force_login(world.coordinator)
    other = ProgrammeFactory(school=world.school, name="Allround bakker")
    assert _learners_shown(client, programme=other.pk) == []
    with django_capture_on_commit_callbacks(execute=True):
        world.placement.programme = other
        world.placement.save()
    refresh_stale()
    assert _learners_shown(client, programme=other.pk) == ["Daan Jansen"]
    assert _learners_shown(client, programme=world.programme.pk) == []


def test_the_export_holds_what_is_shown(client, world, school_health):
    client.force_login(world.coordinator)
    response = client.get(reverse("oversight_export"), {"format": "csv", "status": "2"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:2] == ["Learner", "Student number"]
    assert len(rows) == 2
    assert "1 escalated incident is open." in rows[1]
    assert "at risk" in rows[1]
    response = client.get(reverse("oversight_export"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 3  # header and the school's two placements, not the other school's
    assert client.get(reverse("oversight_export"), {"format": "pdf"}).status_code == 400


def test_the_charts_page_draws_every_chart(client, world, school_health):
    client.force_login(world.coordinator)
    text = client.get(reverse("oversight_charts")).content.decode()
    assert text.count("<svg") >= 5
    assert HealthSnapshot.objects.filter(school=world.school, at_risk=1, on_track=1).exists()


def test_the_coordinator_changes_the_thresholds(client, world, school_health, tasks_in_process):
    client.force_login(world.coordinator)
    url = reverse("oversight_settings")
    assert client.get(url).status_code == 200
    data = {"session_weeks": 4, "hours_tolerance_percent": 30, "meeting_weeks": 6, "minutes_days": 10,
            "signature_days": 7, "agreement_days": 0}  # fmt: skip
    response = client.post(f"{url}?school={world.school.pk}", data)
    assert response.status_code == 302
    assert world.school.health_settings.meeting_weeks == 6
    assert client.post(url, {**data, "session_weeks": 0}).status_code == 400
    assert client.get(url, {"school": world.other_school.pk}).status_code == 404


def test_writes_mark_their_placement_and_the_minute_scan_refreshes_it_once(world, django_capture_on_commit_callbacks):
    placement = healthy_placement(world, placement=world.placement)
    compute()
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(3):
            Incident.objects.create(
                placement=placement, category=Incident.Category.LATENESS, occurred_on=placement.start_date,
                description="Late", reported_by=placement.mentor,
            )  # fmt: skip
    health = PlacementHealth.objects.get(placement=placement)
    assert (health.stale, health.incident) == (True, False)
    assert refresh_stale() == 1
    health.refresh_from_db()
    assert (health.stale, health.incident, health.details["incident"]["open"]) == (False, True, 3)
    assert refresh_stale() == 0


def test_a_new_active_placement_gets_its_health_after_the_scan(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        placement = make_placement(school=world.school, company=world.company)
    assert refresh_stale() == 1
    assert PlacementHealth.objects.get(placement=placement).computed_at is not None


def test_the_health_and_supervisor_selects_start_with_all_so_sending_the_form_filters_nothing_else(client, world):
    """A coordinator who only types a learner's name must not be filtered to the first health level or supervisor."""
    client.force_login(world.coordinator)
    page = client.get(reverse("oversight_placements")).text
    for name in ("status", "supervisor"):
        select = page.split(f'name="{name}"')[1].split("</select>")[0]
        assert select.split("<option")[1].startswith(' value="" selected>All<'), name

"""Searching the register: each filter narrows, sorting is whitelisted, pages cost a fixed number of queries."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from registry.models import Certificate
from registry.register import selectors as register_selectors
from registry.register.selectors import LOOK_AHEAD_PAGES, PAGE_SIZE
from tests.factories import CompanyFactory, SchoolFactory, grant
from tests.registry.factories_register import expired, make_certificate, revoked


@pytest.fixture
def register(world):
    """A small register of world.school, plus one certificate of another school that must never show."""
    care = CompanyFactory(name="Zorgcentrum De Linde", city="Leiden", sector="Care and welfare")
    becker = world.other_company  # Autohaus Becker, Münster, DE
    return {
        "anna": make_certificate(
            school=world.school,
            company=world.company,
            holder_name="Anna de Vries",
            number="WM-2024-000001",
            issued_on=date(2024, 3, 1),
            valid_until=timezone.localdate() + timedelta(days=400),
        ),
        "bram": make_certificate(
            school=world.school,
            company=care,
            holder_name="Bram Jansen",
            number="WM-2023-000002",
            issued_on=date(2023, 6, 1),
            valid_until=timezone.localdate() + timedelta(days=100),
        ),
        "carla": expired(school=world.school, company=becker, holder_name="Carla Müller", number="WM-2019-000003"),
        "dirk": revoked(school=world.school, company=care, holder_name="Dirk Bakker", number="WM-2022-000004"),
        "elsewhere": make_certificate(school=world.other_school, holder_name="Anna Elsewhere"),
    }


def holders(client, **params):
    response = client.get(reverse("register"), params)
    assert response.status_code == 200
    return [row.holder for row in response.context["rows"]]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "anna"}, {"Anna de Vries"}),
        ({"q": "linde"}, {"Bram Jansen", "Dirk Bakker"}),
        ({"q": "münster"}, {"Carla Müller"}),
        ({"q": "2023-000002"}, {"Bram Jansen"}),
        ({"q": "wm-2024-000001"}, {"Anna de Vries"}),
        ({"q": "bram linde"}, {"Bram Jansen"}),
        ({"company": "korenschoof"}, {"Anna de Vries"}),
        ({"city": "leid"}, {"Bram Jansen", "Dirk Bakker"}),
        ({"country": "DE"}, {"Carla Müller"}),
        ({"sector": "care"}, {"Bram Jansen", "Dirk Bakker"}),
        ({"status": "valid"}, {"Anna de Vries", "Bram Jansen"}),
        ({"status": "expired"}, {"Carla Müller"}),
        ({"status": "revoked"}, {"Dirk Bakker"}),
        ({"issued_from": "2023-01-01", "issued_to": "2023-12-31"}, {"Bram Jansen"}),
    ],
)
def test_each_filter_narrows_the_register(client, world, register, params, expected):
    client.force_login(world.coordinator)
    assert set(holders(client, **params)) == expected


def test_valid_until_range_narrows_the_register(client, world, register):
    client.force_login(world.coordinator)
    soon = timezone.localdate() + timedelta(days=200)
    assert set(holders(client, valid_to=soon.isoformat(), status="valid")) == {"Bram Jansen"}
    assert set(holders(client, valid_from=soon.isoformat())) == {"Anna de Vries", "Dirk Bakker"}


def test_the_school_filter_offers_only_the_users_schools(client, world, register):
    third = SchoolFactory(name="Derde School")
    make_certificate(school=third, holder_name="Not Mine")
    grant(world.coordinator, Role.COORDINATOR, world.other_school)
    client.force_login(world.coordinator)
    response = client.get(reverse("register"))
    assert dict(response.context["filter"].form.fields["school"].choices) == {
        "": "All",
        world.other_school.pk: "Noordkust College",
        world.school.pk: "Rijnland Vakcollege",
    }
    assert set(holders(client, school=world.other_school.pk)) == {"Anna Elsewhere"}
    # Another school's id is not a choice: the filter is ignored, and nothing of that school shows.
    assert "Not Mine" not in holders(client, school=third.pk)


def test_a_single_school_user_gets_no_school_filter(client, world, register):
    client.force_login(world.coordinator)
    response = client.get(reverse("register"))
    assert "school" not in response.context["filter"].form.fields


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("holder", ["Anna de Vries", "Bram Jansen", "Carla Müller", "Dirk Bakker"]),
        ("-holder", ["Dirk Bakker", "Carla Müller", "Bram Jansen", "Anna de Vries"]),
        ("company", ["Carla Müller", "Anna de Vries", "Bram Jansen", "Dirk Bakker"]),
        ("city", ["Bram Jansen", "Dirk Bakker", "Carla Müller", "Anna de Vries"]),
        ("issued", ["Carla Müller", "Bram Jansen", "Anna de Vries", "Dirk Bakker"]),
        ("-valid_until", ["Anna de Vries", "Dirk Bakker", "Bram Jansen", "Carla Müller"]),
    ],
)
def test_the_register_sorts_by_whitelisted_keys(client, world, register, sort, expected):
    register["dirk"].issued_on = timezone.localdate() - timedelta(days=10)
    register["dirk"].valid_until = timezone.localdate() + timedelta(days=300)
    register["dirk"].save()
    client.force_login(world.coordinator)
    # City: Leiden (twice, the tie broken by id), Münster, Utrecht.
    assert holders(client, sort=sort) == expected


@pytest.mark.parametrize("sort", ["holder_email", "-pk", "id; DROP TABLE", "revocation_reason", ""])
def test_an_unknown_sort_key_falls_back_to_newest_first(client, world, register, sort):
    client.force_login(world.coordinator)
    assert holders(client, sort=sort) == holders(client, sort="-issued")
    assert holders(client, sort="-issued") == ["Dirk Bakker", "Anna de Vries", "Bram Jansen", "Carla Müller"]


def test_bad_dates_and_pages_do_not_break_the_page(client, world, register):
    client.force_login(world.coordinator)
    for params in ({"issued_from": "yesterday"}, {"page": "x"}, {"page": "-3"}, {"page": "999999"}, {"status": "?"}):
        assert client.get(reverse("register"), params).status_code == 200


def test_pages_probe_for_a_next_page_instead_of_counting(client, world):
    for n in range(PAGE_SIZE + 3):
        make_certificate(school=world.school, holder_name=f"Holder {n:02d}")
    client.force_login(world.coordinator)
    first = client.get(reverse("register"), {"sort": "holder"}).context["page"]
    assert first.has_next and not first.has_previous
    assert first.count == PAGE_SIZE + 3
    response = client.get(reverse("register"), {"sort": "holder", "page": 2})
    second = response.context["page"]
    assert [row.holder for row in response.context["rows"]] == ["Holder 25", "Holder 26", "Holder 27"]
    assert not second.has_next and second.has_previous
    assert second.count == PAGE_SIZE + 3


def test_a_small_registers_count_is_exact_in_the_newest_first_order(client, world):
    """A school's 28 certificates: every search that reads them all says "28 found", not "more than 27" (on
    PostgreSQL the page statement's look-ahead saw the end of the results)."""
    for n in range(PAGE_SIZE + 3):
        make_certificate(school=world.school, holder_name=f"Holder {n:02d}")
    client.force_login(world.coordinator)
    for params in ({}, {"q": "holder"}, {"status": "valid"}, {"q": "holder", "page": 2}):
        page = client.get(reverse("register"), params).context["page"]
        assert page.count == PAGE_SIZE + 3, params


def test_the_page_query_reads_a_few_pages_ahead_instead_of_counting(world, django_assert_num_queries):
    for n in range(4):
        make_certificate(school=world.school, holder_name=f"Holder {n}")
    rows = Certificate.objects.order_by("pk").values_list("pk", flat=True)
    with django_assert_num_queries(1):
        first = register_selectors.register_page(rows, 1, page_size=1, look_ahead=2)
    assert first.has_next and first.count is None and first.count_at_least == 3
    last = register_selectors.register_page(rows, 2, page_size=1, look_ahead=2)
    assert last.count == 4 and last.has_next
    assert register_selectors.register_page(rows, 4, page_size=1, look_ahead=2).has_next is False


def test_a_page_past_the_end_is_empty(world):
    make_certificate(school=world.school)
    rows = Certificate.objects.order_by("pk").values_list("pk", flat=True)
    page = register_selectors.register_page(rows, 7)
    assert page.object_list == [] and not page.has_next and page.has_previous


def test_the_register_page_costs_at_most_four_queries(client, world, django_assert_max_num_queries):
    """Counted: roles, school choices and the page (no count); not the session and the user (2)."""
    staff = world.staff
    for n in range(60):
        make_certificate(school=world.school if n % 2 else world.other_school, holder_name=f"Holder {n}")
    client.force_login(staff)
    for params in ({}, {"page": 2}, {"q": "holder 1", "status": "valid", "sector": "food", "sort": "company"}):
        with django_assert_max_num_queries(3 + 2):
            response = client.get(reverse("register"), params)
        assert response.status_code == 200
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(2 + 2):  # one school: no school choices to read
        client.get(reverse("register"))


def test_the_page_shows_no_email_addresses(client, world, register):
    client.force_login(world.coordinator)
    html = client.get(reverse("register")).text
    assert "@example.org" not in html.replace("coordinator@example.org", "")
    assert "WM-2024-000001" in html


def test_each_row_links_to_the_certificate(client, world, register):
    client.force_login(world.coordinator)
    row = client.get(reverse("register"), {"q": "anna"}).context["rows"][0]
    assert row.url == reverse("certificate_detail", args=[register["anna"].pk])
    assert client.get(row.url).status_code == 200


def test_a_long_result_is_more_than_the_pages_read_ahead(client, world):
    window = PAGE_SIZE * (1 + LOOK_AHEAD_PAGES)
    today = timezone.localdate()
    Certificate.objects.bulk_create(
        Certificate(
            school=world.school,
            number=f"WM-2021-{n:06d}",
            holder_name=f"Holder {n}",
            issued_on=today - timedelta(days=n + 1),
            valid_until=today + timedelta(days=100),
        )
        for n in range(window + 1)
    )
    client.force_login(world.coordinator)
    response = client.get(reverse("register"))
    assert response.context["page"].count is None
    assert f"More than {window} found" in response.text
    assert "Page 1" in response.text and "Page 1 of" not in response.text


@pytest.mark.parametrize("days", [-1, 0, 1])
@pytest.mark.parametrize("is_revoked", [False, True])
def test_the_row_state_agrees_with_the_certificate_model(world, days, is_revoked):
    today = timezone.localdate()
    certificate = make_certificate(
        school=world.school, valid_until=today + timedelta(days=days), revoked_at=timezone.now() if is_revoked else None
    )
    assert register_selectors.certificate_state(certificate.revoked_at, certificate.valid_until, today) == (
        certificate.state(today)
    )

"""The register of host companies: counts, the two flags, filters, export and a fixed number of queries."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Company, Role
from placements.models import Placement
from registry.register.selectors import companies_needing_attention
from tests.factories import CompanyFactory, make_placement, person
from tests.registry.factories_register import expired, make_certificate, revoked


@pytest.fixture
def companies(world):
    """Three hosts of world.school: one without a certified mentor, one about to lose it, one fine."""
    today = timezone.localdate()
    uncertified = CompanyFactory(name="Garage Zonder", city="Leiden", sector="Automotive")
    expiring = CompanyFactory(name="Hotel Bijna", city="Leiden", sector="Hospitality", country="BE")
    fine = CompanyFactory(
        name="Zorg Prima",
        sector="Care and welfare",
        accreditation_status=Company.Accreditation.ACCREDITED,
        accredited_on=today - timedelta(days=100),
    )
    for company in (uncertified, expiring, fine):
        make_placement(school=world.school, company=company)
    make_placement(school=world.school, company=fine, status=Placement.Status.COMPLETED)
    make_placement(school=world.other_school, company=fine)  # another school's learner: not counted for A
    expired(school=world.school, company=uncertified, holder_name="Old Mentor")
    revoked(school=world.school, company=uncertified, holder_name="Revoked Mentor")
    make_certificate(
        school=world.school, company=expiring, holder_name="Soon Gone", valid_until=today + timedelta(days=30)
    )
    make_certificate(school=world.school, company=fine, holder_name="Piet Prima", holder_email="piet@example.org")
    # The same person certified again (renewed) counts once; a colleague certified by another school counts.
    make_certificate(
        school=world.school,
        company=fine,
        holder_name="Piet Prima",
        holder_email="Piet@Example.org",
        valid_until=today + timedelta(days=30),
    )
    make_certificate(school=world.other_school, company=fine, holder_name="Greet Prima", holder_email="")
    return {"uncertified": uncertified, "expiring": expiring, "fine": fine}


def listed(client, **params):
    response = client.get(reverse("company_register"), params)
    assert response.status_code == 200
    return {company.name: company for company in response.context["page"].object_list}


def test_companies_are_flagged_for_missing_or_expiring_certified_mentors(client, world, companies):
    client.force_login(world.coordinator)
    rows = listed(client)
    uncertified, expiring, fine = rows["Garage Zonder"], rows["Hotel Bijna"], rows["Zorg Prima"]
    assert (uncertified.flag_uncertified, uncertified.flag_expiring) == (True, False)
    assert (expiring.flag_uncertified, expiring.flag_expiring) == (False, True)
    assert (fine.flag_uncertified, fine.flag_expiring) == (False, False)


def test_counts_are_distinct_certified_mentors_and_active_placements_of_the_users_schools(client, world, companies):
    client.force_login(world.coordinator)
    fine = listed(client)["Zorg Prima"]
    assert fine.certified_mentors == 2  # Piet (twice certified) and Greet
    assert fine.active_placements == 1  # not the completed one, not the other school's
    assert fine.last_valid_until == timezone.localdate() + timedelta(days=730)
    client.force_login(world.staff)
    assert listed(client)["Zorg Prima"].active_placements == 2


def test_the_list_holds_companies_hosting_the_schools_learners(client, world, companies):
    client.force_login(world.coordinator)
    assert set(listed(client)) == {"Bakkerij De Korenschoof", "Garage Zonder", "Hotel Bijna", "Zorg Prima"}
    client.force_login(world.other_coordinator)
    assert set(listed(client)) == {"Zorg Prima"}
    client.force_login(world.staff)
    assert "Autohaus Becker" in set(listed(client))


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"flagged": "on"}, {"Bakkerij De Korenschoof", "Garage Zonder", "Hotel Bijna"}),
        ({"q": "hotel"}, {"Hotel Bijna"}),
        ({"sector": "Automotive"}, {"Garage Zonder"}),
        ({"country": "BE"}, {"Hotel Bijna"}),
        ({"accreditation": "accredited"}, {"Zorg Prima"}),
        ({"flagged": "on", "country": "NL"}, {"Bakkerij De Korenschoof", "Garage Zonder"}),
    ],
)
def test_each_company_filter_narrows_the_list(client, world, companies, params, expected):
    client.force_login(world.coordinator)
    assert set(listed(client, **params)) == expected


def test_the_sector_choices_are_those_of_the_listed_companies(client, world, companies):
    client.force_login(world.other_coordinator)
    response = client.get(reverse("company_register"))
    assert [value for value, _ in response.context["filter"].form.fields["sector"].choices] == ["", "Care and welfare"]


def test_sorting_companies_and_an_unknown_key(client, world, companies):
    client.force_login(world.coordinator)
    response = client.get(reverse("company_register"), {"sort": "-certified"})
    assert response.context["page"].object_list[0].name == "Zorg Prima"
    assert client.get(reverse("company_register"), {"sort": "secret"}).status_code == 200


def test_the_company_export_lists_counts_and_flags(client, world, companies):
    companies["uncertified"].name = '=HYPERLINK("http://evil.example")'
    companies["uncertified"].save()
    client.force_login(world.coordinator)
    response = client.get(reverse("company_register_export"), {"format": "csv", "flagged": "on"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Company", "Sector", "City"]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {'\'=HYPERLINK("http://evil.example")', "Bakkerij De Korenschoof", "Hotel Bijna"}
    hotel = by_name["Hotel Bijna"]
    assert hotel[4:] == [
        "Accreditation pending",
        "",
        "",
        "",
        "",
        "1",
        "1",
        (timezone.localdate() + timedelta(days=30)).isoformat(),
        "",
        "yes",
    ]


def test_the_company_register_costs_a_fixed_number_of_queries(client, world, django_assert_max_num_queries):
    """Roles, sector choices, the page and a count, whatever the number of companies (plus session and user)."""
    for n in range(50):
        company = CompanyFactory(name=f"Host {n:02d}", sector=f"Sector {n % 5}")
        make_placement(
            school=world.school,
            company=company,
            mentor=person(Role.MENTOR, company),
            supervisor=world.supervisor,
            programme=world.programme,
        )
        make_certificate(school=world.school, company=company, holder_name=f"Mentor {n}")
    client.force_login(world.coordinator)
    for params in ({}, {"page": 2}, {"flagged": "on", "sort": "-placements"}):
        with django_assert_max_num_queries(4 + 2):
            response = client.get(reverse("company_register"), params)
        assert response.status_code == 200
    assert len(response.context["page"].object_list) == 1  # only the bakery lacks a certified mentor


def test_the_dashboard_selector_lists_flagged_companies(world, companies):
    flagged = companies_needing_attention(world.coordinator)
    assert [company.name for company in flagged] == ["Bakkerij De Korenschoof", "Garage Zonder", "Hotel Bijna"]
    assert list(companies_needing_attention(world.mentor)) == []

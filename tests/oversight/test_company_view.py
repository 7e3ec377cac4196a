"""The company admin's view: their company's placements only, shared signals by name, no coaching content."""

import pytest
from django.urls import reverse

from oversight.health.compute import refresh_all
from tests.factories import make_placement
from tests.oversight.factories_health import BREAKS, healthy_placement

COMPANY = reverse("oversight_company")


@pytest.fixture
def company_health(world):
    """The world's placement with an escalated incident (personal) and no agreement (shared); one elsewhere."""
    healthy_placement(world, placement=world.placement)
    BREAKS["incident escalated"][1](world.placement)
    BREAKS["agreement"][1](world.placement)
    make_placement(school=world.other_school, company=world.other_company)
    refresh_all()
    return world


def test_the_company_admin_sees_shared_signals_by_name_only(client, company_health):
    client.force_login(company_health.company_admin)
    response = client.get(COMPANY)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Daan Jansen" in text and "at risk" in text
    assert "Agreement not accepted" in text
    assert "incident" not in text.split('id="company-health-table"')[1].split("</table>")[0].lower()
    assert "Late" not in text  # the incident's description stays personal
    assert company_health.other_company.name not in text
    assert "Marieke de Vries" in text  # the mentor, with the certificate status
    assert "valid" in text


@pytest.mark.parametrize("role", ["learner", "mentor", "supervisor", "coordinator", "outsider", "nobody", "staff"])
def test_others_are_refused(client, company_health, role):
    client.force_login(getattr(company_health, role))
    assert client.get(COMPANY).status_code == 403


def test_another_companys_admin_sees_only_theirs(client, company_health):
    client.force_login(company_health.other_company_admin)
    text = client.get(COMPANY).content.decode()
    assert "Daan Jansen" not in text


def test_fixed_queries(client, company_health, django_assert_max_num_queries):
    for _n in range(5):
        healthy_placement(company_health)
    refresh_all()
    client.force_login(company_health.company_admin)
    with django_assert_max_num_queries(14):
        assert client.get(COMPANY).status_code == 200

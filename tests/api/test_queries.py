"""List endpoints cost a fixed number of queries, however many rows they return."""

import pytest

from tests.factories import CompanyFactory, make_placement
from tests.registry.factories_register import make_certificate


@pytest.fixture
def many(world, write_client):
    for n in range(6):
        make_placement(school=world.school, company=CompanyFactory())  # a company that hosts the school's learners
        make_certificate(school=world.school, company=world.company, holder_name=f"Holder {n}")
    for n in range(6):
        body = {"first_name": "L", "last_name": f"{n}", "email": f"l{n}@example.org"}
        write_client.put(f"/api/v1/schools/{world.school.pk}/learners/N{n}/", body, content_type="application/json")


@pytest.mark.parametrize(
    "path, most",
    [
        # token (1) and its last use (at most 1), then the endpoint's own queries
        ("/api/v1/register/?q=holder&status=valid", 3),
        ("/api/v1/placements/", 3),
        ("/api/v1/schools/{school}/people/", 6),
        ("/api/v1/schools/{school}/learners/", 3),
        ("/api/v1/companies/", 3),
    ],
)
def test_list_endpoints_have_a_fixed_query_count(world, many, read_client, django_assert_max_num_queries, path, most):
    url = path.format(school=world.school.pk)
    read_client.get(url)  # the token's last use is written now, not below
    with django_assert_max_num_queries(most):
        response = read_client.get(url)
    assert response.status_code == 200 and len(response.json()["results"]) >= 5

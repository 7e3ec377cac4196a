"""The companies register shows learners' satisfaction and the response count, filters and sorts by it, and
leaves the score empty under the threshold."""

from django.urls import reverse

from tests.factories import CompanyFactory, make_placement
from tests.feedback.factories_feedback import add_responses


def companies(client, user, **query):
    client.force_login(user)
    response = client.get(reverse("company_register"), query)
    assert response.status_code == 200
    return list(response.context["page"].object_list)


def test_score_and_count_in_the_register(client, world):
    add_responses(world, 5, value=5)  # agreement 5 and score 10 → 10 on the 0–10 scale
    other = CompanyFactory(name="Bakkerij Aan de Dijk")
    make_placement(school=world.school, company=other)
    add_responses(world, 4, company=other, mentor=None, value=1)
    rows = {company.name: company for company in companies(client, world.coordinator)}
    assert rows[world.company.name].satisfaction_responses == 5
    assert rows[world.company.name].satisfaction_score > 9
    assert rows[other.name].satisfaction_responses == 4
    assert rows[other.name].satisfaction_score is None  # under the threshold
    ranked = [c.name for c in companies(client, world.coordinator, sort="-satisfaction")]
    assert ranked.index(world.company.name) < ranked.index(other.name)
    assert [c.name for c in companies(client, world.coordinator, satisfaction="high")] == [world.company.name]
    assert other.name in [c.name for c in companies(client, world.coordinator, satisfaction="unknown")]


def test_another_schools_responses_do_not_count(client, world):
    add_responses(world, 5, school=world.other_school)
    rows = {company.name: company for company in companies(client, world.coordinator)}
    assert rows[world.company.name].satisfaction_responses == 0

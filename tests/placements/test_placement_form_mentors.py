"""The placement form offers the work mentors of the chosen company, not every work mentor in the country: a new
form none (the company comes first), an edit or a sent form those of its company, in the same number of queries
however many mentors other companies have."""

import re

from django.urls import reverse

from accounts.models import Role
from tests.factories import CompanyFactory, person

from .test_placement_rules import form_data


def mentor_options(html):
    select = re.search(r'<select name="mentor".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', select)


def add_mentors_elsewhere(count):
    company = CompanyFactory(name="Groothandel Elders")
    for _n in range(count):
        person(Role.MENTOR, company, last_name="Elsewhere")


def test_a_new_placement_form_offers_no_mentor_until_the_company_is_chosen(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(9) as few:
        html = client.get(reverse("placement_new")).text
    assert mentor_options(html) == [("", "Choose the host company first")]
    add_mentors_elsewhere(60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("placement_new")).text
    assert "Elsewhere" not in html


def test_editing_a_placement_offers_the_mentors_of_its_company_only(client, world, django_assert_max_num_queries):
    add_mentors_elsewhere(3)
    client.force_login(world.coordinator)
    url = reverse("placement_edit", args=[world.placement.pk])
    with django_assert_max_num_queries(10) as few:
        html = client.get(url).text
    options = mentor_options(html)
    assert options[0] == ("", "Choose the work mentor")
    assert {int(pk) for pk, _label in options[1:]} == {world.mentor.pk, world.colleague_mentor.pk}
    assert re.search(rf'<option value="{world.mentor.pk}" selected>', html)
    add_mentors_elsewhere(60)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert "Elsewhere" not in client.get(url).text


def test_a_sent_form_offers_the_mentors_of_the_chosen_company_and_still_explains_a_wrong_one(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("placement_new"), form_data(world, mentor=world.other_mentor.pk, hours_per_week=80))
    assert "The work mentor must work at the host company." in response.context["form"].errors["mentor"]
    offered = {int(pk) for pk, _label in mentor_options(response.text)[1:]}
    assert offered == {world.mentor.pk, world.colleague_mentor.pk}
    # A company that is not a number offers none, and the form says what is wrong.
    response = client.post(reverse("placement_new"), form_data(world, company="x"))
    assert mentor_options(response.text) == [("", "Choose the host company first")]
    assert "company" in response.context["form"].errors


def test_the_first_choice_reads_in_dutch(client, world, settings):
    client.force_login(world.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    html = client.get(reverse("placement_new")).text
    assert mentor_options(html) == [("", "Kies eerst het leerbedrijf")]

"""The course form's "closed cohort for" searches companies instead of listing them all."""

import pytest
from django.urls import reverse

from accounts.models import Company
from core.lookups import CAP
from registry.models import Course
from tests.factories import CompanyFactory

from .factories_courses import make_course
from .test_courses_access import course_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_companies(world):
    Company.objects.bulk_create(
        [Company(name=f"Bulk Employer {number:03}", city="Gouda", sector="care") for number in range(CAP + 10)]
    )


def test_the_form_no_longer_lists_every_company(client, world, many_companies):
    client.force_login(world.supervisor)
    html = client.get(reverse("course_new")).content.decode()
    assert "Bulk Employer" not in html
    assert reverse("course_lookup_companies") in html
    assert 'placeholder="No: open to every employer"' in html


def test_a_posted_id_closes_the_course_and_the_edit_form_shows_its_name(client, world, many_companies):
    client.force_login(world.supervisor)
    response = client.post(reverse("course_new"), course_data(world, closed_for=world.other_company.pk))
    assert response.status_code == 302
    course = Course.objects.get(title="Werkmentortraining najaar")
    assert course.closed_for == world.other_company
    html = client.get(reverse("course_edit", args=[course.pk])).content.decode()
    assert 'value="Autohaus Becker (Münster)"' in html
    assert "Bulk Employer" not in html


def test_emptying_the_text_opens_the_course_to_every_employer(client, world):
    course = make_course(world, closed_for=world.company)
    client.force_login(world.supervisor)
    data = course_data(world, closed_for=world.company.pk, closed_for_text="")
    assert client.post(reverse("course_edit", args=[course.pk]), data).status_code == 302
    course.refresh_from_db()
    assert course.closed_for is None


def test_a_typed_name_without_javascript_is_looked_up(client, world):
    client.force_login(world.supervisor)
    data = course_data(world, closed_for="", closed_for_text="autohaus becker")
    assert client.post(reverse("course_new"), data).status_code == 302
    assert Course.objects.get(title="Werkmentortraining najaar").closed_for == world.other_company


def test_an_unknown_name_is_an_error(client, world):
    client.force_login(world.supervisor)
    response = client.post(reverse("course_new"), course_data(world, closed_for="", closed_for_text="Nergens BV"))
    assert response.status_code == 200
    assert "“Nergens BV” names none of the choices" in str(response.context["form"].errors["closed_for"])


def test_the_look_up_is_accent_blind_and_capped(client, world, many_companies, django_assert_max_num_queries):
    CompanyFactory(name="Zorgcentrum Sint-Agnès", city="Ede")
    client.force_login(world.coordinator)
    url = reverse("course_lookup_companies")
    client.get(url, {"q": "x"})
    with django_assert_max_num_queries(4):
        data = client.get(url, {"q": "AGNES"}).json()
    assert [row["label"] for row in data["results"]] == ["Zorgcentrum Sint-Agnès (Ede)"]
    data = client.get(url, {"q": "employer"}).json()
    assert (len(data["results"]), data["more"]) == (CAP, True)


@pytest.mark.parametrize("who", ["mentor", "learner", "company_admin", "nobody"])
def test_only_those_who_run_courses_may_look_up(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("course_lookup_companies"), {"q": "a"}).status_code == 403


def test_staff_may_look_up_and_anonymous_visitors_are_sent_to_log_in(client, world):
    assert client.get(reverse("course_lookup_companies"), {"q": "a"}).status_code == 302
    client.force_login(world.staff)
    assert client.get(reverse("course_lookup_companies"), {"q": "autohaus"}).json()["results"]

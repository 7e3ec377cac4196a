"""A school's programmes kept in the app: its coordinators add and change them, its supervisors see them,
nobody else reaches them; names are unique per school and programmes are switched off, never deleted."""

import pytest
from django.urls import reverse

from placements.models import Programme
from tests.factories import ProgrammeFactory


@pytest.fixture
def other_programme(world):
    return ProgrammeFactory(school=world.other_school, name="Kok")


def test_a_coordinator_adds_a_programme_that_the_import_can_then_find(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("programme_new"),
        {"school": world.school.pk, "name": "Logistiek medewerker", "code": "25462", "level": 2,
         "required_hours": 800, "is_active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    programme = Programme.objects.get(name="Logistiek medewerker")
    assert (programme.school, programme.code, programme.level, programme.required_hours) == (
        world.school, "25462", 2, 800,
    )  # fmt: skip
    from placements.imports.programmes import ProgrammeFinder

    assert ProgrammeFinder(world.school.programmes.all()).find("25462 Logistiek medewerker") == programme


def test_a_coordinator_cannot_add_a_programme_to_another_school(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("programme_new"), {"school": world.other_school.pk, "name": "Kok"})
    assert response.status_code == 400
    assert not Programme.objects.filter(name="Kok").exists()


def test_the_same_name_twice_in_a_school_is_a_form_error(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("programme_new"), {"school": world.school.pk, "name": "medewerker BAKKERIJ", "required_hours": 0}
    )
    assert response.status_code == 400
    assert "already has a programme with this name" in response.content.decode()


def test_a_code_with_letters_and_absurd_hours_are_refused_with_reasons(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("programme_edit", args=[world.programme.pk]),
        {"name": "Medewerker bakkerij", "code": "abc", "required_hours": 99999999},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "digits only" in text and "10,000" in text


def test_switching_a_programme_off_keeps_it_on_the_placement(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("programme_edit", args=[world.programme.pk]),
        {"name": "Medewerker bakkerij", "code": "25180", "required_hours": 1200},
    )
    assert response.status_code == 302
    world.programme.refresh_from_db()
    assert not world.programme.is_active
    world.placement.refresh_from_db()
    assert world.placement.programme == world.programme
    listing = client.get(reverse("programme_list")).content.decode()
    assert "no longer offered" in listing


def test_the_list_shows_the_schools_own_programmes_with_counts(
    client, world, other_programme, django_assert_max_num_queries
):
    ProgrammeFactory.create_batch(5, school=world.school)
    client.force_login(world.supervisor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("programme_list"))
    programmes = list(response.context["programmes"])
    assert world.programme in programmes and other_programme not in programmes
    row = next(p for p in programmes if p == world.programme)
    assert row.open_placements == 1
    assert response.context["can_manage"] is False


@pytest.mark.parametrize("role", ["supervisor", "mentor", "learner", "company_admin", "other_coordinator"])
def test_only_the_schools_coordinators_change_a_programme(client, world, role):
    client.force_login(getattr(world, role))
    response = client.post(reverse("programme_edit", args=[world.programme.pk]), {"name": "Hacked"})
    assert response.status_code in (403, 404)
    world.programme.refresh_from_db()
    assert world.programme.name == "Medewerker bakkerij"


@pytest.mark.parametrize("role", ["mentor", "learner", "company_admin", "nobody"])
def test_people_outside_the_school_staff_do_not_see_programmes(client, world, role):
    client.force_login(getattr(world, role))
    assert client.get(reverse("programme_list")).status_code == 403
    assert client.get(reverse("programme_new")).status_code == 403


def test_another_schools_programme_is_not_found(client, world, other_programme):
    client.force_login(world.coordinator)
    assert client.get(reverse("programme_edit", args=[other_programme.pk])).status_code == 404


def test_staff_manage_every_schools_programmes(client, world, other_programme):
    client.force_login(world.staff)
    assert client.get(reverse("programme_edit", args=[other_programme.pk])).status_code == 200
    response = client.get(reverse("programme_list"))
    assert other_programme in list(response.context["programmes"])

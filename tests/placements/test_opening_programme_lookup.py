"""The openings' programme filter searches active programmes instead of listing every school's."""

import pytest
from django.urls import reverse

from core.lookups import CAP
from placements.models import Opening, Programme
from tests.factories import ProgrammeFactory
from tests.placements.factories_recruitment import make_opening

from .test_openings import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_programmes(world):
    Programme.objects.bulk_create(
        [Programme(school=world.other_school, name=f"Bulk Programme {number:03}") for number in range(CAP + 5)]
    )


def test_the_filter_no_longer_lists_every_programme(client, world, many_programmes):
    client.force_login(world.learner)
    html = client.get(reverse("opening_list")).content.decode()
    assert "Bulk Programme" not in html
    assert reverse("opening_lookup_programmes") in html


def test_filtering_by_the_id_or_the_typed_name_shows_the_programme_again(client, world, many_programmes):
    client.force_login(world.learner)
    for query in ({"programme": world.programme.pk}, {"programme": "", "programme_text": "medewerker bakkerij"}):
        response = client.get(reverse("opening_list"), query)
        assert response.status_code == 200
        assert f'name="programme" id="id_programme_value" value="{world.programme.pk}"' in response.content.decode()


def test_the_look_up_finds_active_programmes_accent_blind(
    client, world, many_programmes, django_assert_max_num_queries
):
    ProgrammeFactory(school=world.school, name="Kok Crème", is_active=False)
    ProgrammeFactory(school=world.other_school, name="Crème pâtissier")
    client.force_login(world.company_admin)
    url = reverse("opening_lookup_programmes")
    client.get(url, {"q": "x"})
    with django_assert_max_num_queries(4):
        labels = [row["label"] for row in client.get(url, {"q": "CREME"}).json()["results"]]
    assert labels == [f"Crème pâtissier · {world.other_school.short_name or world.other_school.name}"]
    data = client.get(url, {"q": "bulk"}).json()
    assert (len(data["results"]), data["more"]) == (CAP, True)


@pytest.mark.parametrize("who", ["learner", "mentor", "supervisor", "coordinator", "company_admin", "staff"])
def test_everyone_who_browses_openings_may_look_up(client, world, who):
    client.force_login(getattr(world, who))
    assert client.get(reverse("opening_lookup_programmes"), {"q": "bakkerij"}).json()["results"]


def test_people_without_a_role_and_anonymous_visitors_may_not(client, world):
    assert client.get(reverse("opening_lookup_programmes"), {"q": "a"}).status_code == 302
    client.force_login(world.nobody)
    assert client.get(reverse("opening_lookup_programmes"), {"q": "a"}).status_code == 403
    client.force_login(world.learner)
    assert client.get(reverse("opening_lookup_programmes"), {"q": "a" * 101}).status_code == 400


# --- the opening form's suitable programmes ---------------------------------------------------------------------


def test_the_opening_form_no_longer_lists_every_programme(client, world, many_programmes):
    client.force_login(world.company_admin)
    html = client.get(reverse("opening_new")).content.decode()
    assert "Bulk Programme" not in html
    assert 'name="programmes_text"' in html


def test_posted_ids_and_a_typed_name_are_all_taken(client, world, many_programmes):
    extra = ProgrammeFactory(school=world.other_school, name="Kok Crème")
    client.force_login(world.company_admin)
    data = form_data(world, programmes=[world.programme.pk], programmes_text="kok creme")
    assert client.post(reverse("opening_new"), data).status_code == 302
    assert set(Opening.objects.get().programmes.all()) == {world.programme, extra}


def test_the_edit_form_shows_the_chosen_programmes_ticked_even_an_inactive_one(client, world, many_programmes):
    opening = make_opening(world)
    world.programme.is_active = False
    world.programme.save()
    client.force_login(world.company_admin)
    html = client.get(reverse("opening_edit", args=[opening.pk])).content.decode()
    assert f'name="programmes" value="{world.programme.pk}"' in html
    assert f"{world.programme} · " in html
    assert "Bulk Programme" not in html
    # Unticking it (no programmes posted, no text) drops it.
    data = form_data(world, programmes=[], programmes_text="")
    data.pop("programmes")
    assert client.post(reverse("opening_edit", args=[opening.pk]), data).status_code == 302
    assert not opening.programmes.exists()


def test_a_name_matching_none_or_several_is_an_error_and_the_ticked_ones_stay(client, world, many_programmes):
    client.force_login(world.company_admin)
    for typed in ("Nergens", "Bulk Programme"):
        data = form_data(world, programmes=[world.programme.pk], programmes_text=typed)
        response = client.post(reverse("opening_new"), data)
        assert response.status_code == 200
        assert "names none of the choices here, or more than one" in str(response.context["form"].errors)
        html = response.content.decode()
        assert f'name="programmes_text" value="{typed}"' in html
        assert f'name="programmes" value="{world.programme.pk}"' in html
    assert not Opening.objects.exists()


def test_an_inactive_programme_cannot_be_added_by_id(client, world):
    retired = ProgrammeFactory(school=world.school, name="Oud", is_active=False)
    client.force_login(world.company_admin)
    response = client.post(reverse("opening_new"), form_data(world, programmes=[retired.pk]))
    assert response.status_code == 200
    assert "programmes" in response.context["form"].errors

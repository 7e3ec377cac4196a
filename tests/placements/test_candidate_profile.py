"""The candidate profile: the learner's own, and their school's staff filling it in with them."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import Role
from placements.models import CandidateProfile
from tests.cast import EVERYONE
from tests.factories import ProgrammeFactory, grant
from tests.placements.factories_recruitment import make_profile

LEARNERS = {"learner", "other_learner", "outsider"}
LEARNERS_SCHOOL_STAFF = {"supervisor", "colleague_teacher", "coordinator", "staff"}


def profile_data(world, **overrides):
    data = {
        "programme": world.programme.pk,
        "energisers": "Making something with my hands",
        "qualities": " Precise, FRIENDLY, precise , baking",
        "points_of_attention": "Needs clear instructions",
        "preferences": "Small team",
        "preferred_sectors": "Food production, hospitality",
        "preferred_locations": "Utrecht,  Den Haag ",
        "willing_abroad": "on",
        "hours_per_week": 32,
        "available_from": "2026-09-01",
        "available_until": "2027-01-31",
        "network": "Uncle runs a bakery",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", EVERYONE)
def test_own_profile_page_is_for_learners(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("candidate_profile"))
    assert response.status_code == (200 if who in LEARNERS else 403)


@pytest.mark.parametrize("view", ["learner_profile", "learner_profile_edit"])
@pytest.mark.parametrize("who", EVERYONE)
def test_a_learners_profile_is_for_their_schools_staff(client, world, who, view):
    make_profile(world.learner, world.school)
    client.force_login(getattr(world, who))
    response = client.get(reverse(view, args=[world.learner.pk]))
    if who == "learner":
        assert response.status_code == 302  # their own: the page under "My profile"
    else:
        assert response.status_code == (200 if who in LEARNERS_SCHOOL_STAFF else 404)


def test_other_schools_teacher_gets_404_and_changes_nothing(client, world):
    make_profile(world.learner, world.school, energisers="Baking")
    client.force_login(world.other_teacher)
    response = client.post(reverse("learner_profile_edit", args=[world.learner.pk]), profile_data(world))
    assert response.status_code == 404
    assert CandidateProfile.objects.get().energisers == "Baking"


def test_learner_creates_their_profile_with_normalised_keywords(client, world):
    client.force_login(world.learner)
    response = client.post(reverse("candidate_profile_edit"), profile_data(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("candidate_profile")
    profile = CandidateProfile.objects.get(learner=world.learner)
    assert profile.school == world.school
    assert profile.programme == world.programme
    assert profile.qualities == ["precise", "friendly", "baking"]
    assert profile.preferred_sectors == ["food production", "hospitality"]
    assert profile.preferred_locations == ["utrecht", "den haag"]
    assert profile.willing_abroad is True
    assert (profile.available_from, profile.available_until) == (date(2026, 9, 1), date(2027, 1, 31))
    page = client.get(reverse("candidate_profile"))
    assert "Uncle runs a bakery" in page.text
    assert "den haag" in page.text


def test_until_must_be_after_from(client, world):
    client.force_login(world.learner)
    response = client.post(reverse("candidate_profile_edit"), profile_data(world, available_until="2026-09-01"))
    assert response.status_code == 200
    assert response.context["form"].errors["available_until"] == ["“Available until” must be after “available from”."]
    assert not CandidateProfile.objects.exists()


def test_only_programmes_of_the_learners_school_are_offered(client, world):
    foreign = ProgrammeFactory(school=world.other_school, name="Autotechnicus")
    client.force_login(world.learner)
    assert "Autotechnicus" not in client.get(reverse("candidate_profile_edit")).text
    response = client.post(reverse("candidate_profile_edit"), profile_data(world, programme=foreign.pk))
    assert "programme" in response.context["form"].errors
    assert not CandidateProfile.objects.exists()


def test_learner_of_two_schools_chooses_the_school_and_a_programme_of_it(client, world):
    grant(world.learner, Role.LEARNER, world.other_school)
    foreign = ProgrammeFactory(school=world.other_school, name="Autotechnicus")
    client.force_login(world.learner)
    form = client.get(reverse("candidate_profile_edit")).context["form"]
    assert set(form.fields["school"].queryset) == {world.school, world.other_school}
    mixed = client.post(
        reverse("candidate_profile_edit"), profile_data(world, school=world.school.pk, programme=foreign.pk)
    )
    assert mixed.context["form"].errors["programme"] == ["Choose a programme of the chosen school."]
    response = client.post(
        reverse("candidate_profile_edit"), profile_data(world, school=world.other_school.pk, programme=foreign.pk)
    )
    assert response.status_code == 302
    assert CandidateProfile.objects.get().school == world.other_school


def test_supervisor_fills_in_the_profile_with_the_learner(client, world):
    client.force_login(world.supervisor)
    response = client.post(reverse("learner_profile_edit", args=[world.learner.pk]), profile_data(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("learner_profile", args=[world.learner.pk])
    profile = CandidateProfile.objects.get(learner=world.learner)
    assert profile.school == world.school
    edit = client.post(reverse("learner_profile_edit", args=[world.learner.pk]), profile_data(world, hours_per_week=24))
    assert edit.status_code == 302
    profile.refresh_from_db()
    assert profile.hours_per_week == 24
    assert CandidateProfile.objects.count() == 1


def test_saving_returns_to_a_safe_next_page_only(client, world):
    client.force_login(world.learner)
    back = reverse("opening_list")
    response = client.post(f"{reverse('candidate_profile_edit')}?next={back}", profile_data(world, next=back))
    assert response["Location"] == back
    response = client.post(reverse("candidate_profile_edit"), profile_data(world, next="https://evil.example/"))
    assert response["Location"] == reverse("candidate_profile")


def test_a_learner_without_profile_is_invited_to_make_one(client, world):
    client.force_login(world.learner)
    response = client.get(reverse("candidate_profile"))
    assert "You have no candidate profile yet." in response.text
    assert reverse("candidate_profile_edit") in response.text

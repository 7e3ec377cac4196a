"""Proposing a learner for an opening: the learners are searched by name, not listed (staff see every school's),
and the look-up offers each member of school staff only the learners they may propose."""

import pytest
from django.urls import reverse

from accounts.models import Role
from core.lookups import CAP
from placements.models import Candidate
from tests.cast import EVERYONE
from tests.factories import person
from tests.placements.factories_recruitment import make_opening, make_profile

pytestmark = pytest.mark.django_db
LOOKUP = "opening_lookup_learners"


@pytest.fixture
def many_learners(world):
    return [
        person(
            Role.LEARNER, world.other_school, email=f"bulk{number}@example.org", last_name=f"Bulkleerling{number:03}"
        )
        for number in range(CAP + 3)
    ]


def labels(client, text):
    response = client.get(reverse(LOOKUP), {"q": text})
    assert response.status_code == 200
    return [row["label"] for row in response.json()["results"]]


def test_staffs_opening_page_no_longer_lists_every_learner(client, world, many_learners):
    opening = make_opening(world)
    client.force_login(world.staff)
    html = client.get(reverse("opening_detail", args=[opening.pk])).content.decode()
    assert "Bulkleerling" not in html
    assert reverse(LOOKUP) in html and 'name="learner_text"' in html


def test_the_look_up_offers_a_teacher_their_schools_learners_only(client, world, many_learners):
    world.other_learner.last_name = "Çelik"
    world.other_learner.save()
    client.force_login(world.supervisor)
    assert labels(client, "celik") == [f"{world.other_learner.get_full_name()} ({world.other_learner.email})"]
    assert labels(client, "bulkleerling") == []  # the other school's
    assert labels(client, "outsider") == []


def test_the_look_up_offers_staff_every_schools_learners_a_page_at_a_time(client, world, many_learners):
    client.force_login(world.staff)
    response = client.get(reverse(LOOKUP), {"q": "bulkleerling"}).json()
    assert (len(response["results"]), response["more"]) == (CAP, True)
    assert labels(client, "outsider@example.org") == [f"{world.outsider.get_full_name()} (outsider@example.org)"]


@pytest.mark.parametrize("who", EVERYONE)
def test_only_school_staff_may_look_learners_up(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse(LOOKUP), {"q": "example"})
    if who in {"supervisor", "colleague_teacher", "coordinator", "staff", "other_teacher", "other_coordinator"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_log_in_and_a_too_long_text_is_refused(client, world):
    assert client.get(reverse(LOOKUP), {"q": "a"}).status_code == 302
    client.force_login(world.supervisor)
    assert client.get(reverse(LOOKUP), {"q": "a" * 101}).status_code == 400


def test_a_typed_name_proposes_that_learner(client, world, many_learners):
    opening = make_opening(world)
    make_profile(world.other_learner, world.school)
    client.force_login(world.supervisor)
    typed = world.other_learner.email
    response = client.post(reverse("opening_propose", args=[opening.pk]), {"learner": "", "learner_text": typed})
    assert response.status_code == 302
    assert Candidate.objects.get().learner == world.other_learner

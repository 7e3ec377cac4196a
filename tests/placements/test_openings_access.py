"""Who may see, add and change openings: every page, every role."""

import pytest
from django.urls import reverse

from placements.models import Opening
from tests.cast import EVERYONE
from tests.placements.factories_recruitment import make_opening

MANAGES = {"company_admin", "staff"}
WITH_A_ROLE = set(EVERYONE) - {"nobody"}


def expected_write(who, opening_status):
    if who in MANAGES:
        return 200
    if opening_status == Opening.Status.PUBLISHED and who in WITH_A_ROLE:
        return 403
    return 404


@pytest.mark.parametrize("who", EVERYONE)
def test_published_opening_is_shown_to_everyone_with_a_role(client, world, who):
    opening = make_opening(world)
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_detail", args=[opening.pk]))
    assert response.status_code == (200 if who in WITH_A_ROLE else 404)
    if response.status_code == 200:
        assert "Knead the dough" in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_draft_is_shown_only_to_the_company_admins_and_staff(client, world, who):
    opening = make_opening(world, status=Opening.Status.DRAFT, interviewers=[])
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_detail", args=[opening.pk]))
    assert response.status_code == (200 if who in MANAGES else 404)


@pytest.mark.parametrize("who", EVERYONE)
def test_list_shows_published_openings_and_drafts_only_to_their_company(client, world, who):
    published = make_opening(world, title="Published one")
    draft = make_opening(world, title="Draft one", status=Opening.Status.DRAFT)
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_list"))
    if who == "nobody":
        assert response.status_code == 403
        return
    assert response.status_code == 200
    listed = {opening.pk for opening, _applied in response.context["rows"]}
    if who in MANAGES:
        assert listed == {published.pk, draft.pk}
        assert "New opening" in response.text
    elif who == "other_company_admin":
        assert listed == set()  # their own company's openings; none yet
    else:
        assert listed == {published.pk}
        assert "New opening" not in response.text


def test_company_admin_can_switch_to_all_published_openings(client, world):
    theirs = make_opening(world, company=world.other_company, title="Mechanic")
    make_opening(world, company=world.other_company, title="Hidden draft", status=Opening.Status.DRAFT)
    client.force_login(world.company_admin)
    response = client.get(reverse("opening_list"), {"scope": "published"})
    assert {opening.pk for opening, _applied in response.context["rows"]} == {theirs.pk}
    assert "Hidden draft" not in response.text


@pytest.mark.parametrize("who", EVERYONE)
def test_new_opening_is_for_company_admins_and_staff(client, world, who):
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_new"))
    allowed = who in MANAGES or who == "other_company_admin"
    assert response.status_code == (200 if allowed else 403)


def test_learner_cannot_create_an_opening(client, world):
    client.force_login(world.learner)
    response = client.post(reverse("opening_new"), {"title": "Sneaky", "tasks": "x"})
    assert response.status_code == 403
    assert "Only company admins can add openings." in response.text
    assert not Opening.objects.exists()


@pytest.mark.parametrize("status", [Opening.Status.PUBLISHED, Opening.Status.DRAFT])
@pytest.mark.parametrize("who", EVERYONE)
def test_edit_page_is_for_the_company_admins_and_staff(client, world, who, status):
    opening = make_opening(world, status=status, interviewers=[])
    client.force_login(getattr(world, who))
    response = client.get(reverse("opening_edit", args=[opening.pk]))
    assert response.status_code == expected_write(who, status)


def test_other_company_admin_is_told_why_editing_is_refused(client, world):
    opening = make_opening(world)
    client.force_login(world.other_company_admin)
    response = client.post(reverse("opening_edit", args=[opening.pk]), {"title": "Taken over"})
    assert response.status_code == 403
    assert "Only the company&#x27;s admins can change its openings." in response.text
    opening.refresh_from_db()
    assert opening.title == "Assistant baker"


@pytest.mark.parametrize("who", EVERYONE)
def test_status_change_is_for_the_company_admins_and_staff(client, world, who):
    opening = make_opening(world)
    client.force_login(getattr(world, who))
    response = client.post(reverse("opening_status", args=[opening.pk]), {"action": "close"})
    expected = expected_write(who, Opening.Status.PUBLISHED)
    assert response.status_code == (302 if expected == 200 else expected)
    opening.refresh_from_db()
    assert (opening.status == Opening.Status.CLOSED) == (expected == 200)

"""The learner confirms the house rules and calamity instructions; nobody else can, and a confirmation stays."""

import pytest

from placements.induction.services import item_confirm
from placements.models import Section
from tests.cast import EVERYONE

from .factories_induction import _item, _url

SEES = {"learner", "mentor", "supervisor", "colleague_teacher", "coordinator", "company_admin", "staff"}
RUNS = {"mentor", "company_admin", "staff"}


def expected_run(who):
    if who in RUNS:
        return 200
    return 403 if who in SEES else 404


# --- Seeing it ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", EVERYONE)
def test_only_the_learner_confirms_the_house_rules(client, world, checklist, who):
    item = _item(checklist, Section.HOUSE_RULES)
    client.force_login(getattr(world, who))
    response = client.post(_url("induction_item_confirm", world, item))
    if who == "learner":
        assert response.status_code == 302
    else:
        assert response.status_code == (403 if who in SEES else 404)
    item.refresh_from_db()
    assert (item.learner_confirmed_at is not None) == (who == "learner")


def test_the_mentor_the_supervisor_and_the_company_admin_are_told_only_the_learner_confirms(client, world, checklist):
    item = _item(checklist, Section.CALAMITIES)
    for who in (world.mentor, world.supervisor, world.company_admin):
        client.force_login(who)
        response = client.post(_url("induction_item_confirm", world, item))
        assert response.status_code == 403
        assert "Only the learner confirms" in response.text
    item.refresh_from_db()
    assert item.learner_confirmed_at is None


def test_items_of_other_sections_are_not_for_the_learner_to_confirm(client, world, checklist):
    item = _item(checklist, Section.SAFETY)
    client.force_login(world.learner)
    response = client.post(_url("induction_item_confirm", world, item))
    assert response.status_code == 400
    assert "Only the house rules and the calamity and emergency procedures" in response.text
    htmx = client.post(_url("induction_item_confirm", world, item), headers={"HX-Request": "true"})
    assert htmx.status_code == 400
    assert "Only the house rules" in htmx.text
    item.refresh_from_db()
    assert item.learner_confirmed_at is None


def test_confirming_twice_is_harmless(client, world, checklist):
    item = _item(checklist, Section.CALAMITIES)
    client.force_login(world.learner)
    client.post(_url("induction_item_confirm", world, item))
    item.refresh_from_db()
    first = item.learner_confirmed_at
    response = client.post(_url("induction_item_confirm", world, item), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "received, confirmed by the learner" in response.text
    item.refresh_from_db()
    assert item.learner_confirmed_at == first


def test_the_page_says_whether_the_learner_confirmed_everything(client, world, checklist):
    client.force_login(world.supervisor)
    assert '<strong class="text-danger">no</strong>' in client.get(_url("induction_checklist", world)).text
    item_confirm(item=_item(checklist, Section.HOUSE_RULES))
    page = client.get(_url("induction_checklist", world)).text
    assert "(1 of 2)" in page
    item_confirm(item=_item(checklist, Section.CALAMITIES))
    page = client.get(_url("induction_checklist", world)).text
    assert '<strong class="text-success">yes</strong>' in page


def test_the_learner_confirms_without_waiting_for_the_mentors_tick(client, world, checklist):
    item = _item(checklist, Section.HOUSE_RULES)
    client.force_login(world.learner)
    client.post(_url("induction_item_confirm", world, item))
    item.refresh_from_db()
    assert item.learner_confirmed_at is not None
    assert item.done_at is None


# --- The dashboard's summary ----------------------------------------------------------------------------------
